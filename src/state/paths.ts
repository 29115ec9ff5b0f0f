// The computed paths, derived from the store. Kept out of the store on purpose: they are
// big typed arrays that change on every slider move, and React never needs to diff them.
import { simulateRun, withPenalty, type Surface, type Trajectory } from '../engine';
import { sceneSurface, type PenaltyConfig, type RunConfig, type SceneData } from './store';

export interface ComputedRun {
  readonly run: RunConfig;
  readonly path: Trajectory;
  /** First step at which the particle is outside the plotted domain; -1 if it never leaves. */
  readonly leftAt: number;
}

export interface ComputedScene {
  readonly surface: Surface;
  readonly runs: readonly ComputedRun[];
  /** The longest path, in steps: where playback ends. */
  readonly lastStep: number;
  /** Increases with every recompute, so views can tell cheaply that they must redraw. */
  readonly version: number;
}

let cached: ComputedScene | null = null;
let cachedKey: readonly unknown[] = [];
let version = 0;
// Reused per run id: a recompute writes into the same Float64Arrays as the last one.
const buffers = new Map<string, Trajectory>();

function firstStepOutside(surface: Surface, path: Trajectory): number {
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  for (let k = 0; k <= path.steps; k++) {
    const x = path.x[k];
    const y = path.y[k];
    if (x < x0 || x > x1 || y < y0 || y > y1) return k;
  }
  return -1;
}

let lastPenalized: { base: Surface; kind: string; lambda: number; surface: Surface } | null = null;

/**
 * The surface with its penalty, shared by the mesh and the runs (so the mesh shows the
 * minimum moving), and kept while only other settings change: a new surface object would
 * rebuild the mesh.
 */
function penalized(base: Surface, penalty: PenaltyConfig): Surface {
  if (!(penalty.lambda > 0)) return base;
  if (lastPenalized && lastPenalized.base === base && lastPenalized.kind === penalty.kind && lastPenalized.lambda === penalty.lambda) {
    return lastPenalized.surface;
  }
  const surface = withPenalty(base, penalty);
  lastPenalized = { base, kind: penalty.kind, lambda: penalty.lambda, surface };
  return surface;
}

/**
 * The paths for this scene, recomputed in full only when something they depend on changed
 * (the inputs are immutable, so reference equality tells).
 */
export function computeScene(scene: Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'noise' | 'penalty'>): ComputedScene {
  const key = [scene.surfaceId, scene.custom, scene.start, scene.steps, scene.runs, scene.noise, scene.penalty];
  if (cached && key.every((k, i) => k === cachedKey[i])) return cached;
  const surface = penalized(sceneSurface(scene), scene.penalty);
  const runs: ComputedRun[] = [];
  let lastStep = 0;
  const live = new Set<string>();
  for (const run of scene.runs) {
    live.add(run.id);
    const path = simulateRun(
      {
        surface,
        optimizer: run.optimizer,
        params: run.params,
        start: scene.start,
        steps: scene.steps,
        biasCorrection: run.biasCorrection,
        schedule: run.schedule,
        ...(scene.noise.sigma > 0 && { noise: scene.noise }),
      },
      buffers.get(run.id),
    );
    buffers.set(run.id, path);
    runs.push({ run, path, leftAt: firstStepOutside(surface, path) });
    if (run.visible) lastStep = Math.max(lastStep, path.steps);
  }
  for (const id of buffers.keys()) if (!live.has(id)) buffers.delete(id);
  cached = { surface, runs, lastStep: Math.max(lastStep, 0), version: ++version };
  cachedKey = key;
  return cached;
}
