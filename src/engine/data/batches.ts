// Mini-batches drawn as PyTorch's DataLoader(shuffle=True) draws them: each epoch a fresh
// permutation of the examples, cut into batches in order, the last one smaller unless
// drop_last. The permutations come from the engine's own seeded generator (not torch's), so the
// batches are listed with a run (batchIndices) and a PyTorch script feeds those same batches.
//
// Step t (1, 2, …) takes batch (t − 1) mod k of epoch ⌊(t − 1) / k⌋, with k batches an epoch.

import { createUniform, SEED_MAX } from '../random';
import type { BatchSpec, Surface } from '../types';
import { meanHessian, meanLossAndGrad, type ExampleSet } from './models';

/** Checks a batch spec against a data set of `count` examples; throws a RangeError naming the bad part. */
function checkBatch(spec: BatchSpec, count: number): void {
  if (!(Number.isInteger(spec.size) && spec.size >= 1 && spec.size <= count)) {
    throw new RangeError(`batch size must be a whole number from 1 to ${count} (the data's examples), got ${spec.size}`);
  }
  if (!(Number.isInteger(spec.seed) && spec.seed >= 0 && spec.seed <= SEED_MAX)) {
    throw new RangeError(`batch seed must be a whole number from 0 to ${SEED_MAX}, got ${spec.seed}`);
  }
}

/** Batches in one epoch. */
export function batchesPerEpoch(spec: BatchSpec, count: number): number {
  return spec.dropLast === true ? Math.floor(count / spec.size) : Math.ceil(count / spec.size);
}

/** The permutations, epoch after epoch, from one seeded stream (as one torch.Generator). */
class Permutations {
  private readonly uniform: () => number;
  readonly order: Int32Array;

  constructor(count: number, seed: number) {
    this.uniform = createUniform(seed);
    this.order = new Int32Array(count);
  }

  /** The next epoch's order: Fisher–Yates over 0 … count − 1. */
  next(): Int32Array {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}

/**
 * The data surface a mini-batch run steps on: the mean loss over the current batch. Before the
 * first step it is the whole data in order (the start's loss is the full loss); `advance` moves
 * to the next batch, and `beforeStep` (a kernel's gradient hook) does that at each step.
 */
export class BatchStream {
  readonly surface: Surface;
  private readonly perms: Permutations;
  private readonly perEpoch: number;
  private order: Int32Array | null = null;
  private from = 0;
  private to: number;
  /** Batches taken so far: step t's batch is number t. */
  private taken = 0;
  /** Each step's batch loss at the point it started from (what a training loop prints). */
  readonly losses: Float64Array;

  constructor(
    base: Surface,
    readonly set: ExampleSet,
    readonly spec: BatchSpec,
    steps: number,
  ) {
    checkBatch(spec, set.count);
    this.perms = new Permutations(set.count, spec.seed);
    this.perEpoch = batchesPerEpoch(spec, set.count);
    this.to = set.count;
    this.losses = new Float64Array(steps + 1).fill(Number.NaN);
    const stream = this;
    this.surface = {
      ...base,
      value: (x, y) => meanLossAndGrad(set, stream.order, stream.from, stream.to, x, y, new Float64Array(2)),
      valueAndGrad: (x, y, out) => meanLossAndGrad(set, stream.order, stream.from, stream.to, x, y, out),
      // Newton's step on a batch uses the batch's curvature, as autograd's Hessian of its loss does.
      hessian: (x, y, out) => meanHessian(set, stream.order, stream.from, stream.to, x, y, out),
    };
  }

  /** Moves to the next batch (a new permutation at each epoch's first). */
  advance(): void {
    const j = this.taken % this.perEpoch;
    if (j === 0) this.order = this.perms.next();
    this.from = j * this.spec.size;
    this.to = Math.min(this.from + this.spec.size, this.set.count);
    this.taken++;
  }

  /** Step t starts at (x, y): its batch's loss and gradient there, through the kernel's own surface f. */
  beforeStep(f: Surface, x: number, y: number, g: Float64Array): number {
    this.advance();
    const loss = f.valueAndGrad(x, y, g);
    this.losses[this.taken] = loss;
    return loss;
  }

  /** An evaluation inside a step (L-BFGS's line search) stays on the step's batch. */
  onEvaluation(): void {}
}

/** The example indices of each step's batch, steps 1 … steps (index 0: empty, the start). */
export function batchIndices(spec: BatchSpec, count: number, steps: number): number[][] {
  checkBatch(spec, count);
  const perms = new Permutations(count, spec.seed);
  const perEpoch = batchesPerEpoch(spec, count);
  const out: number[][] = [[]];
  let order: Int32Array = perms.order;
  for (let t = 1; t <= steps; t++) {
    const j = (t - 1) % perEpoch;
    if (j === 0) order = perms.next();
    out.push(Array.from(order.subarray(j * spec.size, Math.min((j + 1) * spec.size, count))));
  }
  return out;
}
