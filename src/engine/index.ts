// The engine's public API: the CLI, the app and the tests all import from here.
export type {
  BatchSpec,
  Domain,
  Hyperparams,
  HyperparamKey,
  Minimum,
  NoiseSpec,
  OptimizerId,
  PenaltySpec,
  RunSpec,
  RunStatus,
  Surface,
  SurfaceData,
  Trajectory,
  Vec2,
} from './types';
export { OPTIMIZER_IDS } from './types';
export { HYPERPARAMS, HYPERPARAM_KEYS, INNER_OPTIMIZERS, hyperparamInfo, type HyperparamInfo } from './hyperparams';
export { OPTIMIZERS, getOptimizer, isOptimizerId, type OptimizerInfo } from './optimizers/table';
export { radamPlainSteps } from './optimizers/adam';
export { frameworkCall, type Framework, type FrameworkCall } from './frameworks';
export { SURFACES, SURFACE_IDS, getSurface } from './surfaces';
export { simulate, simulateRun, resolveParams, MAX_STEPS, ESCAPE_WIDTHS } from './simulate';
export { withPenalty } from './penalty';
export { curvatureAt, stableLearningRate, symmetricEigen, type Curvature, type CurvatureShape } from './curvature';
export { STATE_KEYS, explainStep, traceRun, traceState, type RunTrace, type StateKey, type StepExplanation } from './trace';
export {
  SCHEDULE_FIELDS,
  SCHEDULE_KINDS,
  checkSchedule,
  isScheduleKind,
  scheduleFactor,
  scheduleFieldValues,
  scheduleFromFields,
  scheduleTable,
  type ScheduleKind,
  type ScheduleSpec,
} from './schedules';
export { DEFAULT_SEED, GaussianNoise, SEED_MAX, createUniform, isSeed } from './random';
export {
  CSV_HEADER,
  RUNS_CSV_HEADER,
  csvNumber,
  jsonNumber,
  runParams,
  trajectoryCsv,
  trajectoryJson,
  trajectoriesCsv,
  trajectoriesJson,
  type ExportedRun,
  type RunParams,
} from './export';
export { parseDecimal } from './numberText';
