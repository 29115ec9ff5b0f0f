// A run's learning-rate schedule inside its link item: sched=KIND, then the kind's fields named as
// in the engine (sched=step;every=50;gamma=0.5). Absent: constant η.
import { SCHEDULE_FIELDS, SCHEDULE_KINDS, isScheduleKind, scheduleFieldValues, scheduleFromFields, type ScheduleKind, type ScheduleSpec } from '../../engine';
import { hyperparamKey } from './hyperparamNames';
import type { RowContext } from './urlRow';
import { formatNumber, parseNumber } from './valueCodecs';

export const CONSTANT: ScheduleSpec = { kind: 'constant' };

const FIELD_BY_LOWER = new Map<string, string>(Object.values(SCHEDULE_FIELDS).flat().map((f) => [f.toLowerCase(), f]));

/** The items that write this schedule (none for constant η). */
export function formatScheduleItems(s: ScheduleSpec): string[] {
  if (s.kind === 'constant') return [];
  return [`sched=${s.kind}`, ...scheduleFieldValues(s).map(([f, v]) => `${f}=${formatNumber(v)}`)];
}

export const sameSchedule = (a: ScheduleSpec, b: ScheduleSpec) => formatScheduleItems(a).join(';') === formatScheduleItems(b).join(';');

const scheduleForm = (kind: ScheduleKind) => ['sched=' + kind, ...SCHEDULE_FIELDS[kind].map((f) => `${f}=…`)].join(';');

/** Collects one run's schedule items, in any order, then builds the schedule they describe. */
export class ScheduleItems {
  private kind: ScheduleKind | undefined;
  private readonly fields = new Map<string, number>();
  private readonly text: string[] = [];

  /**
   * Takes `item` (key=value, key lower-cased in `lower`) if it is a schedule item; false leaves it
   * to the caller. A field name that is also a hyperparameter's is the hyperparameter's.
   */
  take(lower: string, item: string, value: string, at: string, ctx: RowContext): boolean {
    if (lower === 'sched') {
      const kind = value.trim().toLowerCase();
      this.text.push(item);
      if (isScheduleKind(kind)) this.kind = kind;
      else ctx.ignore(at, 'badSchedule', SCHEDULE_KINDS.join(' | '));
      return true;
    }
    const field = FIELD_BY_LOWER.get(lower);
    if (field === undefined || hyperparamKey(lower)) return false;
    this.text.push(item);
    this.fields.set(field, parseNumber(value) ?? NaN);
    return true;
  }

  /** The schedule, or constant η with a notice naming the run's schedule items. */
  build(optimizer: string, ctx: RowContext): ScheduleSpec {
    const named = `${optimizer}:${this.text.join(';')}`;
    if (this.kind === undefined) {
      if (this.text.length) ctx.ignore(named, 'badSchedule', 'sched=' + SCHEDULE_KINDS.join(' | '));
      return CONSTANT;
    }
    // The kind's own order, not the link's: the schedule read is then the same object key for key
    // (and in the exported JSON) however the link ordered its items.
    const names = SCHEDULE_FIELDS[this.kind];
    const rank = (f: string) => (names.includes(f) ? names.indexOf(f) : names.length);
    const fields = new Map([...this.fields].sort(([a], [b]) => rank(a) - rank(b)));
    try {
      return scheduleFromFields(this.kind, fields);
    } catch {
      ctx.ignore(named, 'badSchedule', scheduleForm(this.kind));
      return CONSTANT;
    }
  }
}
