// How far a mini-batch's gradient strays from the full gradient at one point: each example's
// gradient, and the exact covariance of the mean over B of the N examples drawn without
// replacement (as DataLoader's shuffled batches are), for the picture at the particle.
import { meanLossAndGrad, type ExampleSet } from './models';

const scratch = new Float64Array(2);

/** Each example's gradient at (p, q), into gx[i], gy[i] (arrays of at least `set.count`). */
export function exampleGradients(set: ExampleSet, p: number, q: number, gx: Float64Array, gy: Float64Array): void {
  for (let i = 0; i < set.count; i++) {
    meanLossAndGrad(set, null, i, i + 1, p, q, scratch);
    gx[i] = scratch[0];
    gy[i] = scratch[1];
  }
}

/**
 * From the N examples' gradients: out = [mean x, mean y, cxx, cxy, cyy], the full gradient and
 * the covariance of a batch of `size` examples' mean gradient. With S the examples' covariance
 * (divisor N − 1), that covariance is S·(N − B)/(N·B): 0 for the full batch, S for B = 1 …
 * times (N − 1)/N.
 */
export function batchGradientSpread(gx: Float64Array, gy: Float64Array, n: number, size: number, out: Float64Array): void {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += gx[i];
    my += gy[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = gx[i] - mx;
    const dy = gy[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const b = Math.min(Math.max(size, 1), n);
  const f = n > 1 ? (n - b) / (n * b * (n - 1)) : 0;
  out[0] = mx;
  out[1] = my;
  out[2] = sxx * f;
  out[3] = sxy * f;
  out[4] = syy * f;
}
