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
  /** What happens to the gradient at each step beyond f: Gaussian noise, or a mini-batch's gradient. */
  readonly noise: GradientSource | null;
  readonly biasCorrection: boolean;
  readonly bounds: Bounds;
  /** η's factor for step t (index t), from a learning-rate schedule; null for constant η. */
  readonly lrScale: Float64Array | null;
  /**
   * Where the kernel writes what its rule computed at each step, for the teaching layer
   * (traceRun); null on the fast path (simulateRun). The rule is written once, in the
   * kernel: the trace is the kernel's own arithmetic, not a copy of it.
   */
  readonly rec: StepRecorder | null;
  /**
   * Called with each new point before f is evaluated there, free to move it (Lookahead pulls the
   * fast point back every k steps); null for every plain run. Only the kernels Lookahead may wrap
   * (the SGD family's and AdamW's, which also runs a wrapped Adam) call it.
   */
  readonly sync: SyncHook | null;
  status: RunStatus;
  /** Evaluations spent, set by a rule that spends a varying number per step (see Trajectory). */
  evaluations?: number;
}

/**
 * A kernel's gradient hook. Each step begins with beforeStep at the point where the rule takes
 * its gradient (x for most rules, schedule-free's y), g holding f's gradient there: Gaussian
 * noise adds to it, a mini-batch stream moves to the step's batch and evaluates the kernel's own
 * f (the batch's loss, wrapped as the rule wraps it: SAM's probe) there. Evaluations within a
 * step (L-BFGS's line search) call onEvaluation. beforeStep returns the loss there when the
 * step's data changed it (a batch's loss: what L-BFGS's line search must improve on), else NaN.
 */
export interface GradientSource {
  beforeStep(f: Surface, x: number, y: number, g: Float64Array): number;
  onEvaluation(g: Float64Array): void;
}

export interface SyncHook {
  /** Step t has computed `position` ([x, y]); the hook may overwrite it. */
  after(t: number, position: Float64Array): void;
}

/** The one scratch pair kernels hand to a SyncHook (runs never nest a hook inside a hook). */
export const syncPosition = new Float64Array(2);

/**
 * The optimizer state, by the spec's names: `v` velocity (momentum, nesterov) or second
 * moment (adam, amsgrad, adamw, nadam); `m` first moment (adam family, adamax, nadam); `s`
 * squared-gradient sum or average (adagrad, rmsprop, adadelta); `u` adadelta's Δ² average
 * or adamax's infinity norm; `w` amsgrad's running maximum of v; `gPrev` rprop's previous
 * gradient (0 where its sign flipped) and `stepSize` its per-coordinate step sizes; `avg`
 * asgd's averaged iterate x̄; `gAvg` centered rmsprop's running mean of g (torch's grad_avg),
 * and `v` its momentum buffer when ρ > 0; `z` schedule-free AdamW's base sequence; `slow`
 * lookahead's slow weights φ.
 */
export type StateKey = 'v' | 'm' | 's' | 'u' | 'w' | 'gPrev' | 'stepSize' | 'avg' | 'gAvg' | 'z' | 'slow';

/**
 * Per-coordinate values a step computes on its way (see StepExplanation for each meaning):
 * `effLr` the step size per coordinate, `direction` the vector η or effLr multiplies, `delta`
 * adadelta's Δ, `look` and `lookG` nesterov's look-ahead point and its gradient, `denom`
 * nadam's D, `decayedG` the gradient with torch's coupled L2 weight decay added (g + λ·x),
 * `blend` lion's c = β₁·m + (1−β₁)·g (the step is its sign). schedule-free AdamW's `look` is its
 * y, where its gradient is taken. `probe` is sam's ascent point x + ε̂, `fast` lookahead's
 * fast point before a pull-back.
 */
export type VectorKey = 'effLr' | 'direction' | 'delta' | 'look' | 'lookG' | 'denom' | 'decayedG' | 'blend' | 'probe' | 'fast';

/**
 * Per-step numbers: bias corrections, nadam's μ terms, adamw's shrink, newton's Hessian,
 * radam's ρₜ (the length of the approximated simple moving average) and rectification term r;
 * lbfgs's step length t, function evaluations in the call, curvature pairs kept, the initial
 * inverse-Hessian scale γ and the iterations taken in the call; shampoo's preconditioner L
 * (lxx, lxy, lyy); schedule-free AdamW's averaging weight cₜ₊₁ (its γₜ is `stepLength`).
 */
export type ScalarKey =
  | 'bc1'
  | 'bc2'
  | 'mu'
  | 'muNext'
  | 'muProduct'
  | 'muProductNext'
  | 'shrink'
  | 'hxx'
  | 'hxy'
  | 'hyy'
  | 'rhoT'
  | 'rect'
  | 'stepLength'
  | 'evals'
  | 'memory'
  | 'hDiag'
  | 'iterations'
  | 'lxx'
  | 'lxy'
  | 'lyy'
  | 'avgWeight';

/** An [x, y] pair of per-step arrays. */
export type Pair = readonly [Float64Array, Float64Array];

/**
 * Arrays indexed by step t (1 … n) that a kernel fills when recording. A kernel asks for the
 * arrays its rule has before its loop (so a trace holds exactly those) and writes them inside
 * `if (rec !== null)`, after the arithmetic that the fast path shares.
 */
export interface StepRecorder {
  /** The gradient used at step t (noise included) and η of the step (schedule applied). */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  readonly lr: Float64Array;
  /** The state after step t. */
  state(key: StateKey): Pair;
  vector(key: VectorKey): Pair;
  scalar(key: ScalarKey): Float64Array;
}

/** What a kernel writes to when it is not recording: a store past the end of it is a no-op. */
export const NOWHERE = new Float64Array(0);
export const NO_PAIR: Pair = [NOWHERE, NOWHERE];

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
