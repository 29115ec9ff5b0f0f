import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

// The rules that step by the sign of a momentum: every coordinate moves by exactly η (or 0),
// whatever the gradient's size. Neither is in torch.optim: each follows its paper's reference
// algorithm (Lion: the authors' lion-pytorch; Signum: Bernstein et al. 2018, Algorithm 2).

/** torch.sign: 0 at 0 (and NaN at NaN), so a coordinate with no gradient does not move. */
function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : v;
}

/**
 * `lion` (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
 *   c = β₁·m + (1−β₁)·g;  x ← x·(1 − η·λ) − η·sign(c);  m ← β₂·m + (1−β₂)·g
 * The step uses a blend c with β₁, the memory m decays with β₂ (> β₁): the step reacts to the new
 * gradient faster than the memory forgets the old ones. λ is decoupled, as AdamW's.
 */
export function runLion(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, beta1, beta2, weightDecay } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [cxr, cyr] = rec === null ? NO_PAIR : rec.vector('blend');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const shrinkr = rec === null || weightDecay === 0 ? NOWHERE : rec.scalar('shrink');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    // lion-pytorch: p.mul_(1 − lr·wd); update = exp_avg·β₁ + g·(1 − β₁), signed; p.add_(update, −lr)
    const shrink = 1 - lr * weightDecay;
    const c0 = m0 * beta1 + g0 * (1 - beta1);
    const c1 = m1 * beta1 + g1 * (1 - beta1);
    const s0 = sign(c0);
    const s1 = sign(c1);
    const nx = x * shrink - lr * s0;
    const ny = y * shrink - lr * s1;
    m0 = m0 * beta2 + g0 * (1 - beta2);
    m1 = m1 * beta2 + g1 * (1 - beta2);
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      cxr[t] = c0;
      cyr[t] = c1;
      dxr[t] = s0;
      dyr[t] = s1;
      shrinkr[t] = shrink;
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
 * `signum` (Bernstein et al. 2018, "signSGD: compressed optimisation for non-convex problems"):
 *   m ← ρ·m + (1−ρ)·g;  x ← x − η·sign(m)
 * With ρ = 0 it is signSGD, x ← x − η·sign(g).
 */
export function runSignum(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, rho } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [mxr, myr] = rec === null ? NO_PAIR : rec.state('m');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  let x = xs[0];
  let y = ys[0];
  let m0 = 0;
  let m1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    m0 = m0 * rho + (1 - rho) * g0;
    m1 = m1 * rho + (1 - rho) * g1;
    const s0 = sign(m0);
    const s1 = sign(m1);
    const nx = x - lr * s0;
    const ny = y - lr * s1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      mxr[t] = m0;
      myr[t] = m1;
      dxr[t] = s0;
      dyr[t] = s1;
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
