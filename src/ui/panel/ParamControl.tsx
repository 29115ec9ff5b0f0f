import { memo } from 'react';
import { hyperparamInfo, isOptimizerId, type HyperparamKey } from '../../engine';
import { sceneStore } from '../../state/store';
import { useT } from '../shell/useT';
import { ParamSlider, type TrackMark } from './ParamSlider';

interface ParamControlProps {
  readonly runId: string;
  readonly paramKey: HyperparamKey;
  readonly value: number;
  /** Laid on a slider's track (ignored by switches and lists). */
  readonly mark?: TrackMark;
}

/**
 * One hyperparameter of one run: a checkbox for a switch (RMSProp's centered), a list for named
 * choices (the rule SAM or Lookahead wraps), else a slider.
 */
export const ParamControl = memo(function ParamControl(props: ParamControlProps) {
  const info = hyperparamInfo(props.paramKey);
  if (info.switch) return <ParamSwitch {...props} />;
  if (info.choices) return <ParamChoice {...props} choices={info.choices} />;
  return <ParamSlider {...props} />;
});

/** A hyperparameter whose values are names: a select; the store gets the chosen index. */
function ParamChoice({ runId, paramKey, value, choices }: ParamControlProps & { readonly choices: readonly string[] }) {
  const t = useT();
  return (
    <label className="param param-choice">
      <span className="param-name">{t(`param.${paramKey}`)}</span>
      <select
        className="select"
        value={value}
        onChange={(e) => sceneStore.getState().setParam(runId, paramKey, Number(e.currentTarget.value))}
      >
        {choices.map((choice, i) => (
          <option key={choice} value={i}>
            {isOptimizerId(choice) ? t(`optimizer.${choice}`) : choice}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A 0/1 hyperparameter as a checkbox: the store gets 1 when checked, 0 when not. */
function ParamSwitch({ runId, paramKey, value }: ParamControlProps) {
  const t = useT();
  return (
    <label className="check param-switch">
      <input
        type="checkbox"
        checked={value === 1}
        onChange={(e) => sceneStore.getState().setParam(runId, paramKey, e.currentTarget.checked ? 1 : 0)}
      />
      {t(`param.${paramKey}`)}
    </label>
  );
}
