// The outputs of the CLI. The formatting itself is the engine's (src/engine/export.ts,
// src/engine/pytorchScript.ts), shared with the app's export, so that a file saved from the
// browser and one written here read back alike, bit-for-bit.

import { trajectoryCsv, trajectoryJson, type Trajectory } from '../engine';
import { pytorchScript, type TorchTranslator } from '../engine/pytorchScript';
import type { CliRun } from './args';

export { CSV_HEADER } from '../engine';

/**
 * One JSON object and a newline:
 * {"surface", "optimizer", "params": RunParams, "status", "path": [[x, y, f], …]},
 * the path from the start, one point per step taken (trajectory.steps + 1 points).
 */
export function formatJson(run: CliRun, trajectory: Trajectory): string {
  return `${trajectoryJson(run, trajectory)}\n`;
}

/** A header line, then one line per point: step 0 is the start. */
export function formatCsv(trajectory: Trajectory): string {
  return trajectoryCsv(trajectory);
}

let torchTranslator: TorchTranslator | null = null;

/**
 * The formula-to-torch translation (src/engine/formula, which brings mathjs): the entry point
 * loads and registers it only when the command line asks for --format pytorch.
 */
export function useTorchTranslator(translate: TorchTranslator): void {
  torchTranslator = translate;
}

/**
 * A Python script that replays the run with torch.optim, from the same start with the same
 * hyperparameters, schedule and noise, and prints its largest deviation from this path.
 */
export function formatPytorch(run: CliRun, trajectory: Trajectory): string {
  if (!torchTranslator) throw new Error('the formula translation for --format pytorch was not loaded');
  return pytorchScript([{ run, path: trajectory }], torchTranslator);
}
