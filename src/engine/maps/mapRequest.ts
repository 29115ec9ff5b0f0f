// What a map of many runs asks for, in plain data that crosses to a Web Worker or a worker
// thread unchanged, and the checks that turn a bad request into a message naming its bad part.

import { hyperparamInfo, type HyperparamInfo } from '../hyperparams';
import { getOptimizer } from '../optimizers/table';
import type { Domain, HyperparamKey, Hyperparams, NoiseSpec, OptimizerId, PenaltySpec, RunSpec, Vec2, BatchSpec } from '../types';
import type { ScheduleSpec } from '../schedules';

/** The surface of a map: a built-in by id, or a typed formula and its plot domain. */
export type MapSurface = { readonly id: string } | { readonly expr: string; readonly domain: Domain };

/** One run's settings without its surface: what every cell of a map starts from. */
interface MapRun {
  readonly optimizer: OptimizerId;
  readonly params: Readonly<Partial<Hyperparams>>;
  readonly start: Vec2;
  readonly steps: number;
  readonly biasCorrection?: boolean;
  readonly schedule?: ScheduleSpec;
  readonly noise?: NoiseSpec;
  readonly penalty?: PenaltySpec;
  /** A data surface's mini-batches: every cell draws the same batches. */
  readonly batch?: BatchSpec;
}

/**
 * The map run of an engine run with its start and steps written out (as the app's `runSpec` and
 * the command line's parser both give them). The one place a run becomes the part
 * of a request every cell starts from, so that the app's map and `trajectory map` ask for the
 * same cells: the surface is left out (a request names it as plain data), params are copied (a
 * request is plain data, not a view of the caller's run), and schedule, noise and penalty appear
 * only when the run has them (a request's JSON is the app's key for "this map is already shown").
 */
export function mapRunOf(spec: RunSpec & Pick<MapRun, 'start' | 'steps'>): MapRun {
  return {
    optimizer: spec.optimizer,
    params: { ...spec.params },
    start: spec.start,
    steps: spec.steps,
    biasCorrection: spec.biasCorrection,
    ...(spec.schedule && { schedule: spec.schedule }),
    ...(spec.noise && { noise: spec.noise }),
    ...(spec.penalty && { penalty: spec.penalty }),
    ...(spec.batch && { batch: spec.batch }),
  };
}

/** One axis of a hyperparameter map: `cells` values of `param` from `from` to `to`. */
export interface MapAxis {
  readonly param: HyperparamKey;
  readonly from: number;
  readonly to: number;
  readonly cells: number;
}

/**
 * A heatmap over two of a run's hyperparameters: each cell is the run with those two values,
 * every other setting as in `run`. `tolerance`: the loss gap f − f* that counts as arrived.
 */
export interface HyperMapRequest {
  readonly kind: 'hyper';
  readonly surface: MapSurface;
  readonly run: MapRun;
  readonly x: MapAxis;
  readonly y: MapAxis;
  readonly tolerance: number;
}

/** Where each start ends: the run from the centre of every cell of a grid over `domain`. */
export interface BasinMapRequest {
  readonly kind: 'basin';
  readonly surface: MapSurface;
  readonly run: MapRun;
  readonly domain: Domain;
  readonly cellsX: number;
  readonly cellsY: number;
  readonly tolerance: number;
}

export type MapRequest = HyperMapRequest | BasinMapRequest;

/** Cells per side: a 512 × 512 map is 262,144 runs, about 6 MB of outcomes on the main thread. */
const MAP_MAX_SIDE = 512;
const MAP_MIN_SIDE = 2;
/** Steps in all (cells × steps): a map that would take minutes is refused, not started. */
const MAP_MAX_WORK = 2e9;

export class MapRequestError extends Error {}

/** The hyperparameters a map can sweep for this optimizer: its own, with a slider (not switches or lists). */
export function mappableParams(optimizer: OptimizerId): HyperparamInfo[] {
  const info = getOptimizer(optimizer);
  if (!info) return [];
  return info.params.map((key) => hyperparamInfo(key)).filter((h): h is HyperparamInfo => h !== undefined && !h.switch && !h.choices);
}

function checkSide(name: string, n: number): void {
  if (!Number.isInteger(n) || n < MAP_MIN_SIDE || n > MAP_MAX_SIDE) {
    throw new MapRequestError(`${name} must be a whole number of cells from ${MAP_MIN_SIDE} to ${MAP_MAX_SIDE}, got ${n}`);
  }
}

function checkAxis(optimizer: OptimizerId, name: string, axis: MapAxis): void {
  const info = mappableParams(optimizer).find((h) => h.key === axis.param);
  if (!info) {
    const allowed = mappableParams(optimizer).map((h) => h.key);
    throw new MapRequestError(`${optimizer} has no hyperparameter "${axis.param}" to map on the ${name} axis (it has ${allowed.join(', ') || 'none'})`);
  }
  for (const [end, v] of [['from', axis.from], ['to', axis.to]] as const) {
    if (!(Number.isFinite(v) && v >= info.min && v <= info.max && info.valid(v))) {
      throw new MapRequestError(`the ${name} axis's ${end} value for ${axis.param} must lie in the slider's range [${info.min}, ${info.max}], got ${v}`);
    }
  }
  if (!(axis.from < axis.to)) throw new MapRequestError(`the ${name} axis must run from a smaller to a larger ${axis.param}, got ${axis.from} to ${axis.to}`);
  checkSide(`the ${name} axis`, axis.cells);
}

/** Throws a MapRequestError that names the bad part, or returns the request unchanged. */
export function checkMapRequest(request: MapRequest): MapRequest {
  const { run } = request;
  if (!getOptimizer(run.optimizer)) throw new MapRequestError(`unknown optimizer "${run.optimizer}"`);
  if (!(Number.isInteger(run.steps) && run.steps >= 1)) throw new MapRequestError(`a map needs runs of at least 1 step, got ${run.steps}`);
  if (!(Number.isFinite(request.tolerance) && request.tolerance > 0)) throw new MapRequestError(`the tolerance must be a finite number > 0, got ${request.tolerance}`);
  let cells: number;
  if (request.kind === 'hyper') {
    checkAxis(run.optimizer, 'x', request.x);
    checkAxis(run.optimizer, 'y', request.y);
    if (request.x.param === request.y.param) throw new MapRequestError(`the two axes must map different hyperparameters, both are ${request.x.param}`);
    cells = request.x.cells * request.y.cells;
  } else {
    checkSide('the basin map’s width', request.cellsX);
    checkSide('the basin map’s height', request.cellsY);
    const { x, y } = request.domain;
    if (!(Number.isFinite(x[0]) && Number.isFinite(x[1]) && Number.isFinite(y[0]) && Number.isFinite(y[1]) && x[0] < x[1] && y[0] < y[1])) {
      throw new MapRequestError('the basin map’s domain must be four finite numbers with x₀ < x₁ and y₀ < y₁');
    }
    cells = request.cellsX * request.cellsY;
  }
  if (cells * run.steps > MAP_MAX_WORK) {
    throw new MapRequestError(`${cells} cells × ${run.steps} steps is more than ${MAP_MAX_WORK.toExponential(0)} steps in all: use fewer cells or steps`);
  }
  return request;
}

/** Cells along x and y. */
export function mapSize(request: MapRequest): { readonly nx: number; readonly ny: number } {
  return request.kind === 'hyper' ? { nx: request.x.cells, ny: request.y.cells } : { nx: request.cellsX, ny: request.cellsY };
}

/**
 * Where along an axis the slider's scale puts a value, as a number that moves evenly: a decade
 * of η, a decade of 1 − β₂, or the value itself.
 */
export function toAxisUnit(param: HyperparamKey, v: number): number {
  const scale = hyperparamInfo(param)?.scale;
  if (scale === 'log') return Math.log10(v);
  if (scale === 'one-minus-log') return Math.log10(1 - v);
  return v;
}

export function fromAxisUnit(param: HyperparamKey, u: number): number {
  const scale = hyperparamInfo(param)?.scale;
  if (scale === 'log') return 10 ** u;
  if (scale === 'one-minus-log') return 1 - 10 ** u;
  if (scale === 'integer') return Math.round(u);
  return u;
}

/**
 * The value of cell i's centre (cells split the axis evenly in the slider's scale), so that a
 * log axis of η gives each decade the same number of cells.
 */
export function axisValue(axis: MapAxis, i: number): number {
  const a = toAxisUnit(axis.param, axis.from);
  const b = toAxisUnit(axis.param, axis.to);
  // Twelve significant digits: a tidy value for the run a click sets (and its link), and the same
  // value in every JavaScript engine, where 10 ** u may differ in the last bit (Chromium's V8
  // and Node 20's do for about a tenth of arguments).
  return Number(fromAxisUnit(axis.param, a + ((i + 0.5) / axis.cells) * (b - a)).toPrecision(12));
}

/** The cell whose span holds `v` (clamped to the axis), for marking the run's own setting. */
export function axisCell(axis: MapAxis, v: number): number {
  const a = toAxisUnit(axis.param, axis.from);
  const b = toAxisUnit(axis.param, axis.to);
  const u = (toAxisUnit(axis.param, v) - a) / (b - a);
  return Math.min(axis.cells - 1, Math.max(0, Math.floor(u * axis.cells)));
}

/** Where a start cell's centre lies on a basin map. */
export function basinStart(request: BasinMapRequest, i: number, j: number): Vec2 {
  const { x, y } = request.domain;
  return [x[0] + ((i + 0.5) / request.cellsX) * (x[1] - x[0]), y[0] + ((j + 0.5) / request.cellsY) * (y[1] - y[0])];
}
