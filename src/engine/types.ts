// The engine's vocabulary. Plain data and plain functions only: this file (and all of
// src/engine) must run in Node, the browser and Web Workers alike.

export type Vec2 = readonly [number, number];

/** A closed rectangle of the plane: the part of a surface that is plotted. */
export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface Minimum {
  readonly x: number;
  readonly y: number;
  /** f at the minimum. */
  readonly f: number;
  readonly kind: 'global' | 'local';
}

export const OPTIMIZER_IDS = [
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adadelta',
  'adam',
  'amsgrad',
  'adamw',
  'adamax',
  'nadam',
  'radam',
  'rprop',
  'asgd',
  'lbfgs',
  'lion',
  'signum',
  'shampoo',
  'schedule-free-adamw',
  'sam',
  'lookahead',
  'newton',
] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

/**
 * Every hyperparameter any optimizer takes, by its one name (spec/optimizers.md).
 * An optimizer reads only the ones it lists in its table entry.
 */
export interface Hyperparams {
  /** η, the learning rate. */
  lr: number;
  /** ρ, the momentum coefficient of `momentum`, `nesterov` and `rmsprop` (torch's momentum). */
  rho: number;
  /** d, the squared-gradient decay of `rmsprop` and `adadelta`. */
  decay: number;
  /** β₁ */
  beta1: number;
  /** β₂ */
  beta2: number;
  /** ε */
  eps: number;
  /**
   * λ, the weight decay: decoupled in `adamw` (x ← x·(1 − η·λ)), coupled L2 (g ← g + λ·x) in
   * every other rule that has it, as torch's weight_decay is in each.
   */
  weightDecay: number;
  /** τ, the dampening of `momentum`: v ← ρ·v + (1 − τ)·g after the first step (torch's dampening). */
  dampening: number;
  /** ψ, the momentum decay of `nadam`. */
  momentumDecay: number;
  /** η₋, `rprop`'s factor on a step size whose gradient changed sign (torch's etas[0]). */
  etaMinus: number;
  /** η₊, `rprop`'s factor on a step size whose gradient kept its sign (torch's etas[1]). */
  etaPlus: number;
  /** `rprop`'s smallest and largest step sizes (torch's step_sizes). */
  stepMin: number;
  stepMax: number;
  /** λ, `asgd`'s decay term (torch's lambd). */
  lambd: number;
  /** α, the power of `asgd`'s step-size decay (torch's alpha). */
  power: number;
  /** t₀, the step at which `asgd` starts averaging. */
  t0: number;
  /** 1: `rmsprop` divides by the gradient's running standard deviation (torch's centered); 0: off. */
  centered: number;
  /** δ, `adagrad`'s learning-rate decay: ηₜ = η / (1 + (t − 1)·δ) (torch's lr_decay). */
  lrDecay: number;
  /** s₀, where `adagrad`'s sum of squares starts (torch's initial_accumulator_value). */
  initialAccumulator: number;
  /** m, how many curvature pairs `lbfgs` keeps (torch's history_size). */
  historySize: number;
  /** `lbfgs`'s iterations per step(closure) call (torch's max_iter; Descent's default 1, torch's 20). */
  maxIter: number;
  /** `lbfgs`'s line search: 0 none (a fixed step η), 1 strong Wolfe (torch's line_search_fn). */
  lineSearch: number;
  /** `lbfgs` stops a call once ‖g‖∞ ≤ this (torch's tolerance_grad). */
  tolGrad: number;
  /** `lbfgs` stops a call once a step or a change of f is below this (torch's tolerance_change). */
  tolChange: number;
  /** r, `sam`'s ascent radius (the paper's ρ). */
  radius: number;
  /** The rule `sam` and `lookahead` wrap: an index into INNER_OPTIMIZERS (links and the CLI name it). */
  inner: number;
  /** k, `lookahead`'s fast steps between two pull-backs. */
  syncPeriod: number;
  /** α, how far `lookahead`'s slow weights move toward the fast ones at a pull-back. */
  slowStep: number;
}
export type HyperparamKey = keyof Hyperparams;

/**
 * An analytic loss surface f(x, y).
 * The three evaluation methods write into caller-owned arrays so that the step loop
 * allocates nothing.
 */
export interface Surface {
  readonly id: string;
  /** English display name; the UI translates by id. */
  readonly name: string;
  /** The formula as plain text, e.g. "x^2 - y^2". */
  readonly formula: string;
  /** The formula as LaTeX, e.g. "x^2 - y^2". */
  readonly latex: string;
  /** f(x, y) */
  value(x: number, y: number): number;
  /** Writes ∂f/∂x into out[0] and ∂f/∂y into out[1]; returns f(x, y). */
  valueAndGrad(x: number, y: number, out: Float64Array): number;
  /** Writes ∂²f/∂x² into out[0], ∂²f/∂x∂y into out[1] and ∂²f/∂y² into out[2]. */
  hessian(x: number, y: number, out: Float64Array): void;
  /** The plotting domain. */
  readonly domain: Domain;
  /** A start point that makes a good first demo. */
  readonly start: Vec2;
  /** A number of steps that makes a good first demo. */
  readonly steps: number;
  /** Hyperparameters per optimizer that make a good first demo here (the rest: the optimizer's defaults). */
  readonly defaults: Readonly<Partial<Record<OptimizerId, Partial<Hyperparams>>>>;
  /** Known minima, global ones first. */
  readonly minima: readonly Minimum[];
  /** Saddle points worth marking, if any. */
  readonly saddles?: readonly Vec2[];
  /**
   * One sentence on what a typed surface is (English). A built-in surface's is UI text, in the
   * i18n messages by its id, and not repeated here.
   */
  readonly about?: string;
  /** A data surface's examples and its mini-batches over them; absent on every other surface. */
  readonly data?: SurfaceData;
}

/**
 * What a data surface adds (data/dataSurfaces.ts): the examples whose mean loss it is, and
 * mini-batches over them. The batching code comes with the data (a chunk of its own in the app),
 * so that the engine every page loads does not carry it.
 */
export interface SurfaceData {
  readonly examples: ExampleSet;
  /** A stream of mini-batches for one run of `steps` steps on `base` (the surface, or its wrapper). */
  stream(base: Surface, spec: BatchSpec, steps: number): BatchSource;
  /** The example indices of each step's batch, steps 1 … steps (index 0: empty, the start). */
  indices(spec: BatchSpec, steps: number): number[][];
  /** Steps in one epoch: batches of spec.size, the last one dropped with dropLast. */
  epochSteps(spec: BatchSpec): number;
}

/** A run's mini-batches as its kernel's gradient hook sees them (data/batches.ts BatchStream). */
export interface BatchSource {
  /** The current batch's mean loss, for the kernel to step on. */
  readonly surface: Surface;
  /** Each step's batch loss at the point it started from (index t: step t). */
  readonly losses: Float64Array;
  beforeStep(f: Surface, x: number, y: number, g: Float64Array): number;
  onEvaluation(g: Float64Array): void;
}

/**
 * Why a run stopped early: it left for good ('diverged'), Newton met a singular Hessian, or
 * L-BFGS's line search found no lower point along its direction.
 */
export type RunStatus = 'ok' | 'diverged' | 'singular' | 'lineSearchFailed';

/** How a run samples a data surface's examples (data/batches.ts): batch size, the permutations' seed, and drop_last. */
export interface BatchSpec {
  readonly size: number;
  readonly seed: number;
  readonly dropLast?: boolean;
}

/** Gaussian gradient noise (mini-batch noise): g ← g + σ·N(0, I), from a seeded generator. */
export interface NoiseSpec {
  readonly sigma: number;
  readonly seed: number;
}

/** A penalty added to the surface: λ·‖w‖² (l2) or λ·‖w‖₁ (l1). */
export interface PenaltySpec {
  readonly kind: 'l1' | 'l2';
  readonly lambda: number;
}

import type { ExampleSet } from './data/models';
import type { ScheduleSpec } from './schedules';

/** One run: an optimizer with its hyperparameters, from a start, on a surface. */
export interface RunSpec {
  readonly surface: Surface;
  readonly optimizer: OptimizerId;
  /** Missing values come from the surface's defaults for this optimizer, then the optimizer's. */
  readonly params?: Readonly<Partial<Hyperparams>>;
  /** Missing: the surface's start. */
  readonly start?: Vec2;
  /** Missing: the surface's steps. */
  readonly steps?: number;
  /** Adam-family bias correction; false is the CS231n "first step" lesson. Default true. */
  readonly biasCorrection?: boolean;
  readonly noise?: NoiseSpec;
  readonly penalty?: PenaltySpec;
  /** How η changes over the steps; missing: constant. */
  readonly schedule?: ScheduleSpec;
  /**
   * Mini-batches of a data surface's examples (data/batches.ts); missing, or a batch of every
   * example: the full loss, as on any surface.
   */
  readonly batch?: BatchSpec;
}

/**
 * A computed path. Points 0..steps are valid: point 0 is the start and point k the
 * position after k steps. The arrays may be longer than steps + 1 (they are reused).
 */
export interface Trajectory {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  /** Steps actually taken (fewer than asked when the run diverged or hit a singular Hessian). */
  steps: number;
  status: RunStatus;
  /** Every hyperparameter value used, defaults included. */
  params: Hyperparams;
  /**
   * Loss-and-gradient evaluations the run spent, where a rule spends a varying number per step
   * (L-BFGS: each call's closure plus its line search, torch's state['func_evals']); absent for
   * the rules that spend one per step.
   */
  evaluations?: number;
  /**
   * A mini-batch run's batch losses: index t is step t's batch at the point the step started
   * from (what a training loop prints); `loss` is the full data's loss at each point. Absent
   * for every other run.
   */
  batchLoss?: Float64Array;
}
