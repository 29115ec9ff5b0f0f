// The two outputs of the CLI. The formatting itself is the engine's (src/engine/export.ts),
// shared with the app's export, so that a file saved from the browser and one written here
// read back alike, bit-for-bit.

import { trajectoryCsv, trajectoryJson, type Trajectory } from '../engine';
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
