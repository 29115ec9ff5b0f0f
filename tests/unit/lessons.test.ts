import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, getSurface, simulateRun, withPenalty, type Surface } from '../../src/engine';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

const dist = (x: number, y: number, p: { x: number; y: number }) => Math.hypot(x - p.x, y - p.y);

describe('the lessons hold', () => {
  it('ravine from (−4, 1): SGD with η = 0.4 zig-zags, y changing sign at every step', () => {
    const t = simulateRun({ surface: surface('ravine'), optimizer: 'sgd', params: { lr: 0.4 }, start: [-4, 1], steps: 50 });
    expect(t.status).toBe('ok');
    for (let k = 1; k <= t.steps; k++) {
      expect(Math.sign(t.y[k])).toBe(-Math.sign(t.y[k - 1]));
    }
    // ∂f/∂y = 4y, so y ← y − 0.4·4y = −0.6y exactly as in the lecture.
    expect(t.y[1]).toBeCloseTo(-0.6, 15);
    // Along x it crawls: x ← x − 0.4·0.2x = 0.92x.
    expect(t.x[1]).toBeCloseTo(-4 * 0.92, 14);
  });

  it('local-minima from (1.6, 1.6): SGD settles in the local minimum, Momentum reaches the global one', () => {
    const s = surface('local-minima');
    const global = s.minima.find((m) => m.kind === 'global');
    if (!global) throw new Error('no global minimum');
    const local = s.minima.find((m) => m.kind === 'local' && m.x > 0 && m.y > 0);
    if (!local) throw new Error('no local minimum in the first quadrant');
    expect(global.x).toBeCloseTo(-1.0574, 3);
    expect(global.y).toBeCloseTo(-1.0356, 3);
    expect(local.x).toBeCloseTo(0.9304, 3);
    expect(local.y).toBeCloseTo(0.9601, 3);

    const sgd = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.02 }, start: [1.6, 1.6], steps: 2000 });
    expect(sgd.status).toBe('ok');
    expect(dist(sgd.x[sgd.steps], sgd.y[sgd.steps], local)).toBeLessThan(1e-3);

    const mom = simulateRun({ surface: s, optimizer: 'momentum', params: { lr: 0.02, rho: 0.95 }, start: [1.6, 1.6], steps: 2000 });
    expect(mom.status).toBe('ok');
    expect(dist(mom.x[mom.steps], mom.y[mom.steps], global)).toBeLessThan(1e-3);
  });

  it('saddle from (−1.5, 0): SGD never leaves y = 0, and Newton goes straight to the saddle', () => {
    const s = surface('saddle');
    const sgd = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, start: [-1.5, 0], steps: 500 });
    expect(sgd.status).toBe('ok');
    for (let k = 0; k <= sgd.steps; k++) expect(sgd.y[k]).toBe(0);
    expect(Math.abs(sgd.x[sgd.steps])).toBeLessThan(1e-6);

    const newton = simulateRun({ surface: s, optimizer: 'newton', start: [-1.5, 0.4], steps: 5 });
    // H = diag(2, −2): H⁻¹g = (x, y), so one full step lands exactly on the saddle (0, 0).
    expect(newton.x[1]).toBe(0);
    expect(newton.y[1]).toBe(0);
  });

  it('saddle just off the ridge: SGD creeps away, the tiny gradient grows geometrically', () => {
    const s = surface('saddle');
    const sgd = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, start: [-1.5, 1e-3], steps: 40 });
    // y ← y + 0.2y = 1.2y: after 40 steps 1e-3·1.2⁴⁰ ≈ 1.47.
    expect(sgd.y[40]).toBeCloseTo(1e-3 * 1.2 ** 40, 10);
  });
});

describe('divergence and singularity', () => {
  it('η = 10⁶ on Rosenbrock ends as diverged at a finite point, for every optimizer', () => {
    const s = surface('rosenbrock');
    for (const o of OPTIMIZERS) {
      // Rprop's steps are also capped by h_max: lift the cap.
      const t = simulateRun({ surface: s, optimizer: o.id, params: o.id === 'rprop' ? { lr: 1e6, stepMax: 1e9 } : { lr: 1e6 }, steps: 1000 });
      expect(t.status, o.id).toBe('diverged');
      expect(t.steps, o.id).toBeLessThan(1000);
      const k = t.steps;
      expect(Number.isFinite(t.x[k]) && Number.isFinite(t.y[k]) && Number.isFinite(t.loss[k]), o.id).toBe(true);
    }
  });

  it('a huge step that overflows stops at the last finite point', () => {
    const s = surface('rosenbrock');
    const t = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.01 }, start: [5, 5], steps: 100 });
    expect(t.status).toBe('diverged');
    for (let k = 0; k <= t.steps; k++) expect(Number.isFinite(t.loss[k])).toBe(true);
  });

  it('Newton at a singular Hessian stops there, marked singular', () => {
    // The monkey saddle x³ − 3xy² has H = 0 at the origin.
    const s = surface('monkey-saddle');
    const t = simulateRun({ surface: s, optimizer: 'newton', start: [0, 0], steps: 10 });
    expect(t.status).toBe('singular');
    expect(t.steps).toBe(0);
    expect(t.x[0]).toBe(0);
  });

  it('the other runs are untouched by one that diverges', () => {
    const s = surface('rosenbrock');
    const bad = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 1e6 }, steps: 100 });
    const good = simulateRun({ surface: s, optimizer: 'adam', params: { lr: 0.01 }, steps: 100 });
    expect(bad.status).toBe('diverged');
    expect(good.status).toBe('ok');
    expect(good.steps).toBe(100);
  });

  it('refuses hyperparameters the engine cannot use, with a message naming them', () => {
    const s = surface('saddle');
    expect(() => simulateRun({ surface: s, optimizer: 'sgd', params: { lr: Number.NaN } })).toThrow(/lr \(η\) must be a finite number > 0/);
    expect(() => simulateRun({ surface: s, optimizer: 'adam', params: { beta2: 1 } })).toThrow(/beta2/);
    expect(() => simulateRun({ surface: s, optimizer: 'sgd', steps: 2.5 })).toThrow(/steps/);
    expect(() => simulateRun({ surface: s, optimizer: 'sgd', start: [Number.NaN, 0] })).toThrow(/start/);
  });
});

describe('teaching variants', () => {
  it('gradient noise: the same seed gives the same path, another seed another path', () => {
    const s = surface('ravine');
    const run = (seed: number) => simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, steps: 50, noise: { sigma: 0.5, seed } });
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(Array.from(a.x.subarray(0, 51))).toEqual(Array.from(b.x.subarray(0, 51)));
    expect(a.x[50]).not.toBe(c.x[50]);
    const clean = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, steps: 50, noise: { sigma: 0, seed: 7 } });
    const none = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, steps: 50 });
    expect(clean.x[50]).toBe(none.x[50]);
  });

  it('noise escapes a saddle started exactly on its ridge', () => {
    const s = surface('saddle');
    const quiet = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, start: [-1.5, 0], steps: 200 });
    const noisy = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.1 }, start: [-1.5, 0], steps: 200, noise: { sigma: 0.05, seed: 1 } });
    expect(quiet.y[quiet.steps]).toBe(0);
    expect(Math.abs(noisy.y[noisy.steps]) + (noisy.status === 'diverged' ? Infinity : 0)).toBeGreaterThan(1);
  });

  it('the noise is Gaussian with the chosen σ', () => {
    // On a flat surface SGD's displacement is −η·Σ noise: its spread tells σ.
    const flat: Surface = { ...surface('bowl'), value: () => 0, valueAndGrad: (_x, _y, out) => ((out[0] = 0), (out[1] = 0), 0) };
    const t = simulateRun({ surface: flat, optimizer: 'sgd', params: { lr: 1 }, start: [0, 0], steps: 20000, noise: { sigma: 0.01, seed: 3 } });
    let sum = 0;
    let sumSq = 0;
    for (let k = 1; k <= t.steps; k++) {
      const d = t.x[k] - t.x[k - 1];
      sum += d;
      sumSq += d * d;
    }
    const mean = sum / t.steps;
    const sd = Math.sqrt(sumSq / t.steps - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(3e-4);
    expect(sd).toBeGreaterThan(0.0097);
    expect(sd).toBeLessThan(0.0103);
  });

  it('an L2 penalty adds λ‖w‖² and moves the minimum toward the origin', () => {
    const s = surface('rosenbrock');
    const p = withPenalty(s, { kind: 'l2', lambda: 0.5 });
    expect(p.value(1, 1)).toBeCloseTo(s.value(1, 1) + 0.5 * 2, 14);
    const g = new Float64Array(2);
    const g0 = new Float64Array(2);
    p.valueAndGrad(0.3, -0.2, g);
    s.valueAndGrad(0.3, -0.2, g0);
    expect(g[0]).toBeCloseTo(g0[0] + 2 * 0.5 * 0.3, 12);
    expect(g[1]).toBeCloseTo(g0[1] + 2 * 0.5 * -0.2, 12);
    expect(p.minima.length).toBeGreaterThan(0);
    expect(Math.hypot(p.minima[0].x, p.minima[0].y)).toBeLessThan(Math.hypot(1, 1));
    const run = simulateRun({ surface: s, optimizer: 'adam', params: { lr: 0.02 }, steps: 5000, penalty: { kind: 'l2', lambda: 0.5 } });
    expect(Math.hypot(run.x[run.steps] - p.minima[0].x, run.y[run.steps] - p.minima[0].y)).toBeLessThan(1e-3);
  });

  it('an L1 penalty adds λ‖w‖₁ with gradient λ·sign(w)', () => {
    const s = surface('bowl');
    const p = withPenalty(s, { kind: 'l1', lambda: 0.25 });
    expect(p.value(-2, 3)).toBeCloseTo(s.value(-2, 3) + 0.25 * 5, 14);
    const g = new Float64Array(2);
    const g0 = new Float64Array(2);
    p.valueAndGrad(-2, 3, g);
    s.valueAndGrad(-2, 3, g0);
    expect(g[0]).toBeCloseTo(g0[0] - 0.25, 14);
    expect(g[1]).toBeCloseTo(g0[1] + 0.25, 14);
  });

  it('reusing a trajectory recomputes into the same arrays and gives the same numbers', () => {
    const s = surface('rosenbrock');
    const first = simulateRun({ surface: s, optimizer: 'adam', params: { lr: 0.05 }, steps: 300 });
    const xs = Array.from(first.x.subarray(0, 301));
    const other = simulateRun({ surface: s, optimizer: 'sgd', params: { lr: 0.001 }, steps: 300 }, first);
    expect(other.x).toBe(first.x);
    const again = simulateRun({ surface: s, optimizer: 'adam', params: { lr: 0.05 }, steps: 300 }, other);
    expect(Array.from(again.x.subarray(0, 301))).toEqual(xs);
  });
});
