import { HYPERPARAMS, NEUTRAL_HYPERPARAMS, type HyperparamInfo } from './hyperparams';
import { getOptimizer, type OptimizerInfo } from './optimizers/table';
import type { Bounds, GradientSource, StepLoop, StepRecorder } from './optimizers/loop';
import { withPenalty } from './penalty';
import { GaussianNoise } from './random';
import { checkSchedule, scheduleTable } from './schedules';
import type { BatchSource, HyperparamKey, Hyperparams, OptimizerId, RunSpec, Surface, Trajectory, Vec2 } from './types';

/** The most steps one run may take: 1e6 points is 24 MB of Float64Arrays. */
export const MAX_STEPS = 1_000_000;

/**
 * Every hyperparameter of a run: what the caller gave, else the surface's demo default for
 * this optimizer, else the optimizer's own (PyTorch's) default.
 */
export function resolveParams(
  surface: Surface,
  optimizer: OptimizerId,
  params?: Readonly<Partial<Hyperparams>>,
): Hyperparams {
  const { base, checks } = paramBase(surface, optimizer);
  const values = scratchValues;
  values.set(base);
  if (params) {
    for (const key in params) {
      const v = params[key as HyperparamKey];
      const at = KEY_INDEX.get(key);
      if (v !== undefined && v !== null && at !== undefined) values[at] = v;
    }
  }
  const resolved = hyperparamsFrom(values);
  for (const h of checks) {
    if (!h.valid(resolved[h.key])) {
      throw new RangeError(`${h.key} (${h.symbol}) must be ${h.accepts}, got ${resolved[h.key]}`);
    }
  }
  return resolved;
}

const KEY_INDEX: ReadonlyMap<string, number> = new Map(HYPERPARAMS.map((h, i) => [h.key, i]));
const I = Object.fromEntries(KEY_INDEX) as Readonly<Record<HyperparamKey, number>>;
const scratchValues = new Float64Array(HYPERPARAMS.length);

/**
 * Every run's hyperparameters as one object literal, so that they all have one hidden class with
 * every field a double: kernels read the object on entry, and a new shape each run made V8 throw
 * away the optimized kernel every time (about a fifth of the speed). Built key by key or cloned,
 * the objects' shapes drifted as V8 widened fields (L-BFGS's η = 1 is a small integer), and a map
 * of 65,536 runs spent more time making them than stepping.
 */
function hyperparamsFrom(v: Float64Array): Hyperparams {
  return {
    lr: v[I.lr],
    rho: v[I.rho],
    decay: v[I.decay],
    beta1: v[I.beta1],
    beta2: v[I.beta2],
    eps: v[I.eps],
    weightDecay: v[I.weightDecay],
    dampening: v[I.dampening],
    momentumDecay: v[I.momentumDecay],
    etaMinus: v[I.etaMinus],
    etaPlus: v[I.etaPlus],
    stepMin: v[I.stepMin],
    stepMax: v[I.stepMax],
    lambd: v[I.lambd],
    power: v[I.power],
    centered: v[I.centered],
    lrDecay: v[I.lrDecay],
    initialAccumulator: v[I.initialAccumulator],
    historySize: v[I.historySize],
    maxIter: v[I.maxIter],
    lineSearch: v[I.lineSearch],
    tolGrad: v[I.tolGrad],
    tolChange: v[I.tolChange],
    radius: v[I.radius],
    inner: v[I.inner],
    syncPeriod: v[I.syncPeriod],
    slowStep: v[I.slowStep],
    t0: v[I.t0],
  };
}

/** The values a run takes when it gives none (in HYPERPARAMS order), and the checks of the optimizer's own. */
interface ParamBase {
  readonly base: Float64Array;
  readonly checks: readonly HyperparamInfo[];
}

const paramBases = new WeakMap<Surface, Map<OptimizerId, ParamBase>>();

function paramBase(surface: Surface, optimizer: OptimizerId): ParamBase {
  let bySurface = paramBases.get(surface);
  if (!bySurface) paramBases.set(surface, (bySurface = new Map()));
  const hit = bySurface.get(optimizer);
  if (hit) return hit;
  const info = getOptimizer(optimizer);
  if (!info) throw new RangeError(`unknown optimizer "${optimizer}"`);
  const demo = surface.defaults[optimizer];
  const base = Float64Array.from(HYPERPARAMS, (h) => demo?.[h.key] ?? info.defaults[h.key] ?? NEUTRAL_HYPERPARAMS[h.key]);
  const checks = info.params.map((key) => HYPERPARAMS.find((p) => p.key === key)).filter((h): h is HyperparamInfo => h !== undefined);
  const made: ParamBase = { base, checks };
  bySurface.set(optimizer, made);
  return made;
}

function allocate(points: number): Trajectory {
  return {
    x: new Float64Array(points),
    y: new Float64Array(points),
    loss: new Float64Array(points),
    steps: 0,
    status: 'ok',
    params: { ...NEUTRAL_HYPERPARAMS },
  };
}

/** How many plot-widths from the plot's centre a particle may wander before it counts as diverged. */
export const ESCAPE_WIDTHS = 1000;

function escapeBounds(surface: Surface): Bounds {
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const rx = ESCAPE_WIDTHS * (x1 - x0);
  const ry = ESCAPE_WIDTHS * (y1 - y0);
  return { xmin: cx - rx, xmax: cx + rx, ymin: cy - ry, ymax: cy + ry };
}

// One set of scratch arrays for all runs: kernels are never re-entered.
const scratchGradient = new Float64Array(2);
const scratchHessian = new Float64Array(3);

/** A mini-batch's gradient with Gaussian noise on top, as noise is on any gradient. */
function bothSources(batches: BatchSource, noise: GaussianNoise): GradientSource {
  return {
    beforeStep(f, x, y, g) {
      const loss = batches.beforeStep(f, x, y, g);
      noise.perturb(g);
      return loss;
    },
    onEvaluation: (g) => noise.perturb(g),
  };
}

/** A run checked and resolved: everything its kernel needs besides the output arrays. */
export interface PreparedRun {
  readonly info: OptimizerInfo;
  readonly steps: number;
  readonly start: Vec2;
  readonly params: Hyperparams;
  /** The surface with the run's penalty, if any. */
  readonly surface: Surface;
  readonly noise: GradientSource | null;
  /** A mini-batch run's stream of batches; null for a full-batch run. */
  readonly batches: BatchSource | null;
  /** The full loss (with the penalty), which a mini-batch run's points are given afterwards. */
  readonly fullSurface: Surface;
  readonly lrScale: Float64Array | null;
  readonly biasCorrection: boolean;
  readonly bounds: Bounds;
}

/** Checks a spec and resolves its defaults; throws a RangeError that names a bad value. */
export function prepareRun(spec: RunSpec): PreparedRun {
  const info = getOptimizer(spec.optimizer);
  if (!info) throw new RangeError(`unknown optimizer "${spec.optimizer}"`);
  const steps = spec.steps ?? spec.surface.steps;
  if (!(Number.isInteger(steps) && steps >= 0 && steps <= MAX_STEPS)) {
    throw new RangeError(`steps must be an integer from 0 to ${MAX_STEPS}, got ${steps}`);
  }
  const start: Vec2 = spec.start ?? spec.surface.start;
  if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
    throw new RangeError(`the start must be two finite numbers, got (${start[0]}, ${start[1]})`);
  }
  const params = resolveParams(spec.surface, spec.optimizer, spec.params);
  let noise: GaussianNoise | null = null;
  if (spec.noise && spec.noise.sigma !== 0) {
    const { sigma, seed } = spec.noise;
    if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`noise σ must be a finite number ≥ 0, got ${sigma}`);
    if (!Number.isInteger(seed)) throw new RangeError(`noise seed must be an integer, got ${seed}`);
    noise = new GaussianNoise(sigma, seed);
  }
  const fullSurface = spec.penalty ? withPenalty(spec.surface, spec.penalty) : spec.surface;
  // A batch of every example is the full loss itself, in the data's order: bit for bit plain descent.
  const data = spec.surface.data;
  if (spec.batch && !data) throw new RangeError(`surface "${spec.surface.id}" has no data to draw batches from`);
  const batches = spec.batch && data && spec.batch.size !== data.examples.count ? data.stream(spec.surface, spec.batch, steps) : null;
  const surface = batches === null ? fullSurface : spec.penalty ? withPenalty(batches.surface, spec.penalty) : batches.surface;
  const source: GradientSource | null = batches === null ? noise : noise === null ? batches : bothSources(batches, noise);
  if (spec.schedule) checkSchedule(spec.schedule);
  const lrScale = spec.schedule ? scheduleTable(spec.schedule, steps) : null;
  return {
    info,
    steps,
    start,
    params,
    surface,
    noise: source,
    batches,
    fullSurface,
    lrScale,
    // Only the rules with the switch can turn it off (a wrapper's inner Adam always corrects).
    biasCorrection: info.hasBiasCorrection ? (spec.biasCorrection ?? true) : true,
    bounds: escapeBounds(spec.surface),
  };
}

/**
 * Runs a prepared run's kernel into `out` (arrays of at least steps + 1), recording into
 * `rec` when given; sets out.steps, out.status and out.params.
 */
export function runKernel(run: PreparedRun, out: Trajectory, rec: StepRecorder | null): void {
  const { start, surface } = run;
  out.params = run.params;
  out.status = 'ok';
  out.x[0] = start[0];
  out.y[0] = start[1];
  const f0 = surface.valueAndGrad(start[0], start[1], scratchGradient);
  out.loss[0] = f0;
  if (!Number.isFinite(f0)) {
    out.steps = 0;
    out.status = 'diverged';
    return;
  }
  const loop: StepLoop = {
    f: surface,
    p: run.params,
    n: run.steps,
    x: out.x,
    y: out.y,
    loss: out.loss,
    g: scratchGradient,
    h: scratchHessian,
    noise: run.noise,
    biasCorrection: run.biasCorrection,
    bounds: run.bounds,
    lrScale: run.lrScale,
    rec,
    sync: null,
    status: 'ok',
  };
  out.steps = run.info.kernel(loop);
  out.status = loop.status;
  if (run.batches === null) delete out.batchLoss;
  else {
    // The path's loss is the whole data's (what the surface shows); the batches' are kept beside it.
    out.batchLoss = run.batches.losses;
    for (let t = 0; t <= out.steps; t++) out.loss[t] = run.fullSurface.value(out.x[t], out.y[t]);
  }
  // A recycled Trajectory may carry the count of an L-BFGS run it held before.
  if (loop.evaluations === undefined) delete out.evaluations;
  else out.evaluations = loop.evaluations;
}

/**
 * Runs one optimizer from its start for its number of steps and returns the whole path.
 * Pass the previous result as `reuse` to recompute into the same arrays (no allocation
 * when they are long enough): this is how the app recomputes every path on each slider move.
 */
export function simulateRun(spec: RunSpec, reuse?: Trajectory): Trajectory {
  const run = prepareRun(spec);
  const out = reuse && reuse.x.length >= run.steps + 1 ? reuse : allocate(run.steps + 1);
  runKernel(run, out, null);
  return out;
}

/** Runs many runs; `reuse[i]` is recycled for run i when given. */
export function simulate(runs: readonly RunSpec[], reuse?: readonly Trajectory[]): Trajectory[] {
  return runs.map((spec, i) => simulateRun(spec, reuse?.[i]));
}
