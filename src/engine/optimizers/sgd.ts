import { inBounds, NO_PAIR, NOWHERE, type StepLoop } from './loop';

/** The look-ahead gradient's scratch, used only when recording. */
const lookGradient = new Float64Array(2);

/**
 * `sgd`, `momentum` and `nesterov` (torch.optim.SGD with dampening 0):
 *   v ← ρ·v + g;  x ← x − η·v          (momentum)
 *   v ← ρ·v + g;  x ← x − η·(g + ρ·v)  (nesterov)
 * With ρ = 0 and no look-ahead this is plain SGD, x ← x − η·g.
 *
 * Recording nesterov also gives the classic (Sutskever) look-ahead point x − η·ρ·v, using v
 * before the update, and the surface's gradient there; that gradient has no noise, so drawing
 * it does not consume the noise stream that the path uses.
 */
export function runSgdFamily(loop: StepLoop, mode: 'sgd' | 'momentum' | 'nesterov'): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const baseLr = loop.p.lr;
  const lrScale = loop.lrScale;
  const rho = mode === 'sgd' ? 0 : loop.p.rho;
  const nesterov = mode === 'nesterov';
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [vxr, vyr] = rec === null || mode === 'sgd' ? NO_PAIR : rec.state('v');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const [lxr, lyr] = rec === null || !nesterov ? NO_PAIR : rec.vector('look');
  const [lgxr, lgyr] = rec === null || !nesterov ? NO_PAIR : rec.vector('lookG');
  let x = xs[0];
  let y = ys[0];
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.perturb(g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    const g0 = g[0];
    const g1 = g[1];
    if (rec !== null && nesterov) {
      const lx = x - lr * (rho * v0);
      const ly = y - lr * (rho * v1);
      f.valueAndGrad(lx, ly, lookGradient);
      lxr[t] = lx;
      lyr[t] = ly;
      lgxr[t] = lookGradient[0];
      lgyr[t] = lookGradient[1];
    }
    let d0 = g0;
    let d1 = g1;
    if (mode !== 'sgd') {
      v0 = rho * v0 + g0;
      v1 = rho * v1 + g1;
      if (nesterov) {
        d0 = g0 + rho * v0;
        d1 = g1 + rho * v1;
      } else {
        d0 = v0;
        d1 = v1;
      }
    }
    const nx = x - lr * d0;
    const ny = y - lr * d1;
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
      vxr[t] = v0;
      vyr[t] = v1;
      dxr[t] = d0;
      dyr[t] = d1;
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
