import type { FrameworkCall } from '../frameworks';
import type { HyperparamKey, Hyperparams, OptimizerId } from '../types';
import { runAdam, runAdamW, runAdamax, runAmsgrad, runNadam, runRadam } from './adam';
import { runAdadelta, runAdagrad, runRmsprop } from './adaptive';
import type { Kernel, StateKey } from './loop';
import { runAsgd } from './asgd';
import { runLbfgs } from './lbfgs';
import { runNewton } from './newton';
import { runScheduleFreeAdamW } from './scheduleFree';
import { runShampoo } from './shampoo';
import { runLion, runSignum } from './sign';
import { runLookahead, runSam } from './wrappers';
import { INNER_OPTIMIZERS } from '../hyperparams';
import { runRprop } from './rprop';
import { runSgdFamily } from './sgd';

export interface OptimizerInfo {
  readonly id: OptimizerId;
  /** English display name. */
  readonly name: string;
  /** The hyperparameters this optimizer reads, in the order the panel shows them. */
  readonly params: readonly HyperparamKey[];
  /**
   * Those of `params` that are torch's less common options (weight decay, dampening, step
   * bounds): the run card keeps them folded under "More options" until one is set.
   */
  readonly options?: readonly HyperparamKey[];
  /** PyTorch's defaults (spec/optimizers.md). */
  readonly defaults: Readonly<Partial<Hyperparams>>;
  /** Whether the "no bias correction" teaching variant applies. */
  readonly hasBiasCorrection: boolean;
  /** Its constructor in PyTorch and in Keras; null where the framework lacks the rule. */
  readonly torch: FrameworkCall | null;
  readonly keras: FrameworkCall | null;
  /** The state its kernel keeps, in the order the rule updates it (what a trace records). */
  readonly state: readonly StateKey[];
  /**
   * The part of `state` a run with these hyperparameters keeps, where options add state
   * (rmsprop: ḡ only when centered, v only with momentum); absent: all of `state`.
   */
  readonly activeState?: (p: Readonly<Hyperparams>) => readonly StateKey[];
  /**
   * The part of `params` that means something for these hyperparameters, in order (a wrapper
   * shows its inner rule's); absent: all of `params`. Every key of `params` is still resolved.
   */
  readonly shownParams?: (p: Readonly<Hyperparams>) => readonly HyperparamKey[];
  readonly kernel: Kernel;
}

/**
 * Keras's weight_decay is decoupled (as AdamW's) in every optimizer, not torch's L2 term added to
 * the gradient: no Keras argument says the same, so the Keras call leaves it out.
 */
const KERAS_NO_L2 = { weightDecay: '' } as const;

/** The one table of update rules. Order: the order of the lecture. */
export const OPTIMIZERS: readonly OptimizerInfo[] = [
  {
    id: 'sgd',
    name: 'SGD',
    params: ['lr', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.01, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.SGD' },
    // Keras's weight_decay is decoupled, not torch's L2 term: no Keras argument says the same.
    keras: { name: 'keras.optimizers.SGD', names: { weightDecay: '' } },
    state: [],
    kernel: (loop) => runSgdFamily(loop, 'sgd'),
  },
  {
    id: 'momentum',
    name: 'Momentum',
    params: ['lr', 'rho', 'dampening', 'weightDecay'],
    options: ['dampening', 'weightDecay'],
    defaults: { lr: 0.01, rho: 0.9, dampening: 0, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.SGD' },
    // Keras's weight_decay is decoupled, not torch's L2 term: no Keras argument says the same.
    keras: { name: 'keras.optimizers.SGD', names: { weightDecay: '' } },
    state: ['v'],
    kernel: (loop) => runSgdFamily(loop, 'momentum'),
  },
  {
    id: 'nesterov',
    name: 'Nesterov',
    params: ['lr', 'rho', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.01, rho: 0.9, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.SGD', flags: ['nesterov=True'] },
    keras: { name: 'keras.optimizers.SGD', names: { weightDecay: '' }, flags: ['nesterov=True'] },
    state: ['v'],
    kernel: (loop) => runSgdFamily(loop, 'nesterov'),
  },
  {
    id: 'adagrad',
    name: 'AdaGrad',
    params: ['lr', 'eps', 'lrDecay', 'initialAccumulator', 'weightDecay'],
    options: ['lrDecay', 'initialAccumulator', 'weightDecay'],
    defaults: { lr: 0.01, eps: 1e-10, lrDecay: 0, initialAccumulator: 0, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.Adagrad' },
    keras: { name: 'keras.optimizers.Adagrad', names: KERAS_NO_L2 },
    state: ['s'],
    kernel: runAdagrad,
  },
  {
    id: 'rmsprop',
    name: 'RMSProp',
    params: ['lr', 'decay', 'eps', 'rho', 'centered', 'weightDecay'],
    options: ['rho', 'centered', 'weightDecay'],
    defaults: { lr: 0.01, decay: 0.99, eps: 1e-8, rho: 0, centered: 0, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.RMSprop', names: { decay: 'alpha' } },
    keras: { name: 'keras.optimizers.RMSprop', names: KERAS_NO_L2 },
    state: ['s', 'gAvg', 'v'],
    activeState: (p) => ['s', ...(p.centered === 1 ? (['gAvg'] as const) : []), ...(p.rho > 0 ? (['v'] as const) : [])],
    kernel: runRmsprop,
  },
  {
    id: 'adadelta',
    name: 'AdaDelta',
    params: ['lr', 'decay', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 1.0, decay: 0.9, eps: 1e-6, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.Adadelta', names: { decay: 'rho' } },
    keras: { name: 'keras.optimizers.Adadelta', names: KERAS_NO_L2 },
    state: ['s', 'u'],
    kernel: runAdadelta,
  },
  {
    id: 'adam',
    name: 'Adam',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: true,
    torch: { name: 'torch.optim.Adam' },
    keras: { name: 'keras.optimizers.Adam', names: KERAS_NO_L2 },
    state: ['m', 'v'],
    kernel: runAdam,
  },
  {
    id: 'amsgrad',
    name: 'AMSGrad',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: true,
    torch: { name: 'torch.optim.Adam', flags: ['amsgrad=True'] },
    keras: { name: 'keras.optimizers.Adam', names: KERAS_NO_L2, flags: ['amsgrad=True'] },
    state: ['m', 'v', 'w'],
    kernel: runAmsgrad,
  },
  {
    id: 'adamw',
    name: 'AdamW',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    defaults: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 },
    hasBiasCorrection: true,
    torch: { name: 'torch.optim.AdamW' },
    keras: { name: 'keras.optimizers.AdamW' },
    state: ['m', 'v'],
    kernel: runAdamW,
  },
  {
    id: 'adamax',
    name: 'Adamax',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.002, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: true,
    torch: { name: 'torch.optim.Adamax' },
    keras: { name: 'keras.optimizers.Adamax', names: KERAS_NO_L2 },
    state: ['m', 'u'],
    kernel: runAdamax,
  },
  {
    id: 'nadam',
    name: 'NAdam',
    params: ['lr', 'beta1', 'beta2', 'eps', 'momentumDecay', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.002, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 0.004, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.NAdam' },
    keras: { name: 'keras.optimizers.Nadam', names: KERAS_NO_L2 },
    state: ['m', 'v'],
    kernel: runNadam,
  },
  {
    id: 'radam',
    name: 'RAdam',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.RAdam' },
    keras: null,
    state: ['m', 'v'],
    kernel: runRadam,
  },
  {
    id: 'rprop',
    name: 'Rprop',
    params: ['lr', 'etaMinus', 'etaPlus', 'stepMin', 'stepMax'],
    options: ['stepMin', 'stepMax'],
    defaults: { lr: 0.01, etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.Rprop' },
    keras: null,
    state: ['gPrev', 'stepSize'],
    kernel: runRprop,
  },
  {
    id: 'asgd',
    name: 'ASGD',
    params: ['lr', 'lambd', 'power', 't0', 'weightDecay'],
    options: ['weightDecay'],
    defaults: { lr: 0.01, lambd: 1e-4, power: 0.75, t0: 1e6, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.ASGD' },
    keras: null,
    state: ['avg'],
    kernel: runAsgd,
  },
  {
    id: 'lbfgs',
    name: 'L-BFGS',
    params: ['lr', 'historySize', 'maxIter', 'lineSearch', 'tolGrad', 'tolChange'],
    options: ['tolGrad', 'tolChange'],
    // torch's defaults, except max_iter: torch runs 20 iterations per step() call, Descent 1, so
    // that each point of the path is one iteration (the run card says so).
    defaults: { lr: 1, historySize: 100, maxIter: 1, lineSearch: 0, tolGrad: 1e-7, tolChange: 1e-9 },
    hasBiasCorrection: false,
    torch: { name: 'torch.optim.LBFGS' },
    keras: null,
    state: [],
    kernel: runLbfgs,
  },
  {
    id: 'lion',
    name: 'Lion',
    params: ['lr', 'beta1', 'beta2', 'weightDecay'],
    options: ['weightDecay'],
    // The paper's (and lion-pytorch's) defaults: η is 3–10× smaller than AdamW's, since every
    // coordinate moves by a whole η each step.
    defaults: { lr: 1e-4, beta1: 0.9, beta2: 0.99, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: null,
    // Keras's weight_decay is decoupled, as Lion's λ is: the same argument.
    keras: { name: 'keras.optimizers.Lion' },
    state: ['m'],
    kernel: runLion,
  },
  {
    id: 'signum',
    name: 'Signum',
    params: ['lr', 'rho'],
    defaults: { lr: 1e-4, rho: 0.9 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: ['m'],
    kernel: runSignum,
  },
  {
    id: 'shampoo',
    name: 'Shampoo',
    params: ['lr', 'eps'],
    defaults: { lr: 1, eps: 1e-4 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: [],
    kernel: runShampoo,
  },
  {
    id: 'schedule-free-adamw',
    // Short, as papers write it: the run card's title has the width of a word or two.
    name: 'SF-AdamW',
    params: ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    // The authors' defaults (schedulefree.AdamWScheduleFree), without warmup.
    defaults: { lr: 0.0025, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: ['z', 'v'],
    kernel: runScheduleFreeAdamW,
  },
  {
    id: 'sam',
    name: 'SAM',
    params: ['lr', 'radius', 'inner', 'rho', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    // The paper's r = 0.05 around SGD with momentum 0.9.
    defaults: { lr: 0.01, radius: 0.05, inner: INNER_OPTIMIZERS.indexOf('momentum'), rho: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: ['m', 'v'],
    activeState: (p) => innerState(p.inner),
    shownParams: (p) => ['lr', 'radius', 'inner', ...innerParams(p.inner)],
    kernel: runSam,
  },
  {
    id: 'lookahead',
    name: 'Lookahead',
    params: ['lr', 'syncPeriod', 'slowStep', 'inner', 'rho', 'beta1', 'beta2', 'eps', 'weightDecay'],
    options: ['weightDecay'],
    // The paper's k = 5, α = 0.5, around Adam.
    defaults: { lr: 0.001, syncPeriod: 5, slowStep: 0.5, inner: INNER_OPTIMIZERS.indexOf('adam'), rho: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: ['m', 'v', 'slow'],
    activeState: (p) => [...innerState(p.inner), 'slow'],
    shownParams: (p) => ['lr', 'syncPeriod', 'slowStep', 'inner', ...innerParams(p.inner)],
    kernel: runLookahead,
  },
  {
    id: 'newton',
    name: 'Newton',
    params: ['lr'],
    defaults: { lr: 1 },
    hasBiasCorrection: false,
    torch: null,
    keras: null,
    state: [],
    kernel: runNewton,
  },
];

const BY_ID = new Map<string, OptimizerInfo>(OPTIMIZERS.map((o) => [o.id, o]));

/**
 * The wrapped rule's own hyperparameters, η aside (the wrapper shows η first); a wrapped Adam
 * runs as AdamW with λ = 0 (see wrappers.ts), so without weight decay.
 */
function innerParams(inner: number): readonly HyperparamKey[] {
  const id = INNER_OPTIMIZERS[inner];
  return (BY_ID.get(id ?? '')?.params ?? []).filter((k) => k !== 'lr' && k !== 'dampening' && !(id === 'adam' && k === 'weightDecay'));
}

/** The wrapped rule's state (SGD: none; momentum: v; Adam: m and v). */
function innerState(inner: number): readonly StateKey[] {
  return BY_ID.get(INNER_OPTIMIZERS[inner] ?? '')?.state ?? [];
}

export function getOptimizer(id: string): OptimizerInfo | undefined {
  return BY_ID.get(id);
}

export function isOptimizerId(id: string): id is OptimizerId {
  return BY_ID.has(id);
}
