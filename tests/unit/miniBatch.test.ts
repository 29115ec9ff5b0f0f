// Real mini-batches (issue 14): two-parameter models over shipped data sets, sampled as
// PyTorch's DataLoader(shuffle=True) samples them.
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS, simulateRun, type OptimizerId, type RunSpec } from '../../src/engine';
import { batchIndices, batchesPerEpoch } from '../../src/engine/data/batches';
import { DATA_SET_MODELS, DATA_SURFACES, getDataSurface, type DataSurface } from '../../src/engine/data/dataSurfaces';
import { ANSCOMBE, IRIS } from '../../src/engine/data/datasets';
import { DATA_SURFACE_IDS } from '../../src/engine/data/dataIds';
import { meanLossAndGrad } from '../../src/engine/data/models';
import { getSurface } from '../../src/engine/surfaces';
import { sceneBatch } from '../../src/state/runSpec';

const iris = getDataSurface('iris-linear') as DataSurface;
const logistic = getDataSurface('iris-logistic') as DataSurface;

describe('the data sets', () => {
  it('are the published numbers: Fisher’s iris (R’s copy) and Anscombe’s first set', () => {
    expect(IRIS.rows).toBe(150);
    for (const c of Object.values(IRIS.columns)) expect(c).toHaveLength(150);
    // Rows 35 and 38 as Fisher printed them (the UCI copy has 0.1 and 4.9, 3.1, 1.5).
    expect([IRIS.columns.petalLength[34], IRIS.columns.petalWidth[34]]).toEqual([1.5, 0.2]);
    expect([IRIS.columns.petalLength[37], IRIS.columns.petalWidth[37]]).toEqual([1.4, 0.1]);
    // Petal length: mean 3.758, sum 563.7; petal width: sum 179.9 (the textbook summaries).
    expect(IRIS.columns.petalLength.reduce((a, b) => a + b, 0)).toBeCloseTo(563.7, 9);
    expect(IRIS.columns.petalWidth.reduce((a, b) => a + b, 0)).toBeCloseTo(179.9, 9);
    expect(ANSCOMBE.rows).toBe(11);
  });

  it('are named by the ids the app knows before their chunk loads', () => {
    expect(DATA_SURFACES.map((s) => s.id)).toEqual([...DATA_SURFACE_IDS]);
  });

  it('name each data set’s default model first', () => {
    expect(DATA_SET_MODELS.iris.map((s) => s.id)).toEqual(['iris-logistic', 'iris-linear']);
    expect(DATA_SET_MODELS.anscombe.map((s) => s.id)).toEqual(['anscombe-linear']);
  });
});

describe.each(DATA_SURFACES.map((s) => [s.id, s] as const))('data surface %s', (_id, s) => {
  it('has an exact gradient and a true minimum', () => {
    const g = new Float64Array(2);
    const h = 1e-6;
    for (const [x, y] of [s.start, [s.minima[0].x + 0.3, s.minima[0].y - 0.2]] as const) {
      s.valueAndGrad(x, y, g);
      expect(g[0]).toBeCloseTo((s.value(x + h, y) - s.value(x - h, y)) / (2 * h), 5);
      expect(g[1]).toBeCloseTo((s.value(x, y + h) - s.value(x, y - h)) / (2 * h), 5);
    }
    const m = s.minima[0];
    expect(s.valueAndGrad(m.x, m.y, g)).toBe(m.f);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
  });

  it('runs every optimizer on mini-batches, to finite points', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      const path = simulateRun({ surface: s, optimizer, steps: 60, batch: { size: 4, seed: 7 } });
      expect(path.steps, optimizer).toBeGreaterThan(0);
      expect(Number.isFinite(path.x[path.steps]) && Number.isFinite(path.loss[path.steps]), optimizer).toBe(true);
      expect(path.batchLoss?.[1], optimizer).toBe(path.batchLoss?.[1]);
    }
  });
});

describe('mini-batches', () => {
  it('of every example are plain gradient descent on the full loss, bit for bit', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam', 'lbfgs'] as OptimizerId[]) {
      const full = simulateRun({ surface: iris, optimizer, steps: 200 });
      const batched = simulateRun({ surface: iris, optimizer, steps: 200, batch: { size: 150, seed: 3 } });
      expect(Array.from(batched.x.subarray(0, 201))).toEqual(Array.from(full.x.subarray(0, 201)));
      expect(Array.from(batched.y.subarray(0, 201))).toEqual(Array.from(full.y.subarray(0, 201)));
      expect(Array.from(batched.loss.subarray(0, 201))).toEqual(Array.from(full.loss.subarray(0, 201)));
      expect(batched.batchLoss).toBeUndefined();
    }
  });

  it('average, over an epoch, to the full gradient (each batch weighted by its size)', () => {
    const g = new Float64Array(2);
    const full = new Float64Array(2);
    for (const size of [1, 7, 10, 40, 149]) {
      const batches = batchIndices({ size, seed: 11 }, 150, batchesPerEpoch({ size, seed: 11 }, 150));
      const sum = [0, 0];
      for (const b of batches.slice(1)) {
        meanLossAndGrad(iris.data.examples, Int32Array.from(b), 0, b.length, 0.2, 0.5, g);
        sum[0] += g[0] * b.length;
        sum[1] += g[1] * b.length;
      }
      iris.valueAndGrad(0.2, 0.5, full);
      expect(sum[0] / 150).toBeCloseTo(full[0], 12);
      expect(sum[1] / 150).toBeCloseTo(full[1], 12);
    }
  });

  it('are drawn as DataLoader(shuffle=True) draws them: a permutation an epoch, the last batch smaller unless drop_last', () => {
    const spec = { size: 40, seed: 5 };
    expect(batchesPerEpoch(spec, 150)).toBe(4);
    expect(batchesPerEpoch({ ...spec, dropLast: true }, 150)).toBe(3);
    const listed = batchIndices(spec, 150, 12);
    expect(listed.slice(1).map((b) => b.length)).toEqual([40, 40, 40, 30, 40, 40, 40, 30, 40, 40, 40, 30]);
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen = listed.slice(1 + 4 * epoch, 5 + 4 * epoch).flat().sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => i));
    }
    // A fresh order each epoch, and the same orders for the same seed.
    expect(listed[5]).not.toEqual(listed[1]);
    expect(batchIndices(spec, 150, 12)).toEqual(listed);
    expect(batchIndices({ size: 40, seed: 6 }, 150, 12)).not.toEqual(listed);
    const dropped = batchIndices({ ...spec, dropLast: true }, 150, 6);
    expect(dropped.slice(1).map((b) => b.length)).toEqual([40, 40, 40, 40, 40, 40]);
  });

  it('are the batches listed with the run: SGD by hand over the listed indices is the engine’s path, bit for bit', () => {
    const steps = 50;
    const lr = 0.05;
    const spec: RunSpec = { surface: iris, optimizer: 'sgd', steps, params: { lr }, batch: { size: 16, seed: 42 } };
    const path = simulateRun(spec);
    const listed = batchIndices({ size: 16, seed: 42 }, 150, steps);
    const g = new Float64Array(2);
    let [x, y] = iris.start;
    for (let t = 1; t <= steps; t++) {
      const b = Int32Array.from(listed[t]);
      const loss = meanLossAndGrad(iris.data.examples, b, 0, b.length, x, y, g);
      expect(path.batchLoss?.[t]).toBe(loss);
      x = x - lr * g[0];
      y = y - lr * g[1];
      expect([path.x[t], path.y[t]]).toEqual([x, y]);
      // The path's loss is the whole data's at each point.
      expect(path.loss[t]).toBe(iris.value(x, y));
    }
  });

  it('make the path noisy where examples disagree, and quiet where they all agree', () => {
    // Near the least-squares line the examples' gradients point every way: batches scatter the path.
    const m = iris.minima[0];
    const near = simulateRun({ surface: iris, optimizer: 'sgd', steps: 300, start: [m.x, m.y], params: { lr: 0.02 }, batch: { size: 1, seed: 1 } });
    let wander = 0;
    for (let t = 1; t <= 300; t++) wander = Math.max(wander, Math.hypot(near.x[t] - m.x, near.y[t] - m.y));
    expect(wander).toBeGreaterThan(1e-3);
    // The full batch stays put at the minimum.
    const still = simulateRun({ surface: iris, optimizer: 'sgd', steps: 300, start: [m.x, m.y], params: { lr: 0.02 } });
    expect(Math.hypot(still.x[300] - m.x, still.y[300] - m.y)).toBeLessThan(1e-12);
    expect(logistic.minima[0].f).toBeGreaterThan(0);
  });

  it('refuse a bad batch size, seed or surface with a message naming it', () => {
    const run = (batch: RunSpec['batch'], surface = iris) => () => simulateRun({ surface, optimizer: 'sgd', steps: 5, batch });
    expect(run({ size: 0, seed: 1 })).toThrow(/batch size must be a whole number from 1 to 150.*got 0/);
    expect(run({ size: 1.5, seed: 1 })).toThrow(/batch size/);
    expect(run({ size: 151, seed: 1 })).toThrow(/batch size.*got 151/);
    expect(run({ size: 10, seed: -1 })).toThrow(/batch seed must be a whole number from 0 to 4294967295, got -1/);
    expect(run({ size: 10, seed: 2 ** 32 })).toThrow(/batch seed/);
    expect(run({ size: 10, seed: 1 }, getSurface('ravine') as unknown as DataSurface)).toThrow(/surface "ravine" has no data/);
  });
});

describe('the batch a scene runs (sceneBatch)', () => {
  const scene = (size: number | null, dropLast = false) => ({ batch: { size, dropLast }, noise: { sigma: 0, seed: 7 } });
  it('is the scene’s size, seeded by the noise seed, with its drop_last', () => {
    expect(sceneBatch(scene(10, true), iris)).toEqual({ size: 10, seed: 7, dropLast: true });
    expect(sceneBatch(scene(1), logistic)).toEqual({ size: 1, seed: 7, dropLast: false });
  });
  it('is none with every example (the full loss), a size past the data’s, or off a data surface', () => {
    expect(sceneBatch(scene(null), iris)).toBeUndefined();
    expect(sceneBatch(scene(150), iris)).toBeUndefined();
    // Iris's 150 then the logistic model's 100 flowers: a size the data no longer have is all of them.
    expect(sceneBatch(scene(120), logistic)).toBeUndefined();
    expect(sceneBatch(scene(10), getSurface('ravine') as NonNullable<ReturnType<typeof getSurface>>)).toBeUndefined();
  });
});
