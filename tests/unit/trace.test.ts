import { describe, expect, it } from 'vitest';
import {
  INNER_OPTIMIZERS,
  OPTIMIZER_IDS,
  STATE_KEYS,
  explainStep,
  getOptimizer,
  getSurface,
  scheduleFactor,
  simulateRun,
  traceRun,
  traceState,
  type Hyperparams,
  type OptimizerId,
  type RunSpec,
  type RunTrace,
  type ScheduleSpec,
  type StateKey,
  type StepExplanation,
  type Surface,
  type Trajectory,
} from '../../src/engine';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

const SURFACE_IDS = ['rosenbrock', 'ravine', 'saddle', 'local-minima'] as const;
const ADAM_FAMILY: readonly OptimizerId[] = ['adam', 'amsgrad', 'adamw', 'adamax', 'nadam'];
const SCHEDULES: readonly ScheduleSpec[] = [
  { kind: 'constant' },
  { kind: 'step', every: 7, gamma: 0.5 },
  { kind: 'exponential', gamma: 0.99 },
  { kind: 'cosine', period: 50, minFactor: 0.1 },
  { kind: 'warmup', steps: 20 },
];

/** The first index where two arrays differ as doubles (Object.is: −0 ≠ 0, NaN = NaN), or −1. */
function firstDifference(a: Float64Array, b: Float64Array, length: number): number {
  for (let i = 0; i < length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** The trace's path is simulateRun's, bit for bit. */
function expectSamePath(trace: Trajectory, ref: Trajectory, label: string): void {
  expect(trace.status, label).toBe(ref.status);
  expect(trace.steps, label).toBe(ref.steps);
  const k = ref.steps + 1;
  expect(firstDifference(trace.x, ref.x, k), `${label}: x`).toBe(-1);
  expect(firstDifference(trace.y, ref.y, k), `${label}: y`).toBe(-1);
  expect(firstDifference(trace.loss, ref.loss, k), `${label}: loss`).toBe(-1);
  expect(Array.from(trace.x.subarray(0, k))).toEqual(Array.from(ref.x.subarray(0, k)));
  expect(trace.params).toEqual(ref.params);
}

/** The recorded arrays by their flat names (vx = the x half of state v, and so on). */
function arrays(trace: RunTrace) {
  const { state: s, vectors: v, scalars: c } = trace;
  return {
    vx: s.v?.[0], vy: s.v?.[1], mx: s.m?.[0], my: s.m?.[1], sx: s.s?.[0], sy: s.s?.[1],
    ux: s.u?.[0], uy: s.u?.[1], wx: s.w?.[0], wy: s.w?.[1],
    effLrX: v.effLr?.[0], effLrY: v.effLr?.[1], lookX: v.look?.[0], lookY: v.look?.[1],
    lookGx: v.lookG?.[0], lookGy: v.lookG?.[1],
    bc1: c.bc1, bc2: c.bc2, mu: c.mu, muProduct: c.muProduct,
  };
}

/** η = 10⁶; Rprop's steps are also capped by h_max, so that cap is lifted too. */
function huge(optimizer: OptimizerId): Partial<Hyperparams> {
  return optimizer === 'rprop' ? { lr: 1e6, stepMax: 1e9 } : { lr: 1e6 };
}

function both(spec: RunSpec): [RunTrace, Trajectory] {
  return [traceRun(spec), simulateRun(spec)];
}

function close(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
}

describe('traceRun: the same path as simulateRun, bit for bit', () => {
  const variants: ReadonlyArray<[string, Partial<RunSpec>]> = [
    ['plain', {}],
    ['noise', { noise: { sigma: 0.3, seed: 5 } }],
    ...SCHEDULES.map((schedule): [string, Partial<RunSpec>] => [`schedule ${schedule.kind}`, { schedule }]),
    ['penalty l1', { penalty: { kind: 'l1', lambda: 0.1 } }],
    ['penalty l2', { penalty: { kind: 'l2', lambda: 0.1 } }],
    ['noise + cosine + l2', { noise: { sigma: 0.3, seed: 5 }, schedule: SCHEDULES[3], penalty: { kind: 'l2', lambda: 0.05 } }],
  ];
  for (const optimizer of OPTIMIZER_IDS) {
    it(optimizer, () => {
      for (const id of SURFACE_IDS) {
        for (const [name, extra] of variants) {
          const spec: RunSpec = { surface: surface(id), optimizer, steps: 150, ...extra };
          const [trace, ref] = both(spec);
          expectSamePath(trace, ref, `${optimizer} on ${id}, ${name}`);
        }
      }
    });
  }

  it('without bias correction (the Adam family)', () => {
    for (const optimizer of ADAM_FAMILY) {
      for (const id of SURFACE_IDS) {
        const spec: RunSpec = { surface: surface(id), optimizer, steps: 150, biasCorrection: false, noise: { sigma: 0.3, seed: 5 } };
        const [trace, ref] = both(spec);
        expectSamePath(trace, ref, `${optimizer} on ${id}, no bias correction`);
      }
    }
  });

  it('nadam far past the step where Πₜ underflows (the kernel flushes it to zero, and the trace shows the value used)', () => {
    for (const psi of [0.004, 0.04]) {
      const spec: RunSpec = { surface: surface('rosenbrock'), optimizer: 'nadam', steps: 4000, params: { lr: 1e-4, momentumDecay: psi } };
      const [trace, ref] = both(spec);
      expectSamePath(trace, ref, `nadam, ψ = ${psi}`);
      // PyTorch's Πₜ ends among the subnormals; the kernel's flush to zero changes no position.
      const last = arrays(trace).muProduct?.[4000] ?? Number.NaN;
      expect(last).toBeGreaterThanOrEqual(0);
      expect(last).toBeLessThan(1e-300);
    }
  });

  it('with the default steps and start of each surface', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const id of SURFACE_IDS) {
        const [trace, ref] = both({ surface: surface(id), optimizer });
        expectSamePath(trace, ref, `${optimizer} on ${id}, defaults`);
      }
    }
  });

  it('diverges where simulateRun does (η = 10⁶)', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const id of SURFACE_IDS) {
        const [trace, ref] = both({ surface: surface(id), optimizer, steps: 100, params: huge(optimizer) });
        expectSamePath(trace, ref, `${optimizer} on ${id}, η = 1e6`);
      }
      const [trace] = both({ surface: surface('rosenbrock'), optimizer, steps: 100, params: huge(optimizer) });
      expect(trace.status, optimizer).toBe('diverged');
      expect(trace.steps, optimizer).toBeLessThan(100);
    }
  });

  it("stops where Newton's Hessian is singular (monkey saddle from the origin)", () => {
    const [trace, ref] = both({ surface: surface('monkey-saddle'), optimizer: 'newton', start: [0, 0], steps: 10 });
    expectSamePath(trace, ref, 'newton on monkey-saddle');
    expect(trace.status).toBe('singular');
    expect(trace.steps).toBe(0);
  });

  it('diverges at once from a start where f is not finite, as simulateRun does', () => {
    const [trace, ref] = both({ surface: surface('ravine'), optimizer: 'adam', start: [1e200, 1e200], steps: 10 });
    expectSamePath(trace, ref, 'adam from an overflowing start');
    expect(trace.status).toBe('diverged');
  });

  it('throws the same errors for bad specs', () => {
    const bad: RunSpec[] = [
      { surface: surface('ravine'), optimizer: 'sgd', steps: -1 },
      { surface: surface('ravine'), optimizer: 'sgd', start: [NaN, 0] },
      { surface: surface('ravine'), optimizer: 'sgd', params: { lr: -1 } },
      { surface: surface('ravine'), optimizer: 'sgd', noise: { sigma: 1, seed: 0.5 } },
      { surface: surface('ravine'), optimizer: 'sgd', schedule: { kind: 'step', every: 0, gamma: 0.5 } },
    ];
    for (const spec of bad) {
      expect(() => simulateRun(spec)).toThrow(RangeError);
      let message = '';
      try {
        simulateRun(spec);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(() => traceRun(spec)).toThrow(message);
    }
  });

  it('recycles the arrays of an earlier trace and still matches', () => {
    let trace = traceRun({ surface: surface('rosenbrock'), optimizer: 'amsgrad', steps: 300, noise: { sigma: 0.3, seed: 5 } });
    const oldX = trace.x;
    for (const optimizer of OPTIMIZER_IDS) {
      const spec: RunSpec = { surface: surface('ravine'), optimizer, steps: 120 };
      trace = traceRun(spec, trace);
      expectSamePath(trace, simulateRun(spec), `${optimizer} recycled`);
      // Index 0 is the initial state, whatever the previous run left there: 0, except
      // schedule-free AdamW's z, which starts at the start.
      for (const key of trace.stateKeys) {
        const pair = traceState(trace, key);
        expect(pair?.[0][0]).toBe(key === 'z' || key === 'slow' ? trace.x[0] : 0);
        expect(pair?.[1][0]).toBe(key === 'z' || key === 'slow' ? trace.y[0] : 0);
      }
      expect(trace.gx[0]).toBe(0);
      expect(trace.lr[0]).toBe(0);
    }
    expect(trace.x).toBe(oldX);
    // The last run was newton's, which keeps no v: momentum after it gets a fresh one.
    expect(arrays(trace).vx).toBeUndefined();
    const momentum = traceRun({ surface: surface('ravine'), optimizer: 'momentum', steps: 50 }, trace);
    expect(arrays(momentum).vx?.length).toBeGreaterThanOrEqual(51);
  });
});

describe('traceRun: the recorded state', () => {
  it("keeps rmsprop's running mean only when centered and its buffer only with momentum", () => {
    const keys = (params: { centered?: number; rho?: number }) =>
      traceRun({ surface: surface('ravine'), optimizer: 'rmsprop', steps: 5, params }).stateKeys;
    expect(keys({})).toEqual(['s']);
    expect(keys({ centered: 1 })).toEqual(['s', 'gAvg']);
    expect(keys({ rho: 0.9 })).toEqual(['s', 'v']);
    expect(keys({ centered: 1, rho: 0.9 })).toEqual(['s', 'gAvg', 'v']);
  });

  it("starts adagrad's recorded sum of squares at s₀", () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adagrad', steps: 3, params: { initialAccumulator: 0.5 } });
    const s = traceState(trace, 's');
    expect(s?.[0][0]).toBe(0.5);
    expect(s?.[1][0]).toBe(0.5);
  });

  it('allocates exactly the state each optimizer keeps', () => {
    const all = ['v', 'm', 's', 'u', 'w'] as const;
    for (const optimizer of OPTIMIZER_IDS) {
      const trace = traceRun({ surface: surface('ravine'), optimizer, steps: 5 });
      // rmsprop keeps ḡ and v only when centered or with momentum (off by default); a wrapper
      // keeps its inner rule's state.
      const kept = getOptimizer(optimizer)?.activeState?.(trace.params) ?? STATE_KEYS[optimizer];
      expect(trace.stateKeys).toEqual(kept);
      for (const key of all) {
        const present = traceState(trace, key) !== undefined;
        expect(present, `${optimizer} ${key}`).toBe(kept.includes(key));
      }
      const adaptive = !['sgd', 'momentum', 'nesterov', 'newton', 'asgd', 'lbfgs', 'lion', 'signum', 'shampoo', 'sam'].includes(optimizer);
      expect(arrays(trace).effLrX !== undefined, optimizer).toBe(adaptive);
      // Nesterov's look-ahead point, and schedule-free AdamW's y (where it takes its gradient).
      expect(arrays(trace).lookX !== undefined, optimizer).toBe(optimizer === 'nesterov' || optimizer === 'schedule-free-adamw');
      expect(arrays(trace).mu !== undefined, optimizer).toBe(optimizer === 'nadam' || optimizer === 'asgd');
      // Lookahead wraps Adam by default, and records what Adam records.
      expect(arrays(trace).bc1 !== undefined, optimizer).toBe(['adam', 'amsgrad', 'adamw', 'adamax', 'radam', 'lookahead'].includes(optimizer));
      expect(arrays(trace).bc2 !== undefined, optimizer).toBe(['adam', 'amsgrad', 'adamw', 'nadam', 'radam', 'schedule-free-adamw', 'lookahead'].includes(optimizer));
    }
    expect(arrays(traceRun({ surface: surface('ravine'), optimizer: 'adam', steps: 5, biasCorrection: false })).bc1).toBeUndefined();
  });

  it('records the gradient at the previous point, the step taken and η', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const id of SURFACE_IDS) {
        const f = surface(id);
        const trace = traceRun({ surface: f, optimizer, steps: 40, schedule: SCHEDULES[1] });
        const g = new Float64Array(2);
        // Schedule-free AdamW takes its gradient at y (recorded as `look`), SAM at its probe,
        // not on the path.
        const at = optimizer === 'schedule-free-adamw' ? trace.vectors.look : optimizer === 'sam' ? trace.vectors.probe : undefined;
        for (let t = 1; t <= trace.steps; t++) {
          f.valueAndGrad(at ? at[0][t] : trace.x[t - 1], at ? at[1][t] : trace.y[t - 1], g);
          expect(trace.gx[t]).toBe(g[0]);
          expect(trace.gy[t]).toBe(g[1]);
          expect(trace.dx[t]).toBe(trace.x[t] - trace.x[t - 1]);
          expect(trace.dy[t]).toBe(trace.y[t] - trace.y[t - 1]);
          // ASGD's η decays by its own rule: ηₜ = η₍ₜ₋₁₎ / (1 + λ·η₍ₜ₋₁₎·(t − 1))^α, from the scheduled η of the step before.
          const { lr, lambd, power } = trace.params;
          const prev = lr * scheduleFactor(SCHEDULES[1], t - 1);
          const expected = optimizer === 'asgd' && t > 1 ? prev / Math.pow(1 + lambd * prev * (t - 1), power) : lr * scheduleFactor(SCHEDULES[1], t);
          expect(trace.lr[t]).toBe(expected);
        }
      }
    }
  });

  it('records the noisy gradient when there is noise', () => {
    const f = surface('ravine');
    const trace = traceRun({ surface: f, optimizer: 'sgd', steps: 20, noise: { sigma: 0.3, seed: 5 } });
    const g = new Float64Array(2);
    f.valueAndGrad(trace.x[0], trace.y[0], g);
    expect(trace.gx[1]).not.toBe(g[0]);
    // SGD's step is −η·g with the gradient it recorded.
    for (let t = 1; t <= trace.steps; t++) expect(trace.x[t]).toBe(trace.x[t - 1] - trace.lr[t] * trace.gx[t]);
  });

  it('momentum: v after step 1 is the gradient at the start, then v ← ρ·v + g', () => {
    const f = surface('rosenbrock');
    const trace = traceRun({ surface: f, optimizer: 'momentum', steps: 30 });
    const g = new Float64Array(2);
    f.valueAndGrad(trace.x[0], trace.y[0], g);
    const [vx, vy] = traceState(trace, 'v') ?? [];
    expect(vx?.[1]).toBe(g[0]);
    expect(vy?.[1]).toBe(g[1]);
    const rho = trace.params.rho;
    for (let t = 2; t <= trace.steps; t++) {
      expect(arrays(trace).vx?.[t]).toBe(rho * (arrays(trace).vx?.[t - 1] ?? NaN) + trace.gx[t]);
      expect(trace.x[t]).toBe(trace.x[t - 1] - trace.lr[t] * (arrays(trace).vx?.[t] ?? NaN));
    }
  });

  it('nesterov: the look-ahead point is x − η·ρ·v and its gradient is taken there', () => {
    const f = surface('ravine');
    const trace = traceRun({ surface: f, optimizer: 'nesterov', steps: 30 });
    const { lookX, lookY, lookGx, lookGy, vx, vy } = arrays(trace);
    if (!lookX || !lookY || !lookGx || !lookGy || !vx || !vy) throw new Error('nesterov has a look-ahead and v');
    // v₀ = 0: the first look-ahead is the start itself.
    expect(lookX[1]).toBe(trace.x[0]);
    expect(lookY[1]).toBe(trace.y[0]);
    const g = new Float64Array(2);
    const rho = trace.params.rho;
    for (let t = 1; t <= trace.steps; t++) {
      expect(lookX[t]).toBe(trace.x[t - 1] - trace.lr[t] * (rho * vx[t - 1]));
      expect(lookY[t]).toBe(trace.y[t - 1] - trace.lr[t] * (rho * vy[t - 1]));
      f.valueAndGrad(lookX[t], lookY[t], g);
      expect(lookGx[t]).toBe(g[0]);
      expect(lookGy[t]).toBe(g[1]);
    }
  });

  it('adagrad and rmsprop: s as the rule says, and effLr·g is minus the step', () => {
    for (const optimizer of ['adagrad', 'rmsprop'] as const) {
      const trace = traceRun({ surface: surface('rosenbrock'), optimizer, steps: 50 });
      const { sx, effLrX, effLrY } = arrays(trace);
      if (!sx || !effLrX || !effLrY) throw new Error(`${optimizer} has s and effLr`);
      const d = optimizer === 'adagrad' ? 1 : trace.params.decay;
      close(sx[1], (optimizer === 'adagrad' ? 1 : 1 - d) * trace.gx[1] ** 2);
      for (let t = 1; t <= trace.steps; t++) {
        close(effLrX[t] * trace.gx[t], -trace.dx[t], 1e-9);
        close(effLrY[t] * trace.gy[t], -trace.dy[t], 1e-9);
        close(effLrX[t], trace.lr[t] / (Math.sqrt(sx[t]) + trace.params.eps));
      }
    }
  });

  it('adadelta: u after step 1 is (1−d)·Δ², and effLr·g is minus the step', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adadelta', steps: 50 });
    const { sx, ux, effLrX } = arrays(trace);
    if (!sx || !ux || !effLrX) throw new Error('adadelta has s, u and effLr');
    const { decay, eps } = trace.params;
    const delta = (Math.sqrt(eps) / Math.sqrt(sx[1] + eps)) * trace.gx[1];
    close(ux[1], (1 - decay) * delta * delta);
    for (let t = 1; t <= trace.steps; t++) close(effLrX[t] * trace.gx[t], -trace.dx[t], 1e-9);
  });

  it('adam: m after step 1 is (1−β₁)·g, v is (1−β₂)·g², with bias corrections 1 − β^t', () => {
    for (const biasCorrection of [true, false]) {
      const trace = traceRun({ surface: surface('rosenbrock'), optimizer: 'adam', steps: 50, biasCorrection });
      const { mx, vx, effLrX, bc1, bc2 } = arrays(trace);
      if (!mx || !vx || !effLrX) throw new Error('adam has m, v and effLr');
      const { beta1, beta2 } = trace.params;
      expect(mx[1]).toBe((1 - beta1) * trace.gx[1]);
      close(vx[1], (1 - beta2) * trace.gx[1] ** 2);
      if (biasCorrection) {
        close(bc1?.[1] ?? NaN, 1 - beta1);
        close(bc2?.[3] ?? NaN, 1 - beta2 ** 3);
      }
      for (let t = 1; t <= trace.steps; t++) close(effLrX[t] * mx[t], -trace.dx[t], 1e-9);
    }
  });

  it('amsgrad: w is the running maximum of v', () => {
    const trace = traceRun({ surface: surface('local-minima'), optimizer: 'amsgrad', steps: 80 });
    const { vx, wx } = arrays(trace);
    if (!vx || !wx) throw new Error('amsgrad has v and w');
    for (let t = 1; t <= trace.steps; t++) expect(wx[t]).toBe(Math.max(wx[t - 1], vx[t]));
  });

  it('adamax: u ← max(β₂·u, |g| + ε), and effLr·m is minus the step', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adamax', steps: 50 });
    const { mx, ux, effLrX } = arrays(trace);
    if (!mx || !ux || !effLrX) throw new Error('adamax has m, u and effLr');
    const { beta2, eps } = trace.params;
    for (let t = 1; t <= trace.steps; t++) {
      expect(ux[t]).toBe(Math.max(ux[t - 1] * beta2, Math.abs(trace.gx[t]) + eps));
      close(effLrX[t] * mx[t], -trace.dx[t], 1e-9);
    }
  });

  it('nadam: μₜ and Πₜ', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'nadam', steps: 20 });
    const { mu, muProduct } = arrays(trace);
    if (!mu || !muProduct) throw new Error('nadam has μ and Π');
    const { beta1, momentumDecay } = trace.params;
    let product = 1;
    for (let t = 1; t <= trace.steps; t++) {
      const m = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
      product *= m;
      expect(mu[t]).toBe(m);
      expect(muProduct[t]).toBe(product);
    }
  });
});

/**
 * The rule of each optimizer, evaluated from an explanation's numbers only, as a UI would
 * fill them into the formula: it must land on xNext (up to rounding, since the formula's
 * order of operations need not be the kernel's).
 */
function ruleFromExplanation(e: StepExplanation): [number, number] {
  const p = e.params;
  // A wrapper's step is its inner rule's (SAM: with the gradient taken at the probe, which is g).
  if (e.optimizer === 'sam' || e.optimizer === 'lookahead') {
    const inner = INNER_OPTIMIZERS[p.inner ?? 0];
    const fast = ruleFromExplanation({ ...e, optimizer: inner });
    if (e.optimizer === 'sam' || e.t % (p.syncPeriod ?? 1) !== 0) return fast;
    // Lookahead's pull-back: φ + α·(θ − φ), from the slow weights before the step.
    const slow = e.before.slow ?? [NaN, NaN];
    const alpha = p.slowStep ?? NaN;
    return [slow[0] + alpha * (fast[0] - slow[0]), slow[1] + alpha * (fast[1] - slow[1])];
  }
  const get = (v: number | undefined): number => v ?? NaN;
  const out: [number, number] = [NaN, NaN];
  for (const i of [0, 1] as const) {
    const x = e.x[i];
    const g = e.g[i];
    const before = (k: StateKey) => get(e.before[k]?.[i]);
    const after = (k: StateKey) => get(e.after[k]?.[i]);
    const eta = e.lr;
    switch (e.optimizer) {
      case 'sgd':
        out[i] = x - eta * g;
        break;
      case 'momentum':
        out[i] = x - eta * (get(p.rho) * before('v') + g);
        break;
      case 'nesterov':
        out[i] = x - eta * (g + get(p.rho) * after('v'));
        break;
      case 'adagrad':
        out[i] = x - (eta * g) / (Math.sqrt(before('s') + g * g) + get(p.eps));
        break;
      case 'rmsprop':
        out[i] = x - (eta * g) / (Math.sqrt(after('s')) + get(p.eps));
        break;
      case 'adadelta': {
        const eps = get(p.eps);
        out[i] = x - eta * (Math.sqrt(before('u') + eps) / Math.sqrt(after('s') + eps)) * g;
        close(get(e.delta?.[i]), (Math.sqrt(before('u') + eps) / Math.sqrt(after('s') + eps)) * g);
        break;
      }
      case 'adam':
      case 'amsgrad':
      case 'adamw': {
        const r = e.optimizer === 'amsgrad' ? after('w') : after('v');
        const x0 = e.optimizer === 'adamw' ? x * get(e.shrink) : x;
        out[i] = x0 - ((eta / get(e.bc1)) * after('m')) / (Math.sqrt(r) / Math.sqrt(get(e.bc2)) + get(p.eps));
        break;
      }
      case 'adamax':
        out[i] = x - ((eta / get(e.bc1)) * after('m')) / after('u');
        break;
      case 'nadam': {
        const D = get(e.denom?.[i]);
        const mu = get(e.mu);
        const muNext = get(e.muNext);
        out[i] =
          x - ((eta * (1 - mu)) / (1 - get(e.muProduct))) * (g / D) - ((eta * muNext) / (1 - get(e.muProductNext))) * (after('m') / D);
        break;
      }
      case 'radam': {
        const mHat = (eta * after('m')) / get(e.bc1);
        out[i] = get(e.rhoT) > 5 ? x - ((mHat * Math.sqrt(get(e.bc2))) / (Math.sqrt(after('v')) + get(p.eps))) * get(e.rect) : x - mHat;
        break;
      }
      case 'rprop':
        out[i] = x - Math.sign(after('gPrev')) * after('stepSize');
        break;
      case 'asgd':
        out[i] = x * (1 - get(p.lambd) * eta) - eta * g;
        break;
      case 'lion':
        out[i] = x * (1 - eta * get(p.weightDecay)) - eta * Math.sign(get(e.blend?.[i]));
        break;
      case 'signum':
        out[i] = x - eta * Math.sign(after('m'));
        break;
      case 'shampoo': {
        const [a, b, c] = e.precond ?? [NaN, NaN, NaN];
        const s = Math.sqrt(a * c - b * b);
        const tau = Math.sqrt(a + c + 2 * s);
        const d = i === 0 ? ((c + s) * e.g[0] - b * e.g[1]) / (s * tau) : ((a + s) * e.g[1] - b * e.g[0]) / (s * tau);
        out[i] = x - eta * d;
        break;
      }
      case 'schedule-free-adamw':
        out[i] = (1 - get(e.avgWeight)) * x + get(e.avgWeight) * after('z');
        break;
      case 'lbfgs':
        // One iteration per call by default: x + t·d, or x itself when the call stopped at once.
        out[i] = e.iterations === 0 ? x : x + get(e.stepLength) * get(e.direction?.[i]);
        break;
      case 'newton': {
        const [a, b, c] = e.hessian ?? [NaN, NaN, NaN];
        const det = a * c - b * b;
        const d = i === 0 ? (c * e.g[0] - b * e.g[1]) / det : (a * e.g[1] - b * e.g[0]) / det;
        out[i] = x - eta * d;
        break;
      }
    }
  }
  return out;
}

describe('explainStep', () => {
  it('gives the numbers that, put into the rule, land on the next point', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const id of SURFACE_IDS) {
        const trace = traceRun({ surface: surface(id), optimizer, steps: 25, schedule: SCHEDULES[2] });
        for (let t = 1; t <= trace.steps; t++) {
          const e = explainStep(trace, optimizer, t);
          const [nx, ny] = ruleFromExplanation(e);
          const label = `${optimizer} on ${id}, step ${t}`;
          expect(Math.abs(nx - e.xNext[0]), label).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(e.xNext[0])));
          expect(Math.abs(ny - e.xNext[1]), label).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(e.xNext[1])));
          // step ≈ −effLr ⊙ direction, or −η·direction.
          if (e.direction && optimizer !== 'adamw' && optimizer !== 'asgd' && optimizer !== 'lbfgs' && optimizer !== 'schedule-free-adamw' && (optimizer !== 'lookahead' || t % 5 !== 0)) {
            const scale = e.effLr ?? [e.lr, e.lr];
            for (const i of [0, 1] as const) {
              // dx is x_t − x_{t−1} of rounded positions: off by up to an ulp of x from η·d.
              const slack = 1e-9 * Math.abs(e.step[i]) + 4e-16 * (Math.abs(e.x[i]) + Math.abs(e.xNext[i]));
              expect(Math.abs(-scale[i] * e.direction[i] - e.step[i]), label).toBeLessThanOrEqual(slack);
            }
          }
        }
      }
    }
  });

  it('has the documented shape (momentum, step 1)', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'momentum', steps: 3 });
    const e = explainStep(trace, 'momentum', 1);
    expect(e).toEqual({
      t: 1,
      optimizer: 'momentum',
      params: { lr: trace.params.lr, rho: trace.params.rho, dampening: 0, weightDecay: 0 },
      lr: trace.params.lr,
      x: [trace.x[0], trace.y[0]],
      xNext: [trace.x[1], trace.y[1]],
      step: [trace.dx[1], trace.dy[1]],
      loss: trace.loss[0],
      lossNext: trace.loss[1],
      g: [trace.gx[1], trace.gy[1]],
      before: { v: [0, 0] },
      after: { v: [trace.gx[1], trace.gy[1]] },
      direction: [trace.gx[1], trace.gy[1]],
    });
    // Plain data: it survives a JSON round trip (e.g. postMessage from a Worker).
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('explains nesterov, adam and nadam with their extras', () => {
    const nesterov = traceRun({ surface: surface('ravine'), optimizer: 'nesterov', steps: 3 });
    const n2 = explainStep(nesterov, 'nesterov', 2);
    expect(n2.look).toEqual([arrays(nesterov).lookX?.[2], arrays(nesterov).lookY?.[2]]);
    expect(n2.lookG).toEqual([arrays(nesterov).lookGx?.[2], arrays(nesterov).lookGy?.[2]]);
    const adam = traceRun({ surface: surface('ravine'), optimizer: 'adam', steps: 3 });
    const a1 = explainStep(adam, 'adam', 1);
    expect(a1.bc1).toBe(arrays(adam).bc1?.[1]);
    expect(a1.before).toEqual({ m: [0, 0], v: [0, 0] });
    expect(a1.effLr).toEqual([arrays(adam).effLrX?.[1], arrays(adam).effLrY?.[1]]);
    const nadam = traceRun({ surface: surface('ravine'), optimizer: 'nadam', steps: 3 });
    const d3 = explainStep(nadam, 'nadam', 3);
    expect(d3.mu).toBe(arrays(nadam).mu?.[3]);
    expect(d3.muProduct).toBe(arrays(nadam).muProduct?.[3]);
    expect(d3.bc1).toBeUndefined();
  });

  it('refuses a step outside the run or another optimizer', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adam', steps: 3 });
    expect(() => explainStep(trace, 'adam', 0)).toThrow(RangeError);
    expect(() => explainStep(trace, 'adam', 4)).toThrow(RangeError);
    expect(() => explainStep(trace, 'adam', 1.5)).toThrow(RangeError);
    expect(() => explainStep(trace, 'sgd', 1)).toThrow(RangeError);
  });
});

describe('traceRun: a long run', () => {
  // Its cost against simulateRun is measured by `npm run bench` (traceRun / simulateRun).
  it('follows a 50,000-step path exactly, reusing its arrays', () => {
    const spec: RunSpec = { surface: surface('rosenbrock'), optimizer: 'adam', steps: 50_000, params: { lr: 1e-4 } };
    const ref = simulateRun(spec);
    const trace = traceRun(spec);
    expectSamePath(trace, ref, 'adam, 50 000 steps');
    const again = traceRun(spec, trace);
    expect(again.x).toBe(trace.x);
    expectSamePath(again, ref, 'adam, 50 000 steps, recomputed into the same arrays');
  });
});
