import { inBounds, lerp, NO_PAIR, NOWHERE, type StepLoop } from './loop';

// The per-coordinate adaptive methods before Adam. Operation order follows torch.optim
// (mul_ then addcmul_, then addcdiv_) so that results round as PyTorch's do. When recording,
// each also gives its per-coordinate step size effLr (the step is −effLr·g up to rounding).

/**
 * `adagrad` (torch.optim.Adagrad): s ← s + g²; ηₜ = η / (1 + (t − 1)·δ); x ← x − ηₜ·g / (√s + ε),
 * with s starting at s₀ (torch's initial_accumulator_value) and δ torch's lr_decay.
 */
export function runAdagrad(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps, lrDecay, initialAccumulator } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('s');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  let x = xs[0];
  let y = ys[0];
  let s0 = initialAccumulator;
  let s1 = initialAccumulator;
  // The state before step 1 is s₀, not the recorder's default 0.
  sxr[0] = s0;
  syr[0] = s1;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const scheduled = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch: clr = lr / (1 + (step − 1)·lr_decay); exactly η when δ = 0.
    const lr = lrDecay === 0 ? scheduled : scheduled / (1 + (t - 1) * lrDecay);
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    s0 = s0 + g0 * g0;
    s1 = s1 + g1 * g1;
    const q0 = Math.sqrt(s0) + eps;
    const q1 = Math.sqrt(s1) + eps;
    const nx = x - (lr * g0) / q0;
    const ny = y - (lr * g1) / q1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      sxr[t] = s0;
      syr[t] = s1;
      exr[t] = lr / q0;
      eyr[t] = lr / q1;
      dxr[t] = g0;
      dyr[t] = g1;
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
 * `rmsprop` (torch.optim.RMSprop): s ← d·s + (1−d)·g²; then the denominator
 *   q = √s + ε, or centered: ḡ ← d·ḡ + (1−d)·g (a lerp, as torch 2.x) and q = √(s − ḡ²) + ε;
 *   x ← x − η·g / q, or with momentum ρ > 0: v ← ρ·v + g / q; x ← x − η·v (v starts at 0).
 * Centering divides by the gradient's running standard deviation rather than its root mean
 * square, so a steady gradient is not shrunk to a step of η.
 */
export function runRmsprop(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps, decay, rho } = loop.p;
  const centered = loop.p.centered === 1;
  const lrScale = loop.lrScale;
  const c = 1 - decay;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('s');
  const [axr, ayr] = rec === null || !centered ? NO_PAIR : rec.state('gAvg');
  const [vxr, vyr] = rec === null || rho === 0 ? NO_PAIR : rec.state('v');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  let x = xs[0];
  let y = ys[0];
  let s0 = 0;
  let s1 = 0;
  let a0 = 0;
  let a1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    s0 = s0 * decay + c * g0 * g0;
    s1 = s1 * decay + c * g1 * g1;
    let q0: number;
    let q1: number;
    if (centered) {
      a0 = lerp(a0, g0, c);
      a1 = lerp(a1, g1, c);
      // torch: square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_().add_(eps)
      q0 = Math.sqrt(s0 - a0 * a0) + eps;
      q1 = Math.sqrt(s1 - a1 * a1) + eps;
    } else {
      q0 = Math.sqrt(s0) + eps;
      q1 = Math.sqrt(s1) + eps;
    }
    let nx: number;
    let ny: number;
    if (rho === 0) {
      nx = x - (lr * g0) / q0;
      ny = y - (lr * g1) / q1;
    } else {
      // torch: buf.mul_(momentum).addcdiv_(grad, avg); param.add_(buf, alpha=-lr)
      v0 = v0 * rho + g0 / q0;
      v1 = v1 * rho + g1 / q1;
      nx = x + -lr * v0;
      ny = y + -lr * v1;
    }
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      sxr[t] = s0;
      syr[t] = s1;
      axr[t] = a0;
      ayr[t] = a1;
      vxr[t] = v0;
      vyr[t] = v1;
      exr[t] = lr / q0;
      eyr[t] = lr / q1;
      dxr[t] = g0;
      dyr[t] = g1;
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
 * `adadelta`: s ← d·s + (1−d)·g²; Δ = √(u+ε)/√(s+ε)·g; u ← d·u + (1−d)·Δ²; x ← x − η·Δ.
 */
export function runAdadelta(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps, decay } = loop.p;
  const lrScale = loop.lrScale;
  const c = 1 - decay;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('s');
  const [uxr, uyr] = rec === null ? NO_PAIR : rec.state('u');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const [Dxr, Dyr] = rec === null ? NO_PAIR : rec.vector('delta');
  let x = xs[0];
  let y = ys[0];
  let s0 = 0;
  let s1 = 0;
  let u0 = 0;
  let u1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    s0 = s0 * decay + c * g0 * g0;
    s1 = s1 * decay + c * g1 * g1;
    const r0 = Math.sqrt(u0 + eps) / Math.sqrt(s0 + eps);
    const r1 = Math.sqrt(u1 + eps) / Math.sqrt(s1 + eps);
    const D0 = r0 * g0;
    const D1 = r1 * g1;
    u0 = u0 * decay + c * D0 * D0;
    u1 = u1 * decay + c * D1 * D1;
    const nx = x - lr * D0;
    const ny = y - lr * D1;
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = lr;
      sxr[t] = s0;
      syr[t] = s1;
      uxr[t] = u0;
      uyr[t] = u1;
      exr[t] = r0 * lr;
      eyr[t] = r1 * lr;
      dxr[t] = g0;
      dyr[t] = g1;
      Dxr[t] = D0;
      Dyr[t] = D1;
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
