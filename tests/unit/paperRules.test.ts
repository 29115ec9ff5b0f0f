// The rules from papers that torch.optim lacks (Lion, Signum, Shampoo, schedule-free AdamW), each
// against its paper's reference algorithm written out here step by step, and Shampoo's defining
// property: it turns with the surface, where a per-coordinate method does not.
import { describe, expect, it } from 'vitest';
import { getSurface, simulateRun, type OptimizerId, type Surface } from '../../src/engine';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`surface ${id} missing`);
  return s;
}

type Step = (x: [number, number], g: readonly [number, number], t: number) => void;

/** Runs a reference loop written as the paper writes it, returning x after each step. */
function reference(s: Surface, start: readonly [number, number], steps: number, step: Step): Array<[number, number]> {
  const x: [number, number] = [start[0], start[1]];
  const out: Array<[number, number]> = [[x[0], x[1]]];
  const g = new Float64Array(2);
  for (let t = 1; t <= steps; t++) {
    s.valueAndGrad(x[0], x[1], g);
    step(x, [g[0], g[1]], t);
    out.push([x[0], x[1]]);
  }
  return out;
}

function expectPath(optimizer: OptimizerId, s: Surface, params: Record<string, number>, want: Array<[number, number]>, tol = 1e-12): void {
  const steps = want.length - 1;
  const path = simulateRun({ surface: s, optimizer, steps, start: want[0], params });
  expect(path.steps).toBe(steps);
  for (let t = 0; t <= steps; t++) {
    expect(Math.abs(path.x[t] - want[t][0]), `${optimizer} x at ${t}`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[t][0])));
    expect(Math.abs(path.y[t] - want[t][1]), `${optimizer} y at ${t}`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[t][1])));
  }
}

describe('rules from papers, against their reference algorithms', () => {
  it('lion: c = β₁m + (1−β₁)g; x ← x − η(sign(c) + λx); m ← β₂m + (1−β₂)g (Chen et al. 2023, Program 1)', () => {
    const [lr, b1, b2, wd] = [0.01, 0.9, 0.99, 0.1];
    const m = [0, 0];
    const want = reference(surface('rosenbrock'), [-1.2, 1], 200, (x, g) => {
      for (const i of [0, 1]) {
        const c = b1 * m[i] + (1 - b1) * g[i];
        x[i] = x[i] - lr * (Math.sign(c) + wd * x[i]);
        m[i] = b2 * m[i] + (1 - b2) * g[i];
      }
    });
    expectPath('lion', surface('rosenbrock'), { lr, beta1: b1, beta2: b2, weightDecay: wd }, want);
  });

  it('signum: m ← βm + (1−β)g; x ← x − η·sign(m), and ρ = 0 is signSGD (Bernstein et al. 2018, Alg. 1–2)', () => {
    for (const rho of [0.9, 0]) {
      const m = [0, 0];
      const want = reference(surface('ravine'), [-4, 1], 150, (x, g) => {
        for (const i of [0, 1]) {
          m[i] = rho * m[i] + (1 - rho) * g[i];
          x[i] -= 0.05 * Math.sign(rho === 0 ? g[i] : m[i]);
        }
      });
      expectPath('signum', surface('ravine'), { lr: 0.05, rho }, want, 0);
    }
  });

  it('shampoo on two parameters: L ← L + ggᵀ from εI; x ← x − η·L^(−1/2)g by eigendecomposition (Gupta et al. 2018)', () => {
    const [lr, eps] = [0.3, 1e-4];
    const L = [eps, 0, eps];
    const want = reference(surface('rotated-ravine'), [-2, 1], 200, (x, g) => {
      L[0] += g[0] * g[0];
      L[1] += g[0] * g[1];
      L[2] += g[1] * g[1];
      // The symmetric 2 × 2 eigendecomposition, then V·diag(λ^(−1/2))·Vᵀ·g.
      const [a, b, c] = L;
      const mean = (a + c) / 2;
      const r = Math.hypot((a - c) / 2, b);
      const l1 = mean + r;
      const l2 = mean - r;
      const angle = 0.5 * Math.atan2(2 * b, a - c);
      const v1 = [Math.cos(angle), Math.sin(angle)];
      const v2 = [-Math.sin(angle), Math.cos(angle)];
      const p1 = (v1[0] * g[0] + v1[1] * g[1]) / Math.sqrt(l1);
      const p2 = (v2[0] * g[0] + v2[1] * g[1]) / Math.sqrt(l2);
      x[0] -= lr * (p1 * v1[0] + p2 * v2[0]);
      x[1] -= lr * (p1 * v1[1] + p2 * v2[1]);
    });
    expectPath('shampoo', surface('rotated-ravine'), { lr, eps }, want, 1e-9);
  });

  it('schedule-free AdamW: Algorithm 1 of Defazio et al. 2024 (gradient at y, x the weighted average of z)', () => {
    const s = surface('rosenbrock');
    const [lr, b1, b2, eps, wd] = [0.05, 0.9, 0.999, 1e-8, 0.01];
    const start: [number, number] = [-1.2, 1];
    const steps = 300;
    const x = [...start];
    const z = [...start];
    const v = [0, 0];
    const g = new Float64Array(2);
    let sum = 0;
    const want: Array<[number, number]> = [[x[0], x[1]]];
    for (let t = 1; t <= steps; t++) {
      const y = [0, 1].map((i) => (1 - b1) * z[i] + b1 * x[i]);
      s.valueAndGrad(y[0], y[1], g);
      const gamma = lr * Math.sqrt(1 - Math.pow(b2, t));
      sum += gamma * gamma;
      const c = (gamma * gamma) / sum;
      for (const i of [0, 1]) {
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        z[i] = z[i] - (gamma * g[i]) / (Math.sqrt(v[i]) + eps) - gamma * wd * y[i];
        x[i] = (1 - c) * x[i] + c * z[i];
      }
      want.push([x[0], x[1]]);
    }
    expectPath('schedule-free-adamw', s, { lr, beta1: b1, beta2: b2, eps, weightDecay: wd }, want, 1e-12);
  });
});

describe('the wrappers, against their papers’ algorithms around a torch.optim rule', () => {
  it('sam: ε̂ = r·g/‖g‖, then SGD with momentum on ∇f(x + ε̂) (Foret et al. 2021, Algorithm 1)', () => {
    const s = surface('rosenbrock');
    const [lr, r, rho] = [0.002, 0.05, 0.9];
    const v = [0, 0];
    const probe = new Float64Array(2);
    const want = reference(s, [-1.2, 1], 300, (x, g, t) => {
      const norm = Math.sqrt(g[0] * g[0] + g[1] * g[1]) + 1e-12;
      s.valueAndGrad(x[0] + (g[0] * r) / norm, x[1] + (g[1] * r) / norm, probe);
      for (const i of [0, 1]) {
        // torch.optim.SGD's momentum: the buffer starts at the first gradient.
        v[i] = t === 1 ? probe[i] : rho * v[i] + probe[i];
        x[i] -= lr * v[i];
      }
    });
    expectPath('sam', s, { lr, radius: r, inner: 1, rho }, want, 1e-10);
  });

  it('lookahead: k steps of SGD from θ = φ, then φ ← φ + α(θ − φ), θ ← φ (Zhang et al. 2019, Algorithm 1)', () => {
    const s = surface('ravine');
    const [lr, k, alpha] = [0.3, 4, 0.5];
    const slow = [-4, 1];
    const want = reference(s, [-4, 1], 100, (x, g, t) => {
      for (const i of [0, 1]) x[i] -= lr * g[i];
      if (t % k === 0) {
        for (const i of [0, 1]) {
          slow[i] = slow[i] + alpha * (x[i] - slow[i]);
          x[i] = slow[i];
        }
      }
    });
    expectPath('lookahead', s, { lr, syncPeriod: k, slowStep: alpha, inner: 0 }, want, 0);
  });
});

describe('shampoo turns with the surface', () => {
  // rotated-ravine(x, y) = ravine(u, v) with (u, v) the point turned by 45°.
  const turn = (x: number, y: number): [number, number] => [(x + y) / Math.SQRT2, (x - y) / Math.SQRT2];
  const back = (u: number, v: number): [number, number] => [(u + v) / Math.SQRT2, (u - v) / Math.SQRT2];

  it('its path on the turned ravine is its path on the ravine, turned; AdaGrad’s is not', () => {
    const start: [number, number] = [-3, 1];
    const turnedStart = back(start[0], start[1]);
    const gap = (optimizer: OptimizerId, lr: number) => {
      const plain = simulateRun({ surface: surface('ravine'), optimizer, steps: 100, start, params: { lr } });
      const turned = simulateRun({ surface: surface('rotated-ravine'), optimizer, steps: 100, start: turnedStart, params: { lr } });
      let worst = 0;
      for (let t = 0; t <= 100; t++) {
        const [u, v] = turn(turned.x[t], turned.y[t]);
        worst = Math.max(worst, Math.hypot(u - plain.x[t], v - plain.y[t]));
      }
      return worst;
    };
    expect(gap('shampoo', 0.3)).toBeLessThan(1e-9);
    expect(gap('adagrad', 0.3)).toBeGreaterThan(0.1);
  });
});
