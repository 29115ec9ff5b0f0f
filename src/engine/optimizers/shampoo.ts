import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

/**
 * `shampoo` for two parameters (Gupta, Koren & Singer 2018), which on a vector is full-matrix
 * AdaGrad: L ← L + g·gᵀ (a 2 × 2 matrix, from L₀ = ε·I); x ← x − η·L^(−1/2)·g.
 * Unlike AdaGrad's per-coordinate √s, L^(−1/2) rotates with the surface: on a ravine at 45° it
 * finds the ravine's own axes, where every diagonal method zig-zags.
 *
 * The inverse square root of a 2 × 2 symmetric positive definite [[a, b], [b, c]] in closed
 * form: with s = √(ac − b²) and τ = √(a + c + 2s), L^(−1/2) = [[c + s, −b], [−b, a + s]] / (s·τ).
 * With ε = 0 and gradients all along one line L is singular: the run stops ('singular').
 */
export function runShampoo(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, eps } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const axr = rec === null ? NOWHERE : rec.scalar('lxx');
  const bxr = rec === null ? NOWHERE : rec.scalar('lxy');
  const cxr = rec === null ? NOWHERE : rec.scalar('lyy');
  let x = xs[0];
  let y = ys[0];
  let a = eps;
  let b = 0;
  let c = eps;
  if (rec !== null) {
    // The preconditioner before step 1 is ε·I, not the recorder's default 0.
    axr[0] = a;
    cxr[0] = c;
  }
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    a = a + g0 * g0;
    b = b + g0 * g1;
    c = c + g1 * g1;
    const s = Math.sqrt(a * c - b * b);
    const tau = Math.sqrt(a + c + 2 * s);
    const k = 1 / (s * tau);
    const d0 = ((c + s) * g0 - b * g1) * k;
    const d1 = ((a + s) * g1 - b * g0) * k;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      dxr[t] = d0;
      dyr[t] = d1;
      axr[t] = a;
      bxr[t] = b;
      cxr[t] = c;
    }
    if (!(s > 0) || !Number.isFinite(k)) {
      loop.status = 'singular';
      return t - 1;
    }
    const nx = x - lr * d0;
    const ny = y - lr * d1;
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
