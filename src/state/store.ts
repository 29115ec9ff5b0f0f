// The scene as plain data. No React here (see useScene.ts for the binding): the store runs
// in tests under plain Node, like zustand's own vanilla core.
import { createStore } from 'zustand/vanilla';
import {
  HYPERPARAMS,
  MAX_STEPS,
  SURFACES,
  checkSchedule,
  getOptimizer,
  getSurface,
  resolveParams,
  type HyperparamKey,
  type Hyperparams,
  type Domain,
  type OptimizerId,
  type ScheduleSpec,
  type Surface,
  type Vec2,
  type NoiseSpec,
  type PenaltySpec,
  DEFAULT_SEED,
  isSeed,
} from '../engine';
import { MAP_DEFAULTS, type MapSettings } from './mapSettings';
import { isDataSurfaceId } from '../engine/data/dataIds';
import { loadDataSurfaces } from '../engine/data/loadData';
import { pickColor } from './palette';
import { newRunId } from './runIds';

export interface RunConfig {
  /** Stable across edits, so React keys and reused path buffers follow the run. */
  readonly id: string;
  readonly optimizer: OptimizerId;
  readonly params: Hyperparams;
  readonly visible: boolean;
  readonly color: string;
  /** Adam-family bias correction; false is the CS231n "first step" lesson. */
  readonly biasCorrection: boolean;
  /** How η changes over the steps. */
  readonly schedule: ScheduleSpec;
}

/** The arrows drawn at each particle (the teaching layer). */
export interface VectorToggles {
  /** −g, the direction of steepest descent. */
  readonly gradient: boolean;
  /** The velocity (momentum, Nesterov) or first moment m (Adam family). */
  readonly momentum: boolean;
  /** The step actually taken. */
  readonly step: boolean;
}

/** What the teaching layer draws besides the arrows: the surface's curvature, the optimizers' step sizes. */
export interface OverlayToggles {
  /** The Hessian's eigenvectors as axes at the curvature point, and its eigenvalues under the canvas. */
  readonly curvature: boolean;
  /** Each adaptive run's per-coordinate step size η_eff as a cross at its particle. */
  readonly effLr: boolean;
}

/** Where the curvature is read: the explained run's particle (at the playhead), or the start. */
export type CurvaturePlace = 'particle' | 'start';

export type Theme = 'dark' | 'light';

/** Where the 3D camera is, when the user moved it (null: the fitted default view). */
export interface CameraPose {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

/** Embed mode (`embed=1`): the canvas first, and only the controls the author chose. */
interface EmbedConfig {
  readonly enabled: boolean;
  /** Hyperparameter keys (e.g. lr, rho) whose sliders the embed shows. */
  readonly controls: readonly string[];
}


/**
 * A refused input, as a message key and its values: the store has no words of its own, the UI
 * says it in the reader's language (src/ui/shell/Notice.tsx). A plain string is shown as it is.
 */
export interface NoticeMessage {
  readonly key: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

export type ViewMode = '3d' | '2d';
import type { Lang } from '../i18n/lang';

export type { Lang };

/** A surface the user typed: the text and domain are the data; the compiled surface comes with them. */
export interface CustomSurface {
  readonly expr: string;
  readonly domain: Domain;
  /** Compiled by src/engine/formula (loaded lazily); never serialized. */
  readonly surface: Surface;
}

export const CUSTOM_ID = 'custom';

/** A data surface's mini-batches: size null is the full batch (every example, plain descent). */
export interface BatchSetting {
  readonly size: number | null;
  /** DataLoader's drop_last: each epoch's last, smaller batch is left out. */
  readonly dropLast: boolean;
}

export const FULL_BATCH: BatchSetting = { size: null, dropLast: false };

export interface SceneData {
  /** A built-in surface id, or CUSTOM_ID for the typed formula in `custom`. */
  readonly surfaceId: string;
  /** The last typed formula that compiled, kept while a built-in surface is shown. */
  readonly custom: CustomSurface | null;
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
  readonly notice: string | NoticeMessage | null;
  readonly lang: Lang;
  readonly theme: Theme;
  /** Lecture-hall mode: large type, thick lines, high contrast, the panel hidden until needed. */
  readonly presentation: boolean;
  readonly embed: EmbedConfig;
  readonly camera: CameraPose | null;
  readonly noise: NoiseSpec;
  readonly penalty: PenaltySpec;
  /** The run whose update rule the panel spells out (null: the first visible run). */
  readonly selectedRunId: string | null;
  readonly vectors: VectorToggles;
  readonly overlays: OverlayToggles;
  readonly curvatureAt: CurvaturePlace;
  /** The map of many runs (mapSettings.ts): whether it is shown, and what it varies. */
  readonly map: MapSettings;
  /** Mini-batches on a data surface; the seed is the noise's. Ignored on other surfaces. */
  readonly batch: BatchSetting;
  /** The lesson this scene was opened as, if any (its caption is shown). */
  readonly lessonId: string | null;
}

interface SceneActions {
  setSurface(id: string): void;
  /** Shows a compiled typed formula; runs keep their hyperparameters, the start stays if it is inside. */
  setCustomSurface(custom: CustomSurface): void;
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
  setNotice(notice: string | NoticeMessage | null): void;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setPresentation(on: boolean): void;
  setCamera(camera: CameraPose | null): void;
  setNoise(noise: NoiseSpec): void;
  setPenalty(penalty: PenaltySpec): void;
  setBiasCorrection(id: string, on: boolean): void;
  setSchedule(id: string, schedule: ScheduleSpec): void;
  selectRun(id: string | null): void;
  setVectors(vectors: Partial<VectorToggles>): void;
  setOverlays(overlays: Partial<OverlayToggles>): void;
  setCurvatureAt(place: CurvaturePlace): void;
  /** Changes some of the map's settings. */
  setMap(map: Partial<MapSettings>): void;
  setBatch(batch: Partial<BatchSetting>): void;
  /** Replaces the whole scene at once (a URL, a lesson, a postMessage). */
  loadScene(scene: Partial<SceneData>): void;
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


function surfaceOrDefault(id: string, custom: CustomSurface | null = null): Surface {
  if (id === CUSTOM_ID && custom) return custom.surface;
  return getSurface(id) ?? SURFACES[0];
}

/** The surface a scene shows. */
export function sceneSurface(s: Pick<SceneData, 'surfaceId' | 'custom'>): Surface {
  return surfaceOrDefault(s.surfaceId, s.custom);
}

function inside(domain: Domain, p: Vec2): boolean {
  return p[0] >= domain.x[0] && p[0] <= domain.x[1] && p[1] >= domain.y[0] && p[1] <= domain.y[1];
}

function definedAt(surface: Surface, p: Vec2): boolean {
  const g = new Float64Array(2);
  const v = surface.valueAndGrad(p[0], p[1], g);
  return Number.isFinite(v) && Number.isFinite(g[0]) && Number.isFinite(g[1]);
}

function makeRun(surface: Surface, optimizer: OptimizerId, taken: ReadonlySet<string>): RunConfig {
  return {
    id: newRunId(),
    optimizer,
    params: resolveParams(surface, optimizer),
    visible: true,
    color: pickColor(optimizer, taken),
    biasCorrection: true,
    schedule: { kind: 'constant' },
  };
}

export function defaultScene(surfaceId = DEFAULT_SURFACE): SceneData {
  const surface = surfaceOrDefault(surfaceId);
  const runs: RunConfig[] = [];
  for (const o of DEFAULT_OPTIMIZERS) runs.push(makeRun(surface, o, new Set(runs.map((r) => r.color))));
  return {
    surfaceId: surface.id,
    custom: null,
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
    theme: 'dark',
    presentation: false,
    embed: { enabled: false, controls: [] },
    camera: null,
    noise: { sigma: 0, seed: DEFAULT_SEED },
    penalty: { kind: 'l2', lambda: 0 },
    selectedRunId: null,
    vectors: { gradient: false, momentum: false, step: false },
    overlays: { curvature: false, effLr: false },
    curvatureAt: 'particle',
    map: MAP_DEFAULTS,
    batch: FULL_BATCH,
    lessonId: null,
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
        const custom = get().custom;
        if (id === CUSTOM_ID && custom) {
          get().setCustomSurface(custom);
          return;
        }
        const surface = getSurface(id);
        if (!surface && isDataSurfaceId(id)) {
          // The data sets are a chunk of their own: the surface is set once it has arrived.
          loadDataSurfaces().then(
            () => get().setSurface(id),
            () => set({ notice: { key: 'notice.unknownSurface', vars: { id } } }),
          );
          return;
        }
        if (!surface) {
          set({ notice: { key: 'notice.unknownSurface', vars: { id } } });
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
          camera: null,
          // Another surface is another scene: the open lesson's caption would no longer be true.
          lessonId: null,
        });
      },
      setCustomSurface(custom) {
        const { start } = get();
        // A new formula has its own scale: runs take its suggested step sizes, as on a built-in surface.
        const changed = get().custom?.surface !== custom.surface;
        set({
          surfaceId: CUSTOM_ID,
          custom,
          runs: changed ? get().runs.map((r) => ({ ...r, params: resolveParams(custom.surface, r.optimizer) })) : get().runs,
          // The old start only where the new f and its gradient are defined (log(x) from x < 0 would stop at once).
          start: inside(custom.domain, start) && definedAt(custom.surface, start) ? start : custom.surface.start,
          logLoss: false,
          ...(changed ? { lessonId: null } : {}),
        });
      },
      setStart(start) {
        if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
          set({ notice: { key: 'notice.start' } });
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
        const run = makeRun(sceneSurface(get()), optimizer, new Set(runs.map((r) => r.color)));
        set({ runs: [...runs, run] });
      },
      removeRun(id) {
        set({ runs: get().runs.filter((r) => r.id !== id) });
      },
      setOptimizer(id, optimizer) {
        const surface = sceneSurface(get());
        const taken = new Set(get().runs.filter((r) => r.id !== id).map((r) => r.color));
        mapRun(id, (r) => ({ ...r, optimizer, params: resolveParams(surface, optimizer), color: pickColor(optimizer, taken) }));
      },
      setParam(id, key, value) {
        const info = HYPERPARAMS.find((h) => h.key === key);
        if (!info || !info.valid(value)) {
          set({ notice: { key: 'notice.param', vars: { param: key } } });
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
        set({ camera: null, cameraResets: get().cameraResets + 1 });
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
      setTheme(theme) {
        set({ theme });
      },
      setPresentation(presentation) {
        set({ presentation });
      },
      setCamera(camera) {
        set({ camera });
      },
      setNoise(noise) {
        if (!(Number.isFinite(noise.sigma) && noise.sigma >= 0 && isSeed(noise.seed))) {
          set({ notice: { key: 'notice.noise' } });
          return;
        }
        set({ noise: { sigma: noise.sigma, seed: noise.seed } });
      },
      setPenalty(penalty) {
        if (!(Number.isFinite(penalty.lambda) && penalty.lambda >= 0)) {
          set({ notice: { key: 'notice.penalty' } });
          return;
        }
        set({ penalty: { kind: penalty.kind === 'l1' ? 'l1' : 'l2', lambda: penalty.lambda } });
      },
      setBiasCorrection(id, on) {
        mapRun(id, (r) => ({ ...r, biasCorrection: on }));
      },
      setSchedule(id, schedule) {
        try {
          checkSchedule(schedule);
        } catch {
          set({ notice: { key: 'notice.schedule' } });
          return;
        }
        mapRun(id, (r) => ({ ...r, schedule }));
      },
      selectRun(selectedRunId) {
        set({ selectedRunId });
      },
      setVectors(vectors) {
        set({ vectors: { ...get().vectors, ...vectors } });
      },
      setOverlays(overlays) {
        set({ overlays: { ...get().overlays, ...overlays } });
      },
      setCurvatureAt(curvatureAt) {
        set({ curvatureAt: curvatureAt === 'start' ? 'start' : 'particle' });
      },
      setMap(map) {
        set({ map: { ...get().map, ...map } });
      },
      setBatch(batch) {
        const next = { ...get().batch, ...batch };
        if (next.size !== null && !(Number.isInteger(next.size) && next.size >= 1)) {
          set({ notice: { key: 'notice.batch' } });
          return;
        }
        set({ batch: next });
      },
      loadScene(scene) {
        set({ ...scene, playing: scene.playing ?? false });
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
