// The four surfaces the course requires (spec/optimizers.md, "The four required surfaces").
// Their formulas are fixed by the spec; only the start, step count and per-optimizer
// defaults are ours to choose.

import type { Surface } from '../types';
import { defineSurface, learningRates, refineMinimum, refineSaddle, type SurfaceFns } from './define';

export const saddle: Surface = defineSurface({
  id: 'saddle',
  name: 'Saddle',
  formula: 'x^2 - y^2',
  latex: 'x^2 - y^2',
  value(x: number, y: number): number {
    return x * x - y * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    out[0] = 2 * x;
    out[1] = -2 * y;
    return x * x - y * y;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 2;
    out[1] = 0;
    out[2] = -2;
  },
  domain: { x: [-2, 2], y: [-2, 2] },
  // Just off the ridge y = 0: the y-gradient −2y starts at 0.002, so SGD first slides into
  // the saddle and only then creeps away (y grows by the factor 1 + 2η per step).
  start: [-1.5, 0.001],
  steps: 300,
  // Rates at which every method reaches the saddle and leaves it within the run without
  // running off to infinity (momentum's escape grows like (1 + 2η/(1 − ρ))ᵗ).
  defaults: learningRates({
    sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 0.05, rmsprop: 0.005, adadelta: 0.03,
    adam: 0.01, amsgrad: 0.01, adamw: 0.01, adamax: 0.01, nadam: 0.01, radam: 0.01, rprop: 0.02, asgd: 0.01, newton: 1,
  }),
  // Unbounded below (f → −∞ along the y-axis): there is no minimum to list.
  minima: [],
  saddles: [[0, 0]],
});

export const ravine: Surface = defineSurface({
  id: 'ravine',
  name: 'Ravine',
  formula: '0.1*x^2 + 2*y^2',
  latex: '0.1\\,x^2 + 2\\,y^2',
  value(x: number, y: number): number {
    return 0.1 * x * x + 2 * y * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    out[0] = 0.2 * x;
    out[1] = 4 * y;
    return 0.1 * x * x + 2 * y * y;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 0.2;
    out[1] = 0;
    out[2] = 4;
  },
  domain: { x: [-5, 5], y: [-2.5, 2.5] },
  // Far along the flat axis and off-centre across the steep one, so that the zig-zag
  // across the ravine and the slow crawl along it both show.
  start: [-4, 1],
  steps: 200,
  // SGD at 0.45, just under 2/4, multiplies y by −0.8 per step: a long visible zig-zag.
  defaults: learningRates({
    sgd: 0.45, momentum: 0.04, nesterov: 0.04, adagrad: 0.5, rmsprop: 0.05, adadelta: 10,
    adam: 0.1, amsgrad: 0.1, adamw: 0.1, adamax: 0.15, nadam: 0.1, radam: 0.1, rprop: 0.05, asgd: 0.45, newton: 1,
  }),
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
});

export const rosenbrock: Surface = defineSurface({
  id: 'rosenbrock',
  name: 'Rosenbrock',
  formula: '(1 - x)^2 + 100*(y - x^2)^2',
  latex: '(1 - x)^2 + 100\\,(y - x^2)^2',
  value(x: number, y: number): number {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const a = 1 - x;
    const b = y - x * x;
    out[0] = -2 * a - 400 * x * b;
    out[1] = 200 * b;
    return a * a + 100 * b * b;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 2 - 400 * y + 1200 * x * x;
    out[1] = -400 * x;
    out[2] = 200;
  },
  domain: { x: [-2, 2], y: [-1, 3] },
  // Rosenbrock's own 1960 start, on the far side of the valley's bend.
  start: [-1.2, 1],
  steps: 1000,
  // The Hessian's largest eigenvalue is ~1500 at the start and ~1000 at the minimum, which
  // caps SGD's stable rate near 0.0013: the slow crawl along the floor is the point. Newton
  // is damped to 0.5 because its full first step leaves the plot (it returns by step 5).
  // RAdam's first few steps are momentum steps η·m̂ with no division by √v, so its η must
  // suit the gradient of ~200 at the start as SGD's does.
  defaults: learningRates({
    sgd: 0.001, momentum: 0.0015, nesterov: 0.001, adagrad: 0.7, rmsprop: 0.005, adadelta: 1,
    adam: 0.1, amsgrad: 0.1, adamw: 0.1, adamax: 0.5, nadam: 0.03, radam: 0.005, rprop: 0.02, asgd: 0.001, newton: 0.5,
  }),
  minima: [{ x: 1, y: 1, f: 0, kind: 'global' }],
});

const localMinimaFns: SurfaceFns = {
  value(x: number, y: number): number {
    const x2 = x * x;
    const y2 = y * y;
    return x2 * (x2 - 2) + y2 * (y2 - 2) + 0.5 * x + 0.3 * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = 4 * x * (x2 - 1) + 0.5;
    out[1] = 4 * y * (y2 - 1) + 0.3;
    return x2 * (x2 - 2) + y2 * (y2 - 2) + 0.5 * x + 0.3 * y;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 12 * x * x - 4;
    out[1] = 0;
    out[2] = 12 * y * y - 4;
  },
};

// f separates into p(x) + q(y) with p' = 4x³ − 4x + 0.5 and q' = 4y³ − 4y + 0.3. Each cubic
// has an outer pair of roots (the 1-D minima) and a middle one (the 1-D maximum), so the
// critical points of f are the 3 × 3 combinations: 4 minima, 4 saddles and 1 maximum.
// The linear tilt makes the left/bottom root deeper, hence the global minimum at bottom-left.
export const localMinima: Surface = defineSurface({
  id: 'local-minima',
  name: 'Local minima',
  formula: 'x^4 + y^4 - 2*x^2 - 2*y^2 + 0.5*x + 0.3*y',
  latex: 'x^4 + y^4 - 2x^2 - 2y^2 + 0.5\\,x + 0.3\\,y',
  ...localMinimaFns,
  domain: { x: [-2, 2], y: [-2, 2] },
  // In the basin of the shallowest minimum: which basin each optimizer ends in is the demo.
  start: [1.6, 1.6],
  steps: 300,
  // Momentum at 0.02 carries over both ridges into the global basin; everything else
  // settles in the start's basin (the shallowest minimum).
  defaults: learningRates({
    sgd: 0.01, momentum: 0.02, nesterov: 0.02, adagrad: 0.1, rmsprop: 0.01, adadelta: 3,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.02, asgd: 0.01, newton: 1,
  }),
  minima: [
    refineMinimum(localMinimaFns, -1.0574, -1.0356, 'global'),
    refineMinimum(localMinimaFns, -1.0574, 0.9601, 'local'),
    refineMinimum(localMinimaFns, 0.9304, -1.0356, 'local'),
    refineMinimum(localMinimaFns, 0.9304, 0.9601, 'local'),
  ],
  saddles: [
    refineSaddle(localMinimaFns, 0.1263, -1.0356),
    refineSaddle(localMinimaFns, 0.1263, 0.9601),
    refineSaddle(localMinimaFns, -1.0574, 0.0752),
    refineSaddle(localMinimaFns, 0.9304, 0.0752),
  ],
});
