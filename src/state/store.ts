// The scene as plain data. No React here (see useScene.ts for the binding): the store runs
// in tests under plain Node, like zustand's own vanilla core.
import { createStore } from 'zustand/vanilla';
import {
  HYPERPARAMS,
  MAX_STEPS,
  SURFACES,
  getOptimizer,
  getSurface,
  resolveParams,
  type HyperparamKey,
  type Hyperparams,
  type OptimizerId,
  type Surface,
  type Vec2,
} from '../engine';
import { pickColor } from './palette';

export interface RunConfig {
  /** Stable across edits, so React keys and reused path buffers follow the run. */
  readonly id: string;
  readonly optimizer: OptimizerId;
  readonly params: Hyperparams;
  readonly visible: boolean;
  readonly color: string;
}

export type ViewMode = '3d' | '2d';
export type Lang = 'en' | 'ko';

export interface SceneData {
  readonly surfaceId: string;
  readonly start: Vec2;
  readonly steps: number;
  readonly runs: readonly RunConfig[];
  readonly playing: boolean;
  /** Steps per second of playback, 1 … 1000. */
  readonly speed: number;
  readonly view: ViewMode;
  readonly logLoss: boolean;
  /** Bumped to ask the scene to put the camera back. */
  readonly cameraResets: number;
  readonly helpOpen: boolean;
  /** The last input that was refused, shown to the user; null when all is well. */
  readonly notice: string | null;
  readonly lang: Lang;
}

export interface SceneActions {
  setSurface(id: string): void;
  setStart(start: Vec2): void;
  setSteps(steps: number): void;
  addRun(optimizer: OptimizerId): void;
  removeRun(id: string): void;
  setOptimizer(id: string, optimizer: OptimizerId): void;
  setParam(id: string, key: HyperparamKey, value: number): void;
  toggleRun(id: string): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setView(view: ViewMode): void;
  setLogLoss(log: boolean): void;
  resetCamera(): void;
  setHelpOpen(open: boolean): void;
  setNotice(notice: string | null): void;
  setLang(lang: Lang): void;
  /** Back to the default scene (the error boundary's way out). */
  resetScene(): void;
}

export type SceneState = SceneData & SceneActions;

export const DEFAULT_SURFACE = 'ravine';
export const DEFAULT_OPTIMIZERS: readonly OptimizerId[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
export const MIN_SPEED = 1;
export const MAX_SPEED = 1000;
/** Steps the app lets a user ask for: enough for any lesson, small enough to stay instant. */
export const MAX_APP_STEPS = Math.min(MAX_STEPS, 20_000);

let nextRunId = 1;
function newRunId(): string {
  return `r${nextRunId++}`;
}

function surfaceOrDefault(id: string): Surface {
  return getSurface(id) ?? SURFACES[0];
}

function makeRun(surface: Surface, optimizer: OptimizerId, taken: ReadonlySet<string>): RunConfig {
  return {
    id: newRunId(),
    optimizer,
    params: resolveParams(surface, optimizer),
    visible: true,
    color: pickColor(optimizer, taken),
  };
}

export function defaultScene(surfaceId = DEFAULT_SURFACE): SceneData {
  const surface = surfaceOrDefault(surfaceId);
  const runs: RunConfig[] = [];
  for (const o of DEFAULT_OPTIMIZERS) runs.push(makeRun(surface, o, new Set(runs.map((r) => r.color))));
  return {
    surfaceId: surface.id,
    start: surface.start,
    steps: surface.steps,
    runs,
    playing: false,
    speed: 60,
    view: '3d',
    logLoss: surface.minima.length > 0,
    cameraResets: 0,
    helpOpen: false,
    notice: null,
    lang: preferredLang(),
  };
}

/** Korean for browsers that ask for it first, English otherwise (and in Node). */
export function preferredLang(): Lang {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  const first = nav?.languages?.[0] ?? nav?.language ?? 'en';
  return first.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function createSceneStore(initial: SceneData = defaultScene()) {
  return createStore<SceneState>()((set, get) => {
    const mapRun = (id: string, fn: (r: RunConfig) => RunConfig) =>
      set({ runs: get().runs.map((r) => (r.id === id ? fn(r) : r)) });
    return {
      ...initial,
      setSurface(id) {
        const surface = getSurface(id);
        if (!surface) {
          set({ notice: `unknown surface "${id}"` });
          return;
        }
        // Each surface has its own scale: its demo start, length and step sizes come with it.
        set({
          surfaceId: surface.id,
          start: surface.start,
          steps: surface.steps,
          runs: get().runs.map((r) => ({ ...r, params: resolveParams(surface, r.optimizer) })),
          playing: false,
          // A log loss axis needs a floor: the known minimum. Unbounded surfaces read better linear.
          logLoss: surface.minima.length > 0,
        });
      },
      setStart(start) {
        if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
          set({ notice: 'the start must be two finite numbers' });
          return;
        }
        set({ start: [start[0], start[1]] });
      },
      setSteps(steps) {
        if (!Number.isFinite(steps)) return;
        set({ steps: clamp(Math.round(steps), 1, MAX_APP_STEPS) });
      },
      addRun(optimizer) {
        const runs = get().runs;
        const run = makeRun(surfaceOrDefault(get().surfaceId), optimizer, new Set(runs.map((r) => r.color)));
        set({ runs: [...runs, run] });
      },
      removeRun(id) {
        set({ runs: get().runs.filter((r) => r.id !== id) });
      },
      setOptimizer(id, optimizer) {
        const surface = surfaceOrDefault(get().surfaceId);
        const taken = new Set(get().runs.filter((r) => r.id !== id).map((r) => r.color));
        mapRun(id, (r) => ({ ...r, optimizer, params: resolveParams(surface, optimizer), color: pickColor(optimizer, taken) }));
      },
      setParam(id, key, value) {
        const info = HYPERPARAMS.find((h) => h.key === key);
        if (!info || !info.valid(value)) {
          set({ notice: `${info?.name ?? key} must be ${info?.accepts ?? 'valid'}` });
          return;
        }
        mapRun(id, (r) => ({ ...r, params: { ...r.params, [key]: value } }));
      },
      toggleRun(id) {
        mapRun(id, (r) => ({ ...r, visible: !r.visible }));
      },
      setPlaying(playing) {
        set({ playing });
      },
      setSpeed(speed) {
        if (Number.isFinite(speed)) set({ speed: clamp(speed, MIN_SPEED, MAX_SPEED) });
      },
      setView(view) {
        set({ view });
      },
      setLogLoss(logLoss) {
        set({ logLoss });
      },
      resetCamera() {
        set({ cameraResets: get().cameraResets + 1 });
      },
      setHelpOpen(helpOpen) {
        set({ helpOpen });
      },
      setNotice(notice) {
        set({ notice });
      },
      setLang(lang) {
        set({ lang });
      },
      resetScene() {
        set({ ...defaultScene(), lang: get().lang, cameraResets: get().cameraResets + 1 });
      },
    };
  });
}

export type SceneStore = ReturnType<typeof createSceneStore>;

/** The app's one store. */
export const sceneStore = createSceneStore();

export function optimizerParams(optimizer: OptimizerId): readonly HyperparamKey[] {
  return getOptimizer(optimizer)?.params ?? ['lr'];
}
