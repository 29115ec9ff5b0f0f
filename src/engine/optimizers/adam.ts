import { inBounds, lerp, NO_PAIR, NOWHERE, syncPosition, type StepLoop } from './loop';
import { powers, series } from './series';

// The Adam family, written in torch.optim's order of operations (lerp_ for m, mul_ then
// addcmul_ for v, bias corrections as 1 − β^t with pow, then addcdiv_).

/**
 * `adam`:
 *   m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²
 *   x ← x − (η / (1−β₁ᵗ))·m / (√v / √(1−β₂ᵗ) + ε)
 * Without bias correction: x ← x − η·m / (√v + ε).
 *
 * adam, amsgrad and adamw are three kernels, not one with a mode: V8 keeps one optimized copy
 * per function, and one function serving three rules ran Adam at 0.83 of a hand-written loop
 * instead of 0.91 (npm run bench).
 */
export function runAdam(loop: StepLoop): number {
  const { f, n, g, noise, biasCorrection, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  const beta1Pow = powers(beta1, n);
  const beta2Pow = powers(beta2, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const bc1r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc1');
  const bc2r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc2');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    let g0 = g[0];
    let g1 = g[1];
    if (weightDecay !== 0) {
      g0 = g0 + weightDecay * x;
      g1 = g1 + weightDecay * y;
    }
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    // Without bias correction the same expression with both corrections 1.
    let stepSize = lr;
    let q0: number;
    let q1: number;
    if (biasCorrection) {
      const bc1 = 1 - beta1Pow[t];
      const bc2 = 1 - beta2Pow[t];
      stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      q0 = Math.sqrt(v0) / bc2Sqrt + eps;
      q1 = Math.sqrt(v1) / bc2Sqrt + eps;
      if (rec !== null) {
        bc1r[t] = bc1;
        bc2r[t] = bc2;
      }
    } else {
      q0 = Math.sqrt(v0) + eps;
      q1 = Math.sqrt(v1) + eps;
    }
    const nx = x - (stepSize * m0) / q0;
    const ny = y - (stepSize * m1) / q1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      vxr[t] = v0;
      vyr[t] = v1;
      exr[t] = stepSize / q0;
      eyr[t] = stepSize / q1;
      dxr[t] = m0;
      dyr[t] = m1;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/** `amsgrad`: as `adam`, with w ← max(w, v) in place of v in the denominator. */
export function runAmsgrad(loop: StepLoop): number {
  const { f, n, g, noise, biasCorrection, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  const beta1Pow = powers(beta1, n);
  const beta2Pow = powers(beta2, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [wxr, wyr] = rec === null ? NO_PAIR : rec.state('w');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const bc1r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc1');
  const bc2r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc2');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  let w0 = 0;
  let w_1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    // The running maximum of v stands in for v in the denominator.
    const r0 = (w0 = Math.max(w0, v0));
    const r1 = (w_1 = Math.max(w_1, v1));
    // Without bias correction the same expression with both corrections 1.
    let stepSize = lr;
    let q0: number;
    let q1: number;
    if (biasCorrection) {
      const bc1 = 1 - beta1Pow[t];
      const bc2 = 1 - beta2Pow[t];
      stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      q0 = Math.sqrt(r0) / bc2Sqrt + eps;
      q1 = Math.sqrt(r1) / bc2Sqrt + eps;
      if (rec !== null) {
        bc1r[t] = bc1;
        bc2r[t] = bc2;
      }
    } else {
      q0 = Math.sqrt(r0) + eps;
      q1 = Math.sqrt(r1) + eps;
    }
    const nx = x - (stepSize * m0) / q0;
    const ny = y - (stepSize * m1) / q1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      vxr[t] = v0;
      vyr[t] = v1;
      wxr[t] = w0;
      wyr[t] = w_1;
      exr[t] = stepSize / q0;
      eyr[t] = stepSize / q1;
      dxr[t] = m0;
      dyr[t] = m1;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/** `adamw`: x ← x·(1 − η·λ), then the `adam` step (torch.optim.AdamW). */
export function runAdamW(loop: StepLoop): number {
  const { f, n, g, noise, biasCorrection, bounds, rec, sync } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  const weightDecay = loop.p.weightDecay;
  const beta1Pow = powers(beta1, n);
  const beta2Pow = powers(beta2, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const bc1r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc1');
  const bc2r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc2');
  const shrinkr = rec === null ? NOWHERE : rec.scalar('shrink');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    // Decoupled decay with the η of this same step, as torch.optim.AdamW.
    const shrink = 1 - lr * weightDecay;
    x = x * shrink;
    y = y * shrink;
    if (rec !== null) shrinkr[t] = shrink;
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    // Without bias correction the same expression with both corrections 1.
    let stepSize = lr;
    let q0: number;
    let q1: number;
    if (biasCorrection) {
      const bc1 = 1 - beta1Pow[t];
      const bc2 = 1 - beta2Pow[t];
      stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      q0 = Math.sqrt(v0) / bc2Sqrt + eps;
      q1 = Math.sqrt(v1) / bc2Sqrt + eps;
      if (rec !== null) {
        bc1r[t] = bc1;
        bc2r[t] = bc2;
      }
    } else {
      q0 = Math.sqrt(v0) + eps;
      q1 = Math.sqrt(v1) + eps;
    }
    let nx = x - (stepSize * m0) / q0;
    let ny = y - (stepSize * m1) / q1;
    if (sync !== null) {
      // Lookahead: every k steps the fast point is pulled back toward the slow one.
      syncPosition[0] = nx;
      syncPosition[1] = ny;
      sync.after(t, syncPosition);
      nx = syncPosition[0];
      ny = syncPosition[1];
    }
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      vxr[t] = v0;
      vyr[t] = v1;
      exr[t] = stepSize / q0;
      eyr[t] = stepSize / q1;
      dxr[t] = m0;
      dyr[t] = m1;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/**
 * `adamax`: m ← β₁·m + (1−β₁)·g; u ← max(β₂·u, |g| + ε); x ← x − (η / (1−β₁ᵗ))·m / u.
 * Without bias correction: x ← x − η·m / u.
 */
export function runAdamax(loop: StepLoop): number {
  const { f, n, g, noise, biasCorrection, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const beta1Pow = powers(beta1, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [uxr, uyr] = rec === null ? NO_PAIR : rec.state('u');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const bc1r = rec === null || !biasCorrection ? NOWHERE : rec.scalar('bc1');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let u0 = 0;
  let u1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    u0 = Math.max(u0 * beta2, Math.abs(g0) + eps);
    u1 = Math.max(u1 * beta2, Math.abs(g1) + eps);
    const bc1 = 1 - beta1Pow[t];
    const clr = biasCorrection ? lr / bc1 : lr;
    const nx = x - (clr * m0) / u0;
    const ny = y - (clr * m1) / u1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      uxr[t] = u0;
      uyr[t] = u1;
      exr[t] = clr / u0;
      eyr[t] = clr / u1;
      dxr[t] = m0;
      dyr[t] = m1;
      bc1r[t] = bc1;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/**
 * `nadam` (PyTorch 2.x, without the double μ of 1.13 and older):
 *   μₜ = β₁·(1 − ½·0.96^(t·ψ)); Πₜ = μ₁·…·μₜ; m, v as Adam; D = √(v / (1−β₂ᵗ)) + ε
 *   x ← x − η·(1−μₜ)/(1−Πₜ)·g/D − η·μₜ₊₁/(1−Πₜ·μₜ₊₁)·m/D
 * The two terms are applied one after the other, as PyTorch's two addcdiv_ calls do.
 */
export function runNadam(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps, momentumDecay } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  let muProduct = 1;
  const beta2Pow = powers(beta2, n);
  // μ[t] for t = 1 … n + 1 (each step also needs μₜ₊₁).
  const mus = series(`nadam-mu:${beta1}:${momentumDecay}`, n + 1, (t) => beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay)));
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [Dxr, Dyr] = rec === null ? NO_PAIR : rec.vector('denom');
  const bc2r = rec === null ? NOWHERE : rec.scalar('bc2');
  const mur = rec === null ? NOWHERE : rec.scalar('mu');
  const muNextr = rec === null ? NOWHERE : rec.scalar('muNext');
  const mupr = rec === null ? NOWHERE : rec.scalar('muProduct');
  const mupNextr = rec === null ? NOWHERE : rec.scalar('muProductNext');
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    const bc2 = 1 - beta2Pow[t];
    const mu = mus[t];
    const muNext = mus[t + 1];
    muProduct *= mu;
    // Πₜ falls below the smallest double after about a thousand steps and, once μ > ½, stays
    // on the smallest subnormal for good, which makes every later step several times slower.
    // Below 2⁻⁵⁴ it no longer changes 1 − Πₜ or 1 − Πₜ·μₜ₊₁ (both round to 1), so zero gives
    // bit-identical positions (and the trace shows the 0 that was used).
    if (muProduct < 1e-300) muProduct = 0;
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    const D0 = Math.sqrt(v0 / bc2) + eps;
    const D1 = Math.sqrt(v1 / bc2) + eps;
    const muProductNext = muProduct * muNext;
    const cg = (-lr * (1 - mu)) / (1 - muProduct);
    const cm = (-lr * muNext) / (1 - muProductNext);
    let nx = x + (cg * g0) / D0;
    let ny = y + (cg * g1) / D1;
    nx = nx + (cm * m0) / D0;
    ny = ny + (cm * m1) / D1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      vxr[t] = v0;
      vyr[t] = v1;
      exr[t] = lr / D0;
      eyr[t] = lr / D1;
      Dxr[t] = D0;
      Dyr[t] = D1;
      bc2r[t] = bc2;
      mur[t] = mu;
      muNextr[t] = muNext;
      mupr[t] = muProduct;
      mupNextr[t] = muProductNext;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/**
 * `radam` (torch.optim.RAdam, Liu et al. 2020): m, v as `adam`; m̂ = m / (1−β₁ᵗ);
 *   ρ∞ = 2/(1−β₂) − 1;  ρₜ = ρ∞ − 2t·β₂ᵗ/(1−β₂ᵗ)
 *   ρₜ > 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));  x ← x − m̂·η·(√(1−β₂ᵗ) / (√v + ε))·r
 *   else:    x ← x − m̂·η   (the variance of v is not yet trustworthy: a plain momentum step)
 * The products in torch's order: ((m̂·η)·a)·r.
 */
export function runRadam(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps } = loop.p;
  const lrScale = loop.lrScale;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  const rhoInf = 2 / (1 - beta2) - 1;
  const beta1Pow = powers(beta1, n);
  const beta2Pow = powers(beta2, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const bc1r = rec === null ? NOWHERE : rec.scalar('bc1');
  const bc2r = rec === null ? NOWHERE : rec.scalar('bc2');
  const rhor = rec === null ? NOWHERE : rec.scalar('rhoT');
  const rectr = rec === null ? NOWHERE : rec.scalar('rect');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    const bc1 = 1 - beta1Pow[t];
    const bc2 = 1 - beta2Pow[t];
    m0 = lerp(m0, g0, w1);
    m1 = lerp(m1, g1, w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    const mh0 = m0 / bc1;
    const mh1 = m1 / bc1;
    const rhoT = smaLength(rhoInf, t, beta2Pow[t]);
    const rectified = rhoT > 5;
    let k0 = mh0 * lr;
    let k1 = mh1 * lr;
    // The adaptive factors √(1−β₂ᵗ)/(√v + ε), and r: NaN where unrectified, so that the trace
    // says which steps were plain momentum steps.
    let a0 = 1;
    let a1 = 1;
    let rect = NaN;
    if (rectified) {
      rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      const bc2Sqrt = Math.sqrt(bc2);
      a0 = bc2Sqrt / (Math.sqrt(v0) + eps);
      a1 = bc2Sqrt / (Math.sqrt(v1) + eps);
      k0 = k0 * a0 * rect;
      k1 = k1 * a1 * rect;
    }
    const nx = x - k0;
    const ny = y - k1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      vxr[t] = v0;
      vyr[t] = v1;
      // The factor on m: k = effLr·m up to rounding.
      exr[t] = rectified ? (lr / bc1) * a0 * rect : lr / bc1;
      eyr[t] = rectified ? (lr / bc1) * a1 * rect : lr / bc1;
      dxr[t] = m0;
      dyr[t] = m1;
      bc1r[t] = bc1;
      bc2r[t] = bc2;
      rhor[t] = rhoT;
      rectr[t] = rect;
    }
    const fl = f.valueAndGrad(nx, ny, g);
    if (!inBounds(bounds, nx, ny, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x = nx;
    ys[t] = y = ny;
    ls[t] = fl;
  }
  return n;
}

/**
 * How many of radam's first `steps` steps are taken without rectification (ρₜ ≤ 5). ρₜ grows
 * with t, so those steps are always the first ones; it depends on β₂ alone (the first 5 steps
 * at β₂ = 0.999, every step when β₂ ≤ 2/3 and ρ∞ ≤ 5). The same ρₜ as runRadam (smaLength).
 */
export function radamPlainSteps(beta2: number, steps: number): number {
  const rhoInf = 2 / (1 - beta2) - 1;
  const beta2Pow = powers(beta2, steps);
  for (let t = 1; t <= steps; t++) if (smaLength(rhoInf, t, beta2Pow[t]) > 5) return t - 1;
  return steps;
}

/** RAdam's ρₜ = ρ∞ − 2t·β₂ᵗ/(1−β₂ᵗ), in torch's order of operations; the one place it is written. */
function smaLength(rhoInf: number, t: number, beta2PowT: number): number {
  return rhoInf - (2 * t * beta2PowT) / (1 - beta2PowT);
}
