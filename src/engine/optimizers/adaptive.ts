import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

// The per-coordinate adaptive methods before Adam. Operation order follows torch.optim
// (mul_ then addcmul_, then addcdiv_) so that results round as PyTorch's do. When recording,
// each also gives its per-coordinate step size effLr (the step is −effLr·g up to rounding).

/** `adagrad`: s ← s + g²; x ← x − η·g / (√s + ε). */
export function runAdagrad(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('s');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  let x = xs[0];
  let y = ys[0];
  let s0 = 0;
  let s1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.perturb(g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    s0 = s0 + g0 * g0;
    s1 = s1 + g1 * g1;
    const q0 = Math.sqrt(s0) + eps;
    const q1 = Math.sqrt(s1) + eps;
    const nx = x - (lr * g0) / q0;
    const ny = y - (lr * g1) / q1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
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

/** `rmsprop`: s ← d·s + (1−d)·g²; x ← x − η·g / (√s + ε). */
export function runRmsprop(loop: StepLoop): number {
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
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('s');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  let x = xs[0];
  let y = ys[0];
  let s0 = 0;
  let s1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.perturb(g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    s0 = s0 * decay + c * g0 * g0;
    s1 = s1 * decay + c * g1 * g1;
    const q0 = Math.sqrt(s0) + eps;
    const q1 = Math.sqrt(s1) + eps;
    const nx = x - (lr * g0) / q0;
    const ny = y - (lr * g1) / q1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
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
    if (noise !== null) noise.perturb(g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
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
      gxr[t] = g0;
      gyr[t] = g1;
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
