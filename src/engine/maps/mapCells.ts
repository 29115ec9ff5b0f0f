// The runs behind a map's cells. A cell is `simulateRun` with the cell's settings, nothing
// else: the Web Worker, the command line's worker threads and the tests all call this, so a
// cell equals the path the app would draw for the same settings, bit for bit.

import { simulateRun } from '../simulate';
import type { HyperparamKey, RunSpec, Surface, Trajectory, Vec2 } from '../types';
import { axisValue, basinStart, mapSize, type HyperMapRequest, type MapRequest } from './mapRequest';

/** A cell not computed yet, a run that went the distance, one that diverged, one stopped otherwise. */
export const CELL_PENDING = 0;
export const CELL_OK = 1;
export const CELL_DIVERGED = 2;
export const CELL_STOPPED = 3;

/** Outcomes of some cells of a map, in the order of `indices` (cell index = row · nx + column). */
export interface CellBatch {
  readonly indices: Int32Array;
  /** f at the last point. */
  readonly loss: Float64Array;
  /** The first step at which f − f* ≤ tolerance; −1 when never (or f* unknown). */
  readonly reached: Int32Array;
  readonly status: Uint8Array;
  /** The last point, and the length of the last step (how far it still moves). */
  readonly endX: Float64Array;
  readonly endY: Float64Array;
  readonly lastMove: Float64Array;
}

/** The lowest known minimum's f, or NaN when the surface knows none. */
export function knownMinimum(surface: Surface): number {
  let best = Number.NaN;
  for (const m of surface.minima) if (!(m.f >= best)) best = m.f;
  return best;
}

/** The spec every cell starts from, and the params object in it that a cell's values are written into. */
function baseSpec(request: MapRequest, surface: Surface): { spec: RunSpec & { start: Vec2 }; params: Partial<Record<HyperparamKey, number>> } {
  const { run } = request;
  const params: Partial<Record<HyperparamKey, number>> = { ...run.params };
  const spec = {
    surface,
    optimizer: run.optimizer,
    steps: run.steps,
    start: run.start as Vec2,
    params,
    ...(run.biasCorrection !== undefined && { biasCorrection: run.biasCorrection }),
    ...(run.schedule && { schedule: run.schedule }),
    ...(run.noise && { noise: run.noise }),
    ...(run.penalty && { penalty: run.penalty }),
    ...(run.batch && { batch: run.batch }),
  };
  return { spec, params };
}

/**
 * Makes the engine run of a hyperparameter map's run at any values (x, y) of its two
 * hyperparameters, a cell's centre or not (the grid-against-random search samples between them).
 * Like cellSpecs, the returned function reuses one spec and one params object: use each spec
 * before asking for the next.
 */
export function paramSpecs(request: HyperMapRequest, surface: Surface): (x: number, y: number) => RunSpec {
  const { spec, params } = baseSpec(request, surface);
  const px = request.x.param;
  const py = request.y.param;
  return (x, y) => {
    params[px] = x;
    params[py] = y;
    return spec;
  };
}

/**
 * Makes the engine run of each cell of `request` on `surface`. The returned function reuses one
 * spec and one params object (the engine copies what it reads), and the axes' values are worked
 * out once: a map of 65,536 runs of 500 steps spent a fifth of its time making specs otherwise.
 */
function cellSpecs(request: MapRequest, surface: Surface): (index: number) => RunSpec {
  const { nx } = mapSize(request);
  if (request.kind === 'hyper') {
    const xs = Float64Array.from({ length: request.x.cells }, (_, i) => axisValue(request.x, i));
    const ys = Float64Array.from({ length: request.y.cells }, (_, j) => axisValue(request.y, j));
    const at = paramSpecs(request, surface);
    return (index) => {
      const i = index % nx;
      return at(xs[i], ys[(index - i) / nx]);
    };
  }
  const { spec } = baseSpec(request, surface);
  return (index) => {
    const i = index % nx;
    spec.start = basinStart(request, i, (index - i) / nx);
    return spec;
  };
}

/** The engine run behind cell `index` of `request` on `surface` (a fresh spec: for tests and one-offs). */
export function cellSpec(request: MapRequest, surface: Surface, index: number): RunSpec {
  const spec = cellSpecs(request, surface)(index);
  return { ...spec, params: { ...spec.params } };
}

function emptyBatch(count: number): CellBatch {
  return {
    indices: new Int32Array(count),
    loss: new Float64Array(count),
    reached: new Int32Array(count),
    status: new Uint8Array(count),
    endX: new Float64Array(count),
    endY: new Float64Array(count),
    lastMove: new Float64Array(count),
  };
}

/**
 * Runs the cells `indices` of `request`. One Trajectory is reused for every cell: a map of
 * 65,536 runs allocates its paths once.
 */
export function computeCells(request: MapRequest, surface: Surface, indices: ArrayLike<number>): CellBatch {
  const out = emptyBatch(indices.length);
  const fStar = knownMinimum(surface);
  const specOf = cellSpecs(request, surface);
  let path: Trajectory | undefined;
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    out.indices[k] = index;
    const spec = specOf(index);
    let status: number;
    try {
      path = simulateRun(spec, path);
      status = path.status === 'ok' ? CELL_OK : path.status === 'diverged' ? CELL_DIVERGED : CELL_STOPPED;
    } catch {
      // A setting the engine refuses (none within a slider's range should be) reads as a stop.
      out.status[k] = CELL_STOPPED;
      out.loss[k] = Number.NaN;
      out.reached[k] = -1;
      out.endX[k] = out.endY[k] = out.lastMove[k] = Number.NaN;
      continue;
    }
    const n = path.steps;
    out.status[k] = status;
    out.loss[k] = path.loss[n];
    out.endX[k] = path.x[n];
    out.endY[k] = path.y[n];
    out.lastMove[k] = n > 0 ? Math.hypot(path.x[n] - path.x[n - 1], path.y[n] - path.y[n - 1]) : 0;
    let reached = -1;
    if (fStar === fStar) {
      const goal = fStar + request.tolerance;
      for (let t = 0; t <= n; t++) {
        if (path.loss[t] <= goal) {
          reached = t;
          break;
        }
      }
    }
    out.reached[k] = reached;
  }
  return out;
}
