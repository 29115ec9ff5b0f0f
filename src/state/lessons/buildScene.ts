// The helpers every lesson preset is written with: a run with all its hyperparameters stated,
// and a scene that sets everything a lesson decides.
import { getSurface, resolveParams, type Hyperparams, type OptimizerId, type ScheduleSpec, type Vec2 } from '../../engine';
import { OPTIMIZER_COLORS } from '../palette';
import type { NoiseConfig, PenaltyConfig, RunConfig, SceneData, VectorToggles, ViewMode } from '../store';

const NO_VECTORS: VectorToggles = { gradient: false, momentum: false, step: false };
const NO_NOISE: NoiseConfig = { sigma: 0, seed: 1 };
const NO_PENALTY: PenaltyConfig = { kind: 'l2', lambda: 0 };
const CONSTANT: ScheduleSpec = { kind: 'constant' };

/** Colours for a second or third run of one optimizer, told apart in the captions by name. */
export const GREEN = '#90be6d';
export const YELLOW = '#f9c74f';
export const PURPLE = '#c77dff';

/** The ravine's start, shared by the lessons that compare runs on it (1, 4, 6, 8 and 9). */
export const RAVINE_START: Vec2 = [-4, 1];

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
  const surface = getSurface(surfaceId);
  if (!surface) throw new Error(`lesson preset: unknown surface ${surfaceId}`);
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
  readonly noise?: NoiseConfig;
  readonly penalty?: PenaltyConfig;
  readonly vectors?: Partial<VectorToggles>;
  readonly selected?: string;
}

/**
 * Everything a lesson sets, so that opening it gives the same picture whatever came before;
 * what it leaves alone (language, theme, presentation, embed) is the reader's.
 */
export function scene(surfaceId: string, o: SceneOptions): Partial<SceneData> {
  const surface = getSurface(surfaceId);
  if (!surface) throw new Error(`lesson preset: unknown surface ${surfaceId}`);
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
    logLoss: surface.minima.length > 0,
    camera: null,
  };
}
