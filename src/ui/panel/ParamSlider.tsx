import { memo, type CSSProperties, type ReactNode } from 'react';
import { HYPERPARAMS, type HyperparamKey } from '../../engine';
import { sceneStore } from '../../state/store';
import { FieldError } from './FieldError';
import { checkParam } from './fieldChecks';
import { useT } from '../shell/useT';
import { positionToValue, sliderScale, valueToPosition, type SliderScale } from './sliderScale';
import { formatParam } from '../../i18n/numberFormat';
import { useNumberDraft, type DraftCheck } from './useNumberDraft';

/** A mark laid on the slider's track (gradient descent's stability bound), which describes the slider. */
export interface TrackMark {
  readonly id: string;
  readonly node: ReactNode;
}

// One scale per hyperparameter, built once: every card's slider for η shares it.
const SCALES: ReadonlyMap<HyperparamKey, SliderScale> = new Map(HYPERPARAMS.map((h) => [h.key, sliderScale(h)]));
const INFO = new Map(HYPERPARAMS.map((h) => [h.key, h]));

interface ParamSliderProps {
  readonly runId: string;
  readonly paramKey: HyperparamKey;
  readonly value: number;
  readonly mark?: TrackMark;
}

/**
 * One hyperparameter of one run: a slider for exploring and a number field for exact values.
 * The slider writes to the store on every input event, so the paths follow the drag.
 */
export const ParamSlider = memo(function ParamSlider({ runId, paramKey, value, mark }: ParamSliderProps) {
  const t = useT();
  const info = INFO.get(paramKey);
  const scale = SCALES.get(paramKey);
  if (!info || !scale) throw new Error(`unknown hyperparameter ${paramKey}`);
  const name = t(`param.${paramKey}`);
  // "Learning rate η": the name the e2e tests and screen readers find the controls by.
  const label = `${name} ${info.symbol}`;
  const set = (v: number) => sceneStore.getState().setParam(runId, paramKey, v);
  const position = valueToPosition(scale, value);
  const outside = value < info.min || value > info.max;

  const draft = useNumberDraft({
    value,
    format: formatParam,
    check: (text): DraftCheck => {
      const r = checkParam(info, text);
      if (r.ok) return r;
      return { ok: false, error: t(r.reason === 'notNumber' ? 'field.notNumber' : `limit.${r.reason}`) };
    },
    apply: set,
    // Arrow keys in the field move one slider position, not the browser's ±1 (η = 1.001).
    nudge: (v, dir) => {
      const next = positionToValue(scale, valueToPosition(scale, v) + dir);
      return info.valid(next) ? next : null;
    },
  });

  const fill = `${((position / scale.steps) * 100).toFixed(2)}%`;
  return (
    <div className="param">
      <div className="param-label" aria-hidden="true">
        <span className="param-symbol">{info.symbol}</span>
        <span className="param-name">{name}</span>
      </div>
      <input
        className={`number-input param-number${outside ? ' is-outside' : ''}`}
        type="number"
        step="any"
        aria-label={label}
        title={outside ? t('param.outside') : undefined}
        {...draft.inputProps}
      />
      <div className="param-track">
        <input
          className="param-range"
          type="range"
          min={0}
          max={scale.steps}
          step={1}
          value={position}
          aria-label={label}
          aria-valuetext={formatParam(value)}
          aria-describedby={mark?.id}
          style={{ '--fill': fill } as CSSProperties}
          onChange={(e) => {
            // React's onChange on a range input is the native input event: it fires during the drag.
            const v = positionToValue(scale, Number(e.currentTarget.value));
            if (v !== value) set(v);
          }}
        />
        {mark?.node}
      </div>
      <FieldError id={draft.errorId} message={draft.error} />
    </div>
  );
});
