import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

/**
 * `asgd` (torch.optim.ASGD; Polyak & Juditsky 1992, with the decaying step of Bottou 2012):
 * SGD with a step size ηₜ that decays, and an average of the iterates, started at step t₀.
 *   x ← x·(1 − λ·ηₜ);  x ← x − ηₜ·g
 *   μₜ = 1: x̄ ← x;  else x̄ ← x̄ + μₜ·(x − x̄)
 *   ηₜ₊₁ = η / (1 + λ·η·t)^α;  μₜ₊₁ = 1 / max(1, t − t₀)
 * with η₁ = η and μ₁ = 1 (α is `power`, torch's `alpha`; λ is `lambd`). The path is x, as in
 * torch; x̄, what ASGD returns as its answer, is recorded as the state `avg`. With a schedule,
 * ηₜ₊₁ is computed from η of step t, as torch's scheduler leaves it after step t.
 */
export function runAsgd(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, lambd, power, t0 } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const weightDecay = loop.p.weightDecay;
  const [l2xr, l2yr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  const [axr, ayr] = rec === null ? NO_PAIR : rec.state('avg');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const mur = rec === null ? NOWHERE : rec.scalar('mu');
  const shrinkr = rec === null ? NOWHERE : rec.scalar('shrink');
  let x = xs[0];
  let y = ys[0];
  let a0 = 0;
  let a1 = 0;
  let eta = lrScale === null ? baseLr : baseLr * lrScale[1];
  let mu = 1;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // torch's weight_decay, the coupled L2 term: the rule works on g + λ·x.
    const g0 = weightDecay === 0 ? g[0] : g[0] + weightDecay * x;
    const g1 = weightDecay === 0 ? g[1] : g[1] + weightDecay * y;
    const shrink = 1 - lambd * eta;
    let nx = x * shrink;
    let ny = y * shrink;
    nx = nx - eta * g0;
    ny = ny - eta * g1;
    if (mu !== 1) {
      a0 = a0 + (nx - a0) * mu;
      a1 = a1 + (ny - a1) * mu;
    } else {
      a0 = nx;
      a1 = ny;
    }
    if (rec !== null) {
      gxr[t] = g[0];
      gyr[t] = g[1];
      l2xr[t] = g0;
      l2yr[t] = g1;
      lrr[t] = eta;
      axr[t] = a0;
      ayr[t] = a1;
      dxr[t] = g0;
      dyr[t] = g1;
      mur[t] = mu;
      shrinkr[t] = shrink;
    }
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    eta = lr / Math.pow(1 + lambd * lr * t, power);
    mu = 1 / Math.max(1, t - t0);
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
