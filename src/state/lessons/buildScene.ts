// The helpers every lesson preset is written with: a run with all its hyperparameters stated,
// and a scene that sets everything a lesson decides.
import { DEFAULT_SEED, SURFACES, getSurface, resolveParams, type Hyperparams, type OptimizerId, type ScheduleSpec, type Surface, type Vec2, type NoiseSpec, type PenaltySpec } from '../../engine';
import { isDataSurfaceId } from '../../engine/data/dataIds';
import { OPTIMIZER_COLORS } from '../palette';
import { FULL_BATCH, type BatchSetting, type RunConfig, type SceneData, type VectorToggles, type ViewMode } from '../store';

const NO_VECTORS: VectorToggles = { gradient: false, momentum: false, step: false };
const NO_NOISE: NoiseSpec = { sigma: 0, seed: DEFAULT_SEED };
const NO_PENALTY: PenaltySpec = { kind: 'l2', lambda: 0 };
const CONSTANT: ScheduleSpec = { kind: 'constant' };

/** Colours for a second or third run of one optimizer, told apart in the captions by name. */
export const GREEN = '#90be6d';
export const YELLOW = '#f9c74f';
export const PURPLE = '#c77dff';

/** The ravine's start, shared by the lessons that compare runs on it (1, 4, 6, 8 and 9). */
export const RAVINE_START: Vec2 = [-4, 1];

/** The start on iris-logistic shared by the mini-batch lessons (12, 13 and 14), about 6 from the minimum. */
export const IRIS_START: Vec2 = [0, 8];

/**
 * What a run on a data surface is resolved against: the data sets are a chunk of their own
 * (engine/data/loadData.ts), not there when the presets are built, so such a run states its η
 * and takes every other hyperparameter from its optimizer's defaults, as a data surface's own
 * resolution does (it sets η alone; tests/unit/lessons-data.test.ts holds the two equal).
 */
const STATED_ONLY: Surface = { ...SURFACES[0], id: 'data', defaults: {} };

/** The surface a preset names, or STATED_ONLY for a data surface; throws for a typo. */
function presetSurface(surfaceId: string): Surface {
  const surface = isDataSurfaceId(surfaceId) ? STATED_ONLY : getSurface(surfaceId);
  if (!surface) throw new Error(`lesson preset: unknown surface ${surfaceId}`);
  return surface;
}

interface RunOptions {
  readonly color?: string;
  readonly biasCorrection?: boolean;
  readonly schedule?: ScheduleSpec;
}

/**
 * A run with every hyperparameter it reads stated. Ids are fixed and unique across lessons and
 * variants: computeScene recycles a run's arrays by id, so two scenes computed one after the
 * other (a lesson and its variant, in the tests) must not share one.
 */
export function run(surfaceId: string, id: string, optimizer: OptimizerId, params: Partial<Hyperparams>, options: RunOptions = {}): RunConfig {
  const surface = presetSurface(surfaceId);
  if (surface === STATED_ONLY && params.lr === undefined) throw new Error(`lesson preset: run ${id} on data surface ${surfaceId} must state its η`);
  return {
    id,
    optimizer,
    params: resolveParams(surface, optimizer, params),
    visible: true,
    color: options.color ?? OPTIMIZER_COLORS[optimizer],
    biasCorrection: options.biasCorrection ?? true,
    schedule: options.schedule ?? CONSTANT,
  };
}

interface SceneOptions {
  readonly start: Vec2;
  readonly steps: number;
  readonly runs: readonly RunConfig[];
  readonly speed: number;
  readonly view?: ViewMode;
  readonly noise?: NoiseSpec;
  readonly penalty?: PenaltySpec;
  readonly vectors?: Partial<VectorToggles>;
  readonly selected?: string;
  /** Mini-batches on a data surface (their seed is the noise's); the full batch by default. */
  readonly batch?: BatchSetting;
}

/**
 * Everything a lesson sets, so that opening it gives the same picture whatever came before;
 * what it leaves alone (language, theme, presentation, embed) is the reader's. A scene on a data
 * surface is plain data like any other; it is shown once the data have loaded (open.ts).
 */
export function scene(surfaceId: string, o: SceneOptions): Partial<SceneData> {
  const surface = presetSurface(surfaceId);
  return {
    surfaceId,
    start: o.start,
    steps: o.steps,
    runs: o.runs,
    speed: o.speed,
    view: o.view ?? '3d',
    noise: o.noise ?? NO_NOISE,
    penalty: o.penalty ?? NO_PENALTY,
    vectors: { ...NO_VECTORS, ...o.vectors },
    selectedRunId: o.selected ?? null,
    // A data surface's loss is convex with its minimum known (found when its chunk loads).
    logLoss: surface === STATED_ONLY || surface.minima.length > 0,
    batch: o.batch ?? FULL_BATCH,
    camera: null,
  };
}
