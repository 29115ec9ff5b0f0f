import { LineColor } from '../../src/scene/lineSink';
import { describe, expect, it } from 'vitest';
import { traceRun } from '../../src/engine';
import { getDataSurface } from '../../src/engine/data/dataSurfaces';
import { batchGradientSpread, exampleGradients } from '../../src/engine/data/gradientSpread';
import { meanLossAndGrad } from '../../src/engine/data/models';
import type { ArrowLayer } from '../../src/scene/arrowLayer';
import { BatchSpread } from '../../src/scene/batchSpread';

// The spread of the mini-batch gradients drawn at a particle: the covariance formula against
// every batch there is, and the crosses against the gradients the engine's steps used.

function surface(id: string) {
  const s = getDataSurface(id);
  if (!s) throw new Error(id);
  return s;
}

/** Every k-subset of 0 … n − 1. */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) return void out.push([...chosen]);
    for (let i = from; i < n; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

describe('the spread of the mini-batch gradients', () => {
  for (const [id, size, at] of [
    ['anscombe-linear', 2, [0.2, 1]],
    ['anscombe-linear', 4, [0.8, 2.5]],
    ['iris-logistic', 3, [1, -2]],
  ] as const) {
    it(`${id}, batches of ${size}: the formula's mean and covariance are those of every possible batch, equally likely`, () => {
      const set = surface(id).data.examples;
      // Iris has 100 examples (161,700 triples): the 4,060 triples of its first 30 stand in.
      const n = Math.min(set.count, 30);
      const gx = new Float64Array(set.count);
      const gy = new Float64Array(set.count);
      exampleGradients(set, at[0], at[1], gx, gy);
      const out = new Float64Array(5);
      batchGradientSpread(gx, gy, n, size, out);
      const all = subsets(n, size);
      const means = all.map((b) => [b.reduce((s, i) => s + gx[i], 0) / size, b.reduce((s, i) => s + gy[i], 0) / size]);
      const mx = means.reduce((s, m) => s + m[0], 0) / means.length;
      const my = means.reduce((s, m) => s + m[1], 0) / means.length;
      const cov = (f: (m: number[]) => number) => means.reduce((s, m) => s + f(m), 0) / means.length;
      const scale = Math.max(Math.abs(out[2]), Math.abs(out[4]));
      expect(mx).toBeCloseTo(out[0], 12);
      expect(my).toBeCloseTo(out[1], 12);
      expect(Math.abs(cov((m) => (m[0] - mx) ** 2) - out[2]) / scale).toBeLessThan(1e-10);
      expect(Math.abs(cov((m) => (m[0] - mx) * (m[1] - my)) - out[3]) / scale).toBeLessThan(1e-10);
      expect(Math.abs(cov((m) => (m[1] - my) ** 2) - out[4]) / scale).toBeLessThan(1e-10);
    });
  }

  it('is nothing for the full batch, and the examples’ own spread for batches of one', () => {
    const set = surface('iris-linear').data.examples;
    const gx = new Float64Array(set.count);
    const gy = new Float64Array(set.count);
    exampleGradients(set, 0.3, -0.2, gx, gy);
    const out = new Float64Array(5);
    batchGradientSpread(gx, gy, set.count, set.count, out);
    expect([out[2], out[3], out[4]]).toEqual([0, 0, 0]);
    const full = new Float64Array(2);
    meanLossAndGrad(set, null, 0, set.count, 0.3, -0.2, full);
    expect(out[0]).toBeCloseTo(full[0], 13);
    expect(out[1]).toBeCloseTo(full[1], 13);
    batchGradientSpread(gx, gy, set.count, 1, out);
    const population = gx.reduce((s, g) => s + (g - out[0]) ** 2, 0) / set.count;
    expect(out[2]).toBeCloseTo(population, 12);
  });

  it('draws a cross per batch of the epoch, one of them at the tip of the gradient the step used', () => {
    const s = surface('iris-logistic');
    const batch = { size: 10, seed: 4 };
    const steps = 40;
    const trace = traceRun({ surface: s, optimizer: 'sgd', steps, batch });
    const crosses: Array<[number, number]> = [];
    const layer = {
      segment(ax: number, _ay: number, az: number, bx: number, _by: number, bz: number) {
        // A cross is two segments through its centre; the ellipse's segments are not.
        crosses.push([(ax + bx) / 2, (az + bz) / 2]);
      },
    } as unknown as ArrowLayer;
    const spread = new BatchSpread();
    spread.prepare(s.data, batch, steps);
    const t = 23;
    const scale = 0.01;
    spread.draw(layer, s, s.data, batch, trace.x[t - 1], trace.y[t - 1], t, scale, (x, y, out) => Object.assign(out, { x, y: 0, z: y }), new LineColor());
    // 10 batches × 2 segments, then the ellipse's 40.
    expect(spread.segments()).toBe(60);
    expect(crosses).toHaveLength(60);
    const centres = crosses.slice(0, 20).filter((_, i) => i % 2 === 0);
    const tip = [trace.x[t - 1] - scale * trace.gx[t], trace.y[t - 1] - scale * trace.gy[t]];
    const nearest = Math.min(...centres.map(([x, z]) => Math.hypot(x - tip[0], z - tip[1])));
    expect(nearest).toBeLessThan(1e-12);
  });
});
