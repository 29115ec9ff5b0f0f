// A trajectory as text: the CLI's two formats, shared with the app's export so that a file
// saved from the browser reads back exactly like the command line's. Numbers are written with
// String(n), the shortest text that reads back as the same double, and −0 as "-0"
// (JSON.stringify would write "0"), so that a path read back is bit-for-bit the one computed.

import { getOptimizer } from './optimizers/table';
import type { ScheduleSpec } from './schedules';
import type { DataSurface } from './data/dataSurfaces';
import type { BatchSpec, Hyperparams, NoiseSpec, OptimizerId, PenaltySpec, RunSpec, Trajectory, Vec2 } from './types';

/**
 * A run with every choice written out, as the CLI reports it (its CliRun is one) and as the
 * app rebuilds it from a scene.
 */
export interface ExportedRun extends RunSpec {
  /** The typed formula, as mathjs prints it back, when the run is on a typed surface. */
  readonly expr?: string;
  readonly optimizer: OptimizerId;
  readonly start: Vec2;
  readonly steps: number;
  readonly biasCorrection: boolean;
}

/**
 * Every value a run used, defaults included:
 * - the hyperparameters its optimizer reads, in the optimizer's order (engine names: lr, rho,
 *   decay, beta1, beta2, eps, weightDecay, momentumDecay);
 * - `steps` (as asked; the path is shorter when the run stopped early) and `start`;
 * - `biasCorrection` for the optimizers that have the switch (adam, amsgrad, adamw, adamax);
 * - `schedule` ({kind, …its fields}) when η is not constant, `noise` ({sigma, seed}) and
 *   `penalty` ({kind, lambda}) when the run has them, in the engine's own shapes (ScheduleSpec,
 *   NoiseSpec, PenaltySpec): everything the command line needs to run it again;
 * - `batch` ({size, seed, dropLast}) for a mini-batch run on a data surface.
 */
export type RunParams = Partial<Hyperparams> & {
  steps: number;
  start: [number, number];
  biasCorrection?: boolean;
  schedule?: ScheduleSpec;
  noise?: { sigma: NoiseSpec['sigma']; seed: NoiseSpec['seed'] };
  penalty?: { kind: PenaltySpec['kind']; lambda: PenaltySpec['lambda'] };
  batch?: { size: BatchSpec['size']; seed: BatchSpec['seed']; dropLast: boolean };
};

export function runParams(run: ExportedRun, trajectory: Trajectory): RunParams {
  const info = getOptimizer(run.optimizer);
  const params: RunParams = { steps: run.steps, start: [run.start[0], run.start[1]] };
  const hyper: Partial<Hyperparams> = {};
  for (const key of info ? info.params : []) hyper[key] = trajectory.params[key];
  if (info?.hasBiasCorrection) params.biasCorrection = run.biasCorrection;
  if (run.schedule && run.schedule.kind !== 'constant') params.schedule = { ...run.schedule };
  if (run.noise) params.noise = { sigma: run.noise.sigma, seed: run.noise.seed };
  if (run.penalty) params.penalty = { kind: run.penalty.kind, lambda: run.penalty.lambda };
  if (run.batch) params.batch = { size: run.batch.size, seed: run.batch.seed, dropLast: run.batch.dropLast === true };
  // Hyperparameters first: they are what a reader compares between runs.
  return { ...hyper, ...params };
}

/** A double as JSON: exact, and null where JSON has no number (as JSON.stringify does). */
export function jsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A double as CSV: exact; NaN and ±Infinity as JavaScript spells them. */
export function csvNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

type Json = number | string | boolean | readonly Json[] | { readonly [key: string]: Json | undefined };

function toJson(value: Json): string {
  if (typeof value === 'number') return jsonNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const fields: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined) fields.push(`${JSON.stringify(key)}:${toJson(v)}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * One JSON object on one line, without a newline:
 * {"surface", "optimizer", "params": RunParams, "status", "path": [[x, y, f], …]},
 * with "expr" and "domain" after "surface" for a typed surface and "evaluations" after "status"
 * for a rule that spends a varying number of them per step (L-BFGS); the path from the start, one
 * point per step taken (trajectory.steps + 1 points).
 */
export function trajectoryJson(run: ExportedRun, trajectory: Trajectory): string {
  const points: string[] = new Array<string>(trajectory.steps + 1);
  for (let k = 0; k <= trajectory.steps; k++) {
    points[k] = `[${jsonNumber(trajectory.x[k])},${jsonNumber(trajectory.y[k])},${jsonNumber(trajectory.loss[k])}]`;
  }
  const head = toJson({
    surface: run.surface.id,
    expr: run.expr,
    domain: run.expr === undefined ? undefined : [...run.surface.domain.x, ...run.surface.domain.y],
    optimizer: run.optimizer,
    params: runParams(run, trajectory),
    status: trajectory.status,
    evaluations: trajectory.evaluations,
    data: dataOf(run),
  });
  // The path is built by hand: a million points through a generic serializer is slow.
  return `${head.slice(0, -1)}${batchesJson(run, trajectory)},"path":[${points.join(',')}]}`;
}

/** What a data surface's run was fitted to: the data set, its model and the data's source. */
function dataOf(run: ExportedRun): Json | undefined {
  const s = run.surface as Partial<DataSurface>;
  if (!run.surface.data || !s.dataset || !s.model) return undefined;
  return { set: s.dataset.id, model: s.model, examples: run.surface.data.examples.count, source: s.dataset.source };
}

/**
 * A mini-batch run's batches, so that anyone (the PyTorch script included) can feed the same
 * ones: "batches", the example indices of each step's batch (steps 1 … n, in order), and
 * "batchLoss", each step's batch loss at the point it started from.
 */
function batchesJson(run: ExportedRun, trajectory: Trajectory): string {
  const data = run.surface.data;
  if (!run.batch || !data || !trajectory.batchLoss) return '';
  const lists = data.indices(run.batch, trajectory.steps).slice(1);
  const losses: string[] = [];
  for (let t = 1; t <= trajectory.steps; t++) losses.push(jsonNumber(trajectory.batchLoss[t]));
  return `,"batches":[${lists.map((b) => `[${b.join(',')}]`).join(',')}],"batchLoss":[${losses.join(',')}]`;
}

/** Several runs as one JSON array, one run's object per line. */
export function trajectoriesJson(runs: readonly { readonly run: ExportedRun; readonly path: Trajectory }[]): string {
  if (runs.length === 0) return '[]\n';
  return `[\n${runs.map((r) => trajectoryJson(r.run, r.path)).join(',\n')}\n]\n`;
}

export const CSV_HEADER = 'step,x,y,loss';

/** One line per point, step 0 the start, each line opened by `prefix` (e.g. "2,adam,"). */
function csvRows(trajectory: Trajectory, prefix: string, lines: string[]): void {
  for (let k = 0; k <= trajectory.steps; k++) {
    lines.push(`${prefix}${k},${csvNumber(trajectory.x[k])},${csvNumber(trajectory.y[k])},${csvNumber(trajectory.loss[k])}`);
  }
}

/** A header line, then one line per point: step 0 is the start. */
export function trajectoryCsv(trajectory: Trajectory): string {
  const lines: string[] = [CSV_HEADER];
  csvRows(trajectory, '', lines);
  return `${lines.join('\n')}\n`;
}

export const RUNS_CSV_HEADER = `run,optimizer,${CSV_HEADER}`;

/**
 * Several runs in one table: the single-run columns with two in front that say whose row it
 * is, `run` (a label such as the run's number; two runs may share an optimizer) and `optimizer`.
 * Labels are written as given, so they must not hold commas, quotes or newlines.
 */
export function trajectoriesCsv(runs: readonly { readonly label: string; readonly optimizer: OptimizerId; readonly path: Trajectory }[]): string {
  const lines: string[] = [RUNS_CSV_HEADER];
  for (const r of runs) csvRows(r.path, `${r.label},${r.optimizer},`, lines);
  return `${lines.join('\n')}\n`;
}
