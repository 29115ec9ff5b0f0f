// The two outputs of the CLI. Numbers are written with String(n), the shortest text that
// reads back as the same double, and −0 as "-0" (JSON.stringify would write "0"), so that
// a path read back from either format is bit-for-bit the one computed.

import { getOptimizer, type Hyperparams, type NoiseSpec, type PenaltySpec, type Trajectory } from '../engine';
import type { CliRun } from './args';

/**
 * Every value a run used, defaults included:
 * - the hyperparameters its optimizer reads, in the optimizer's order (engine names: lr, rho,
 *   decay, beta1, beta2, eps, weightDecay, momentumDecay);
 * - `steps` (as asked; the path is shorter when the run stopped early) and `start`;
 * - `biasCorrection` for the optimizers that have the switch (adam, amsgrad, adamw, adamax);
 * - `noise` ({sigma, seed}) and `penalty` ({kind, lambda}) when their flags were given, in
 *   the engine's own shapes (NoiseSpec, PenaltySpec).
 */
export type RunParams = Partial<Hyperparams> & {
  steps: number;
  start: [number, number];
  biasCorrection?: boolean;
  noise?: { sigma: NoiseSpec['sigma']; seed: NoiseSpec['seed'] };
  penalty?: { kind: PenaltySpec['kind']; lambda: PenaltySpec['lambda'] };
};

export function runParams(run: CliRun, trajectory: Trajectory): RunParams {
  const info = getOptimizer(run.optimizer);
  const params: RunParams = { steps: run.steps, start: [run.start[0], run.start[1]] };
  const hyper: Partial<Hyperparams> = {};
  for (const key of info ? info.params : []) hyper[key] = trajectory.params[key];
  if (info?.hasBiasCorrection) params.biasCorrection = run.biasCorrection;
  if (run.noise) params.noise = { sigma: run.noise.sigma, seed: run.noise.seed };
  if (run.penalty) params.penalty = { kind: run.penalty.kind, lambda: run.penalty.lambda };
  // Hyperparameters first: they are what a reader compares between runs.
  return { ...hyper, ...params };
}

/** A double as JSON: exact, and null where JSON has no number (as JSON.stringify does). */
function jsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Object.is(n, -0) ? '-0' : String(n);
}

function csvNumber(n: number): string {
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
 * One JSON object and a newline:
 * {"surface", "optimizer", "params": RunParams, "status", "path": [[x, y, f], …]},
 * the path from the start, one point per step taken (trajectory.steps + 1 points).
 */
export function formatJson(run: CliRun, trajectory: Trajectory): string {
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
  });
  // The path is built by hand: a million points through a generic serializer is slow.
  return `${head.slice(0, -1)},"path":[${points.join(',')}]}\n`;
}

export const CSV_HEADER = 'step,x,y,loss';

/** A header line, then one line per point: step 0 is the start. */
export function formatCsv(trajectory: Trajectory): string {
  const lines: string[] = new Array<string>(trajectory.steps + 2);
  lines[0] = CSV_HEADER;
  for (let k = 0; k <= trajectory.steps; k++) {
    lines[k + 1] = `${k},${csvNumber(trajectory.x[k])},${csvNumber(trajectory.y[k])},${csvNumber(trajectory.loss[k])}`;
  }
  return `${lines.join('\n')}\n`;
}
