// Learning-rate schedules, with PyTorch's semantics: the scheduler steps after each optimizer
// step, so step t (from 1) uses the factor of epoch t − 1.
import { series } from './optimizers/series';

export type ScheduleSpec =
  | { readonly kind: 'constant' }
  /** StepLR: η·γ^⌊(t−1)/every⌋. */
  | { readonly kind: 'step'; readonly every: number; readonly gamma: number }
  /** ExponentialLR: η·γ^(t−1). */
  | { readonly kind: 'exponential'; readonly gamma: number }
  /** CosineAnnealingLR in closed form: η_min + (η − η_min)·(1 + cos(π·(t−1)/period))/2, η_min = η·minFactor. */
  | { readonly kind: 'cosine'; readonly period: number; readonly minFactor: number }
  /** Linear warm-up: η·min(1, t/steps), then constant. */
  | { readonly kind: 'warmup'; readonly steps: number };

export type ScheduleKind = ScheduleSpec['kind'];
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'step', 'exponential', 'cosine', 'warmup'];

/** The factor η is multiplied by at step t ≥ 1. */
export function scheduleFactor(s: ScheduleSpec, t: number): number {
  const e = t - 1;
  switch (s.kind) {
    case 'constant':
      return 1;
    case 'step':
      return Math.pow(s.gamma, Math.floor(e / s.every));
    case 'exponential':
      return Math.pow(s.gamma, e);
    case 'cosine': {
      // Past the period the cosine goes back up, as PyTorch's closed form does.
      return s.minFactor + ((1 - s.minFactor) * (1 + Math.cos((Math.PI * e) / s.period))) / 2;
    }
    case 'warmup':
      return Math.min(1, t / s.steps);
  }
}

/** Throws a RangeError naming what is wrong with a schedule. */
export function checkSchedule(s: ScheduleSpec): void {
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  const bad = (m: string) => {
    throw new RangeError(`schedule ${s.kind}: ${m}`);
  };
  switch (s.kind) {
    case 'constant':
      return;
    case 'step':
      if (!positiveInt(s.every)) bad(`every must be a whole number ≥ 1, got ${s.every}`);
      if (!(Number.isFinite(s.gamma) && s.gamma > 0)) bad(`γ must be a finite number > 0, got ${s.gamma}`);
      return;
    case 'exponential':
      if (!(Number.isFinite(s.gamma) && s.gamma > 0)) bad(`γ must be a finite number > 0, got ${s.gamma}`);
      return;
    case 'cosine':
      if (!positiveInt(s.period)) bad(`period must be a whole number ≥ 1, got ${s.period}`);
      if (!(Number.isFinite(s.minFactor) && s.minFactor >= 0 && s.minFactor <= 1)) bad(`the minimum factor must be in [0, 1], got ${s.minFactor}`);
      return;
    case 'warmup':
      if (!positiveInt(s.steps)) bad(`steps must be a whole number ≥ 1, got ${s.steps}`);
      return;
  }
}

/**
 * Each kind's fields, named as in ScheduleSpec, in the order they are written: the one table the
 * URL (sched=step;every=50;gamma=0.5), the CLI (--schedule step,every=50,gamma=0.5) and the
 * exported JSON ("schedule": {"kind": "step", "every": 50, "gamma": 0.5}) all read.
 */
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

/**
 * The schedule of a kind with these fields; a RangeError names a missing, unknown or invalid
 * one (checkSchedule's words).
 */
export function scheduleFromFields(kind: ScheduleKind, fields: ReadonlyMap<string, number>): ScheduleSpec {
  const names = SCHEDULE_FIELDS[kind];
  for (const name of fields.keys()) {
    if (!names.includes(name)) throw new RangeError(`schedule ${kind}: unknown field ${name}${names.length ? `; it takes ${names.join(', ')}` : '; it takes none'}`);
  }
  for (const name of names) if (!fields.has(name)) throw new RangeError(`schedule ${kind}: ${name} is missing`);
  const spec = { kind, ...Object.fromEntries(fields) } as ScheduleSpec;
  checkSchedule(spec);
  return spec;
}

export function isScheduleKind(s: string): s is ScheduleKind {
  return (SCHEDULE_KINDS as readonly string[]).includes(s);
}

/** factors[t] for t = 0 … last (index 0 unused), shared between runs with the same schedule. */
export function scheduleTable(s: ScheduleSpec, last: number): Float64Array | null {
  if (s.kind === 'constant') return null;
  return series(`schedule:${JSON.stringify(s)}`, last, (t) => (t === 0 ? 1 : scheduleFactor(s, t)));
}
