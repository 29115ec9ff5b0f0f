// The teaching layer's view of a run: the same path as simulateRun, plus everything the
// update rule computed on the way (gradients, optimizer state, bias corrections, effective
// learning rates, Nesterov's look-ahead).
//
// Nothing here knows an update rule. traceRun runs the very kernel simulateRun runs, with a
// recorder that the kernel fills as it goes (see StepRecorder in optimizers/loop.ts), so the
// recorded numbers are the doubles the step used and the path is simulateRun's bit for bit.

import { HYPERPARAMS } from './hyperparams';
import type { Pair, ScalarKey, StateKey, StepRecorder, VectorKey } from './optimizers/loop';
import { getOptimizer, OPTIMIZERS } from './optimizers/table';
import { prepareRun, runKernel } from './simulate';
import type { Hyperparams, OptimizerId, RunSpec, Trajectory, Vec2 } from './types';

export type { StateKey } from './optimizers/loop';

/** Which state each optimizer can keep, in the order its rule updates it (from the table). */
export const STATE_KEYS: Readonly<Record<OptimizerId, readonly StateKey[]>> = Object.fromEntries(
  OPTIMIZERS.map((o) => [o.id, o.state]),
) as Record<OptimizerId, readonly StateKey[]>;

/**
 * A run with its inner workings. Every array is indexed by step t = 1 … steps and may be
 * longer than steps + 1 (arrays are recycled; entries past `steps` mean nothing). Index 0
 * holds the start in x, y and loss, and 0 in every other array, which is also the initial
 * optimizer state, so that "state before step t" is always index t − 1.
 *
 * x, y, loss, steps and status are simulateRun's, bit for bit: a RunTrace is a Trajectory.
 */
export interface RunTrace extends Trajectory {
  readonly optimizer: OptimizerId;
  /** Whether the Adam-family bias correction was on (spec default: true). */
  readonly biasCorrection: boolean;
  /** The gradient used at step t, noise included: taken at point t − 1. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** The step taken, x_t − x_{t−1} (for adamw the weight decay included). */
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  /** η at step t, the schedule applied. */
  readonly lr: Float64Array;
  /** The state kinds this run keeps: STATE_KEYS, less those its options leave off (rmsprop). */
  readonly stateKeys: readonly StateKey[];
  /** State after step t, for each kind the optimizer keeps. */
  readonly state: Readonly<Partial<Record<StateKey, Pair>>>;
  /** Per-coordinate values the rule computed at step t (see StepExplanation for each). */
  readonly vectors: Readonly<Partial<Record<VectorKey, Pair>>>;
  /** Per-step numbers the rule computed at step t (see StepExplanation for each). */
  readonly scalars: Readonly<Partial<Record<ScalarKey, Float64Array>>>;
}

/** The x and y arrays of one kind of state, or undefined when the run's optimizer has none. */
export function traceState(trace: RunTrace, key: StateKey): Pair | undefined {
  return trace.state[key];
}

/**
 * Runs one optimizer exactly as simulateRun does, recording its inner workings at each step.
 * Throws the same RangeErrors as simulateRun for the same bad specs.
 *
 * Pass an earlier trace as `reuse` to recycle its arrays (each one that is long enough): the
 * result is a new object, but reuse's arrays are overwritten, so reuse must not be read after.
 * Costs about 2–3 simulateRun calls (more arrays to write; nesterov evaluates its look-ahead
 * gradient too).
 */
export function traceRun(spec: RunSpec, reuse?: RunTrace): RunTrace {
  const run = prepareRun(spec);
  const size = run.steps + 1;
  // A recycled array when the old one is long enough; index 0 is (re)set to 0 because it
  // stands for the initial state, whatever the old run left there.
  const take = (old: Float64Array | undefined): Float64Array => {
    const a = old && old.length >= size ? old : new Float64Array(size);
    a[0] = 0;
    return a;
  };
  const takePair = (old: Pair | undefined): Pair => [take(old?.[0]), take(old?.[1])];
  const state: Partial<Record<StateKey, Pair>> = {};
  const vectors: Partial<Record<VectorKey, Pair>> = {};
  const scalars: Partial<Record<ScalarKey, Float64Array>> = {};
  const rec: StepRecorder = {
    gx: take(reuse?.gx),
    gy: take(reuse?.gy),
    lr: take(reuse?.lr),
    state: (key) => (state[key] ??= takePair(reuse?.state[key])),
    vector: (key) => (vectors[key] ??= takePair(reuse?.vectors[key])),
    scalar: (key) => (scalars[key] ??= take(reuse?.scalars[key])),
  };
  // The arrays a run does not reach (a start where f is not finite) are still there, all 0.
  const stateKeys = run.info.activeState?.(run.params) ?? run.info.state;
  for (const key of stateKeys) rec.state(key);
  const path: Trajectory = {
    x: take(reuse?.x),
    y: take(reuse?.y),
    loss: take(reuse?.loss),
    steps: 0,
    status: 'ok',
    params: run.params,
  };
  runKernel(run, path, rec);
  const dx = take(reuse?.dx);
  const dy = take(reuse?.dy);
  for (let t = 1; t <= path.steps; t++) {
    dx[t] = path.x[t] - path.x[t - 1];
    dy[t] = path.y[t] - path.y[t - 1];
  }
  return {
    ...path,
    optimizer: run.info.id,
    biasCorrection: run.biasCorrection,
    gx: rec.gx,
    gy: rec.gy,
    dx,
    dy,
    lr: rec.lr,
    stateKeys,
    state,
    vectors,
    scalars,
  };
}

/**
 * The numbers of one step of the update rule, for showing the rule with its values filled in.
 * All vectors are [x, y] pairs. Always present:
 * - `t`, `optimizer`, `params` (the hyperparameters the rule reads, e.g. {lr, rho}), `lr`
 *   (η of this step, after the schedule: use it rather than params.lr in the formula);
 * - `x` (x_{t−1}, where the step starts), `xNext` (x_t), `step` (x_t − x_{t−1}),
 *   `loss` and `lossNext` (f there, penalty included);
 * - `g`, the gradient used (noise included);
 * - `before` / `after`: the state before and after the step, by key (e.g. {v: [..]}; {} for
 *   sgd and newton). `before` at t = 1 is the zero initial state.
 * Present where the rule has them:
 * - `bc1` = 1 − β₁ᵗ, `bc2` = 1 − β₂ᵗ (see RunTrace);
 * - `effLr`, the per-coordinate step size (see RunTrace.effLrX), and `direction`, the vector
 *   it or η multiplies, so that step ≈ −effLr ⊙ direction (adaptive) or −η·direction:
 *   sgd g; momentum v; nesterov g + ρ·v; adagrad, rmsprop, adadelta g; adam family, adamax m
 *   (adamw: plus the decay, see `shrink`); newton H⁻¹g; rprop sign(g) (times its step sizes
 *   `effLr`); asgd g (plus its decay `shrink` = 1 − λ·ηₜ; `mu` is its averaging weight μₜ);
 *   none for nadam;
 * - adadelta: `delta`, Δ = √(u_{t−1}+ε)/√(s_t+ε)·g (the step is −η·Δ);
 * - nesterov: `look` (x_{t−1} − η·ρ·v_{t−1}) and `lookG` (the noise-free gradient there);
 * - adamw: `shrink` = 1 − η·λ, the factor x is multiplied by before the Adam step;
 * - radam: `rhoT` (ρₜ) and `rect` (r, NaN on a step taken without rectification, ρₜ ≤ 5);
 * - nadam: `mu` (μₜ), `muNext` (μₜ₊₁), `muProduct` (Πₜ), `muProductNext` (Πₜ·μₜ₊₁) and
 *   `denom` (D = √(v/(1−β₂ᵗ)) + ε);
 * - newton: `hessian` as [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²] at x_{t−1}.
 * Every value is the double the kernel computed at that step (recorded, never recomputed).
 */
export interface StepExplanation {
  readonly t: number;
  readonly optimizer: OptimizerId;
  readonly params: Readonly<Partial<Hyperparams>>;
  readonly lr: number;
  readonly x: Vec2;
  readonly xNext: Vec2;
  readonly step: Vec2;
  readonly loss: number;
  readonly lossNext: number;
  readonly g: Vec2;
  readonly before: Readonly<Partial<Record<StateKey, Vec2>>>;
  readonly after: Readonly<Partial<Record<StateKey, Vec2>>>;
  readonly bc1?: number;
  readonly bc2?: number;
  readonly effLr?: Vec2;
  readonly direction?: Vec2;
  readonly delta?: Vec2;
  readonly look?: Vec2;
  readonly lookG?: Vec2;
  readonly shrink?: number;
  readonly mu?: number;
  readonly muNext?: number;
  readonly muProduct?: number;
  readonly muProductNext?: number;
  /** radam: ρₜ, the length of the approximated simple moving average of v. */
  readonly rhoT?: number;
  /** radam: the rectification term r where ρₜ > 5; NaN where the step was not rectified. */
  readonly rect?: number;
  readonly denom?: Vec2;
  /** lbfgs: the step length t taken along `direction` (η, or the line search's). */
  readonly stepLength?: number;
  /** lbfgs: function evaluations in this step(closure) call (1 for the call's own, plus the line search's). */
  readonly evals?: number;
  /** lbfgs: curvature pairs in memory after this step. */
  readonly memory?: number;
  /** lbfgs: γ = y·s / y·y of the newest pair, the initial inverse-Hessian scale (1 before any pair). */
  readonly hDiag?: number;
  /** lbfgs: iterations taken in this call (up to maxIter; 0 when it stopped at once). */
  readonly iterations?: number;
  /** With torch's coupled weight decay λ > 0: the gradient the rule used, g + λ·x (g stays ∇f). */
  readonly decayedG?: Vec2;
  readonly hessian?: readonly [number, number, number];
  /** lion: c = β₁·m + (1−β₁)·g, whose sign is the step's direction. */
  readonly blend?: Vec2;
  /** shampoo: L after step t as [Lxx, Lxy, Lyy] (L₀ = ε·I). */
  readonly precond?: readonly [number, number, number];
  /** schedule-free AdamW: cₜ₊₁ = γₜ² / Σγᵢ², the weight of z in the new average x. */
  readonly avgWeight?: number;
  /** sam: the ascent probe x_{t−1} + ε̂, where this step's gradient was taken. */
  readonly probe?: Vec2;
  /** lookahead: the inner rule's point at step t, before a pull-back moved it. */
  readonly fast?: Vec2;
}

/**
 * Step t (1 … trace.steps) of a trace, as the numbers its rule needs (see StepExplanation).
 * `optimizer` must be the trace's own: it is asked for so that a caller states which rule it
 * is about to fill in, and a mismatch is an error rather than a wrong display.
 */
export function explainStep(trace: RunTrace, optimizer: OptimizerId, t: number): StepExplanation {
  if (optimizer !== trace.optimizer) {
    throw new RangeError(`this trace is of ${trace.optimizer}, not ${optimizer}`);
  }
  if (!(Number.isInteger(t) && t >= 1 && t <= trace.steps)) {
    throw new RangeError(`step must be a whole number from 1 to ${trace.steps}, got ${t}`);
  }
  const info = getOptimizer(optimizer);
  const p = trace.params;
  const params: Partial<Hyperparams> = {};
  for (const h of HYPERPARAMS) if (info?.params.includes(h.key)) params[h.key] = p[h.key];
  const before: Partial<Record<StateKey, Vec2>> = {};
  const after: Partial<Record<StateKey, Vec2>> = {};
  for (const key of trace.stateKeys) {
    const pair = trace.state[key];
    if (pair) {
      before[key] = [pair[0][t - 1], pair[1][t - 1]];
      after[key] = [pair[0][t], pair[1][t]];
    }
  }
  const e: {
    -readonly [K in keyof StepExplanation]: StepExplanation[K];
  } = {
    t,
    optimizer,
    params,
    lr: trace.lr[t],
    x: [trace.x[t - 1], trace.y[t - 1]],
    xNext: [trace.x[t], trace.y[t]],
    step: [trace.dx[t], trace.dy[t]],
    loss: trace.loss[t - 1],
    lossNext: trace.loss[t],
    g: [trace.gx[t], trace.gy[t]],
    before,
    after,
  };
  for (const [key, pair] of Object.entries(trace.vectors) as Array<[VectorKey, Pair]>) e[key] = [pair[0][t], pair[1][t]];
  const { hxx, hxy, hyy, lxx, lxy, lyy, ...numbers } = trace.scalars;
  for (const [key, values] of Object.entries(numbers) as Array<[Exclude<ScalarKey, 'hxx' | 'hxy' | 'hyy' | 'lxx' | 'lxy' | 'lyy'>, Float64Array]>) e[key] = values[t];
  if (hxx && hxy && hyy) e.hessian = [hxx[t], hxy[t], hyy[t]];
  if (lxx && lxy && lyy) e.precond = [lxx[t], lxy[t], lyy[t]];
  return e;
}
