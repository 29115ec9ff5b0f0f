// The loss chart's arithmetic, kept apart from the canvas so it can be tested in Node:
// nice ticks, linear and log mappings, and what "log of the loss" means when f can be negative.
import type { Minimum } from '../../engine';

/** 1, 2 or 5 times a power of ten: the tick spacing closest to span / maxTicks from above. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** Removes the float noise that multiples of 0.1 pick up (0.30000000000000004 → 0.3). */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

export interface LinearAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** An axis that covers [lo, hi], widened outwards to whole ticks. */
export function linearAxis(lo: number, hi: number, maxTicks: number): LinearAxis {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    // A flat line still deserves an axis: open it by a little around the value.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, maxTicks);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step));
  return { min: clean(first * step), max: clean(last * step), step, ticks };
}

/** Step-axis ticks: whole steps only, from 0 to lastStep. */
export function stepTicks(lastStep: number, maxTicks: number): readonly number[] {
  const end = Math.max(1, lastStep);
  const step = Math.max(1, niceStep(end, maxTicks));
  const ticks: number[] = [];
  for (let v = 0; v <= end + 1e-9; v += step) ticks.push(Math.round(v));
  return ticks;
}

export interface LogAxis {
  /** Decade exponents: the axis runs from 10^minExp to 10^maxExp. */
  readonly minExp: number;
  readonly maxExp: number;
  /** Exponents that get a tick and a label. */
  readonly ticks: readonly number[];
  /** Values 2·10^e and 5·10^e that also get a label when the axis spans few decades. */
  readonly between: readonly number[];
}

/** A log axis over whole decades covering [lo, hi] (both > 0), with at most ~maxTicks labels. */
export function logAxis(lo: number, hi: number, maxTicks: number): LogAxis {
  if (!(lo > 0 && hi > 0 && Number.isFinite(lo) && Number.isFinite(hi))) return { minExp: 0, maxExp: 1, ticks: [0, 1], between: [] };
  if (hi < lo) [lo, hi] = [hi, lo];
  // The small slack keeps exact powers of ten (1e-3) from opening a decade of empty space.
  // `+ 0` turns −0 into 0.
  const minExp = Math.floor(Math.log10(lo) + 1e-9) + 0;
  let maxExp = Math.ceil(Math.log10(hi) - 1e-9) + 0;
  if (maxExp <= minExp) maxExp = minExp + 1;
  const stride = Math.max(1, Math.ceil((maxExp - minExp) / Math.max(1, maxTicks)));
  const ticks: number[] = [];
  for (let e = Math.ceil(minExp / stride) * stride + 0; e <= maxExp; e += stride) ticks.push(e);
  // One or two decades leave room that 2 and 5 fill, so a curve near 1.6 is not read off a
  // bare axis from 1 to 10.
  const between: number[] = [];
  const decades = maxExp - minExp;
  const perDecade = maxTicks / decades;
  const mantissas = perDecade >= 3 ? [2, 5] : perDecade >= 2 ? [3] : [];
  for (let e = minExp; e < maxExp; e++) for (const m of mantissas) between.push(clean(m * 10 ** e));
  return { minExp, maxExp, ticks, between };
}

/** Maps v in [d0, d1] to [r0, r1] (either may be decreasing, as screen y is). */
export function linearMap(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Maps v in [10^e0, 10^e1] to [r0, r1] along log10. */
export function logMap(e0: number, e1: number, r0: number, r1: number): (v: number) => number {
  const lin = linearMap(e0, e1, r0, r1);
  return (v) => lin(Math.log10(v));
}

/**
 * What the chart plots on its vertical axis.
 * - linear: f itself;
 * - known:  f − f*, f* the surface's global minimum;
 * - min:    f − (the lowest plotted f, less a margin), for surfaces whose minimum is unknown or
 *           that are unbounded below (saddle, monkey saddle).
 * Log modes never plot a value below `floor`, so exact convergence (f = f*) stays drawable.
 */
export interface LossTransform {
  readonly mode: 'linear' | 'known' | 'min';
  readonly ref: number;
  readonly floor: number;
}

/** The global minimum's f when the surface names one. */
export function knownMinimum(minima: readonly Minimum[]): number | undefined {
  const first = minima[0];
  return first && first.kind === 'global' && Number.isFinite(first.f) ? first.f : undefined;
}

/**
 * Chooses the transform for a chart whose finite plotted losses lie in [dataMin, dataMax].
 * With a known f*, values a rounding error below it are clamped to the floor; values clearly
 * below it (f* would be wrong for this data) fall back to the data's own minimum.
 */
export function chooseLossTransform(
  log: boolean,
  fStar: number | undefined,
  dataMin: number,
  dataMax: number,
  /** f at the start, shared by all runs: what the margin is measured against (see below). */
  startLoss: number = dataMax,
): LossTransform {
  if (!(Number.isFinite(dataMin) && Number.isFinite(dataMax))) {
    return { mode: log ? 'known' : 'linear', ref: fStar ?? 0, floor: 1e-16 };
  }
  if (!log) return { mode: 'linear', ref: 0, floor: 0 };
  const absFloor = (ref: number) => 4 * Number.EPSILON * Math.max(1, Math.abs(ref));
  if (fStar !== undefined && dataMin >= fStar - 1e-9 * Math.max(1, Math.abs(fStar))) {
    // Below ~1e-14 of the largest gap, differences are rounding noise: they would only stretch
    // the axis over decades of nothing (Newton reaches f* exactly in one step on a bowl).
    const floor = Math.max(absFloor(fStar), (dataMax - fStar) * 1e-14);
    return { mode: 'known', ref: fStar, floor };
  }
  // The lowest point would sit at exactly 0, i.e. at minus infinity on a log axis; a margin of
  // a thousandth of the descent from the start puts it three decades under the start instead.
  // The start, not the highest value: a run that diverges upwards must not flatten the others.
  const descent = (Number.isFinite(startLoss) ? startLoss : dataMax) - dataMin;
  const margin = descent > 0 ? descent * 1e-3 : Math.max(1, Math.abs(dataMin)) * 1e-3;
  const ref = dataMin - margin;
  return { mode: 'min', ref, floor: absFloor(ref) };
}

/** The value plotted for a loss f under transform t. */
export function transformLoss(t: LossTransform, f: number): number {
  if (t.mode === 'linear') return f;
  return Math.max(f - t.ref, t.floor);
}
