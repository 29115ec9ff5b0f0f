import { Suspense, lazy, memo, useId } from 'react';
import { SCHEDULE_KINDS, type ScheduleKind, type ScheduleSpec } from '../../engine';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';

// A schedule's settings and curve load the first time a run has a schedule other than constant
// (most scenes have none).
const ScheduleSettings = lazy(() => import('./ScheduleSettings').then((m) => ({ default: m.ScheduleSettings })));

/** A schedule's first settings: scaled to the run's length, so each one shows at a glance. */
function defaultSchedule(kind: ScheduleKind, steps: number): ScheduleSpec {
  const n = Math.max(1, steps);
  switch (kind) {
    case 'constant':
      return { kind };
    case 'step':
      return { kind, every: Math.max(1, Math.round(n / 4)), gamma: 0.5 };
    case 'exponential':
      // η falls to about a tenth by the last step.
      return { kind, gamma: Math.min(0.999, Number(Math.pow(0.1, 1 / n).toFixed(3))) };
    case 'cosine':
      return { kind, period: n, minFactor: 0 };
    case 'warmup':
      return { kind, steps: Math.max(1, Math.round(n / 10)) };
  }
}

interface ScheduleControlProps {
  readonly runId: string;
  readonly schedule: ScheduleSpec;
  /** The run's base η, for the curve's caption. */
  readonly lr: number;
}

/** A run's learning-rate schedule: its kind, its settings, and the curve of η it gives. */
export const ScheduleControl = memo(function ScheduleControl({ runId, schedule, lr }: ScheduleControlProps) {
  const t = useT();
  const steps = useScene((s) => s.steps);
  const id = useId();
  return (
    <div className="schedule">
      <div className="schedule-head">
        <label htmlFor={id} className="field-label">
          {t('schedule.label')}
        </label>
        <select
          id={id}
          className="select"
          value={schedule.kind}
          onChange={(e) => {
            const kind = SCHEDULE_KINDS.find((k) => k === e.currentTarget.value);
            if (kind) sceneStore.getState().setSchedule(runId, defaultSchedule(kind, steps));
          }}
        >
          {SCHEDULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`schedule.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {schedule.kind !== 'constant' && (
        <Suspense fallback={null}>
          <ScheduleSettings runId={runId} schedule={schedule} lr={lr} />
        </Suspense>
      )}
    </div>
  );
});
