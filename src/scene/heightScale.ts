import type { Surface } from '../engine';

/**
 * How loss values become heights (and colours) in [0, 1]. Surfaces span wildly different
 * ranges (Beale reaches 10⁵ in its corners while its valley is below 1), so where the values
 * span orders of magnitude the scale is logarithmic in the height above the minimum:
 * otherwise the valley the optimizers travel would be a flat, single-coloured floor.
 */
export interface HeightScale {
  readonly mode: 'linear' | 'log';
  readonly fmin: number;
  readonly fmax: number;
  /** The knee of the log scale: differences much smaller than this look linear. */
  readonly knee: number;
  /** f ↦ [0, 1]; values outside the plotted range are clamped a little beyond it. */
  toUnit(f: number): number;
}

/** Chooses the scale from the values f takes on the plotted grid (non-finite ones ignored). */
export function chooseHeightScale(values: ArrayLike<number>, surface?: Pick<Surface, 'minima'>): HeightScale {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return linearScale(0, 1);
  finite.sort((a, b) => a - b);
  let fmin = finite[0];
  // The sampled grid misses a minimum between its nodes; the known minimum is exact.
  const known = surface?.minima[0]?.f;
  if (known !== undefined && Number.isFinite(known) && known < fmin && fmin - known < 0.1 * (finite[finite.length - 1] - known)) {
    fmin = known;
  }
  const fmax = finite[finite.length - 1];
  const range = fmax - fmin;
  if (!(range > 0)) return linearScale(fmin, fmin + 1);
  const median = finite[finite.length >> 1] - fmin;
  // Half the plot lies below 5% of the range: the interesting part would be squashed flat.
  if (median < 0.05 * range) {
    const knee = Math.max(median / 20, range * 1e-9);
    const denom = Math.log1p(range / knee);
    return {
      mode: 'log',
      fmin,
      fmax,
      knee,
      // Below the minimum (outside the plot) the log is undefined; continue linearly instead.
      toUnit: (f) => clampUnit(f < fmin ? (f - fmin) / range : Math.log1p((f - fmin) / knee) / denom),
    };
  }
  return linearScale(fmin, fmax);
}

function linearScale(fmin: number, fmax: number): HeightScale {
  const range = fmax - fmin;
  return { mode: 'linear', fmin, fmax, knee: range, toUnit: (f) => clampUnit((f - fmin) / range) };
}

/** Clamped to [−0.05, 1.05]: a path that leaves the plotted range stays just outside it. */
function clampUnit(u: number): number {
  if (Number.isNaN(u)) return 1.05;
  return Math.min(1.05, Math.max(-0.05, u));
}
