import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';
import { powers } from './series';

/**
 * `schedule-free-adamw` (Defazio et al. 2024, "The Road Less Scheduled", Algorithm 1, no warmup):
 *   y = (1−β₁)·z + β₁·x                      (where the gradient is taken)
 *   v ← β₂·v + (1−β₂)·g²;  γₜ = η·√(1 − β₂ᵗ)
 *   z ← z − γₜ·g / (√v + ε) − γₜ·λ·y          (the base sequence, an AdamW step)
 *   cₜ₊₁ = γₜ² / Σᵢ γᵢ²;  x ← (1 − cₜ₊₁)·x + cₜ₊₁·z   (the average: what is evaluated)
 * from z = x = x₀. The path is x, the sequence the paper evaluates; z and y are recorded (state
 * `z`, vector `look`) and drawn beside it. A schedule is not needed (that is the point) but is
 * applied to η if set. Each step costs a gradient at y and a value at x.
 */
export function runScheduleFreeAdamW(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, eps, weightDecay } = loop.p;
  const lrScale = loop.lrScale;
  const c2 = 1 - beta2;
  const beta2Pow = powers(beta2, n);
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [zxr, zyr] = rec === null ? NO_PAIR : rec.state('z');
  const [vxr, vyr] = rec === null ? NO_PAIR : rec.state('v');
  const [yxr, yyr] = rec === null ? NO_PAIR : rec.vector('look');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  const bc2r = rec === null ? NOWHERE : rec.scalar('bc2');
  const cr = rec === null ? NOWHERE : rec.scalar('avgWeight');
  const gammar = rec === null ? NOWHERE : rec.scalar('stepLength');
  let x0 = xs[0];
  let x1 = ys[0];
  let z0 = x0;
  let z1 = x1;
  let y0 = x0;
  let y1 = x1;
  let v0 = 0;
  let v1 = 0;
  let gammaSquares = 0;
  if (rec !== null) {
    // z starts at x₀, not the recorder's default 0.
    zxr[0] = z0;
    zyr[0] = z1;
  }
  for (let t = 1; t <= n; t++) {
    // g holds ∇f(yₜ): the start (y₁ = x₁) on entry, then what the last step evaluated.
    if (noise !== null) noise.beforeStep(f, y0, y1, g);
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    const bc2 = 1 - beta2Pow[t];
    const gamma = lr * Math.sqrt(bc2);
    const q0 = Math.sqrt(v0) + eps;
    const q1 = Math.sqrt(v1) + eps;
    const d0 = g0 / q0 + weightDecay * y0;
    const d1 = g1 / q1 + weightDecay * y1;
    z0 = z0 - gamma * d0;
    z1 = z1 - gamma * d1;
    gammaSquares += gamma * gamma;
    const c = (gamma * gamma) / gammaSquares;
    const nx = (1 - c) * x0 + c * z0;
    const ny = (1 - c) * x1 + c * z1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      zxr[t] = z0;
      zyr[t] = z1;
      vxr[t] = v0;
      vyr[t] = v1;
      yxr[t] = y0;
      yyr[t] = y1;
      dxr[t] = d0;
      dyr[t] = d1;
      exr[t] = gamma / q0;
      eyr[t] = gamma / q1;
      bc2r[t] = bc2;
      cr[t] = c;
      gammar[t] = gamma;
    }
    const fl = f.value(nx, ny);
    // The next gradient is taken at the next y, between z and x.
    y0 = (1 - beta1) * z0 + beta1 * nx;
    y1 = (1 - beta1) * z1 + beta1 * ny;
    const fy = f.valueAndGrad(y0, y1, g);
    if (!inBounds(bounds, nx, ny, fl) || !inBounds(bounds, y0, y1, fy)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x0 = nx;
    ys[t] = x1 = ny;
    ls[t] = fl;
  }
  return n;
}
