import type { GaussianNoise } from '../random';
import type { Hyperparams, RunStatus, Surface } from '../types';

/**
 * What a kernel needs to run one optimizer for up to `n` steps.
 * On entry x[0], y[0], loss[0] hold the start and g holds the gradient there.
 * A kernel writes points 1..k, sets `status` and returns k, the steps it took.
 *
 * Each kernel owns its loop (rather than one shared loop calling a step function) so that
 * its state lives in local variables and V8 can inline the surface's valueAndGrad: this is
 * what keeps Adam within ~10% of a hand-written loop.
 */
export interface StepLoop {
  readonly f: Surface;
  readonly p: Hyperparams;
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  /** Scratch: the gradient at the current point. */
  readonly g: Float64Array;
  /** Scratch: the Hessian (fxx, fxy, fyy) for Newton. */
  readonly h: Float64Array;
  readonly noise: GaussianNoise | null;
  readonly biasCorrection: boolean;
  readonly bounds: Bounds;
  /** η's factor for step t (index t), from a learning-rate schedule; null for constant η. */
  readonly lrScale: Float64Array | null;
  status: RunStatus;
}

export type Kernel = (loop: StepLoop) => number;

/**
 * Where a particle counts as gone. Far outside the plot (a thousand plot-widths away) a path
 * can no longer be drawn or come back in a meaningful time; adaptive methods with a huge η
 * wander there without ever overflowing, so non-finite alone would not catch them.
 */
export interface Bounds {
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
}

/** False when the point escaped the bounds or any of the three is NaN or ±Infinity. */
export function inBounds(b: Bounds, x: number, y: number, f: number): boolean {
  // Comparisons with NaN are false, and f − f is NaN for ±Infinity: one test covers all.
  return x >= b.xmin && x <= b.xmax && y >= b.ymin && y <= b.ymax && f - f === 0;
}

/**
 * PyTorch's lerp (ATen Lerp.h), which torch.optim uses for first moments:
 * m + w·(g − m) for small weights, g − (g − m)·(1 − w) otherwise. Written the same way so
 * that our first moments round like PyTorch's.
 */
export function lerp(m: number, g: number, w: number): number {
  return w < 0.5 ? m + w * (g - m) : g - (g - m) * (1 - w);
}
