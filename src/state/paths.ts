// The data derived from a scene: every run's path (and, for the teaching views, its trace of the
// optimizer's inner state). Kept out of the store on purpose: they are big typed arrays that
// change on every slider move, and React never needs to diff them. One cache per store, so
// that the scene, the arrows, the update-rule panel and the exports all read the same arrays.
import { simulateRun, traceRun, withPenalty, type RunTrace, type Surface, type Trajectory } from '../engine';
import { runMarkers, type MarkerShape } from './markers';
import { runSpec } from './runSpec';
import { sceneStore, sceneSurface, type RunConfig, type SceneData, type SceneStore } from './store';

export interface ComputedRun {
  readonly run: SceneData['runs'][number];
  readonly path: Trajectory;
  /** First step at which the particle is outside the plotted domain; -1 if it never leaves. */
  readonly leftAt: number;
  /** The particle's shape (see runMarkers): twins of one optimizer wear different ones. */
  readonly marker: MarkerShape;
}

export interface ComputedScene {
  /** The surface the runs descend, its penalty included (what the mesh draws). */
  readonly surface: Surface;
  readonly runs: readonly ComputedRun[];
  /** The longest path, in steps: where playback ends. */
  readonly lastStep: number;
  /** Increases with every recompute, so views can tell cheaply that they must redraw. */
  readonly version: number;
  /** Steps in one epoch when the runs descend a data surface in mini-batches; 0 otherwise. */
  readonly epochSteps: number;
}

/** What of the scene the paths depend on. */
export type SceneInputs = Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'noise' | 'penalty' | 'batch'>;

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

/** What of a run its path depends on (runSpec reads these and the scene-wide inputs alone). */
type RunKey = readonly [RunConfig['optimizer'], RunConfig['params'], RunConfig['biasCorrection'], RunConfig['schedule']];

const runKeyOf = (run: RunConfig): RunKey => [run.optimizer, run.params, run.biasCorrection, run.schedule];

interface KeptPath {
  readonly path: Trajectory;
  readonly key: RunKey;
  /** Bumped each time this run's path is computed again: its trace follows it. */
  readonly generation: number;
}

/**
 * A scene's paths, each recomputed only when something it depends on changed (the inputs are
 * immutable, so reference equality tells): a slider of one run recomputes that run alone, while
 * a change of the surface, start, steps, noise, penalty or batch recomputes them all. A
 * recompute writes into the same Float64Arrays as the last one. The traces asked for are
 * computed once per path and recycled the same way.
 */
export class DerivedScene {
  private cached: ComputedScene | null = null;
  private cachedRuns: SceneInputs['runs'] | null = null;
  private sceneKey: readonly unknown[] = [];
  private version = 0;
  private generation = 0;
  private readonly paths = new Map<string, KeptPath>();
  private readonly traces = new Map<string, { generation: number; trace: RunTrace | null }>();

  scene(scene: SceneInputs): ComputedScene {
    const sceneKey = [scene.surfaceId, scene.custom, scene.start, scene.steps, scene.noise, scene.penalty, scene.batch];
    const sameScene = sceneKey.every((k, i) => k === this.sceneKey[i]);
    if (this.cached && sameScene && scene.runs === this.cachedRuns) return this.cached;
    const base = sceneSurface(scene);
    // The engine hands every run this same penalized object (withPenalty remembers it).
    const surface = scene.penalty.lambda > 0 ? withPenalty(base, scene.penalty) : base;
    const runs: ComputedRun[] = [];
    let lastStep = 0;
    let epochSteps = 0;
    const live = new Set<string>();
    const markers = runMarkers(scene.runs);
    for (const [i, run] of scene.runs.entries()) {
      live.add(run.id);
      const spec = runSpec(scene, run);
      // Every run of a scene draws the same batches: the scene's batch size and seed.
      if (spec.batch && base.data) epochSteps = base.data.epochSteps(spec.batch);
      const key = runKeyOf(run);
      const kept = this.paths.get(run.id);
      let path: Trajectory;
      if (kept && sameScene && key.every((k, i) => k === kept.key[i])) {
        path = kept.path;
      } else {
        path = simulateRun(spec, kept?.path);
        this.paths.set(run.id, { path, key, generation: ++this.generation });
      }
      runs.push({ run, path, leftAt: firstStepOutside(surface, path), marker: markers[i] });
      if (run.visible) lastStep = Math.max(lastStep, path.steps);
    }
    for (const id of this.paths.keys()) if (!live.has(id)) this.paths.delete(id);
    for (const id of this.traces.keys()) if (!live.has(id)) this.traces.delete(id);
    this.cached = { surface, runs, lastStep: Math.max(lastStep, 0), version: ++this.version, epochSteps };
    this.cachedRuns = scene.runs;
    this.sceneKey = sceneKey;
    return this.cached;
  }

  /**
   * The trace of one run of the scene (the optimizer's state at every step), the same run the
   * drawn path is; null for an unknown run or one the engine refuses.
   */
  trace(scene: SceneInputs, runId: string): RunTrace | null {
    const computed = this.scene(scene);
    const generation = this.paths.get(runId)?.generation ?? -1;
    const known = this.traces.get(runId);
    if (known && known.generation === generation) return known.trace;
    const run = computed.runs.find((c) => c.run.id === runId)?.run;
    let trace: RunTrace | null = null;
    if (run) {
      try {
        trace = traceRun(runSpec(scene, run), known?.trace ?? undefined);
      } catch {
        // A spec the engine refuses has no path either.
        trace = null;
      }
    }
    this.traces.set(runId, { generation, trace });
    return trace;
  }
}

const perStore = new WeakMap<SceneStore, DerivedScene>();

/** The derived data of a store (the app's own by default), made on first use. */
export function derivedOf(store: SceneStore = sceneStore): DerivedScene {
  let d = perStore.get(store);
  if (!d) {
    d = new DerivedScene();
    perStore.set(store, d);
  }
  return d;
}

/** The paths of a scene, from the cache of `store` (the app's by default). */
export function computeScene(scene: SceneInputs, store: SceneStore = sceneStore): ComputedScene {
  return derivedOf(store).scene(scene);
}

/** The trace of one run of a scene, from the cache of `store` (the app's by default). */
export function traceOf(scene: SceneInputs, runId: string, store: SceneStore = sceneStore): RunTrace | null {
  return derivedOf(store).trace(scene, runId);
}
