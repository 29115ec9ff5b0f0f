import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, OPTIMIZER_IDS, explainStep, getSurface, radamPlainSteps, simulateRun, traceRun, type OptimizerId, type Surface } from '../../src/engine';

// A small quadratic, f = x² + 3y², so that every gradient below can be checked by hand:
// ∇f = (2x, 6y), H = diag(2, 6).
const quad: Surface = {
  id: 'quad',
  name: 'quad',
  formula: 'x^2 + 3*y^2',
  latex: 'x^2 + 3y^2',
  value: (x, y) => x * x + 3 * y * y,
  valueAndGrad(x, y, out) {
    out[0] = 2 * x;
    out[1] = 6 * y;
    return x * x + 3 * y * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 6;
  },
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [1, 1],
  steps: 3,
  defaults: {},
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
};
const grad = (x: number, y: number): [number, number] => [2 * x, 6 * y];

function close(actual: number, expected: number): void {
  // The engine follows torch.optim's order of operations while the references below follow
  // the spec's formulas: they may differ in the last bit or two, never more.
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(expected)));
}

function threeSteps(optimizer: OptimizerId, params: Record<string, number>, extra: { biasCorrection?: boolean } = {}) {
  const t = simulateRun({ surface: quad, optimizer, params, start: [1, 1], steps: 3, ...extra });
  expect(t.status).toBe('ok');
  expect(t.steps).toBe(3);
  return [1, 2, 3].map((k) => [t.x[k], t.y[k]] as const);
}

function expectPath(actual: ReadonlyArray<readonly [number, number]>, expected: Array<[number, number]>): void {
  expected.forEach(([ex, ey], i) => {
    close(actual[i][0], ex);
    close(actual[i][1], ey);
  });
}

describe('update rules: the first three steps on x² + 3y² from (1, 1), worked by hand', () => {
  it('sgd: x ← x − η·g', () => {
    // η = 0.1: x ← x − 0.2x = 0.8x, y ← y − 0.6y = 0.4y.
    expectPath(threeSteps('sgd', { lr: 0.1 }), [
      [0.8, 0.4],
      [0.64, 0.16],
      [0.512, 0.064],
    ]);
  });

  it('momentum: v ← ρv + g; x ← x − ηv', () => {
    const lr = 0.1;
    const rho = 0.9;
    // Step 1: v = g(1,1) = (2, 6); x = (1 − 0.2, 1 − 0.6) = (0.8, 0.4).
    // Step 2: g = (1.6, 2.4); v = (0.9·2 + 1.6, 0.9·6 + 2.4) = (3.4, 7.8); x = (0.8 − 0.34, 0.4 − 0.78).
    // Step 3: g = (0.92, −2.28); v = (0.9·3.4 + 0.92, 0.9·7.8 − 2.28) = (3.98, 4.74); x = (0.46 − 0.398, −0.38 − 0.474).
    expectPath(threeSteps('momentum', { lr, rho }), [
      [0.8, 0.4],
      [0.8 - 0.34, 0.4 - 0.78],
      [0.8 - 0.34 - 0.1 * (0.9 * 3.4 + 0.92), 0.4 - 0.78 - 0.1 * (0.9 * 7.8 - 2.28)],
    ]);
  });

  it('nesterov: v ← ρv + g; x ← x − η(g + ρv)', () => {
    const lr = 0.1;
    const rho = 0.9;
    let x = 1;
    let y = 1;
    let vx = 0;
    let vy = 0;
    const expected: Array<[number, number]> = [];
    for (let k = 0; k < 3; k++) {
      const [gx, gy] = grad(x, y);
      vx = rho * vx + gx;
      vy = rho * vy + gy;
      x = x - lr * (gx + rho * vx);
      y = y - lr * (gy + rho * vy);
      expected.push([x, y]);
    }
    // Step 1 by hand: v = (2, 6); x = 1 − 0.1·(2 + 1.8) = 0.62, y = 1 − 0.1·(6 + 5.4) = −0.14.
    close(expected[0][0], 0.62);
    close(expected[0][1], -0.14);
    expectPath(threeSteps('nesterov', { lr, rho }), expected);
  });

  it('adagrad: s ← s + g²; x ← x − η·g/(√s + ε)', () => {
    const lr = 0.5;
    const eps = 1e-10;
    // Step 1: s = (4, 36); x = 1 − 0.5·2/(2 + ε), y = 1 − 0.5·6/(6 + ε).
    const x1 = 1 - (0.5 * 2) / (2 + eps);
    const y1 = 1 - (0.5 * 6) / (6 + eps);
    // Step 2: g = (2x1, 6y1); s = (4 + g², 36 + g²).
    const sx2 = 4 + 2 * x1 * (2 * x1);
    const sy2 = 36 + 6 * y1 * (6 * y1);
    const x2 = x1 - (lr * 2 * x1) / (Math.sqrt(sx2) + eps);
    const y2 = y1 - (lr * 6 * y1) / (Math.sqrt(sy2) + eps);
    const sx3 = sx2 + 2 * x2 * (2 * x2);
    const sy3 = sy2 + 6 * y2 * (6 * y2);
    const x3 = x2 - (lr * 2 * x2) / (Math.sqrt(sx3) + eps);
    const y3 = y2 - (lr * 6 * y2) / (Math.sqrt(sy3) + eps);
    // ε shifts the first step by η·ε/|g|: 0.5 to nine places.
    expect(x1).toBeCloseTo(0.5, 9);
    expectPath(threeSteps('adagrad', { lr, eps }), [
      [x1, y1],
      [x2, y2],
      [x3, y3],
    ]);
  });

  it('rmsprop: s ← d·s + (1−d)·g²; x ← x − η·g/(√s + ε)', () => {
    const lr = 0.01;
    const d = 0.99;
    const eps = 1e-8;
    // Step 1: s = 0.01·g², √s = 0.1·|g|, so each coordinate moves by η/0.1 = 0.1 (less ε's share).
    const x1 = 1 - (lr * 2) / (Math.sqrt(0.01 * 4) + eps);
    const y1 = 1 - (lr * 6) / (Math.sqrt(0.01 * 36) + eps);
    expect(x1).toBeCloseTo(0.9, 6);
    expect(y1).toBeCloseTo(0.9, 6);
    const s2 = [d * (0.01 * 4) + (1 - d) * (2 * x1) ** 2, d * (0.01 * 36) + (1 - d) * (6 * y1) ** 2];
    const x2 = x1 - (lr * 2 * x1) / (Math.sqrt(s2[0]) + eps);
    const y2 = y1 - (lr * 6 * y1) / (Math.sqrt(s2[1]) + eps);
    const s3 = [d * s2[0] + (1 - d) * (2 * x2) ** 2, d * s2[1] + (1 - d) * (6 * y2) ** 2];
    const x3 = x2 - (lr * 2 * x2) / (Math.sqrt(s3[0]) + eps);
    const y3 = y2 - (lr * 6 * y2) / (Math.sqrt(s3[1]) + eps);
    expectPath(threeSteps('rmsprop', { lr, decay: d, eps }), [
      [x1, y1],
      [x2, y2],
      [x3, y3],
    ]);
  });

  it('adadelta: s ← d·s + (1−d)·g²; Δ = √(u+ε)/√(s+ε)·g; u ← d·u + (1−d)·Δ²; x ← x − η·Δ', () => {
    const lr = 1;
    const d = 0.9;
    const eps = 1e-6;
    let x = 1;
    let y = 1;
    const s = [0, 0];
    const u = [0, 0];
    const expected: Array<[number, number]> = [];
    for (let k = 0; k < 3; k++) {
      const g = grad(x, y);
      const delta = [0, 0];
      for (const i of [0, 1]) {
        s[i] = d * s[i] + (1 - d) * g[i] * g[i];
        delta[i] = (Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps)) * g[i];
        u[i] = d * u[i] + (1 - d) * delta[i] * delta[i];
      }
      x = x - lr * delta[0];
      y = y - lr * delta[1];
      expected.push([x, y]);
    }
    // Step 1 by hand: s = (0.4, 3.6); Δx = √1e-6/√(0.4+1e-6)·2 ≈ 0.0031623.
    close(expected[0][0], 1 - (0.001 / Math.sqrt(0.4 + 1e-6)) * 2);
    expectPath(threeSteps('adadelta', { lr, decay: d, eps }), expected);
  });

  function adamReference(
    lr: number,
    b1: number,
    b2: number,
    eps: number,
    opts: { amsgrad?: boolean; weightDecay?: number; biasCorrection?: boolean } = {},
  ): Array<[number, number]> {
    let x = 1;
    let y = 1;
    const m = [0, 0];
    const v = [0, 0];
    const w = [0, 0];
    const out: Array<[number, number]> = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(x, y);
      if (opts.weightDecay) {
        x = x * (1 - lr * opts.weightDecay);
        y = y * (1 - lr * opts.weightDecay);
      }
      const step = [0, 0];
      for (const i of [0, 1]) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        w[i] = Math.max(w[i], v[i]);
        const r = opts.amsgrad ? w[i] : v[i];
        step[i] =
          opts.biasCorrection === false
            ? (lr * m[i]) / (Math.sqrt(r) + eps)
            : ((lr / (1 - b1 ** t)) * m[i]) / (Math.sqrt(r) / Math.sqrt(1 - b2 ** t) + eps);
      }
      x = x - step[0];
      y = y - step[1];
      out.push([x, y]);
    }
    return out;
  }

  it('adam: bias-corrected moments; the first step is η·g/(|g| + ε) ≈ η per coordinate', () => {
    const expected = adamReference(0.1, 0.9, 0.999, 1e-8);
    // Step 1: m̂ = g, v̂ = g², so x moves by 0.1·2/(2 + 1e-8) and y by 0.1·6/(6 + 1e-8).
    close(expected[0][0], 1 - 0.2 / (2 + 1e-8));
    close(expected[0][1], 1 - 0.6 / (6 + 1e-8));
    expectPath(threeSteps('adam', { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }), expected);
  });

  it('adam without bias correction: the CS231n first-step blow-up, m/√v = 0.1/√0.001 ≈ 3.16', () => {
    const expected = adamReference(0.1, 0.9, 0.999, 1e-8, { biasCorrection: false });
    close(expected[0][0], 1 - (0.1 * 0.2) / (Math.sqrt(0.004) + 1e-8));
    expect(1 - expected[0][0]).toBeGreaterThan(0.31);
    expectPath(threeSteps('adam', { lr: 0.1 }, { biasCorrection: false }), expected);
  });

  it('amsgrad: w ← max(w, v) in the denominator', () => {
    // β₂ = 0.5 makes v shrink between steps, so the max actually matters.
    const expected = adamReference(0.1, 0.9, 0.5, 1e-8, { amsgrad: true });
    const plain = adamReference(0.1, 0.9, 0.5, 1e-8);
    expect(expected[2][1]).not.toBe(plain[2][1]);
    expectPath(threeSteps('amsgrad', { lr: 0.1, beta1: 0.9, beta2: 0.5, eps: 1e-8 }), expected);
  });

  it('adamw: x ← x·(1 − ηλ), then the Adam step', () => {
    const expected = adamReference(0.1, 0.9, 0.999, 1e-8, { weightDecay: 0.5 });
    // Step 1: x = 1·(1 − 0.05) − 0.1·2/(2 + ε).
    close(expected[0][0], 0.95 - 0.2 / (2 + 1e-8));
    expectPath(threeSteps('adamw', { lr: 0.1, weightDecay: 0.5 }), expected);
  });

  it('adamax: u ← max(β₂u, |g| + ε); x ← x − (η/(1−β₁ᵗ))·m/u', () => {
    const lr = 0.1;
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    let x = 1;
    let y = 1;
    const m = [0, 0];
    const u = [0, 0];
    const expected: Array<[number, number]> = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(x, y);
      const step = [0, 0];
      for (const i of [0, 1]) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
        step[i] = ((lr / (1 - b1 ** t)) * m[i]) / u[i];
      }
      x -= step[0];
      y -= step[1];
      expected.push([x, y]);
    }
    // Step 1 by hand: m = 0.1·g, u = |g| + ε, step = (0.1/0.1)·0.1·g/(|g| + ε).
    close(expected[0][0], 1 - (0.1 * 2) / (2 + 1e-8));
    expectPath(threeSteps('adamax', { lr, beta1: b1, beta2: b2, eps }), expected);
  });

  it('nadam: PyTorch 2.x momentum schedule μₜ and its product', () => {
    const lr = 0.1;
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    const psi = 0.004;
    const mu = (t: number) => b1 * (1 - 0.5 * 0.96 ** (t * psi));
    let x = 1;
    let y = 1;
    const m = [0, 0];
    const v = [0, 0];
    let prod = 1;
    const expected: Array<[number, number]> = [];
    for (let t = 1; t <= 3; t++) {
      const g = grad(x, y);
      prod *= mu(t);
      const next = prod * mu(t + 1);
      const p = [x, y];
      for (const i of [0, 1]) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        const D = Math.sqrt(v[i] / (1 - b2 ** t)) + eps;
        p[i] = p[i] - (lr * (1 - mu(t))) / (1 - prod) * (g[i] / D) - ((lr * mu(t + 1)) / (1 - next)) * (m[i] / D);
      }
      [x, y] = p;
      expected.push([x, y]);
    }
    // Step 1 by hand: m/D = 0.1·g/|g|, g/D = g/|g|, Π₁ = μ₁:
    // Δx = 0.1·(1−μ₁)/(1−μ₁) + 0.1·μ₂·0.1/(1 − μ₁μ₂).
    const m1 = mu(1);
    const m2 = mu(2);
    expect(Math.abs(1 - expected[0][0] - (0.1 + (0.1 * m2 * 0.1) / (1 - m1 * m2)))).toBeLessThan(1e-8);
    const actual = threeSteps('nadam', { lr, beta1: b1, beta2: b2, eps, momentumDecay: psi });
    expected.forEach(([ex, ey], i) => {
      // Two sequential addcdiv_ updates, as PyTorch does, round slightly differently from one.
      expect(Math.abs(actual[i][0] - ex)).toBeLessThan(1e-15);
      expect(Math.abs(actual[i][1] - ey)).toBeLessThan(1e-15);
    });
  });

  it('newton: one full step lands on the minimum of a quadratic', () => {
    const path = threeSteps('newton', { lr: 1 });
    // H⁻¹g = (2x/2, 6y/6) = (x, y): one step from anywhere reaches (0, 0).
    expectPath(path, [
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    // η = 0.5 halves the distance each step.
    expectPath(threeSteps('newton', { lr: 0.5 }), [
      [0.5, 0.5],
      [0.25, 0.25],
      [0.125, 0.125],
    ]);
  });
});

describe('the optimizer table', () => {
  it('lists every optimizer, the spec’s twelve first, in order, each with PyTorch defaults', () => {
    expect(OPTIMIZERS.map((o) => o.id)).toEqual([...OPTIMIZER_IDS]);
    const d = Object.fromEntries(OPTIMIZERS.map((o) => [o.id, o.defaults]));
    expect(d.sgd).toEqual({ lr: 0.01, weightDecay: 0 });
    expect(d.momentum).toEqual({ lr: 0.01, rho: 0.9, dampening: 0, weightDecay: 0 });
    expect(d.nesterov).toEqual({ lr: 0.01, rho: 0.9, weightDecay: 0 });
    expect(d.adagrad).toEqual({ lr: 0.01, eps: 1e-10, lrDecay: 0, initialAccumulator: 0, weightDecay: 0 });
    expect(d.rmsprop).toEqual({ lr: 0.01, decay: 0.99, eps: 1e-8, rho: 0, centered: 0, weightDecay: 0 });
    expect(d.adadelta).toEqual({ lr: 1, decay: 0.9, eps: 1e-6, weightDecay: 0 });
    expect(d.adam).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(d.adamw).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
    expect(d.adamax).toEqual({ lr: 0.002, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(d.nadam).toEqual({ lr: 0.002, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 0.004, weightDecay: 0 });
    expect(d.radam).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(d.newton).toEqual({ lr: 1 });
  });
});

describe('radamPlainSteps: the steps RAdam takes without rectification', () => {
  it('are the first five at β₂ = 0.999, every step when ρ∞ ≤ 5, and exactly where the trace says ρₜ ≤ 5', () => {
    expect(radamPlainSteps(0.999, 1000)).toBe(5);
    expect(radamPlainSteps(0.6, 300)).toBe(300);
    const surface = getSurface('ravine');
    if (!surface) throw new Error('no ravine');
    for (const beta2 of [0.9, 0.99, 0.999, 0.9999]) {
      const trace = traceRun({ surface, optimizer: 'radam', steps: 120, params: { beta2, lr: 0.01 } });
      const plain = radamPlainSteps(beta2, trace.steps);
      for (let t = 1; t <= trace.steps; t++) {
        const e = explainStep(trace, 'radam', t);
        expect(e.rhoT !== undefined && e.rhoT > 5, `β₂ = ${beta2}, t = ${t}`).toBe(t > plain);
        expect(Number.isNaN(e.rect), `β₂ = ${beta2}, t = ${t}`).toBe(t <= plain);
      }
    }
  });
});
