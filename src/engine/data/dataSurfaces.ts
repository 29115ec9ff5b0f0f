// The loss of a two-parameter model over a real data set, as a surface: what the whole data set
// says (the full-batch loss) is drawn and descended like any formula, and a mini-batch run
// samples the same examples (batches.ts). Each surface keeps its examples, so a batch's loss
// and gradient are the same sums over fewer rows.

import { learningRates } from '../surfaces/define';
import type { Minimum, OptimizerId, Surface, SurfaceData, Vec2 } from '../types';
import { BatchStream, batchIndices, batchesPerEpoch } from './batches';
import { ANSCOMBE, IRIS, type DataSet } from './datasets';
import { meanHessian, meanLossAndGrad, standardize, type ExampleSet } from './models';

/** A data set's model as a surface, with what the app and the command line say about it. */
export interface DataSurface extends Surface {
  readonly data: SurfaceData;
  readonly dataset: DataSet;
  /** The model's id (linear or logistic), which `--model` names. */
  readonly model: ExampleSet['kind'];
  /** What the two parameters and the inputs are called: [w, b] or [w₁, w₂], and the columns used. */
  readonly params: readonly [string, string];
  readonly inputs: readonly string[];
}

const scratch = new Float64Array(2);
const hessianScratch = new Float64Array(3);

/** Newton's method on the mean loss from (0, 0): both models' losses are convex with one minimum here. */
function minimumOf(set: ExampleSet): Minimum {
  let p = 0;
  let q = 0;
  for (let i = 0; i < 100; i++) {
    meanLossAndGrad(set, null, 0, set.count, p, q, scratch);
    meanHessian(set, null, 0, set.count, p, q, hessianScratch);
    const [a, b, c] = hessianScratch;
    const det = a * c - b * b;
    const dp = (c * scratch[0] - b * scratch[1]) / det;
    const dq = (a * scratch[1] - b * scratch[0]) / det;
    p -= dp;
    q -= dq;
    if (Math.abs(dp) + Math.abs(dq) < 1e-15 * (1 + Math.abs(p) + Math.abs(q))) break;
  }
  return { x: p, y: q, f: meanLossAndGrad(set, null, 0, set.count, p, q, scratch), kind: 'global' };
}

/**
 * The loss in words a title can show: the mean over the examples (a, t) or (u₁, u₂, t). It is
 * for reading, not for evaluating: the loss is the sum in meanLossAndGrad, and the PyTorch
 * script writes the data out (pytorchScript.ts's dataSurfaceDef).
 */
function formulaOf(set: ExampleSet): string {
  return set.kind === 'linear' ? 'mean((x*a + y - t)^2)' : 'mean(log(1 + exp(x*u1 + y*u2)) - t*(x*u1 + y*u2))';
}

interface DataSurfaceSpec {
  readonly id: string;
  readonly name: string;
  readonly dataset: DataSet;
  readonly examples: ExampleSet;
  readonly params: readonly [string, string];
  readonly inputs: readonly string[];
  /** Half-widths of the plot around the minimum. */
  readonly reach: Vec2;
  /** The start, relative to the minimum. */
  readonly startOffset: Vec2;
  readonly steps: number;
  readonly lr: Readonly<Partial<Record<OptimizerId, number>>>;
}

function dataSurface(spec: DataSurfaceSpec): DataSurface {
  const set = spec.examples;
  const min = minimumOf(set);
  const latex =
    set.kind === 'linear'
      ? `\\frac{1}{${set.count}}\\sum_{i} (x\\,a_i + y - t_i)^2`
      : `\\frac{1}{${set.count}}\\sum_{i} \\log\\left(1 + e^{x u_{i1} + y u_{i2}}\\right) - t_i\\,(x u_{i1} + y u_{i2})`;
  return {
    id: spec.id,
    name: spec.name,
    formula: formulaOf(set),
    latex,
    value: (x, y) => meanLossAndGrad(set, null, 0, set.count, x, y, scratch),
    valueAndGrad: (x, y, out) => meanLossAndGrad(set, null, 0, set.count, x, y, out),
    hessian: (x, y, out) => meanHessian(set, null, 0, set.count, x, y, out),
    domain: { x: [min.x - spec.reach[0], min.x + spec.reach[0]], y: [min.y - spec.reach[1], min.y + spec.reach[1]] },
    start: [min.x + spec.startOffset[0], min.y + spec.startOffset[1]],
    steps: spec.steps,
    defaults: learningRates(spec.lr),
    minima: [min],
    data: {
      examples: set,
      stream: (base, batch, steps) => new BatchStream(base, set, batch, steps),
      indices: (batch, steps) => batchIndices(batch, set.count, steps),
      epochSteps: (batch) => batchesPerEpoch(batch, set.count),
    },
    dataset: spec.dataset,
    model: set.kind,
    params: spec.params,
    inputs: spec.inputs,
  };
}

const ALL_IRIS = Array.from({ length: IRIS.rows }, (_, i) => i);
const VERSICOLOR_VIRGINICA = ALL_IRIS.filter((i) => IRIS.columns.species[i] !== 0);

/** Iris, versicolor against virginica from the petals' length and width (standardized). */
const irisLogistic = dataSurface({
  id: 'iris-logistic',
  name: 'Iris: logistic regression',
  dataset: IRIS,
  examples: {
    kind: 'logistic',
    a: standardize(IRIS.columns.petalLength, VERSICOLOR_VIRGINICA),
    b: standardize(IRIS.columns.petalWidth, VERSICOLOR_VIRGINICA),
    t: Float64Array.from(VERSICOLOR_VIRGINICA, (i) => (IRIS.columns.species[i] === 2 ? 1 : 0)),
    count: VERSICOLOR_VIRGINICA.length,
  },
  params: ['w₁', 'w₂'],
  inputs: ['petalLength', 'petalWidth'],
  reach: [6, 6],
  startOffset: [-5, 4],
  steps: 300,
  lr: { sgd: 50, momentum: 5, nesterov: 5, adagrad: 2, rmsprop: 0.1, adadelta: 50, adam: 0.3, amsgrad: 0.3, adamw: 0.3, adamax: 0.3, nadam: 0.3, radam: 0.3, rprop: 0.1, asgd: 50, newton: 1 },
});

/** Iris, the petal's width from its length, a straight line through all 150 flowers. */
const irisLinear = dataSurface({
  id: 'iris-linear',
  name: 'Iris: petal width from length',
  dataset: IRIS,
  examples: {
    kind: 'linear',
    a: Float64Array.from(IRIS.columns.petalLength),
    b: new Float64Array(IRIS.rows),
    t: Float64Array.from(IRIS.columns.petalWidth),
    count: IRIS.rows,
  },
  params: ['w', 'b'],
  inputs: ['petalLength', 'petalWidth'],
  reach: [1, 2],
  startOffset: [0.6, 1.5],
  steps: 300,
  lr: { sgd: 0.05, momentum: 0.005, nesterov: 0.005, adagrad: 0.5, rmsprop: 0.01, adadelta: 10, adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.01, asgd: 0.05, newton: 1 },
});

/** Anscombe's first data set, a line fit through its eleven points. */
const anscombeLinear = dataSurface({
  id: 'anscombe-linear',
  name: 'Anscombe I: line fit',
  dataset: ANSCOMBE,
  examples: { kind: 'linear', a: Float64Array.from(ANSCOMBE.columns.x), b: new Float64Array(ANSCOMBE.rows), t: Float64Array.from(ANSCOMBE.columns.y), count: ANSCOMBE.rows },
  params: ['w', 'b'],
  inputs: ['x', 'y'],
  reach: [1.5, 6],
  startOffset: [-1, 4],
  steps: 500,
  lr: { sgd: 0.01, momentum: 0.001, nesterov: 0.001, adagrad: 1, rmsprop: 0.02, adadelta: 10, adam: 0.1, amsgrad: 0.1, adamw: 0.1, adamax: 0.1, nadam: 0.1, radam: 0.01, rprop: 0.02, asgd: 0.01, newton: 1 },
});

export const DATA_SURFACES: readonly DataSurface[] = [irisLogistic, irisLinear, anscombeLinear];

/** The data sets, each with its default model first: `--data iris` is iris-logistic. */
export const DATA_SET_MODELS: Readonly<Record<string, readonly DataSurface[]>> = {
  iris: [irisLogistic, irisLinear],
  anscombe: [anscombeLinear],
};

export function getDataSurface(id: string): DataSurface | undefined {
  return DATA_SURFACES.find((s) => s.id === id);
}
