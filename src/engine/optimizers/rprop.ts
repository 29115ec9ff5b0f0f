import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

/**
 * `rprop` (torch.optim.Rprop; Riedmiller & Braun 1993, the variant without weight backtracking):
 * each coordinate keeps its own step size h, started at η, and uses only the gradient's sign.
 *   g·g₋ > 0: h ← min(h·η₊, h_max);  g·g₋ < 0: h ← max(h·η₋, h_min) and g ← 0;  else h as is
 *   x ← x − sign(g)·h;  g₋ ← g
 * A sign change skips that coordinate's move for one step (g ← 0), as torch does. A learning-rate
 * schedule changes nothing after the first step: torch reads η only to start h.
 */
export function runRprop(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, etaMinus, etaPlus, stepMin, stepMax } = loop.p;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [pxr, pyr] = rec === null ? NO_PAIR : rec.state('gPrev');
  const [hxr, hyr] = rec === null ? NO_PAIR : rec.state('stepSize');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const [exr, eyr] = rec === null ? NO_PAIR : rec.vector('effLr');
  let x = xs[0];
  let y = ys[0];
  let p0 = 0;
  let p1 = 0;
  const h0start = lrScale === null ? baseLr : baseLr * lrScale[1];
  let h0 = h0start;
  let h1 = h0start;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    let g0 = g[0];
    let g1 = g[1];
    const gx = g0;
    const gy = g1;
    const s0 = Math.sign(g0 * p0);
    const s1 = Math.sign(g1 * p1);
    // torch.clamp_(min, max): the upper bound wins where min > max.
    const f0 = s0 > 0 ? etaPlus : s0 < 0 ? etaMinus : 1;
    const f1 = s1 > 0 ? etaPlus : s1 < 0 ? etaMinus : 1;
    h0 = Math.min(Math.max(h0 * f0, stepMin), stepMax);
    h1 = Math.min(Math.max(h1 * f1, stepMin), stepMax);
    if (f0 === etaMinus) g0 = 0;
    if (f1 === etaMinus) g1 = 0;
    const d0 = Math.sign(g0);
    const d1 = Math.sign(g1);
    const nx = x - d0 * h0;
    const ny = y - d1 * h1;
    p0 = g0;
    p1 = g1;
    if (rec !== null) {
      gxr[t] = gx;
      gyr[t] = gy;
      lrr[t] = lrScale === null ? baseLr : baseLr * lrScale[t];
      pxr[t] = p0;
      pyr[t] = p1;
      hxr[t] = h0;
      hyr[t] = h1;
      dxr[t] = d0;
      dyr[t] = d1;
      exr[t] = h0;
      eyr[t] = h1;
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
