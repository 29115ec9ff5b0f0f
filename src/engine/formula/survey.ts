// What a typed formula looks like over its domain, from a grid of samples: where f and its
// gradient are finite, the lowest sample, the typical gradient and curvature. A formula nobody
// tuned gets its start and demo step sizes from this survey, and one that is finite almost
// nowhere (1/0, sqrt(-x^2 - y^2)) is refused before it reaches the scene.
import { ASGD_DEMO_T0, hyperparamInfo } from '../hyperparams';
import type { Domain, Hyperparams, OptimizerId, Vec2 } from '../types';
import type { CompiledFormula } from './compile';

/** Samples per axis, minus one: 41 × 41 points, a few hundred microseconds of compiled code. */
const GRID = 40;

/** Below this share of sample points with a finite f and gradient, the surface would be a speck. */
export const MIN_DEFINED_SHARE = 0.01;

export interface DomainSurvey {
  /** Share of sample points where f and both partial derivatives are finite (0 … 1). */
  readonly definedShare: number;
  /** The lowest defined sample, or null when there is none. */
  readonly lowest: Vec2 | null;
  /** Median gradient norm over the defined samples (0 when none). */
  readonly typicalGradient: number;
  /** 90th percentile of the Hessian's spectral radius over the samples (0 when none is finite). */
  readonly curvature: number;
  /** Whether the grid point (i, j) is defined; i along x, j along y, each 0 … GRID. */
  readonly defined: (i: number, j: number) => boolean;
  /** The coordinates of grid point (i, j). */
  readonly at: (i: number, j: number) => Vec2;
  readonly grid: number;
}

export function surveyDomain(f: CompiledFormula, domain: Domain): DomainSurvey {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const n = GRID;
  const at = (i: number, j: number): Vec2 => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n];
  const ok = new Uint8Array((n + 1) * (n + 1));
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const norms: number[] = [];
  const radii: number[] = [];
  let lowest: Vec2 | null = null;
  let lowestValue = Infinity;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const [x, y] = at(i, j);
      const v = f.valueAndGrad(x, y, g);
      if (!(Number.isFinite(v) && Number.isFinite(g[0]) && Number.isFinite(g[1]))) continue;
      ok[i * (n + 1) + j] = 1;
      norms.push(Math.hypot(g[0], g[1]));
      if (v < lowestValue) {
        lowestValue = v;
        lowest = [x, y];
      }
      f.hessian(x, y, h);
      const r = Math.abs((h[0] + h[2]) / 2) + Math.hypot((h[0] - h[2]) / 2, h[1]);
      if (Number.isFinite(r)) radii.push(r);
    }
  }
  norms.sort((a, b) => a - b);
  radii.sort((a, b) => a - b);
  return {
    definedShare: norms.length / ok.length,
    lowest,
    typicalGradient: norms.length ? norms[norms.length >> 1] : 0,
    curvature: radii.length ? radii[Math.floor(radii.length * 0.9)] : 0,
    defined: (i, j) => i >= 0 && j >= 0 && i <= n && j <= n && ok[i * (n + 1) + j] === 1,
    at,
    grid: n,
  };
}

function definedAt(f: CompiledFormula, p: Vec2, g: Float64Array): boolean {
  const v = f.valueAndGrad(p[0], p[1], g);
  return Number.isFinite(v) && Number.isFinite(g[0]) && Number.isFinite(g[1]);
}

/**
 * Where runs start on a typed formula: a fifth in from the top-left corner, where paths have
 * room to travel, or the first point from there toward the centre where f and its gradient are
 * finite (a log barrier is undefined in its corners). When that line never meets the defined
 * region (log(x) + y^2, defined only right of x = 0), the defined sample inside the central
 * three fifths of the plot that lies farthest from the lowest sample: up-slope of the minimum,
 * with the way down in front of it. A point whose grid neighbours are defined too is preferred,
 * so that the first step does not fall straight off the edge of the defined region.
 */
export function startFromSurvey(f: CompiledFormula, domain: Domain, survey: DomainSurvey): Vec2 {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const g = new Float64Array(2);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const corner: Vec2 = [x0 + 0.2 * (x1 - x0), y0 + 0.8 * (y1 - y0)];
  for (let k = 0; k <= 10; k++) {
    const a = k / 10;
    const p: Vec2 = [corner[0] + (cx - corner[0]) * a, corner[1] + (cy - corner[1]) * a];
    if (definedAt(f, p, g)) return p;
  }
  const { lowest, grid: n } = survey;
  if (!lowest) return corner;
  const lo = Math.round(n * 0.2);
  const hi = Math.round(n * 0.8);
  let best: Vec2 | null = null;
  let bestScore = -Infinity;
  for (const wantNeighbours of [true, false]) {
    for (let i = lo; i <= hi; i++) {
      for (let j = lo; j <= hi; j++) {
        if (!survey.defined(i, j)) continue;
        if (wantNeighbours && !(survey.defined(i - 1, j) && survey.defined(i + 1, j) && survey.defined(i, j - 1) && survey.defined(i, j + 1))) continue;
        const p = survey.at(i, j);
        // Farthest from the lowest sample; among equals, nearest the usual top-left corner.
        const score = Math.hypot((p[0] - lowest[0]) / (x1 - x0), (p[1] - lowest[1]) / (y1 - y0)) - 1e-6 * Math.hypot(p[0] - corner[0], p[1] - corner[1]);
        if (score > bestScore) {
          bestScore = score;
          best = p;
        }
      }
    }
    if (best) return best;
  }
  // Defined only near the edges of the plot: the lowest sample itself is still a place to be.
  return lowest;
}

/**
 * Demo hyperparameters for a surface nobody tuned: step sizes from its curvature and size.
 * L, the curvature, is a high percentile of the Hessian's spectral radius over the samples;
 * plain gradient steps stay stable below 2/L, and the adaptive methods move about η per step
 * whatever the gradient, so their η follows the size of the plot. Where the curvature says
 * next to nothing (a plane: L = 0 would give η = ∞), a typical first step of 1/L would cross
 * half the plot: gradient descent then takes steps of about a hundredth of the plot instead.
 * Every suggestion lies inside the learning-rate slider's range.
 */
export function defaultsFromSurvey(survey: DomainSurvey, domain: Domain): Partial<Record<OptimizerId, Partial<Hyperparams>>> {
  const span = Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const { min, max } = hyperparamInfo('lr');
  const nice = (v: number) => Math.min(max, Math.max(min, Number(v.toPrecision(1))));
  const G = survey.typicalGradient;
  const L = survey.curvature;
  let gd: number;
  if (G === 0) gd = span / 150;
  else if (L > 0 && G / L <= span / 2) gd = 1 / L;
  else gd = span / 100 / G;
  const adaptive = nice(span / 150);
  return {
    sgd: { lr: nice(gd) },
    momentum: { lr: nice(gd / 10) },
    nesterov: { lr: nice(gd / 10) },
    adagrad: { lr: nice(span / 15) },
    rmsprop: { lr: adaptive },
    adadelta: { lr: 1 },
    adam: { lr: adaptive },
    amsgrad: { lr: adaptive },
    adamw: { lr: adaptive },
    adamax: { lr: adaptive },
    nadam: { lr: adaptive },
    // RAdam's first steps are momentum steps η·m̂ with no division by √v: an SGD-sized η.
    radam: { lr: Math.min(adaptive, nice(gd)) },
    // Rprop's η is its first step size, in units of x.
    rprop: { lr: nice(span / 100) },
    asgd: { lr: nice(gd), t0: ASGD_DEMO_T0 },
    // On a formula of unknown scale a fixed step of 1 can leap off the plot: the line search
    // picks each step instead.
    lbfgs: { lr: 1, lineSearch: 1 },
    // Sign methods move each coordinate by η, as Rprop's first step.
    lion: { lr: nice(span / 100) },
    signum: { lr: nice(span / 100) },
    shampoo: { lr: nice(span / 15) },
    'schedule-free-adamw': { lr: adaptive },
    sam: { lr: nice(gd / 10) },
    lookahead: { lr: adaptive },
    newton: { lr: 1 },
  };
}
