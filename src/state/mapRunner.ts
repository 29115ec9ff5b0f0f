// Computes the map the scene's `map` settings describe (loaded with the map's panel): the request
// the scene describes, started on the workers, restarted whenever the scene changes while the map
// is open, cancelled when it closes.

import { hyperparamInfo, type HyperparamKey, type OptimizerId } from '../engine';
import { mappableParams, mapRunOf, MapRequestError, type MapRequest, type MapSurface } from '../engine/maps/mapRequest';
import { MapPool } from '../engine/maps/mapPool';
import { coarseCells, type MapOutcomes } from '../engine/maps/mapGrid';
import { explainedRunId } from './explainedRun';
import { mapStore, mapThreadLoader, type MapThreads } from './maps';
import type { MapSettings } from './mapSettings';
import { runSpec } from './runSpec';
import { CUSTOM_ID, sceneStore, sceneSurface, type SceneData } from './store';

/** The two parameters a map of this optimizer shows unless the user picks others: η and the next one. */
function defaultAxes(optimizer: OptimizerId): [HyperparamKey | null, HyperparamKey | null] {
  const params = mappableParams(optimizer).map((h) => h.key);
  const preferred: HyperparamKey[] = ['rho', 'beta1', 'decay', 'beta2', 'radius', 'slowStep', 'etaPlus', 'momentumDecay', 'lambd', 'weightDecay'];
  const second = preferred.find((p) => params.includes(p)) ?? params.find((p) => p !== 'lr') ?? null;
  return [params.includes('lr') ? 'lr' : (params[0] ?? null), second];
}

/** The map's run: the chosen one while it exists, else the explained one. */
export function mapRunId(scene: Pick<SceneData, 'runs' | 'selectedRunId'>, settings: Pick<MapSettings, 'runId'>): string | null {
  if (settings.runId !== null && scene.runs.some((r) => r.id === settings.runId)) return settings.runId;
  return explainedRunId(scene);
}

/** The axes the map shows for this optimizer: the chosen ones where it has them. */
export function mapAxes(optimizer: OptimizerId, settings: Pick<MapSettings, 'xParam' | 'yParam'>): [HyperparamKey | null, HyperparamKey | null] {
  const params = mappableParams(optimizer).map((h) => h.key);
  const [dx, dy] = defaultAxes(optimizer);
  const x = settings.xParam !== null && params.includes(settings.xParam) ? settings.xParam : dx;
  let y = settings.yParam !== null && params.includes(settings.yParam) && settings.yParam !== x ? settings.yParam : dy;
  if (y === x) y = params.find((p) => p !== x) ?? null;
  return [x, y];
}

function axisRange(param: HyperparamKey, range: readonly [number, number] | null): [number, number] {
  const info = hyperparamInfo(param);
  if (range) return [range[0], range[1]];
  if (!info) return [0, 1];
  // η's slider reaches 10, where every run on every surface diverges at once: the map starts at 3.
  return param === 'lr' ? [info.min, 3] : [info.min, info.max];
}

/** The request the scene and the settings describe, or a message saying why there is none. */
function mapRequestFor(scene: SceneData, settings: MapSettings): MapRequest | { error: string } {
  const runId = mapRunId(scene, settings);
  const run = scene.runs.find((r) => r.id === runId);
  if (!run) return { error: 'maps.error.noRun' };
  const spec = runSpec(scene, run);
  const surface: MapSurface = scene.surfaceId === CUSTOM_ID && scene.custom ? { expr: scene.custom.surface.formula, domain: scene.custom.surface.domain } : { id: sceneSurface(scene).id };
  const mapRun = mapRunOf(spec);
  if (settings.kind === 'basin') {
    const domain = sceneSurface(scene).domain;
    return { kind: 'basin', surface, run: mapRun, domain, cellsX: settings.cells, cellsY: settings.cells, tolerance: settings.tolerance };
  }
  const [x, y] = mapAxes(run.optimizer, settings);
  if (x === null || y === null) return { error: 'maps.error.oneParam' };
  const [x0, x1] = axisRange(x, settings.xParam === x ? settings.xRange : null);
  const [y0, y1] = axisRange(y, settings.yParam === y ? settings.yRange : null);
  return {
    kind: 'hyper',
    surface,
    run: mapRun,
    x: { param: x, from: x0, to: x1, cells: settings.cells },
    y: { param: y, from: y0, to: y1, cells: settings.cells },
    tolerance: settings.tolerance,
  };
}

// ---- The workers ----------------------------------------------------------------------------

let pool: MapPool | null = null;
let threads: MapThreads | null = null;
let loading = false;

let started = '';

/** Starts the map the current scene and settings describe, unless it is the one already shown. */
function refresh(): void {
  const scene = sceneStore.getState();
  const settings = scene.map;
  if (!settings.open) {
    if (started !== '') {
      pool?.cancel();
      started = '';
      mapStore.setState({ computing: false });
    }
    return;
  }
  const request = mapRequestFor(scene, settings);
  const key = JSON.stringify(request);
  if (key === started) return;
  started = key;
  pool?.cancel();
  if ('error' in request) {
    mapStore.setState({ request: null, outcomes: null, computing: false, error: request.error, elapsed: null, version: mapStore.getState().version + 1 });
    return;
  }
  if (!threads) {
    const load = mapThreadLoader();
    if (!load) {
      mapStore.setState({ request: null, outcomes: null, computing: false, error: 'maps.error.noWorkers', version: mapStore.getState().version + 1 });
      return;
    }
    // The worker starter loads once; then the map the scene describes by then starts.
    if (!loading) {
      loading = true;
      load().then(
        (loaded) => {
          threads = loaded;
          started = '';
          refresh();
        },
        () => mapStore.setState((s) => ({ computing: false, error: 'maps.error.noWorkers', version: s.version + 1 })),
      );
    }
    started = '';
    mapStore.setState((s) => ({ computing: true, error: null, version: s.version + 1 }));
    return;
  }
  pool ??= new MapPool(threads.spawn, threads.count);
  const t0 = performance.now();
  coarseShown = false;
  try {
    const outcomes = pool.start(request, {
      onCells: announceCells,
      onDone: () => mapStore.setState((s) => ({ computing: false, elapsed: performance.now() - t0, version: s.version + 1 })),
      onError: (message) => mapStore.setState((s) => ({ computing: false, error: message, version: s.version + 1 })),
    });
    mapStore.setState((s) => ({ request, outcomes, computing: true, error: null, elapsed: null, version: s.version + 1 }));
  } catch (error) {
    const message = error instanceof MapRequestError ? error.message : String(error);
    mapStore.setState((s) => ({ request: null, outcomes: null, computing: false, error: message, elapsed: null, version: s.version + 1 }));
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let framed = false;
let announced = 0;
let coarseShown = false;
/** How often a filling map is redrawn: ten times a second reads as smooth, and leaves the frames to the scene. */
const ANNOUNCE_MS = 100;

function announceNow(): void {
  if (framed) return;
  framed = true;
  requestAnimationFrame(() => {
    framed = false;
    announced = performance.now();
    mapStore.setState((s) => ({ version: s.version + 1 }));
  });
}

/**
 * Tells the views that cells arrived: at once when the coarse pass is complete (the map shows
 * whole), else at most every ANNOUNCE_MS. A 256 × 256 map comes back in a few hundred batches,
 * and each announcement re-renders the section and repaints its canvas: on two cores busy with
 * the workers, doing that every frame made frames of 50–80 ms.
 */
function announceCells(outcomes: MapOutcomes): void {
  if (!coarseShown && outcomes.done >= coarseCells(outcomes.nx, outcomes.ny)) {
    coarseShown = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    announceNow();
    return;
  }
  if (timer !== null || framed) return;
  timer = setTimeout(() => {
    timer = null;
    announceNow();
  }, Math.max(0, announced + ANNOUNCE_MS - performance.now()));
}

/** Stops the current map (the Cancel button): its cells so far stay shown. */
export function cancelMap(): void {
  pool?.cancel();
  mapStore.setState({ computing: false });
}

// The scene, its map settings included, describes the map: a change restarts it (cells arriving
// do not change the scene).
sceneStore.subscribe(refresh);
// The map has just been shown (its panel loads this module): start its first map.
refresh();
