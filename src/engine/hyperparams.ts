import type { HyperparamKey, Hyperparams } from './types';

/**
 * How each hyperparameter is shown and bounded. One table, read by the UI (sliders), the URL
 * codec and the CLI, so that a name means the same thing everywhere.
 * `scale`: 'log' sliders move in decades; 'one-minus-log' sliders move in decades of 1 − value,
 * which is what makes β₂ = 0.9 … 0.9999 usable on a slider.
 */
export interface HyperparamInfo {
  readonly key: HyperparamKey;
  /** The symbol used in the lecture notes. */
  readonly symbol: string;
  /** English name; the UI translates by key. */
  readonly name: string;
  /** The CLI flag. */
  readonly flag: string;
  /** Slider range (values outside are still accepted where `valid` allows them). */
  readonly min: number;
  readonly max: number;
  readonly scale: 'log' | 'linear' | 'one-minus-log' | 'integer';
  /** The hard limits: what the engine accepts at all. */
  readonly valid: (v: number) => boolean;
  /** What `valid` accepts, in words, for error messages. */
  readonly accepts: string;
  /** A switch (0 off, 1 on), shown as a checkbox rather than a slider. */
  readonly switch?: true;
  /**
   * Names for the values 0, 1, … where the CLI and links may spell a value by name
   * (`--line-search strong-wolfe`).
   */
  readonly choices?: readonly string[];
}

const positive = (v: number) => Number.isFinite(v) && v > 0;
const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
const unit = (v: number) => Number.isFinite(v) && v >= 0 && v < 1;
const openUnit = (v: number) => Number.isFinite(v) && v > 0 && v < 1;
const aboveOne = (v: number) => Number.isFinite(v) && v > 1;
const onOff = (v: number) => v === 0 || v === 1;
const count = (v: number) => Number.isInteger(v) && v >= 1 && v <= 100_000;
const halfOpenUnit = (v: number) => Number.isFinite(v) && v > 0 && v <= 1;

/**
 * The rules `sam` and `lookahead` can wrap: those whose kernels take Lookahead's pull-back, and
 * whose hyperparameters do not clash (RMSProp's ρ is a momentum that starts at 0, not 0.9).
 */
export const INNER_OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw'] as const;
const innerIndex = (v: number) => Number.isInteger(v) && v >= 0 && v < INNER_OPTIMIZERS.length;

export const HYPERPARAMS: readonly HyperparamInfo[] = [
  { key: 'lr', symbol: 'η', name: 'Learning rate', flag: '--lr', min: 1e-5, max: 10, scale: 'log', valid: positive, accepts: 'a finite number > 0' },
  { key: 'rho', symbol: 'ρ', name: 'Momentum', flag: '--rho', min: 0, max: 0.999, scale: 'linear', valid: unit, accepts: 'a number in [0, 1)' },
  { key: 'decay', symbol: 'd', name: 'Decay rate', flag: '--decay', min: 0, max: 0.9999, scale: 'one-minus-log', valid: unit, accepts: 'a number in [0, 1)' },
  { key: 'beta1', symbol: 'β₁', name: 'First-moment decay', flag: '--beta1', min: 0, max: 0.999, scale: 'linear', valid: unit, accepts: 'a number in [0, 1)' },
  { key: 'beta2', symbol: 'β₂', name: 'Second-moment decay', flag: '--beta2', min: 0.9, max: 0.9999, scale: 'one-minus-log', valid: unit, accepts: 'a number in [0, 1)' },
  { key: 'eps', symbol: 'ε', name: 'Epsilon', flag: '--eps', min: 1e-12, max: 1, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'weightDecay', symbol: 'λ', name: 'Weight decay', flag: '--weight-decay', min: 0, max: 1, scale: 'linear', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'dampening', symbol: 'τ', name: 'Dampening', flag: '--dampening', min: 0, max: 0.99, scale: 'linear', valid: unit, accepts: 'a number in [0, 1)' },
  { key: 'momentumDecay', symbol: 'ψ', name: 'Momentum decay', flag: '--momentum-decay', min: 0, max: 0.1, scale: 'linear', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'etaMinus', symbol: 'η₋', name: 'Step decrease', flag: '--eta-minus', min: 0.001, max: 0.999, scale: 'linear', valid: openUnit, accepts: 'a number in (0, 1)' },
  { key: 'etaPlus', symbol: 'η₊', name: 'Step increase', flag: '--eta-plus', min: 1.001, max: 2, scale: 'linear', valid: aboveOne, accepts: 'a finite number > 1' },
  { key: 'stepMin', symbol: 'hₘᵢₙ', name: 'Smallest step', flag: '--step-min', min: 1e-8, max: 0.1, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'stepMax', symbol: 'hₘₐₓ', name: 'Largest step', flag: '--step-max', min: 1e-3, max: 100, scale: 'log', valid: positive, accepts: 'a finite number > 0' },
  { key: 'lambd', symbol: 'λ', name: 'Decay term', flag: '--lambd', min: 1e-6, max: 1, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'power', symbol: 'α', name: 'Decay power', flag: '--power', min: 0, max: 1, scale: 'linear', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'centered', symbol: 'c', name: 'Centered', flag: '--centered', min: 0, max: 1, scale: 'linear', valid: onOff, accepts: '0 (off) or 1 (on)', switch: true },
  { key: 'lrDecay', symbol: 'δ', name: 'Learning-rate decay', flag: '--lr-decay', min: 0, max: 0.1, scale: 'linear', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'initialAccumulator', symbol: 's₀', name: 'Initial accumulator', flag: '--initial-accumulator', min: 0, max: 1, scale: 'linear', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'historySize', symbol: 'm', name: 'History size', flag: '--history-size', min: 1, max: 100, scale: 'integer', valid: count, accepts: 'a whole number from 1 to 100000' },
  { key: 'maxIter', symbol: 'k', name: 'Iterations per step', flag: '--max-iter', min: 1, max: 100, scale: 'integer', valid: count, accepts: 'a whole number from 1 to 100000' },
  { key: 'lineSearch', symbol: 'LS', name: 'Strong-Wolfe line search', flag: '--line-search', min: 0, max: 1, scale: 'linear', valid: onOff, accepts: 'none (0) or strong-wolfe (1)', switch: true, choices: ['none', 'strong-wolfe'] },
  { key: 'tolGrad', symbol: 'τg', name: 'Gradient tolerance', flag: '--tol-grad', min: 1e-12, max: 1e-2, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'tolChange', symbol: 'τΔ', name: 'Change tolerance', flag: '--tol-change', min: 1e-15, max: 1e-3, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
  { key: 'radius', symbol: 'r', name: 'Ascent radius', flag: '--radius', min: 1e-3, max: 1, scale: 'log', valid: positive, accepts: 'a finite number > 0' },
  { key: 'inner', symbol: '', name: 'Inner optimizer', flag: '--inner', min: 0, max: INNER_OPTIMIZERS.length - 1, scale: 'integer', valid: innerIndex, accepts: `one of ${INNER_OPTIMIZERS.join(', ')}`, choices: INNER_OPTIMIZERS },
  { key: 'syncPeriod', symbol: 'k', name: 'Steps between pull-backs', flag: '--sync-period', min: 1, max: 100, scale: 'integer', valid: count, accepts: 'a whole number from 1 to 100000' },
  { key: 'slowStep', symbol: 'α', name: 'Slow step', flag: '--slow-step', min: 0.01, max: 1, scale: 'linear', valid: halfOpenUnit, accepts: 'a number in (0, 1]' },
  { key: 't0', symbol: 't₀', name: 'Averaging start', flag: '--t0', min: 1, max: 1e6, scale: 'log', valid: nonNegative, accepts: 'a finite number ≥ 0' },
];

export const HYPERPARAM_KEYS: readonly HyperparamKey[] = HYPERPARAMS.map((h) => h.key);

export function hyperparamInfo(key: HyperparamKey): HyperparamInfo {
  const info = HYPERPARAMS.find((h) => h.key === key);
  if (!info) throw new Error(`unknown hyperparameter ${key}`);
  return info;
}

/** The values every optimizer falls back to for keys it does not read (kept finite and harmless). */
export const NEUTRAL_HYPERPARAMS: Readonly<Hyperparams> = {
  lr: 0.01,
  rho: 0.9,
  decay: 0.99,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0.01,
  momentumDecay: 0.004,
  dampening: 0,
  etaMinus: 0.5,
  etaPlus: 1.2,
  stepMin: 1e-6,
  stepMax: 50,
  lambd: 1e-4,
  power: 0.75,
  t0: 1e6,
  centered: 0,
  lrDecay: 0,
  initialAccumulator: 0,
  historySize: 100,
  maxIter: 1,
  lineSearch: 0,
  tolGrad: 1e-7,
  tolChange: 1e-9,
  radius: 0.05,
  inner: 0,
  syncPeriod: 5,
  slowStep: 0.5,
};

/** The step at which ASGD starts averaging in the demos (torch's default, 10⁶, is never reached). */
export const ASGD_DEMO_T0 = 100;
