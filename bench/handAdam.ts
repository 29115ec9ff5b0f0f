// A plain Adam-on-Rosenbrock loop with no engine code: the yardstick for the engine's own
// speed (issue 12 asks engine ÷ hand-written ≥ 0.9). Same arithmetic as the engine, so the
// two paths are equal to the bit, which the benchmark checks before it believes the timings.

export interface HandRun {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
}

/** Fills `out` (length ≥ steps + 1) with Adam's path on Rosenbrock from (x0, y0). */
export function handAdamRosenbrock(
  out: HandRun,
  steps: number,
  x0: number,
  y0: number,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  beta1Pow: Float64Array,
  beta2Pow: Float64Array,
): void {
  const xs = out.x;
  const ys = out.y;
  const ls = out.loss;
  const w1 = 1 - beta1;
  const c2 = 1 - beta2;
  let x = x0;
  let y = y0;
  let a = 1 - x;
  let b = y - x * x;
  let g0 = -2 * a - 400 * x * b;
  let g1 = 200 * b;
  xs[0] = x;
  ys[0] = y;
  ls[0] = a * a + 100 * b * b;
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = 1; t <= steps; t++) {
    // torch's lerp for the first moment, as the engine does.
    m0 = w1 < 0.5 ? m0 + w1 * (g0 - m0) : g0 - (g0 - m0) * (1 - w1);
    m1 = w1 < 0.5 ? m1 + w1 * (g1 - m1) : g1 - (g1 - m1) * (1 - w1);
    v0 = v0 * beta2 + c2 * g0 * g0;
    v1 = v1 * beta2 + c2 * g1 * g1;
    const stepSize = lr / (1 - beta1Pow[t]);
    const bc2Sqrt = Math.sqrt(1 - beta2Pow[t]);
    x = x - (stepSize * m0) / (Math.sqrt(v0) / bc2Sqrt + eps);
    y = y - (stepSize * m1) / (Math.sqrt(v1) / bc2Sqrt + eps);
    a = 1 - x;
    b = y - x * x;
    g0 = -2 * a - 400 * x * b;
    g1 = 200 * b;
    xs[t] = x;
    ys[t] = y;
    ls[t] = a * a + 100 * b * b;
  }
}
