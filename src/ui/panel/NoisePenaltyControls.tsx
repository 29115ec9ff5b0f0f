import { SEED_MAX, isSeed, type PenaltySpec } from '../../engine';
import { useId, type CSSProperties } from 'react';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { FieldError } from './FieldError';
import { useT } from '../shell/useT';
import { positionToValue, sliderScale, valueToPosition, type SliderScale } from './sliderScale';
import { formatParam } from '../../i18n/numberFormat';
import { parseNumber } from '../shell/typedNumber';
import { useNumberDraft, type DraftCheck } from './useNumberDraft';

// σ up to 2 covers "a little jitter" to "the gradient drowns" on every built-in surface; λ up to
// 1 moves the minimum of most of them visibly. Typed values may go beyond both.
const SIGMA_SCALE = sliderScale({ min: 0, max: 2, scale: 'linear' });
const LAMBDA_SCALE = sliderScale({ min: 0, max: 1, scale: 'linear' });

interface ScalarProps {
  /** The accessible name of both the slider and the field, e.g. "Gradient noise σ". */
  readonly label: string;
  readonly name: string;
  readonly symbol: string;
  readonly value: number;
  readonly scale: SliderScale;
  readonly apply: (v: number) => void;
  readonly error: string;
  /** Shown beside the name while the value is 0. */
  readonly offText?: string;
}

/** A setting ≥ 0 with a slider and an exact field, laid out as a run's hyperparameters are. */
function ScalarSlider({ label, name, symbol, value, scale, apply, error, offText }: ScalarProps) {
  const draft = useNumberDraft({
    value,
    format: formatParam,
    check: (text): DraftCheck => {
      const v = parseNumber(text);
      return v !== null && v >= 0 ? { ok: true, value: v } : { ok: false, error };
    },
    apply,
    nudge: (v, dir) => Math.max(0, positionToValue(scale, valueToPosition(scale, v) + dir)),
  });
  const position = valueToPosition(scale, value);
  const fill = `${((position / scale.steps) * 100).toFixed(2)}%`;
  return (
    <div className="param">
      <div className="param-label" aria-hidden="true">
        <span className="param-symbol">{symbol}</span>
        <span className="param-name">{name}</span>
        {value === 0 && offText && <span className="param-off">{offText}</span>}
      </div>
      <input className="number-input param-number" type="number" step="any" min={0} aria-label={label} {...draft.inputProps} />
      <input
        className="param-range"
        type="range"
        min={0}
        max={scale.steps}
        step={1}
        value={position}
        aria-label={label}
        aria-valuetext={value === 0 && offText ? `0 (${offText})` : formatParam(value)}
        style={{ '--fill': fill } as CSSProperties}
        onChange={(e) => {
          const v = positionToValue(scale, Number(e.currentTarget.value));
          if (v !== value) apply(v);
        }}
      />
      <FieldError id={draft.errorId} message={draft.error} />
    </div>
  );
}

function SeedField() {
  const t = useT();
  const seed = useScene((s) => s.noise.seed);
  const idle = useScene((s) => s.noise.sigma === 0);
  const id = useId();
  const setSeed = (v: number) => {
    const { noise, setNoise } = sceneStore.getState();
    setNoise({ sigma: noise.sigma, seed: v });
  };
  const draft = useNumberDraft({
    value: seed,
    format: String,
    check: (text): DraftCheck => {
      const v = parseNumber(text);
      return v !== null && isSeed(v) ? { ok: true, value: v } : { ok: false, error: t('noise.seedError', { max: SEED_MAX }) };
    },
    apply: setSeed,
    nudge: (v, dir) => (v + dir >= 0 ? v + dir : null),
  });
  const newSeed = () => {
    let next = seed;
    while (next === seed) next = 1 + Math.floor(Math.random() * 99_999);
    setSeed(next);
  };
  return (
    <>
      <div className={`noise-seed${idle ? ' is-idle' : ''}`}>
        <label htmlFor={id} className="field-label">
          {t('noise.seed')}
        </label>
        <input id={id} className="number-input" type="number" step={1} min={0} {...draft.inputProps} />
        <button type="button" className="button" onClick={newSeed}>
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <rect x="3" y="3" width="14" height="14" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <circle cx="7" cy="7" r="1.3" fill="currentColor" />
            <circle cx="13" cy="13" r="1.3" fill="currentColor" />
            <circle cx="10" cy="10" r="1.3" fill="currentColor" />
          </svg>
          {t('noise.newSeed')}
        </button>
      </div>
      <FieldError id={draft.errorId} message={draft.error} />
    </>
  );
}

/** The gradient-noise σ slider: in the panel, and in the captions of lessons about noise. */
export function NoiseSigmaSlider() {
  const t = useT();
  const sigma = useScene((s) => s.noise.sigma);
  const setSigma = (v: number) => {
    const { noise, setNoise } = sceneStore.getState();
    setNoise({ sigma: v, seed: noise.seed });
  };
  return (
    <ScalarSlider
      label={t('noise.sigma')}
      name={t('noise.sigmaName')}
      symbol="σ"
      value={sigma}
      scale={SIGMA_SCALE}
      apply={setSigma}
      error={t('noise.sigmaError')}
      offText={t('noise.off')}
    />
  );
}

/** The penalty λ slider: in the panel, and in the caption of the regularization lesson. */
export function PenaltyLambdaSlider() {
  const t = useT();
  const lambda = useScene((s) => s.penalty.lambda);
  const setLambda = (v: number) => {
    const state = sceneStore.getState();
    state.setPenalty({ ...state.penalty, lambda: v });
  };
  return (
    <ScalarSlider
      label={t('penalty.lambda')}
      name={t('penalty.lambdaName')}
      symbol="λ"
      value={lambda}
      scale={LAMBDA_SCALE}
      apply={setLambda}
      error={t('noise.sigmaError')}
      offText={t('noise.off')}
    />
  );
}

const KINDS: readonly PenaltySpec['kind'][] = ['l2', 'l1'];

/**
 * Scene-wide teaching settings: Gaussian gradient noise (mini-batch noise, seeded, so a scene
 * replays the same) and an L2 or L1 penalty on the surface. Each change recomputes every path.
 */
export function NoisePenaltyControls() {
  const t = useT();
  const penaltyKind = useScene((s) => s.penalty.kind);
  const kindLabel = useId();
  const setPenalty = (p: Partial<PenaltySpec>) => {
    const state = sceneStore.getState();
    state.setPenalty({ ...state.penalty, ...p });
  };
  return (
    <div className="noise-controls">
      <div className="noise-block">
        <NoiseSigmaSlider />
        <SeedField />
        <p className="noise-hint">{t('noise.hint')}</p>
      </div>
      <div className="noise-block">
        <div className="penalty-kind">
          <span className="field-label" id={kindLabel}>
            {t('penalty.kind')}
          </span>
          <div className="segmented" role="group" aria-labelledby={kindLabel}>
            {KINDS.map((kind) => (
              <button key={kind} type="button" aria-pressed={penaltyKind === kind} onClick={() => setPenalty({ kind })}>
                {t(`penalty.${kind}`)}
              </button>
            ))}
          </div>
        </div>
        <PenaltyLambdaSlider />
        <p className="noise-hint">{t('penalty.hint')}</p>
      </div>
    </div>
  );
}
