// The one place a run of the store becomes a run of the engine. The paths drawn, the arrows'
// traces, the update-rule panel's numbers, the exported CSV/JSON and (through that JSON) the
// command line all start from this spec, so that they describe the same run bit for bit.
import type { BatchSpec, ExportedRun, Surface } from '../engine';
import { CUSTOM_ID, sceneSurface, type RunConfig, type SceneData } from './store';

/** What of a scene a run's spec depends on. */
export type RunInputs = Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'noise' | 'penalty' | 'batch'>;

/**
 * The engine run for `run` in this scene: the surface as chosen (its penalty travels in the
 * spec, as the CLI's --penalty does; the engine shares the penalized surface between runs), the
 * typed formula's text on a typed surface, the run's hyperparameters, schedule and bias
 * correction, and the scene's start, steps, noise and penalty (noise and penalty only when on).
 */
export function runSpec(scene: RunInputs, run: Pick<RunConfig, 'optimizer' | 'params' | 'biasCorrection' | 'schedule'>): ExportedRun {
  const custom = scene.surfaceId === CUSTOM_ID && scene.custom ? scene.custom : null;
  const surface = sceneSurface(scene);
  const batch = sceneBatch(scene, surface);
  return {
    surface,
    ...(custom && { expr: custom.surface.formula }),
    optimizer: run.optimizer,
    params: run.params,
    start: scene.start,
    steps: scene.steps,
    biasCorrection: run.biasCorrection,
    ...(run.schedule.kind !== 'constant' && { schedule: run.schedule }),
    ...(scene.noise.sigma > 0 && { noise: scene.noise }),
    ...(scene.penalty.lambda > 0 && { penalty: scene.penalty }),
    ...(batch && { batch }),
  };
}

/**
 * The batch this scene runs on `surface` (every run of a scene draws the same batches): the
 * scene's size, at most the data's examples, the permutations seeded by the noise seed. None off
 * a data surface, or with a batch of every example: that batch is the full loss itself.
 */
export function sceneBatch(scene: Pick<SceneData, 'batch' | 'noise'>, surface: Pick<Surface, 'data'>): BatchSpec | undefined {
  const count = surface.data?.examples.count ?? 0;
  const size = scene.batch.size === null ? count : Math.min(scene.batch.size, count);
  return size < count ? { size, seed: scene.noise.seed, dropLast: scene.batch.dropLast } : undefined;
}
