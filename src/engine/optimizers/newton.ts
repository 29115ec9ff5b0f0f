import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

/**
 * A Hessian this close to singular (relative to its entries) gives a step that is all
 * rounding error; we stop there and say so rather than fling the particle away.
 */
const SINGULAR_RELATIVE = 1e-13;

/** `newton`: x ← x − η·H⁻¹·g, with H the exact Hessian at x. Stops as `singular` where H is. */
export function runNewton(loop: StepLoop): number {
  const { f, n, g, h, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const baseLr = loop.p.lr;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const hxxr = rec === null ? NOWHERE : rec.scalar('hxx');
  const hxyr = rec === null ? NOWHERE : rec.scalar('hxy');
  const hyyr = rec === null ? NOWHERE : rec.scalar('hyy');
  let x = xs[0];
  let y = ys[0];
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    f.hessian(x, y, h);
    const a = h[0];
    const b = h[1];
    const c = h[2];
    const ac = a * c;
    const bb = b * b;
    const det = ac - bb;
    if (!(Math.abs(det) > SINGULAR_RELATIVE * (Math.abs(ac) + bb)) || !Number.isFinite(det)) {
      loop.status = 'singular';
      return t - 1;
    }
    // H⁻¹g by Cramer's rule: exact enough for 2×2 and free of allocation.
    const d0 = (c * g0 - b * g1) / det;
    const d1 = (a * g1 - b * g0) / det;
    const nx = x - lr * d0;
    const ny = y - lr * d1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      dxr[t] = d0;
      dyr[t] = d1;
      hxxr[t] = a;
      hxyr[t] = b;
      hyyr[t] = c;
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
