import { INNER_OPTIMIZERS } from '../hyperparams';
import type { Surface } from '../types';
import { runAdamW } from './adam';
import { NO_PAIR, type Kernel, type StepLoop, type SyncHook } from './loop';
import { runSgdFamily } from './sgd';

// Rules that wrap another rule (the `inner` one, chosen from INNER_OPTIMIZERS): SAM changes the
// gradient the inner rule sees, Lookahead moves its point every k steps. Each runs the inner
// kernel itself, so the inner rule is still written once.

const INNER_KERNELS: Readonly<Record<(typeof INNER_OPTIMIZERS)[number], Kernel>> = {
  sgd: (loop) => runSgdFamily(loop, 'sgd'),
  momentum: (loop) => runSgdFamily(loop, 'momentum'),
  nesterov: (loop) => runSgdFamily(loop, 'nesterov'),
  // Adam is AdamW with λ = 0, bit for bit (x·(1 − η·0) is x): wrapped, it runs AdamW's kernel, so
  // that Adam's own loop, the one the bench holds to a hand-written loop, stays free of the
  // pull-back hook and of SAM's surface. Its weight decay (coupled, in torch) is not offered.
  adam: (loop) => {
    const asAdamW: StepLoop = { ...loop, p: { ...loop.p, weightDecay: 0 } };
    const steps = runAdamW(asAdamW);
    loop.status = asAdamW.status;
    return steps;
  },
  adamw: runAdamW,
};

/** The inner rule's kernel; `inner` is an index into INNER_OPTIMIZERS (checked by the table's limits). */
function innerKernel(inner: number): Kernel {
  const id = INNER_OPTIMIZERS[inner];
  if (id === undefined) throw new RangeError(`inner must be one of ${INNER_OPTIMIZERS.join(', ')}`);
  return INNER_KERNELS[id];
}

/**
 * SAM's ascent: ε̂ = r·g / ‖g‖ with g = ∇f(x), written into `out` (the reference implementation
 * divides by ‖g‖ + 10⁻¹², so a flat point gives no ascent rather than NaN).
 */
function samAscent(radius: number, g0: number, g1: number, out: Float64Array): void {
  const scale = radius / (Math.sqrt(g0 * g0 + g1 * g1) + 1e-12);
  out[0] = g0 * scale;
  out[1] = g1 * scale;
}

const ascent = new Float64Array(2);

/**
 * The surface as SAM's inner rule sees it: f itself, but the gradient taken at the ascent probe
 * x + ε̂ (Foret et al. 2021, Algorithm 1), so the inner step minimises the worst loss within r.
 */
function sharpnessAware(f: Surface, radius: number): Surface {
  return {
    ...f,
    value: (x, y) => f.value(x, y),
    valueAndGrad(x, y, out) {
      const v = f.valueAndGrad(x, y, out);
      samAscent(radius, out[0], out[1], ascent);
      f.valueAndGrad(x + ascent[0], y + ascent[1], out);
      return v;
    },
    hessian: (x, y, out) => f.hessian(x, y, out),
  };
}

const probeGradient = new Float64Array(2);

/**
 * `sam` (Foret et al. 2021, "Sharpness-Aware Minimization"): at each step ε̂ = r·∇f(x)/‖∇f(x)‖,
 * then the inner rule's step with g = ∇f(x + ε̂). The trace records the probe x + ε̂ of each step
 * (`probe`), which the scene draws at the particle.
 */
export function runSam(loop: StepLoop): number {
  const kernel = innerKernel(loop.p.inner);
  const f = loop.f;
  const radius = loop.p.radius;
  const wrapped = sharpnessAware(f, radius);
  // The inner kernel expects g at the start: SAM's.
  wrapped.valueAndGrad(loop.x[0], loop.y[0], loop.g);
  const inner: StepLoop = { ...loop, f: wrapped };
  const steps = kernel(inner);
  loop.status = inner.status;
  const rec = loop.rec;
  if (rec !== null) {
    // The probe of step t, from x_{t−1}: the same arithmetic the wrapped surface did.
    const [pxr, pyr] = rec.vector('probe');
    for (let t = 1; t <= Math.min(steps + 1, loop.n); t++) {
      const x = loop.x[t - 1];
      const y = loop.y[t - 1];
      f.valueAndGrad(x, y, probeGradient);
      samAscent(radius, probeGradient[0], probeGradient[1], ascent);
      pxr[t] = x + ascent[0];
      pyr[t] = y + ascent[1];
    }
  }
  return steps;
}

/**
 * `lookahead` (Zhang et al. 2019, "Lookahead Optimizer: k steps forward, 1 step back", Algorithm 1):
 * the inner rule takes fast steps θ; every k steps the slow weights move φ ← φ + α·(θ − φ) and
 * the fast ones restart there, θ ← φ. The inner rule's state carries on across the restarts (as
 * the authors' implementation does by default). The path is θ; φ is recorded as the state `slow`
 * and drawn dashed, and the fast point before each pull-back as the vector `fast`.
 */
export function runLookahead(loop: StepLoop): number {
  const kernel = innerKernel(loop.p.inner);
  const k = loop.p.syncPeriod;
  const alpha = loop.p.slowStep;
  const rec = loop.rec;
  const [sxr, syr] = rec === null ? NO_PAIR : rec.state('slow');
  const [fxr, fyr] = rec === null ? NO_PAIR : rec.vector('fast');
  let s0 = loop.x[0];
  let s1 = loop.y[0];
  if (rec !== null) {
    // φ starts at the start, not at the recorder's default 0.
    sxr[0] = s0;
    syr[0] = s1;
  }
  const sync: SyncHook = {
    after(t, position) {
      if (rec !== null) {
        fxr[t] = position[0];
        fyr[t] = position[1];
      }
      if (t % k === 0) {
        s0 = s0 + alpha * (position[0] - s0);
        s1 = s1 + alpha * (position[1] - s1);
        position[0] = s0;
        position[1] = s1;
      }
      if (rec !== null) {
        sxr[t] = s0;
        syr[t] = s1;
      }
    },
  };
  // The wrapper has no bias-correction switch (prepareRun keeps it on): an inner Adam corrects.
  const inner: StepLoop = { ...loop, sync };
  const steps = kernel(inner);
  loop.status = inner.status;
  return steps;
}
