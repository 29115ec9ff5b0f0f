// How each rule is spelled in the two frameworks our readers use: PyTorch (the numbers we match)
// and Keras (the Hands-On ML chapter on fast optimizers is written in it). Pure data and one
// formatter, so that the update-rule panel, exports and tests all print the same call.
import type { HyperparamKey, Hyperparams } from './types';

/** One framework's constructor for a rule, and how its arguments are named there. */
export interface FrameworkCall {
  /** The constructor, e.g. 'torch.optim.RMSprop'. */
  readonly name: string;
  /**
   * Names that differ from the framework's usual ones (FRAMEWORK_NAMES), e.g. { decay: 'alpha' };
   * '' where the framework has no argument that means the same.
   */
  readonly names?: Readonly<Partial<Record<HyperparamKey, string>>>;
  /** Fixed arguments that select the variant, e.g. 'nesterov=True'. */
  readonly flags?: readonly string[];
}

export type Framework = 'torch' | 'keras';

/**
 * The usual argument name of each hyperparameter. `name.0` / `name.1` are the two entries of a
 * tuple argument (torch's betas=(β₁, β₂), etas, step_sizes). A key absent here has no argument in
 * that framework.
 */
const FRAMEWORK_NAMES: Readonly<Record<Framework, Readonly<Partial<Record<HyperparamKey, string>>>>> = {
  torch: {
    lr: 'lr',
    rho: 'momentum',
    beta1: 'betas.0',
    beta2: 'betas.1',
    eps: 'eps',
    weightDecay: 'weight_decay',
    dampening: 'dampening',
    momentumDecay: 'momentum_decay',
    etaMinus: 'etas.0',
    etaPlus: 'etas.1',
    stepMin: 'step_sizes.0',
    stepMax: 'step_sizes.1',
    lambd: 'lambd',
    power: 'alpha',
    t0: 't0',
    centered: 'centered',
    lrDecay: 'lr_decay',
    initialAccumulator: 'initial_accumulator_value',
    historySize: 'history_size',
    maxIter: 'max_iter',
    lineSearch: 'line_search_fn',
    tolGrad: 'tolerance_grad',
    tolChange: 'tolerance_change',
  },
  keras: {
    lr: 'learning_rate',
    rho: 'momentum',
    decay: 'rho',
    beta1: 'beta_1',
    beta2: 'beta_2',
    eps: 'epsilon',
    weightDecay: 'weight_decay',
    centered: 'centered',
    initialAccumulator: 'initial_accumulator_value',
  },
};

/** Hyperparameters that are switches (0 or 1): Python spells them False and True. */
const BOOLEAN_KEYS: ReadonlySet<HyperparamKey> = new Set(['centered']);

/** An argument's value as Python writes it: a number, a bool, or L-BFGS's line search by name. */
function pythonValue(key: HyperparamKey, v: number): string {
  if (BOOLEAN_KEYS.has(key)) return v === 1 ? 'True' : 'False';
  if (key === 'lineSearch') return v === 1 ? "'strong_wolfe'" : 'None';
  if (key === 'historySize' || key === 'maxIter') return String(Math.round(v));
  return pythonNumber(v);
}

/** A number as Python reads back the same double (JavaScript's shortest round-trip form). */
function pythonNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  return String(v);
}

/**
 * Arguments left out of a call while they hold the framework's default (torch's less common
 * options: weight decay, dampening, centering, …), so that a call reads as people write it.
 */
export interface OptionalArguments {
  readonly keys: readonly HyperparamKey[];
  readonly defaults: Readonly<Partial<Hyperparams>>;
}

/**
 * The constructor call with this run's values, in the order the panel lists the hyperparameters:
 * `torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8)`. Tuple arguments are gathered where
 * their first entry falls. Keras calls take no parameter list. `optional`'s keys are left out
 * where they hold their default.
 */
export function frameworkCall(
  framework: Framework,
  call: FrameworkCall,
  keys: readonly HyperparamKey[],
  params: Readonly<Hyperparams>,
  optional?: OptionalArguments,
): string {
  const args: string[] = framework === 'torch' ? ['params'] : [];
  const tuples = new Map<string, string[]>();
  const nameOf = (key: HyperparamKey) => call.names?.[key] ?? FRAMEWORK_NAMES[framework][key];
  const atDefault = (key: HyperparamKey) => optional !== undefined && optional.keys.includes(key) && params[key] === optional.defaults[key];
  // A tuple is left out only when every entry is at its default: (hₘᵢₙ, 50) needs both.
  const baseOf = (key: HyperparamKey) => nameOf(key)?.split('.')[0];
  const skip = (key: HyperparamKey) => keys.filter((k) => baseOf(k) === baseOf(key)).every(atDefault);
  for (const key of keys) {
    if (skip(key)) continue;
    const name = nameOf(key);
    if (name === undefined || name === '') continue;
    const [base, index] = name.split('.');
    if (index === undefined) {
      args.push(`${base}=${pythonValue(key, params[key])}`);
      continue;
    }
    let entries = tuples.get(base);
    if (!entries) {
      entries = [];
      tuples.set(base, entries);
      args.push(base);
    }
    entries[Number(index)] = pythonNumber(params[key]);
  }
  const filled = args.map((a) => (tuples.has(a) ? `${a}=(${(tuples.get(a) ?? []).join(', ')})` : a));
  return `${call.name}(${[...filled, ...(call.flags ?? [])].join(', ')})`;
}
