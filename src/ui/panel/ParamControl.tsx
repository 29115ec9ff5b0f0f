import { memo } from 'react';
import { hyperparamInfo, type HyperparamKey } from '../../engine';
import { sceneStore } from '../../state/store';
import { useT } from '../shell/useT';
import { ParamSlider } from './ParamSlider';

interface ParamControlProps {
  readonly runId: string;
  readonly paramKey: HyperparamKey;
  readonly value: number;
}

/** One hyperparameter of one run: a checkbox for a switch (RMSProp's centered), else a slider. */
export const ParamControl = memo(function ParamControl(props: ParamControlProps) {
  return hyperparamInfo(props.paramKey).switch ? <ParamSwitch {...props} /> : <ParamSlider {...props} />;
});

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
