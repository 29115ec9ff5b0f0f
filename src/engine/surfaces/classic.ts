// Classic test functions of the optimization literature, plus a few teaching surfaces
// (bowl, rotated ravine, monkey saddle, plateau). Reference minima are refined with Newton
// at module load (refineMinimum) so that the stored coordinates are exact to double
// precision rather than to the digits the literature prints.

import type { Minimum, Surface } from '../types';
import { defineSurface, learningRates, refineMinimum, refineSaddle, type SurfaceFns } from './define';

const TWO_PI = 2 * Math.PI;
const PI_SQ = Math.PI * Math.PI;

export const bowl: Surface = defineSurface({
  id: 'bowl',
  name: 'Bowl',
  formula: 'x^2 + y^2',
  latex: 'x^2 + y^2',
  value(x: number, y: number): number {
    return x * x + y * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    out[0] = 2 * x;
    out[1] = 2 * y;
    return x * x + y * y;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 2;
    out[1] = 0;
    out[2] = 2;
  },
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [-1.5, 1.2],
  steps: 150,
  defaults: learningRates({
    sgd: 0.05, momentum: 0.01, nesterov: 0.01, adagrad: 0.3, rmsprop: 0.02, adadelta: 5,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.02, asgd: 0.05, newton: 1,
  }),
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
});

// 0.1·u² + 2·v² in coordinates u = (x + y)/√2, v = (x − y)/√2: the ravine turned by 45°.
export const rotatedRavine: Surface = defineSurface({
  id: 'rotated-ravine',
  name: 'Rotated ravine',
  formula: '1.05*x^2 - 1.9*x*y + 1.05*y^2',
  latex: '1.05\\,x^2 - 1.9\\,xy + 1.05\\,y^2',
  value(x: number, y: number): number {
    return 1.05 * (x * x + y * y) - 1.9 * x * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    out[0] = 2.1 * x - 1.9 * y;
    out[1] = 2.1 * y - 1.9 * x;
    return 1.05 * (x * x + y * y) - 1.9 * x * y;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 2.1;
    out[1] = -1.9;
    out[2] = 2.1;
  },
  domain: { x: [-4, 4], y: [-4, 4] },
  start: [-3.5, -2],
  steps: 200,
  defaults: learningRates({
    sgd: 0.45, momentum: 0.04, nesterov: 0.04, adagrad: 0.7, rmsprop: 0.07, adadelta: 10,
    adam: 0.15, amsgrad: 0.15, adamw: 0.15, adamax: 0.5, nadam: 0.15, radam: 0.15, rprop: 0.04, asgd: 0.45, newton: 1,
  }),
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
});

export const booth: Surface = defineSurface({
  id: 'booth',
  name: 'Booth',
  formula: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  latex: '(x + 2y - 7)^2 + (2x + y - 5)^2',
  value(x: number, y: number): number {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    return a * a + b * b;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    out[0] = 2 * a + 4 * b;
    out[1] = 4 * a + 2 * b;
    return a * a + b * b;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 10;
    out[1] = 8;
    out[2] = 10;
  },
  domain: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -6],
  steps: 200,
  // Adadelta's first steps are ~lr·√(10ε) whatever the gradient, so on this wide plot even
  // lr = 10 covers only three quarters of the way: its slow start is visible here.
  defaults: learningRates({
    sgd: 0.01, momentum: 0.005, nesterov: 0.005, adagrad: 1, rmsprop: 0.1, adadelta: 10,
    adam: 0.2, amsgrad: 0.2, adamw: 0.2, adamax: 0.3, nadam: 0.2, radam: 0.2, rprop: 0.1, asgd: 0.01, newton: 1,
  }),
  minima: [{ x: 1, y: 3, f: 0, kind: 'global' }],
});

export const matyas: Surface = defineSurface({
  id: 'matyas',
  name: 'Matyas',
  formula: '0.26*(x^2 + y^2) - 0.48*x*y',
  latex: '0.26\\,(x^2 + y^2) - 0.48\\,xy',
  value(x: number, y: number): number {
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    out[0] = 0.52 * x - 0.48 * y;
    out[1] = 0.52 * y - 0.48 * x;
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
  },
  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = 0.52;
    out[1] = -0.48;
    out[2] = 0.52;
  },
  domain: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -4],
  steps: 300,
  defaults: learningRates({
    sgd: 0.7, momentum: 0.07, nesterov: 0.07, adagrad: 1.5, rmsprop: 0.15, adadelta: 10,
    adam: 0.3, amsgrad: 0.3, adamw: 0.3, adamax: 1, nadam: 0.3, radam: 0.3, rprop: 0.1, asgd: 0.7, newton: 1,
  }),
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
});

const bealeFns: SurfaceFns = {
  value(x: number, y: number): number {
    const y2 = y * y;
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y2;
    const c = 2.625 - x + x * y2 * y;
    return a * a + b * b + c * c;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const y2 = y * y;
    const y3 = y2 * y;
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y2;
    const c = 2.625 - x + x * y3;
    out[0] = 2 * (a * (y - 1) + b * (y2 - 1) + c * (y3 - 1));
    out[1] = 2 * x * (a + 2 * b * y + 3 * c * y2);
    return a * a + b * b + c * c;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    const y2 = y * y;
    const y3 = y2 * y;
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y2;
    const c = 2.625 - x + x * y3;
    // ∂a/∂x, ∂b/∂x, ∂c/∂x; the y-derivatives are x, 2xy, 3xy².
    const ax = y - 1;
    const bx = y2 - 1;
    const cx = y3 - 1;
    const by = 2 * x * y;
    const cy = 3 * x * y2;
    out[0] = 2 * (ax * ax + bx * bx + cx * cx);
    out[1] = 2 * (ax * x + a + bx * by + 2 * b * y + cx * cy + 3 * c * y2);
    out[2] = 2 * (x * x + by * by + 2 * b * x + cy * cy + 6 * c * x * y);
  },
};

export const beale: Surface = defineSurface({
  id: 'beale',
  name: 'Beale',
  formula: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  latex: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
  ...bealeFns,
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  steps: 500,
  // Newton's method heads for the saddle at (0, 1) from here: a lesson, not a bug.
  defaults: learningRates({
    sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 1, rmsprop: 0.02, adadelta: 3,
    adam: 0.15, amsgrad: 0.15, adamw: 0.15, adamax: 0.7, nadam: 0.15, radam: 0.015, rprop: 0.045, asgd: 0.01, newton: 1,
  }),
  minima: [refineMinimum(bealeFns, 3, 0.5, 'global')],
  saddles: [refineSaddle(bealeFns, 0, 1)],
});

const himmelblauFns: SurfaceFns = {
  value(x: number, y: number): number {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
    return a * a + b * b;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 12 * x * x + 4 * y - 42;
    out[1] = 4 * (x + y);
    out[2] = 4 * x + 12 * y * y - 26;
  },
};

export const himmelblau: Surface = defineSurface({
  id: 'himmelblau',
  name: 'Himmelblau',
  formula: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  latex: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  ...himmelblauFns,
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [0.5, 4],
  steps: 300,
  // From here the plain-gradient methods take the nearest minimum (3, 2) and the
  // per-coordinate ones the top-left one: same start, different paths, different answers.
  // Newton's method stops on the saddle between them.
  defaults: learningRates({
    sgd: 0.005, momentum: 0.001, nesterov: 0.001, adagrad: 0.2, rmsprop: 0.02, adadelta: 5,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.05, asgd: 0.005, newton: 1,
  }),
  minima: [
    refineMinimum(himmelblauFns, 3, 2, 'global'),
    refineMinimum(himmelblauFns, -2.805118, 3.131312, 'global'),
    refineMinimum(himmelblauFns, -3.77931, -3.283186, 'global'),
    refineMinimum(himmelblauFns, 3.584428, -1.848126, 'global'),
  ],
  saddles: [
    refineSaddle(himmelblauFns, 0.086678, 2.884255),
    refineSaddle(himmelblauFns, -3.073026, -0.081353),
    refineSaddle(himmelblauFns, 3.385154, 0.073852),
    refineSaddle(himmelblauFns, -0.127961, -1.953715),
  ],
});

const threeHumpFns: SurfaceFns = {
  value(x: number, y: number): number {
    const x2 = x * x;
    return x2 * (2 + x2 * (-1.05 + x2 / 6)) + x * y + y * y;
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const x2 = x * x;
    out[0] = x * (4 + x2 * (-4.2 + x2)) + y;
    out[1] = x + 2 * y;
    return x2 * (2 + x2 * (-1.05 + x2 / 6)) + x * y + y * y;
  },
  hessian(x: number, _y: number, out: Float64Array): void {
    const x2 = x * x;
    out[0] = 4 + x2 * (-12.6 + 5 * x2);
    out[1] = 1;
    out[2] = 2;
  },
};

// On the valley floor y = −x/2 the critical points solve x·(x⁴ − 4.2x² + 3.5) = 0:
// x² = 2.1 ± √0.91, the outer pair minima, the inner pair saddles.
export const threeHumpCamel: Surface = defineSurface({
  id: 'three-hump-camel',
  name: 'Three-hump camel',
  formula: '2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2',
  latex: '2x^2 - 1.05\\,x^4 + \\frac{x^6}{6} + xy + y^2',
  ...threeHumpFns,
  domain: { x: [-2.5, 2.5], y: [-2.5, 2.5] },
  start: [2.2, -2],
  steps: 300,
  // Momentum at 0.02 carries over the hump into the global minimum; the rest settle in
  // the near pocket.
  defaults: learningRates({
    sgd: 0.02, momentum: 0.02, nesterov: 0.01, adagrad: 0.2, rmsprop: 0.02, adadelta: 5,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.025, asgd: 0.02, newton: 1,
  }),
  minima: [
    { x: 0, y: 0, f: 0, kind: 'global' },
    refineMinimum(threeHumpFns, -1.7475, 0.8738, 'local'),
    refineMinimum(threeHumpFns, 1.7475, -0.8738, 'local'),
  ],
  saddles: [refineSaddle(threeHumpFns, -1.0705, 0.5353), refineSaddle(threeHumpFns, 1.0705, -0.5353)],
});

const sixHumpFns: SurfaceFns = {
  value(x: number, y: number): number {
    const x2 = x * x;
    const y2 = y * y;
    return x2 * (4 + x2 * (-2.1 + x2 / 3)) + x * y + y2 * (-4 + 4 * y2);
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = x * (8 + x2 * (-8.4 + 2 * x2)) + y;
    out[1] = x + y * (-8 + 16 * y2);
    return x2 * (4 + x2 * (-2.1 + x2 / 3)) + x * y + y2 * (-4 + 4 * y2);
  },
  hessian(x: number, y: number, out: Float64Array): void {
    const x2 = x * x;
    out[0] = 8 + x2 * (-25.2 + 10 * x2);
    out[1] = 1;
    out[2] = -8 + 48 * y * y;
  },
};

export const sixHumpCamel: Surface = defineSurface({
  id: 'six-hump-camel',
  name: 'Six-hump camel',
  formula: '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
  latex: '\\left(4 - 2.1\\,x^2 + \\frac{x^4}{3}\\right)x^2 + xy + (-4 + 4y^2)\\,y^2',
  ...sixHumpFns,
  domain: { x: [-2, 2], y: [-1.2, 1.2] },
  start: [-1.2, -1],
  steps: 300,
  defaults: learningRates({
    sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 0.1, rmsprop: 0.01, adadelta: 2,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05, rprop: 0.02, asgd: 0.01, newton: 1,
  }),
  minima: [
    refineMinimum(sixHumpFns, 0.0898, -0.7126, 'global'),
    refineMinimum(sixHumpFns, -0.0898, 0.7126, 'global'),
    refineMinimum(sixHumpFns, -1.7036, 0.7961, 'local'),
    refineMinimum(sixHumpFns, 1.7036, -0.7961, 'local'),
    refineMinimum(sixHumpFns, 1.6071, 0.5687, 'local'),
    refineMinimum(sixHumpFns, -1.6071, -0.5687, 'local'),
  ],
});

const styblinskiFns: SurfaceFns = {
  value(x: number, y: number): number {
    const x2 = x * x;
    const y2 = y * y;
    return 0.5 * (x2 * (x2 - 16) + 5 * x + y2 * (y2 - 16) + 5 * y);
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = x * (2 * x2 - 16) + 2.5;
    out[1] = y * (2 * y2 - 16) + 2.5;
    return 0.5 * (x2 * (x2 - 16) + 5 * x + y2 * (y2 - 16) + 5 * y);
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 6 * x * x - 16;
    out[1] = 0;
    out[2] = 6 * y * y - 16;
  },
};

// Separable like local-minima: each coordinate's cubic 2t³ − 16t + 2.5 = 0 has the roots
// ≈ −2.9035 (deeper), 0.1567 (maximum) and 2.7468 (shallower).
export const styblinskiTang: Surface = defineSurface({
  id: 'styblinski-tang',
  name: 'Styblinski–Tang',
  formula: '0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
  latex: '\\tfrac12\\left(x^4 - 16x^2 + 5x + y^4 - 16y^2 + 5y\\right)',
  ...styblinskiFns,
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [4.5, 4],
  steps: 300,
  defaults: learningRates({
    sgd: 0.005, momentum: 0.001, nesterov: 0.001, adagrad: 0.5, rmsprop: 0.05, adadelta: 7,
    adam: 0.1, amsgrad: 0.1, adamw: 0.1, adamax: 0.1, nadam: 0.1, radam: 0.05, rprop: 0.05, asgd: 0.005, newton: 1,
  }),
  minima: [
    refineMinimum(styblinskiFns, -2.9035, -2.9035, 'global'),
    refineMinimum(styblinskiFns, -2.9035, 2.7468, 'local'),
    refineMinimum(styblinskiFns, 2.7468, -2.9035, 'local'),
    refineMinimum(styblinskiFns, 2.7468, 2.7468, 'local'),
  ],
  saddles: [
    refineSaddle(styblinskiFns, 0.1567, -2.9035),
    refineSaddle(styblinskiFns, 0.1567, 2.7468),
    refineSaddle(styblinskiFns, -2.9035, 0.1567),
    refineSaddle(styblinskiFns, 2.7468, 0.1567),
  ],
});

const rastriginFns: SurfaceFns = {
  value(x: number, y: number): number {
    return 20 + x * x + y * y - 10 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y));
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const ax = TWO_PI * x;
    const ay = TWO_PI * y;
    out[0] = 2 * x + 20 * Math.PI * Math.sin(ax);
    out[1] = 2 * y + 20 * Math.PI * Math.sin(ay);
    return 20 + x * x + y * y - 10 * (Math.cos(ax) + Math.cos(ay));
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 2 + 40 * PI_SQ * Math.cos(TWO_PI * x);
    out[1] = 0;
    out[2] = 2 + 40 * PI_SQ * Math.cos(TWO_PI * y);
  },
};

/**
 * The global minimum at the origin and the local minima near every other integer point of
 * [−n, n]², local ones by increasing f. Both egg-crate surfaces (Rastrigin, Ackley) have a
 * local minimum in every cell of the integer lattice; listing them all lets "distance to the
 * nearest minimum" mean something wherever a run gets stuck.
 */
function latticeMinima(fns: SurfaceFns, n: number): Minimum[] {
  const local: Minimum[] = [];
  for (let i = -n; i <= n; i++) {
    for (let j = -n; j <= n; j++) {
      if (i !== 0 || j !== 0) local.push(refineMinimum(fns, i, j, 'local'));
    }
  }
  local.sort((a, b) => a.f - b.f || a.x - b.x || a.y - b.y);
  return [refineMinimum(fns, 0, 0, 'global'), ...local];
}

export const rastrigin: Surface = defineSurface({
  id: 'rastrigin',
  name: 'Rastrigin',
  formula: '20 + x^2 + y^2 - 10*(cos(2*pi*x) + cos(2*pi*y))',
  latex: '20 + x^2 + y^2 - 10\\left(\\cos 2\\pi x + \\cos 2\\pi y\\right)',
  ...rastriginFns,
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [-2.2, 1.8],
  steps: 100,
  // Small rates keep the short slide into the nearest dimple visible; the curvature in a
  // dimple is 2 + 40π² ≈ 397, so SGD is stable only below 0.005. Newton is damped: its full
  // step overshoots the dimple, where the quadratic model no longer holds.
  defaults: learningRates({
    sgd: 0.0005, momentum: 0.0005, nesterov: 0.0005, adagrad: 0.05, rmsprop: 0.005, adadelta: 1,
    adam: 0.02, amsgrad: 0.02, adamw: 0.02, adamax: 0.02, nadam: 0.02, radam: 0.004, rprop: 0.051, asgd: 0.0005, newton: 0.1,
  }),
  minima: latticeMinima(rastriginFns, 5),
});

const ACKLEY_CONST = 20 + Math.E;

// Ackley's cone term −20·exp(−0.2·r) (r = √(½(x² + y²))) is not differentiable at r = 0,
// exactly the global minimum. There we return the gradient 0 (a valid subgradient, and the
// value a stopped optimizer should see) and only the cosine term's Hessian: the cone's true
// curvature is infinite, and a finite positive-definite stand-in keeps Newton's method sane.
const ackleyFns: SurfaceFns = {
  value(x: number, y: number): number {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    return (
      -20 * Math.exp(-0.2 * r) -
      Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y))) +
      ACKLEY_CONST
    );
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const r = Math.sqrt(0.5 * (x * x + y * y));
    const e1 = Math.exp(-0.2 * r);
    const ax = TWO_PI * x;
    const ay = TWO_PI * y;
    const e2 = Math.exp(0.5 * (Math.cos(ax) + Math.cos(ay)));
    const cone = r > 0 ? (2 * e1) / r : 0;
    const wave = Math.PI * e2;
    out[0] = cone * x + wave * Math.sin(ax);
    out[1] = cone * y + wave * Math.sin(ay);
    return -20 * e1 - e2 + ACKLEY_CONST;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    const ax = TWO_PI * x;
    const ay = TWO_PI * y;
    const sx = Math.sin(ax);
    const sy = Math.sin(ay);
    const cx = Math.cos(ax);
    const cy = Math.cos(ay);
    const w = PI_SQ * Math.exp(0.5 * (cx + cy));
    let hxx = w * (2 * cx - sx * sx);
    let hxy = -w * sx * sy;
    let hyy = w * (2 * cy - sy * sy);
    const r = Math.sqrt(0.5 * (x * x + y * y));
    if (r > 0) {
      const e1 = Math.exp(-0.2 * r);
      const diag = (2 * e1) / r;
      const k = (e1 * (0.2 * r + 1)) / (r * r * r);
      hxx += diag - k * x * x;
      hxy -= k * x * y;
      hyy += diag - k * y * y;
    }
    out[0] = hxx;
    out[1] = hxy;
    out[2] = hyy;
  },
};

export const ackley: Surface = defineSurface({
  id: 'ackley',
  name: 'Ackley',
  formula: '-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  latex:
    '-20\\,e^{-0.2\\sqrt{\\frac12(x^2 + y^2)}} - e^{\\frac12(\\cos 2\\pi x + \\cos 2\\pi y)} + e + 20',
  ...ackleyFns,
  domain: { x: [-4, 4], y: [-4, 4] },
  start: [2.6, 3.2],
  steps: 150,
  // Newton's method climbs to a nearby saddle from here (negative curvature): the lesson.
  defaults: learningRates({
    sgd: 0.005, momentum: 0.001, nesterov: 0.001, adagrad: 0.05, rmsprop: 0.005, adadelta: 1,
    adam: 0.02, amsgrad: 0.02, adamw: 0.02, adamax: 0.02, nadam: 0.02, radam: 0.02, rprop: 0.04, asgd: 0.005, lbfgs: 0.5, newton: 0.1,
  }),
  minima: latticeMinima(ackleyFns, 4),
});

const goldsteinPriceFns: SurfaceFns = {
  value(x: number, y: number): number {
    const u = x + y + 1;
    const v = 2 * x - 3 * y;
    const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    return (1 + u * u * p) * (30 + v * v * q);
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const u = x + y + 1;
    const v = 2 * x - 3 * y;
    const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    const a = 1 + u * u * p;
    const b = 30 + v * v * q;
    // ∂p/∂x = ∂p/∂y = 6u − 20, so the first factor has equal partials in x and y; likewise
    // ∂q/∂y = −1.5·∂q/∂x, so the second factor's y-partial is −1.5 times its x-partial.
    const ad = u * (2 * p + u * (6 * u - 20));
    const bx = v * (4 * q + v * (24 * x - 36 * y - 32));
    out[0] = ad * b + a * bx;
    out[1] = ad * b - 1.5 * a * bx;
    return a * b;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    const u = x + y + 1;
    const v = 2 * x - 3 * y;
    const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    const p1 = 6 * u - 20;
    const q1 = 24 * x - 36 * y - 32;
    const a = 1 + u * u * p;
    const b = 30 + v * v * q;
    const ad = u * (2 * p + u * p1);
    const bx = v * (4 * q + v * q1);
    // Second partials of the factors: a's are all equal; b's scale as 1 : −1.5 : 2.25.
    const add = 2 * p + 4 * u * p1 + 6 * u * u;
    const bxx = 8 * q + 8 * v * q1 + 24 * v * v;
    out[0] = add * b + 2 * ad * bx + a * bxx;
    out[1] = add * b - 0.5 * ad * bx - 1.5 * a * bxx;
    out[2] = add * b - 3 * ad * bx + 2.25 * a * bxx;
  },
};

export const goldsteinPrice: Surface = defineSurface({
  id: 'goldstein-price',
  name: 'Goldstein–Price',
  formula:
    '(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))',
  // \big rather than \left…\right: KaTeX cannot break a line inside a \left…\right group, and
  // this formula is wider than the panel; with plain brackets it wraps after + and −.
  latex:
    '\\big[1 + (x + y + 1)^2(19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\big]\\,\\big[30 + (2x - 3y)^2(18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\big]',
  ...goldsteinPriceFns,
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [-1, -1.5],
  steps: 500,
  // SGD needs a tiny rate for the walls (curvature ~5e4 at the start) and then barely moves
  // on the floor near f = 3, while the adaptive methods converge: the surface's lesson.
  // Momentum and Nesterov take the same η as SGD, the learning-rate slider's lowest value
  // (1e-5; ηL ≈ 0.5 at the start, well inside the heavy ball's 2(1 + ρ)).
  defaults: learningRates({
    sgd: 1e-5, momentum: 1e-5, nesterov: 1e-5, adagrad: 0.3, rmsprop: 0.01, adadelta: 3,
    adam: 0.05, amsgrad: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 1e-5, rprop: 0.02, asgd: 1e-05, newton: 1,
  }),
  // Exact rational critical points (f = 3, 30, 84, 840); Newton refinement lands within an
  // ulp of them, so the round values are stored and f is evaluated there.
  minima: (
    [
      [0, -1, 'global'],
      [-0.6, -0.4, 'local'],
      [1.8, 0.2, 'local'],
      [1.2, 0.8, 'local'],
    ] as const
  ).map(([x, y, kind]) => ({ x, y, f: goldsteinPriceFns.value(x, y), kind })),
});

export const monkeySaddle: Surface = defineSurface({
  id: 'monkey-saddle',
  name: 'Monkey saddle',
  formula: 'x^3 - 3*x*y^2',
  latex: 'x^3 - 3xy^2',
  value(x: number, y: number): number {
    return x * (x * x - 3 * y * y);
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const x2 = x * x;
    const y2 = y * y;
    out[0] = 3 * (x2 - y2);
    out[1] = -6 * x * y;
    return x * (x2 - 3 * y2);
  },
  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 6 * x;
    out[1] = -6 * y;
    out[2] = -6 * x;
  },
  domain: { x: [-1.5, 1.5], y: [-1.5, 1.5] },
  // On the ridge along +x, slightly off it: the descent first heads for the flat centre,
  // then the tiny offset carries it down one of the two nearby valleys.
  start: [1.2, 0.05],
  steps: 300,
  // Small rates: the run cannot end at a minimum, so it should reach the valley late and
  // not race off to infinity (momentum at 0.0005 already diverges within 300 steps).
  defaults: learningRates({
    sgd: 0.003, momentum: 0.0003, nesterov: 0.0003, adagrad: 0.03, rmsprop: 0.002,
    adadelta: 0.15, adam: 0.003, amsgrad: 0.003, adamw: 0.003, adamax: 0.005, nadam: 0.003, radam: 0.003, rprop: 0.015, asgd: 0.003,
    newton: 1,
  }),
  // Three valleys falling to −∞: no minimum.
  minima: [],
  // Degenerate (the Hessian vanishes there), so it is stated, not refined by Newton.
  saddles: [[0, 0]],
});

export const plateau: Surface = defineSurface({
  id: 'plateau',
  name: 'Plateau',
  formula: '1 - exp(-(x^2 + y^2)/2)',
  latex: '1 - e^{-(x^2 + y^2)/2}',
  value(x: number, y: number): number {
    return 1 - Math.exp(-0.5 * (x * x + y * y));
  },
  valueAndGrad(x: number, y: number, out: Float64Array): number {
    const e = Math.exp(-0.5 * (x * x + y * y));
    out[0] = x * e;
    out[1] = y * e;
    return 1 - e;
  },
  hessian(x: number, y: number, out: Float64Array): void {
    const e = Math.exp(-0.5 * (x * x + y * y));
    out[0] = (1 - x * x) * e;
    out[1] = -x * y * e;
    out[2] = (1 - y * y) * e;
  },
  domain: { x: [-4, 4], y: [-4, 4] },
  start: [3, 2.5],
  steps: 300,
  // SGD at 1 (the curvature at the minimum is 1) crawls for ~150 steps while the gradient
  // is ~2e-3, then drops in; the adaptive methods move at a steady ~lr per step throughout.
  defaults: learningRates({
    sgd: 1, momentum: 0.1, nesterov: 0.1, adagrad: 0.1, rmsprop: 0.01, adadelta: 1, adam: 0.02,
    amsgrad: 0.02, adamw: 0.02, adamax: 0.03, nadam: 0.02, radam: 0.02, rprop: 0.04, asgd: 1, newton: 1,
  }),
  minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
});
