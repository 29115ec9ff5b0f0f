import { inBounds, NO_PAIR, NOWHERE, syncPosition, type StepLoop } from './loop';

/** The look-ahead gradient's scratch, used only when recording. */
const lookGradient = new Float64Array(2);

/**
 * `sgd`, `momentum` and `nesterov` (torch.optim.SGD):
 *   g ← g + λ·x                                  (weight decay, torch's L2 form; λ = 0: none)
 *   v ← ρ·v + (1 − τ)·g;  x ← x − η·v            (momentum; v = g at the first step)
 *   v ← ρ·v + g;          x ← x − η·(g + ρ·v)    (nesterov; torch requires τ = 0)
 * With ρ = 0 and no look-ahead this is plain SGD, x ← x − η·g.
 *
 * Recording nesterov also gives the classic (Sutskever) look-ahead point x − η·ρ·v, using v
 * before the update, and the surface's gradient there; that gradient has no noise, so drawing
 * it does not consume the noise stream that the path uses.
 */
export function runSgdFamily(loop: StepLoop, mode: 'sgd' | 'momentum' | 'nesterov'): number {
  const { f, n, g, noise, bounds, rec, sync } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const baseLr = loop.p.lr;
  const lrScale = loop.lrScale;
  const rho = mode === 'sgd' ? 0 : loop.p.rho;
  const nesterov = mode === 'nesterov';
  const weightDecay = loop.p.weightDecay;
  // 1 − τ, exactly 1 without dampening, so that the update is the undamped one to the bit.
  const keep = mode === 'momentum' ? 1 - loop.p.dampening : 1;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [vxr, vyr] = rec === null || mode === 'sgd' ? NO_PAIR : rec.state('v');
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const [lxr, lyr] = rec === null || !nesterov ? NO_PAIR : rec.vector('look');
  const [lgxr, lgyr] = rec === null || !nesterov ? NO_PAIR : rec.vector('lookG');
  const [wxr, wyr] = rec === null || weightDecay === 0 ? NO_PAIR : rec.vector('decayedG');
  let x = xs[0];
  let y = ys[0];
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= n; t++) {
    if (noise !== null) noise.beforeStep(f, x, y, g);
    // A schedule scales η step by step (PyTorch's schedulers: the factor for step t).
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    let g0 = g[0];
    let g1 = g[1];
    const rawG0 = g0;
    const rawG1 = g1;
    if (weightDecay !== 0) {
      // torch: d_p.add(param, alpha=weight_decay).
      g0 = g0 + weightDecay * x;
      g1 = g1 + weightDecay * y;
    }
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
      // torch starts the buffer at g itself, undamped; then buf·ρ + (1 − τ)·g.
      v0 = t === 1 ? g0 : rho * v0 + keep * g0;
      v1 = t === 1 ? g1 : rho * v1 + keep * g1;
      if (nesterov) {
        d0 = g0 + rho * v0;
        d1 = g1 + rho * v1;
      } else {
        d0 = v0;
        d1 = v1;
      }
    }
    let nx = x - lr * d0;
    let ny = y - lr * d1;
    if (sync !== null) {
      // Lookahead: every k steps the fast point is pulled back toward the slow one.
      syncPosition[0] = nx;
      syncPosition[1] = ny;
      sync.after(t, syncPosition);
      nx = syncPosition[0];
      ny = syncPosition[1];
    }
    if (rec !== null) {
      gxr[t] = rawG0;
      gyr[t] = rawG1;
      wxr[t] = g0;
      wyr[t] = g1;
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
