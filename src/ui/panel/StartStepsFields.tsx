import { useId } from 'react';
import { MAX_APP_STEPS, sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { FieldError } from './FieldError';
import { checkCoord, checkSteps } from './fieldChecks';
import { type Translate } from '../../i18n';
import { useT } from '../shell/useT';
import { formatCoord } from '../../i18n/numberFormat';
import { parseNumber } from '../shell/typedNumber';
import { useNumberDraft, type DraftCheck, type NumberDraft } from './useNumberDraft';

const COORD_NUDGE = 0.1;

function useCoordDraft(axis: 0 | 1, t: Translate): NumberDraft {
  const value = useScene((s) => s.start[axis]);
  return useNumberDraft({
    value,
    format: formatCoord,
    check: (text): DraftCheck => {
      const state = sceneStore.getState();
      const surface = sceneSurface(state);
      const range = axis === 0 ? surface.domain.x : surface.domain.y;
      const at = (v: number): [number, number] => (axis === 0 ? [v, state.start[1]] : [state.start[0], v]);
      const r = checkCoord(text, range, (v) => Number.isFinite(surface.value(...at(v))));
      if (r.ok) return r;
      const name = axis === 0 ? 'x' : 'y';
      if (r.reason === 'notNumber') return { ok: false, error: `${name}: ${t('field.notNumber')}` };
      if (r.reason === 'outside') return { ok: false, error: t('start.outside', { name, lo: formatCoord(range[0]), hi: formatCoord(range[1]) }) };
      const [px, py] = at(parseNumber(text) ?? Number.NaN);
      return { ok: false, error: t('start.undefined', { x: formatCoord(px), y: formatCoord(py) }) };
    },
    apply: (v) => {
      // The other coordinate as the store holds it now, not as it was at render time.
      const { start, setStart } = sceneStore.getState();
      setStart(axis === 0 ? [v, start[1]] : [start[0], v]);
    },
    nudge: (v, dir) => Number((v + dir * COORD_NUDGE).toFixed(6)),
  });
}

function useStepsDraft(t: Translate): NumberDraft {
  const steps = useScene((s) => s.steps);
  const setSteps = useScene((s) => s.setSteps);
  return useNumberDraft({
    value: steps,
    format: String,
    check: (text): DraftCheck => {
      const r = checkSteps(text, MAX_APP_STEPS);
      return r.ok ? r : { ok: false, error: t('steps.error', { max: MAX_APP_STEPS }) };
    },
    apply: setSteps,
    nudge: (v, dir) => Math.min(MAX_APP_STEPS, Math.max(1, v + dir)),
  });
}

function ResetStartButton({ t }: { readonly t: Translate }) {
  const isDefault = useScene((s) => {
    const surface = sceneSurface(s);
    return s.start[0] === surface.start[0] && s.start[1] === surface.start[1];
  });
  const reset = () => {
    const state = sceneStore.getState();
    state.setStart(sceneSurface(state).start);
  };
  return (
    <button
      type="button"
      className="icon-button"
      onClick={reset}
      disabled={isDefault}
      aria-label={t('start.reset')}
      title={t('start.reset')}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d="M3.2 8.4a4.8 4.8 0 1 0 1.5-4.3M3.6 1.8v2.9h2.9"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}

/** Where every run starts and how many steps it takes. */
export function StartStepsFields() {
  const t = useT();
  const x = useCoordDraft(0, t);
  const y = useCoordDraft(1, t);
  const steps = useStepsDraft(t);
  const startLabel = useId();
  const stepsId = useId();
  return (
    <div className="start-steps">
      <span id={startLabel} className="field-label start-label">
        {t('start.heading')}
      </span>
      <label htmlFor={stepsId} className="field-label steps-label">
        {t('steps.label')}
      </label>
      <div className="start-row" role="group" aria-labelledby={startLabel}>
        {[x, y].map((draft, axis) => (
          <label key={axis} className="input-group">
            <span className="input-prefix" aria-hidden="true">
              {axis === 0 ? 'x' : 'y'}
            </span>
            <input
              className="number-input"
              type="number"
              step="any"
              aria-label={t(axis === 0 ? 'start.x' : 'start.y')}
              {...draft.inputProps}
            />
          </label>
        ))}
        <ResetStartButton t={t} />
      </div>
      <input
        id={stepsId}
        className="number-input steps-input"
        type="number"
        min={1}
        max={MAX_APP_STEPS}
        step={1}
        {...steps.inputProps}
      />
      <div className="start-steps-errors">
        <FieldError id={x.errorId} message={x.error} />
        <FieldError id={y.errorId} message={y.error} />
        <FieldError id={steps.errorId} message={steps.error} />
      </div>
    </div>
  );
}
