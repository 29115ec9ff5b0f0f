import { type ScheduleSpec, scheduleFactor } from '../../engine';
import { useScheduleSettingsText, type ScheduleSettingsKey } from '../../i18n/scheduleSettingsText';
import { formatNumber, formatParam } from '../../i18n/numberFormat';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { parseNumber } from '../shell/typedNumber';
import { useLang } from '../shell/useT';
import { FieldError } from './FieldError';
import { useNumberDraft, type DraftCheck } from './useNumberDraft';

type Rule = 'whole' | 'positive' | 'unit';
const ERROR: Record<Rule, ScheduleSettingsKey> = {
  whole: 'schedule.error.whole',
  positive: 'schedule.error.positive',
  unit: 'schedule.error.unit',
};

function accepts(rule: Rule, v: number): boolean {
  if (rule === 'whole') return Number.isInteger(v) && v >= 1;
  if (rule === 'positive') return v > 0;
  return v >= 0 && v <= 1;
}

interface FieldProps {
  readonly label: string;
  readonly value: number;
  readonly rule: Rule;
  readonly apply: (v: number) => void;
}

function ScheduleField({ label, value, rule, apply }: FieldProps) {
  const st = useScheduleSettingsText(useLang());
  const draft = useNumberDraft({
    value,
    format: rule === 'whole' ? String : formatParam,
    check: (text): DraftCheck => {
      const v = parseNumber(text);
      return v !== null && accepts(rule, v) ? { ok: true, value: v } : { ok: false, error: st(ERROR[rule]) };
    },
    apply,
    nudge: (v, dir) => {
      const next = rule === 'whole' ? v + dir : Number((v + dir * (rule === 'unit' ? 0.05 : 0.01)).toFixed(6));
      return accepts(rule, next) ? next : null;
    },
  });
  return (
    <label className="schedule-field">
      {label}
      <input className="number-input" type="number" step="any" {...draft.inputProps} />
      <FieldError id={draft.errorId} message={draft.error} />
    </label>
  );
}

/** η's factor over the run, as a small line: what the schedule does, before pressing Play. */
function ScheduleCurve({ schedule, steps, lr }: { readonly schedule: ScheduleSpec; readonly steps: number; readonly lr: number }) {
  const st = useScheduleSettingsText(useLang());
  const samples = Math.min(steps, 160);
  const points: string[] = [];
  let top = 0;
  const factors: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const step = Math.max(1, Math.round((i / samples) * steps));
    const f = scheduleFactor(schedule, step);
    factors.push(f);
    top = Math.max(top, f);
  }
  factors.forEach((f, i) => points.push(`${((i / samples) * 100).toFixed(2)},${(28 - (f / (top || 1)) * 26).toFixed(2)}`));
  const first = formatNumber(lr * factors[0], 3);
  const last = formatNumber(lr * factors[factors.length - 1], 3);
  const caption = st('schedule.curve', { a: first, b: last });
  return (
    <>
      <svg className="schedule-curve" viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label={caption}>
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.8" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
        <polyline points={`0,28 ${points.join(' ')} 100,28`} fill="currentColor" opacity="0.12" stroke="none" />
      </svg>
      <p className="schedule-curve-caption" aria-hidden="true">
        {caption}
      </p>
    </>
  );
}

interface ScheduleSettingsProps {
  readonly runId: string;
  readonly schedule: ScheduleSpec;
  /** The run's base η, for the curve's caption. */
  readonly lr: number;
}

/**
 * The settings of a schedule other than constant, and the curve of η it gives: loaded by
 * ScheduleControl the first time a run has such a schedule.
 */
export function ScheduleSettings({ runId, schedule, lr }: ScheduleSettingsProps) {
  const st = useScheduleSettingsText(useLang());
  const steps = useScene((s) => s.steps);
  // Each field changes one setting of the schedule as the store holds it now.
  const update = (change: (s: ScheduleSpec) => ScheduleSpec) => {
    const current = sceneStore.getState().runs.find((r) => r.id === runId)?.schedule ?? schedule;
    sceneStore.getState().setSchedule(runId, change(current));
  };
  return (
    <>
      <div className="schedule-fields">
        {schedule.kind === 'step' && (
          <>
            <ScheduleField label={st('schedule.every')} value={schedule.every} rule="whole" apply={(every) => update((s) => (s.kind === 'step' ? { ...s, every } : s))} />
            <ScheduleField label={st('schedule.gamma')} value={schedule.gamma} rule="positive" apply={(gamma) => update((s) => (s.kind === 'step' || s.kind === 'exponential' ? { ...s, gamma } : s))} />
          </>
        )}
        {schedule.kind === 'exponential' && (
          <ScheduleField label={st('schedule.gamma')} value={schedule.gamma} rule="positive" apply={(gamma) => update((s) => (s.kind === 'step' || s.kind === 'exponential' ? { ...s, gamma } : s))} />
        )}
        {schedule.kind === 'cosine' && (
          <>
            <ScheduleField label={st('schedule.period')} value={schedule.period} rule="whole" apply={(period) => update((s) => (s.kind === 'cosine' ? { ...s, period } : s))} />
            <ScheduleField label={st('schedule.minFactor')} value={schedule.minFactor} rule="unit" apply={(minFactor) => update((s) => (s.kind === 'cosine' ? { ...s, minFactor } : s))} />
          </>
        )}
        {schedule.kind === 'warmup' && (
          <ScheduleField label={st('schedule.warmupSteps')} value={schedule.steps} rule="whole" apply={(n) => update((s) => (s.kind === 'warmup' ? { ...s, steps: n } : s))} />
        )}
      </div>
      <ScheduleCurve schedule={schedule} steps={steps} lr={lr} />
    </>
  );
}
