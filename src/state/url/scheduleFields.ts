// The schedule kinds' fields, named as in the engine's ScheduleSpec. The engine is getting this
// table of its own (src/engine/schedules.ts: SCHEDULE_FIELDS, scheduleFieldValues,
// scheduleFromFields, the same names and signatures) for the CLI and the exports as well; when it
// lands, this file goes and scheduleItems.ts imports those from the engine instead.
import { SCHEDULE_KINDS, checkSchedule, type ScheduleKind, type ScheduleSpec } from '../../engine';

/** Each kind's fields, in the order they are written. */
export const SCHEDULE_FIELDS: Readonly<Record<ScheduleKind, readonly string[]>> = {
  constant: [],
  step: ['every', 'gamma'],
  exponential: ['gamma'],
  cosine: ['period', 'minFactor'],
  warmup: ['steps'],
};

/** The schedule's fields as name → value, in SCHEDULE_FIELDS order. */
export function scheduleFieldValues(s: ScheduleSpec): [string, number][] {
  const record = s as unknown as Readonly<Record<string, number>>;
  return SCHEDULE_FIELDS[s.kind].map((f) => [f, record[f]]);
}

/** The schedule of a kind with these fields; a RangeError names a missing, unknown or invalid one. */
export function scheduleFromFields(kind: ScheduleKind, fields: ReadonlyMap<string, number>): ScheduleSpec {
  const names = SCHEDULE_FIELDS[kind];
  for (const name of fields.keys()) {
    if (!names.includes(name)) throw new RangeError(`schedule ${kind}: unknown field ${name}${names.length ? `; it takes ${names.join(', ')}` : '; it takes none'}`);
  }
  for (const name of names) if (!fields.has(name)) throw new RangeError(`schedule ${kind}: ${name} is missing`);
  // Built in SCHEDULE_FIELDS order, so that equal schedules are equal objects key for key.
  const spec = { kind, ...Object.fromEntries(names.map((n) => [n, fields.get(n)])) } as ScheduleSpec;
  checkSchedule(spec);
  return spec;
}

export function isScheduleKind(s: string): s is ScheduleKind {
  return (SCHEDULE_KINDS as readonly string[]).includes(s);
}
