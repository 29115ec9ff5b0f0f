import { inBounds, type StepLoop } from './loop';

/**
 * `sgd`, `momentum` and `nesterov` (torch.optim.SGD with dampening 0):
 *   v ← ρ·v + g;  x ← x − η·v          (momentum)
 *   v ← ρ·v + g;  x ← x − η·(g + ρ·v)  (nesterov)
 * With ρ = 0 and no look-ahead this is plain SGD, x ← x − η·g.
 */
export function runSgdFamily(loop: StepLoop, mode: 'sgd' | 'momentum' | 'nesterov'): number {
  const { f, n, g, noise, bounds } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const baseLr = loop.p.lr;
  const lrScale = loop.lrScale;
  const rho = mode === 'sgd' ? 0 : loop.p.rho;
  const nesterov = mode === 'nesterov';
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
