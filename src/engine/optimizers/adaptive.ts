import { inBounds, type StepLoop } from './loop';

// The per-coordinate adaptive methods before Adam. Operation order follows torch.optim
// (mul_ then addcmul_, then addcdiv_) so that results round as PyTorch's do.

/** `adagrad`: s ← s + g²; x ← x − η·g / (√s + ε). */
export function runAdagrad(loop: StepLoop): number {
  const { f, n, g, noise, bounds } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps } = loop.p;
  const lrScale = loop.lrScale;
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
    const nx = x - (lr * g0) / (Math.sqrt(s0) + eps);
    const ny = y - (lr * g1) / (Math.sqrt(s1) + eps);
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
  const { f, n, g, noise, bounds } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps, decay } = loop.p;
  const lrScale = loop.lrScale;
  const c = 1 - decay;
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
    const nx = x - (lr * g0) / (Math.sqrt(s0) + eps);
    const ny = y - (lr * g1) / (Math.sqrt(s1) + eps);
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
  const { f, n, g, noise, bounds } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps, decay } = loop.p;
  const lrScale = loop.lrScale;
  const c = 1 - decay;
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
    const D0 = (Math.sqrt(u0 + eps) / Math.sqrt(s0 + eps)) * g0;
    const D1 = (Math.sqrt(u1 + eps) / Math.sqrt(s1 + eps)) * g1;
    u0 = u0 * decay + c * D0 * D0;
    u1 = u1 * decay + c * D1 * D1;
    const nx = x - lr * D0;
    const ny = y - lr * D1;
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
