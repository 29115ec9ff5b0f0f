// The teaching layer's view of a run: the same path as simulateRun, plus everything the
// update rule computed on the way (gradients, optimizer state, bias corrections, effective
// learning rates, Nesterov's look-ahead).
//
// The fast kernels keep their state in local variables and write positions only, which is
// what makes them fast; rather than slow them down for every slider move, this file runs
// its own loop that records the state. It must give the same path as the kernels bit for
// bit (a student who steps through the numbers must land exactly on the drawn point), so
// every update below copies its kernel's expressions in the kernel's order of operations.
// Change a kernel and the matching case here must change with it; tests/unit/trace.test.ts
// compares the two for every optimizer.

import { HYPERPARAMS } from './hyperparams';
import { inBounds, lerp, type Bounds } from './optimizers/loop';
import { powers, series } from './optimizers/series';
import { getOptimizer } from './optimizers/table';
import { withPenalty } from './penalty';
import { GaussianNoise } from './random';
import { checkSchedule, scheduleTable } from './schedules';
import { ESCAPE_WIDTHS, MAX_STEPS, resolveParams } from './simulate';
import type { Hyperparams, OptimizerId, RunSpec, Surface, Trajectory, Vec2 } from './types';

/**
 * The optimizer state, by the spec's names: `v` velocity (momentum, nesterov) or second
 * moment (adam, amsgrad, adamw, nadam); `m` first moment (adam family, adamax, nadam); `s`
 * squared-gradient sum or average (adagrad, rmsprop, adadelta); `u` adadelta's Δ² average
 * or adamax's infinity norm; `w` amsgrad's running maximum of v.
 */
export type StateKey = 'v' | 'm' | 's' | 'u' | 'w';

/** Which state each optimizer keeps, in the order its rule updates it. */
export const STATE_KEYS: Readonly<Record<OptimizerId, readonly StateKey[]>> = {
  sgd: [],
  momentum: ['v'],
  nesterov: ['v'],
  adagrad: ['s'],
  rmsprop: ['s'],
  adadelta: ['s', 'u'],
  adam: ['m', 'v'],
  amsgrad: ['m', 'v', 'w'],
  adamw: ['m', 'v'],
  adamax: ['m', 'u'],
  nadam: ['m', 'v'],
  newton: [],
};

/**
 * A run with its inner workings. Every array is indexed by step t = 1 … steps and may be
 * longer than steps + 1 (arrays are recycled; entries past `steps` mean nothing). Index 0
 * holds the start in x, y and loss, and 0 in every other array, which is also the initial
 * optimizer state, so that "state before step t" is always index t − 1.
 *
 * x, y, loss, steps and status are simulateRun's, bit for bit: a RunTrace is a Trajectory.
 */
export interface RunTrace extends Trajectory {
  readonly optimizer: OptimizerId;
  /** Whether the Adam-family bias correction was on (spec default: true). */
  readonly biasCorrection: boolean;
  /** The gradient used at step t, noise included: taken at point t − 1. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** The step taken, x_t − x_{t−1} (for adamw the weight decay included). */
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  /** η at step t, the schedule applied. */
  readonly lr: Float64Array;
  /** The state arrays present, each as a pair `${key}x`, `${key}y` (see traceState). */
  readonly stateKeys: readonly StateKey[];
  /** State after step t; present only for the optimizers that keep it (STATE_KEYS). */
  readonly vx?: Float64Array;
  readonly vy?: Float64Array;
  readonly mx?: Float64Array;
  readonly my?: Float64Array;
  readonly sx?: Float64Array;
  readonly sy?: Float64Array;
  readonly ux?: Float64Array;
  readonly uy?: Float64Array;
  readonly wx?: Float64Array;
  readonly wy?: Float64Array;
  /**
   * 1 − β₁ᵗ as used at step t: adam, amsgrad, adamw and adamax, when bias correction is on
   * (without it no correction is used, and this is undefined).
   */
  readonly bc1?: Float64Array;
  /** 1 − β₂ᵗ as used at step t: adam, amsgrad, adamw with bias correction on; nadam always. */
  readonly bc2?: Float64Array;
  /** nadam: μₜ and Πₜ = μ₁·…·μₜ. */
  readonly mu?: Float64Array;
  readonly muProduct?: Float64Array;
  /**
   * The per-coordinate step size of the adaptive methods at step t, so that the step is
   * −effLr·g (adagrad, rmsprop, adadelta) or −effLr·m (adam family, adamax), up to rounding:
   * adagrad, rmsprop η/(√s + ε); adadelta √(u_{t−1}+ε)/√(s_t+ε)·η;
   * adam, adamw (η/(1−β₁ᵗ))/(√v/√(1−β₂ᵗ) + ε), amsgrad the same with w, both η/(√v + ε)
   * without bias correction (adamw's step also has its decay); adamax (η/(1−β₁ᵗ))/u;
   * nadam η/D (its step mixes g and m, see explainStep). Undefined for sgd, momentum,
   * nesterov and newton.
   */
  readonly effLrX?: Float64Array;
  readonly effLrY?: Float64Array;
  /**
   * nesterov: the look-ahead point x_{t−1} − η·ρ·v_{t−1} of the classic (Sutskever) form,
   * where that form takes its gradient, and the surface's gradient there. The look-ahead
   * gradient has no noise: drawing it must not consume the noise stream that the path uses.
   */
  readonly lookX?: Float64Array;
  readonly lookY?: Float64Array;
  readonly lookGx?: Float64Array;
  readonly lookGy?: Float64Array;
  /** newton: the Hessian (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²) used at step t, taken at point t − 1. */
  readonly hxx?: Float64Array;
  readonly hxy?: Float64Array;
  readonly hyy?: Float64Array;
}

/** The x and y arrays of one kind of state, or undefined when the run's optimizer has none. */
export function traceState(trace: RunTrace, key: StateKey): readonly [Float64Array, Float64Array] | undefined {
  const pairs: Record<StateKey, readonly [Float64Array | undefined, Float64Array | undefined]> = {
    v: [trace.vx, trace.vy],
    m: [trace.mx, trace.my],
    s: [trace.sx, trace.sy],
    u: [trace.ux, trace.uy],
    w: [trace.wx, trace.wy],
  };
  const [a, b] = pairs[key];
  return a && b ? [a, b] : undefined;
}

// The same copy of simulate.ts's escapeBounds (not exported there): the divergence test must
// see the very same bounds.
function escapeBounds(surface: Surface): Bounds {
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const rx = ESCAPE_WIDTHS * (x1 - x0);
  const ry = ESCAPE_WIDTHS * (y1 - y0);
  return { xmin: cx - rx, xmax: cx + rx, ymin: cy - ry, ymax: cy + ry };
}

/** newton.ts's threshold (not exported there), for the same singular stop. */
const SINGULAR_RELATIVE = 1e-13;

/** Writes land in this and vanish, so the loop can write state it does not keep without a test. */
const NOWHERE = new Float64Array(0);

/**
 * Runs one optimizer exactly as simulateRun does, recording its inner workings at each step.
 * Throws the same RangeErrors as simulateRun for the same bad specs.
 *
 * Pass an earlier trace as `reuse` to recycle its arrays (each one that is long enough): the
 * result is a new object, but reuse's arrays are overwritten, so reuse must not be read after.
 * Costs about 2–3 simulateRun calls (more arrays to write; nesterov evaluates its look-ahead
 * gradient too).
 */
export function traceRun(spec: RunSpec, reuse?: RunTrace): RunTrace {
  // Validation in simulateRun's order, so that the same bad spec gives the same error.
  const optimizer = spec.optimizer;
  const info = getOptimizer(optimizer);
  if (!info) throw new RangeError(`unknown optimizer "${optimizer}"`);
  const n = spec.steps ?? spec.surface.steps;
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_STEPS)) {
    throw new RangeError(`steps must be an integer from 0 to ${MAX_STEPS}, got ${n}`);
  }
  const start: Vec2 = spec.start ?? spec.surface.start;
  if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
    throw new RangeError(`the start must be two finite numbers, got (${start[0]}, ${start[1]})`);
  }
  const params = resolveParams(spec.surface, optimizer, spec.params);
  let noise: GaussianNoise | null = null;
  if (spec.noise && spec.noise.sigma !== 0) {
    const { sigma, seed } = spec.noise;
    if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`noise σ must be a finite number ≥ 0, got ${sigma}`);
    if (!Number.isInteger(seed)) throw new RangeError(`noise seed must be an integer, got ${seed}`);
    noise = new GaussianNoise(sigma, seed);
  }
  const f = spec.penalty ? withPenalty(spec.surface, spec.penalty) : spec.surface;
  if (spec.schedule) checkSchedule(spec.schedule);
  const lrScale = spec.schedule ? scheduleTable(spec.schedule, n) : null;
  const biasCorrection = spec.biasCorrection ?? true;
  const bounds = escapeBounds(spec.surface);

  const keys = STATE_KEYS[optimizer];
  const has = (k: StateKey) => keys.includes(k);
  const adamFamily = optimizer === 'adam' || optimizer === 'amsgrad' || optimizer === 'adamw';
  const adaptive = optimizer !== 'sgd' && optimizer !== 'momentum' && optimizer !== 'nesterov' && optimizer !== 'newton';
  const nesterov = optimizer === 'nesterov';
  const newton = optimizer === 'newton';
  const nadam = optimizer === 'nadam';
  const withBc1 = biasCorrection && (adamFamily || optimizer === 'adamax');
  const withBc2 = (biasCorrection && adamFamily) || nadam;

  const size = n + 1;
  // A recycled array when the old one is long enough; index 0 is (re)set to 0 because it
  // stands for the initial state, whatever the old run left there.
  const take = (old: Float64Array | undefined, wanted = true): Float64Array | undefined => {
    if (!wanted) return undefined;
    const a = old && old.length >= size ? old : new Float64Array(size);
    a[0] = 0;
    return a;
  };
  const need = (old: Float64Array | undefined): Float64Array => take(old) ?? NOWHERE;
  const xs = need(reuse?.x);
  const ys = need(reuse?.y);
  const ls = need(reuse?.loss);
  const gxs = need(reuse?.gx);
  const gys = need(reuse?.gy);
  const dxs = need(reuse?.dx);
  const dys = need(reuse?.dy);
  const lrs = need(reuse?.lr);
  const out: RunTrace = {
    x: xs,
    y: ys,
    loss: ls,
    steps: 0,
    status: 'ok',
    params,
    optimizer,
    biasCorrection,
    gx: gxs,
    gy: gys,
    dx: dxs,
    dy: dys,
    lr: lrs,
    stateKeys: keys,
    vx: take(reuse?.vx, has('v')),
    vy: take(reuse?.vy, has('v')),
    mx: take(reuse?.mx, has('m')),
    my: take(reuse?.my, has('m')),
    sx: take(reuse?.sx, has('s')),
    sy: take(reuse?.sy, has('s')),
    ux: take(reuse?.ux, has('u')),
    uy: take(reuse?.uy, has('u')),
    wx: take(reuse?.wx, has('w')),
    wy: take(reuse?.wy, has('w')),
    bc1: take(reuse?.bc1, withBc1),
    bc2: take(reuse?.bc2, withBc2),
    mu: take(reuse?.mu, nadam),
    muProduct: take(reuse?.muProduct, nadam),
    effLrX: take(reuse?.effLrX, adaptive),
    effLrY: take(reuse?.effLrY, adaptive),
    lookX: take(reuse?.lookX, nesterov),
    lookY: take(reuse?.lookY, nesterov),
    lookGx: take(reuse?.lookGx, nesterov),
    lookGy: take(reuse?.lookGy, nesterov),
    hxx: take(reuse?.hxx, newton),
    hxy: take(reuse?.hxy, newton),
    hyy: take(reuse?.hyy, newton),
  };
  // Local names for the loop; arrays this optimizer lacks are NOWHERE and never written.
  const vxs = out.vx ?? NOWHERE;
  const vys = out.vy ?? NOWHERE;
  const mxs = out.mx ?? NOWHERE;
  const mys = out.my ?? NOWHERE;
  const sxs = out.sx ?? NOWHERE;
  const sys = out.sy ?? NOWHERE;
  const uxs = out.ux ?? NOWHERE;
  const uys = out.uy ?? NOWHERE;
  const wxs = out.wx ?? NOWHERE;
  const wys = out.wy ?? NOWHERE;
  const bc1s = out.bc1 ?? NOWHERE;
  const bc2s = out.bc2 ?? NOWHERE;
  const mu_s = out.mu ?? NOWHERE;
  const mups = out.muProduct ?? NOWHERE;
  const ex = out.effLrX ?? NOWHERE;
  const ey = out.effLrY ?? NOWHERE;
  const lkx = out.lookX ?? NOWHERE;
  const lky = out.lookY ?? NOWHERE;
  const lkgx = out.lookGx ?? NOWHERE;
  const lkgy = out.lookGy ?? NOWHERE;
  const hxxs = out.hxx ?? NOWHERE;
  const hxys = out.hxy ?? NOWHERE;
  const hyys = out.hyy ?? NOWHERE;

  const g = new Float64Array(2);
  xs[0] = start[0];
  ys[0] = start[1];
  const f0 = f.valueAndGrad(start[0], start[1], g);
  ls[0] = f0;
  if (!Number.isFinite(f0)) {
    out.status = 'diverged';
    return out;
  }

  // Constants exactly as the kernels derive them.
  const { lr: baseLr, rho, decay, beta1, beta2, eps, momentumDecay } = params;
  const c = 1 - decay;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  const weightDecay = optimizer === 'adamw' ? params.weightDecay : 0;
  const amsgrad = optimizer === 'amsgrad';
  const beta1Pow = adamFamily || optimizer === 'adamax' ? powers(beta1, n) : NOWHERE;
  const beta2Pow = adamFamily || nadam ? powers(beta2, n) : NOWHERE;
  // The kernel's table (same key, same terms), so μ is the very same double.
  const mus = nadam
    ? series(`nadam-mu:${beta1}:${momentumDecay}`, n + 1, (t) => beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay)))
    : NOWHERE;
  const gl = new Float64Array(2);
  const h = new Float64Array(3);

  let x = xs[0];
  let y = ys[0];
  // The state, 0 at the start (spec/optimizers.md).
  let v0 = 0;
  let v1 = 0;
  let m0 = 0;
  let m1 = 0;
  let s0 = 0;
  let s1 = 0;
  let u0 = 0;
  let u1 = 0;
  let w0 = 0;
  let w_1 = 0;
  let muProduct = 1;
  let steps = n;
  let singular = false;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.perturb(g);
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    const px = x;
    const py = y;
    let nx: number;
    let ny: number;
    switch (optimizer) {
      case 'sgd':
        nx = x - lr * g0;
        ny = y - lr * g1;
        break;
      case 'momentum':
        v0 = rho * v0 + g0;
        v1 = rho * v1 + g1;
        nx = x - lr * v0;
        ny = y - lr * v1;
        break;
      case 'nesterov': {
        // The look-ahead uses v before this step's update.
        const lx = x - lr * (rho * v0);
        const ly = y - lr * (rho * v1);
        lkx[t] = lx;
        lky[t] = ly;
        f.valueAndGrad(lx, ly, gl);
        lkgx[t] = gl[0];
        lkgy[t] = gl[1];
        v0 = rho * v0 + g0;
        v1 = rho * v1 + g1;
        const d0 = g0 + rho * v0;
        const d1 = g1 + rho * v1;
        nx = x - lr * d0;
        ny = y - lr * d1;
        break;
      }
      case 'adagrad': {
        s0 = s0 + g0 * g0;
        s1 = s1 + g1 * g1;
        const q0 = Math.sqrt(s0) + eps;
        const q1 = Math.sqrt(s1) + eps;
        ex[t] = lr / q0;
        ey[t] = lr / q1;
        nx = x - (lr * g0) / q0;
        ny = y - (lr * g1) / q1;
        break;
      }
      case 'rmsprop': {
        s0 = s0 * decay + c * g0 * g0;
        s1 = s1 * decay + c * g1 * g1;
        const q0 = Math.sqrt(s0) + eps;
        const q1 = Math.sqrt(s1) + eps;
        ex[t] = lr / q0;
        ey[t] = lr / q1;
        nx = x - (lr * g0) / q0;
        ny = y - (lr * g1) / q1;
        break;
      }
      case 'adadelta': {
        s0 = s0 * decay + c * g0 * g0;
        s1 = s1 * decay + c * g1 * g1;
        const r0 = Math.sqrt(u0 + eps) / Math.sqrt(s0 + eps);
        const r1 = Math.sqrt(u1 + eps) / Math.sqrt(s1 + eps);
        ex[t] = r0 * lr;
        ey[t] = r1 * lr;
        const D0 = r0 * g0;
        const D1 = r1 * g1;
        u0 = u0 * decay + c * D0 * D0;
        u1 = u1 * decay + c * D1 * D1;
        nx = x - lr * D0;
        ny = y - lr * D1;
        break;
      }
      case 'adam':
      case 'amsgrad':
      case 'adamw': {
        if (weightDecay !== 0) {
          const shrink = 1 - lr * weightDecay;
          x = x * shrink;
          y = y * shrink;
        }
        m0 = lerp(m0, g0, w1);
        m1 = lerp(m1, g1, w1);
        v0 = v0 * beta2 + c2 * g0 * g0;
        v1 = v1 * beta2 + c2 * g1 * g1;
        let r0 = v0;
        let r1 = v1;
        if (amsgrad) {
          r0 = w0 = Math.max(w0, v0);
          r1 = w_1 = Math.max(w_1, v1);
        }
        let k0: number;
        let k1: number;
        if (biasCorrection) {
          const bc1 = 1 - beta1Pow[t];
          const bc2 = 1 - beta2Pow[t];
          bc1s[t] = bc1;
          bc2s[t] = bc2;
          const stepSize = lr / bc1;
          const bc2Sqrt = Math.sqrt(bc2);
          const q0 = Math.sqrt(r0) / bc2Sqrt + eps;
          const q1 = Math.sqrt(r1) / bc2Sqrt + eps;
          ex[t] = stepSize / q0;
          ey[t] = stepSize / q1;
          k0 = (stepSize * m0) / q0;
          k1 = (stepSize * m1) / q1;
        } else {
          const q0 = Math.sqrt(r0) + eps;
          const q1 = Math.sqrt(r1) + eps;
          ex[t] = lr / q0;
          ey[t] = lr / q1;
          k0 = (lr * m0) / q0;
          k1 = (lr * m1) / q1;
        }
        nx = x - k0;
        ny = y - k1;
        break;
      }
      case 'adamax': {
        m0 = lerp(m0, g0, w1);
        m1 = lerp(m1, g1, w1);
        u0 = Math.max(u0 * beta2, Math.abs(g0) + eps);
        u1 = Math.max(u1 * beta2, Math.abs(g1) + eps);
        let clr = lr;
        if (biasCorrection) {
          const bc1 = 1 - beta1Pow[t];
          bc1s[t] = bc1;
          clr = lr / bc1;
        }
        ex[t] = clr / u0;
        ey[t] = clr / u1;
        nx = x - (clr * m0) / u0;
        ny = y - (clr * m1) / u1;
        break;
      }
      case 'nadam': {
        const bc2 = 1 - beta2Pow[t];
        const mu = mus[t];
        const muNext = mus[t + 1];
        muProduct *= mu;
        bc2s[t] = bc2;
        mu_s[t] = mu;
        mups[t] = muProduct;
        m0 = lerp(m0, g0, w1);
        m1 = lerp(m1, g1, w1);
        v0 = v0 * beta2 + c2 * g0 * g0;
        v1 = v1 * beta2 + c2 * g1 * g1;
        const D0 = Math.sqrt(v0 / bc2) + eps;
        const D1 = Math.sqrt(v1 / bc2) + eps;
        ex[t] = lr / D0;
        ey[t] = lr / D1;
        const muProductNext = muProduct * muNext;
        const cg = (-lr * (1 - mu)) / (1 - muProduct);
        const cm = (-lr * muNext) / (1 - muProductNext);
        nx = x + (cg * g0) / D0;
        ny = y + (cg * g1) / D1;
        nx = nx + (cm * m0) / D0;
        ny = ny + (cm * m1) / D1;
        break;
      }
      case 'newton': {
        f.hessian(x, y, h);
        const a = h[0];
        const b = h[1];
        const cc = h[2];
        const ac = a * cc;
        const bb = b * b;
        const det = ac - bb;
        if (!(Math.abs(det) > SINGULAR_RELATIVE * (Math.abs(ac) + bb)) || !Number.isFinite(det)) {
          singular = true;
          nx = ny = NaN;
          break;
        }
        hxxs[t] = a;
        hxys[t] = b;
        hyys[t] = cc;
        const d0 = (cc * g0 - b * g1) / det;
        const d1 = (a * g1 - b * g0) / det;
        nx = x - lr * d0;
        ny = y - lr * d1;
        break;
      }
    }
    if (singular) {
      out.status = 'singular';
      steps = t - 1;
      break;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      out.status = 'diverged';
      steps = t - 1;
      break;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
    gxs[t] = g0;
    gys[t] = g1;
    dxs[t] = nx - px;
    dys[t] = ny - py;
    lrs[t] = lr;
    // Locals that an optimizer does not use stay 0 and their arrays are NOWHERE.
    vxs[t] = v0;
    vys[t] = v1;
    mxs[t] = m0;
    mys[t] = m1;
    sxs[t] = s0;
    sys[t] = s1;
    uxs[t] = u0;
    uys[t] = u1;
    wxs[t] = w0;
    wys[t] = w_1;
  }
  out.steps = steps;
  return out;
}

/**
 * The numbers of one step of the update rule, for showing the rule with its values filled in.
 * All vectors are [x, y] pairs. Always present:
 * - `t`, `optimizer`, `params` (the hyperparameters the rule reads, e.g. {lr, rho}), `lr`
 *   (η of this step, after the schedule: use it rather than params.lr in the formula);
 * - `x` (x_{t−1}, where the step starts), `xNext` (x_t), `step` (x_t − x_{t−1}),
 *   `loss` and `lossNext` (f there, penalty included);
 * - `g`, the gradient used (noise included);
 * - `before` / `after`: the state before and after the step, by key (e.g. {v: [..]}; {} for
 *   sgd and newton). `before` at t = 1 is the zero initial state.
 * Present where the rule has them:
 * - `bc1` = 1 − β₁ᵗ, `bc2` = 1 − β₂ᵗ (see RunTrace);
 * - `effLr`, the per-coordinate step size (see RunTrace.effLrX), and `direction`, the vector
 *   it or η multiplies, so that step ≈ −effLr ⊙ direction (adaptive) or −η·direction:
 *   sgd g; momentum v; nesterov g + ρ·v; adagrad, rmsprop, adadelta g; adam family, adamax m
 *   (adamw: plus the decay, see `shrink`); newton H⁻¹g; none for nadam;
 * - adadelta: `delta`, Δ = √(u_{t−1}+ε)/√(s_t+ε)·g (the step is −η·Δ);
 * - nesterov: `look` (x_{t−1} − η·ρ·v_{t−1}) and `lookG` (the noise-free gradient there);
 * - adamw: `shrink` = 1 − η·λ, the factor x is multiplied by before the Adam step;
 * - nadam: `mu` (μₜ), `muNext` (μₜ₊₁), `muProduct` (Πₜ), `muProductNext` (Πₜ·μₜ₊₁) and
 *   `denom` (D = √(v/(1−β₂ᵗ)) + ε);
 * - newton: `hessian` as [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²] at x_{t−1}.
 * Values recomputed here (direction, nadam's μₜ₊₁ and D) use the rule's own expressions, so
 * they are the doubles the step used.
 */
export interface StepExplanation {
  readonly t: number;
  readonly optimizer: OptimizerId;
  readonly params: Readonly<Partial<Hyperparams>>;
  readonly lr: number;
  readonly x: Vec2;
  readonly xNext: Vec2;
  readonly step: Vec2;
  readonly loss: number;
  readonly lossNext: number;
  readonly g: Vec2;
  readonly before: Readonly<Partial<Record<StateKey, Vec2>>>;
  readonly after: Readonly<Partial<Record<StateKey, Vec2>>>;
  readonly bc1?: number;
  readonly bc2?: number;
  readonly effLr?: Vec2;
  readonly direction?: Vec2;
  readonly delta?: Vec2;
  readonly look?: Vec2;
  readonly lookG?: Vec2;
  readonly shrink?: number;
  readonly mu?: number;
  readonly muNext?: number;
  readonly muProduct?: number;
  readonly muProductNext?: number;
  readonly denom?: Vec2;
  readonly hessian?: readonly [number, number, number];
}

/**
 * Step t (1 … trace.steps) of a trace, as the numbers its rule needs (see StepExplanation).
 * `optimizer` must be the trace's own: it is asked for so that a caller states which rule it
 * is about to fill in, and a mismatch is an error rather than a wrong display.
 */
export function explainStep(trace: RunTrace, optimizer: OptimizerId, t: number): StepExplanation {
  if (optimizer !== trace.optimizer) {
    throw new RangeError(`this trace is of ${trace.optimizer}, not ${optimizer}`);
  }
  if (!(Number.isInteger(t) && t >= 1 && t <= trace.steps)) {
    throw new RangeError(`step must be a whole number from 1 to ${trace.steps}, got ${t}`);
  }
  const info = getOptimizer(optimizer);
  const p = trace.params;
  const params: Partial<Hyperparams> = {};
  for (const h of HYPERPARAMS) if (info?.params.includes(h.key)) params[h.key] = p[h.key];
  const at = (a: Float64Array | undefined, b: Float64Array | undefined, i: number): Vec2 | undefined =>
    a && b ? [a[i], b[i]] : undefined;
  const before: Partial<Record<StateKey, Vec2>> = {};
  const after: Partial<Record<StateKey, Vec2>> = {};
  for (const key of trace.stateKeys) {
    const pair = traceState(trace, key);
    if (pair) {
      before[key] = [pair[0][t - 1], pair[1][t - 1]];
      after[key] = [pair[0][t], pair[1][t]];
    }
  }
  const lr = trace.lr[t];
  const g: Vec2 = [trace.gx[t], trace.gy[t]];
  const e: {
    -readonly [K in keyof StepExplanation]: StepExplanation[K];
  } = {
    t,
    optimizer,
    params,
    lr,
    x: [trace.x[t - 1], trace.y[t - 1]],
    xNext: [trace.x[t], trace.y[t]],
    step: [trace.dx[t], trace.dy[t]],
    loss: trace.loss[t - 1],
    lossNext: trace.loss[t],
    g,
    before,
    after,
  };
  if (trace.bc1) e.bc1 = trace.bc1[t];
  if (trace.bc2) e.bc2 = trace.bc2[t];
  const effLr = at(trace.effLrX, trace.effLrY, t);
  if (effLr) e.effLr = effLr;
  const v = after.v;
  switch (optimizer) {
    case 'sgd':
    case 'adagrad':
    case 'rmsprop':
      e.direction = g;
      break;
    case 'momentum':
      e.direction = v;
      break;
    case 'nesterov':
      if (v) e.direction = [g[0] + p.rho * v[0], g[1] + p.rho * v[1]];
      e.look = at(trace.lookX, trace.lookY, t);
      e.lookG = at(trace.lookGx, trace.lookGy, t);
      break;
    case 'adadelta': {
      // Δ as the kernel forms it: √(u_{t−1}+ε)/√(s_t+ε)·g.
      const u = before.u;
      const s = after.s;
      e.direction = g;
      if (u && s) {
        const eps = p.eps;
        e.delta = [
          (Math.sqrt(u[0] + eps) / Math.sqrt(s[0] + eps)) * g[0],
          (Math.sqrt(u[1] + eps) / Math.sqrt(s[1] + eps)) * g[1],
        ];
      }
      break;
    }
    case 'adamw':
      e.shrink = 1 - lr * p.weightDecay;
      e.direction = after.m;
      break;
    case 'adam':
    case 'amsgrad':
    case 'adamax':
      e.direction = after.m;
      break;
    case 'nadam': {
      const { beta1, momentumDecay, eps } = p;
      const muProduct = trace.muProduct ? trace.muProduct[t] : NaN;
      const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
      e.mu = trace.mu ? trace.mu[t] : NaN;
      e.muNext = muNext;
      e.muProduct = muProduct;
      e.muProductNext = muProduct * muNext;
      const bc2 = e.bc2 ?? NaN;
      if (after.v) e.denom = [Math.sqrt(after.v[0] / bc2) + eps, Math.sqrt(after.v[1] / bc2) + eps];
      break;
    }
    case 'newton': {
      if (trace.hxx && trace.hxy && trace.hyy) {
        const a = trace.hxx[t];
        const b = trace.hxy[t];
        const c = trace.hyy[t];
        const det = a * c - b * b;
        e.hessian = [a, b, c];
        e.direction = [(c * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det];
      }
      break;
    }
  }
  return e;
}
