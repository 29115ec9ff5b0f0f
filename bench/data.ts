// Mini-batches of real data (issue 14): what a slider move costs when every run descends a
// model's loss over its data set, each step a pass over the examples.
import { simulate, type OptimizerId, type RunSpec, type Trajectory } from '../src/engine';
import { DATA_SURFACES } from '../src/engine/data/dataSurfaces';
import { median, timeRuns, type Measurement } from './measure';

/** Twelve of the rules a lesson would race. */
const TWELVE: readonly OptimizerId[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'amsgrad', 'adamw', 'adamax', 'nadam', 'radam'];

export function dataMeasurements(): Measurement[] {
  const out: Measurement[] = [];
  for (const surface of DATA_SURFACES.filter((s) => s.id !== 'anscombe-linear')) {
    const n = surface.data.examples.count;
    for (const batch of [undefined, { size: 10, seed: 1 }]) {
      const specs: RunSpec[] = TWELVE.map((optimizer) => ({ surface, optimizer, steps: 2000, ...(batch && { batch }) }));
      let reuse: Trajectory[] | undefined;
      const ms = median(timeRuns(() => (reuse = simulate(specs, reuse)), 15, 3));
      const what = batch ? `batches of ${batch.size}` : 'full batch';
      // Issue 14's budget is for the full batch (N surface evaluations a step): one frame.
      out.push({ name: `${surface.id} (${n} examples), ${what}: recompute 12 runs x 2000 steps`, value: ms, unit: 'ms', ...(batch ? {} : { target: '≤ 16', ok: ms <= 16 }) });
    }
  }
  return out;
}
