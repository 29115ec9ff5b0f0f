// What the effective-learning-rate chart plots, apart from the canvas so that it is tested in
// Node: the per-coordinate step sizes a rule records, or η itself where the rule has one for
// every coordinate.
import type { RunTrace } from '../../engine';

export interface EffLrSeries {
  /** True: [η_eff,x, η_eff,y]; false: [η], the schedule applied. Indexed by step t = 1 … steps. */
  readonly perCoordinate: boolean;
  readonly lines: readonly Float64Array[];
  readonly steps: number;
  /** The smallest and largest finite positive value plotted (NaN when there is none). */
  readonly min: number;
  readonly max: number;
  /** The first and last plottable value of each line (NaN when there is none), for the description. */
  readonly ends: readonly (readonly [number, number])[];
}

/** Whether a value has a place on a log axis. */
export function plottable(v: number): boolean {
  return v > 0 && Number.isFinite(v);
}

/**
 * The series of a trace. Rprop's step sizes are recorded as its effLr too: they are its
 * per-coordinate step lengths, which the same chart shows as well.
 */
export function effLrSeries(trace: RunTrace): EffLrSeries {
  const rates = trace.vectors.effLr;
  const lines: readonly Float64Array[] = rates ? [rates[0], rates[1]] : [trace.lr];
  let min = Infinity;
  let max = -Infinity;
  const ends = lines.map((line): readonly [number, number] => {
    let first = Number.NaN;
    let last = Number.NaN;
    for (let t = 1; t <= trace.steps; t++) {
      const v = line[t];
      if (!plottable(v)) continue;
      if (Number.isNaN(first)) first = v;
      last = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return [first, last];
  });
  const any = min <= max;
  return { perCoordinate: rates !== undefined, lines, steps: trace.steps, min: any ? min : Number.NaN, max: any ? max : Number.NaN, ends };
}
