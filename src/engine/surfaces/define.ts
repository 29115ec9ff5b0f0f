// Construction helpers for the built-in surfaces: a validator that catches authoring
// mistakes at module load (not when a student happens to pick the surface), and a Newton
// refiner so that minima and saddles are stored to full double precision instead of the
// four or six digits that reference tables print.

import {
  OPTIMIZER_IDS,
  type Hyperparams,
  type Minimum,
  type OptimizerId,
  type Surface,
  type Vec2,
} from '../types';
import { ASGD_DEMO_T0, HYPERPARAM_KEYS } from '../hyperparams';

/** The three evaluation methods of a surface, before the metadata is attached. */
export type SurfaceFns = Pick<Surface, 'value' | 'valueAndGrad' | 'hessian'>;

const HYPERPARAM_KEY_SET: ReadonlySet<string> = new Set<string>(HYPERPARAM_KEYS);
const OPTIMIZER_ID_SET: ReadonlySet<string> = new Set<string>(OPTIMIZER_IDS);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Scratch buffers for the refiner only; it runs at module load, never in the step loop.
const grad = new Float64Array(2);
const hess = new Float64Array(3);

function inDomain(s: Pick<Surface, 'domain'>, x: number, y: number): boolean {
  const { domain } = s;
  return x >= domain.x[0] && x <= domain.x[1] && y >= domain.y[0] && y <= domain.y[1];
}

/**
 * Newton's method on ∇f = 0 from a nearby guess. Converges quadratically to whichever
 * critical point the guess lies in the basin of, so the caller states which kind it expects
 * and this throws when the guess landed elsewhere.
 */
function refineCritical(fns: SurfaceFns, x0: number, y0: number, expect: 'min' | 'saddle'): Vec2 {
  let x = x0;
  let y = y0;
  for (let i = 0; i < 100; i++) {
    fns.valueAndGrad(x, y, grad);
    fns.hessian(x, y, hess);
    const det = hess[0] * hess[2] - hess[1] * hess[1];
    if (det === 0 || !Number.isFinite(det)) break;
    const dx = (hess[2] * grad[0] - hess[1] * grad[1]) / det;
    const dy = (hess[0] * grad[1] - hess[1] * grad[0]) / det;
    x -= dx;
    y -= dy;
    // Stop once the step is at the rounding level of the coordinates: further iterations
    // would only bounce between neighbouring doubles.
    if (Math.abs(dx) <= 1e-15 * (1 + Math.abs(x)) && Math.abs(dy) <= 1e-15 * (1 + Math.abs(y))) {
      break;
    }
  }
  fns.hessian(x, y, hess);
  const det = hess[0] * hess[2] - hess[1] * hess[1];
  const ok = expect === 'min' ? det > 0 && hess[0] > 0 : det < 0;
  if (!ok || Math.hypot(x - x0, y - y0) > 0.5) {
    throw new Error(`refineCritical: no ${expect} near (${x0}, ${y0}); reached (${x}, ${y})`);
  }
  return [x, y];
}

/** A minimum near (x0, y0), refined to double precision, with its exact f. */
export function refineMinimum(
  fns: SurfaceFns,
  x0: number,
  y0: number,
  kind: Minimum['kind'],
): Minimum {
  const [x, y] = refineCritical(fns, x0, y0, 'min');
  return { x, y, f: fns.value(x, y), kind };
}

/** A saddle point near (x0, y0), refined to double precision. */
export function refineSaddle(fns: SurfaceFns, x0: number, y0: number): Vec2 {
  return refineCritical(fns, x0, y0, 'saddle');
}

/**
 * Checks a surface's metadata and returns it unchanged. Throws on the mistakes that would
 * otherwise show up only as a broken demo: a start or minimum outside the plot, a global
 * minimum listed after a local one or above it, a misspelt optimizer or hyperparameter.
 */
export function defineSurface<S extends Surface>(s: S): S {
  const fail = (why: string): never => {
    throw new Error(`surface ${s.id}: ${why}`);
  };
  if (!KEBAB.test(s.id)) fail('id is not kebab-case');
  if (!s.name || !s.formula || !s.latex) fail('name, formula and latex must be non-empty');
  const { x, y } = s.domain;
  if (!(x[0] < x[1] && y[0] < y[1])) fail('empty domain');
  if (!inDomain(s, s.start[0], s.start[1])) fail('start outside the domain');
  if (!Number.isInteger(s.steps) || s.steps <= 0) fail('steps must be a positive integer');
  let seenLocal = false;
  let worstGlobal = -Infinity;
  for (const m of s.minima) {
    if (!inDomain(s, m.x, m.y)) fail(`minimum (${m.x}, ${m.y}) outside the domain`);
    if (!Number.isFinite(m.f)) fail('minimum with a non-finite f');
    if (m.kind === 'global') {
      if (seenLocal) fail('global minima must come first');
      worstGlobal = Math.max(worstGlobal, m.f);
    } else {
      seenLocal = true;
      if (m.f < worstGlobal) fail('a local minimum lies below a global one');
    }
  }
  for (const p of s.saddles ?? []) {
    if (!inDomain(s, p[0], p[1])) fail(`saddle (${p[0]}, ${p[1]}) outside the domain`);
  }
  for (const [opt, params] of Object.entries(s.defaults)) {
    if (!OPTIMIZER_ID_SET.has(opt)) fail(`unknown optimizer ${opt}`);
    for (const [key, v] of Object.entries(params ?? {})) {
      if (!HYPERPARAM_KEY_SET.has(key)) fail(`unknown hyperparameter ${opt}.${key}`);
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${opt}.${key} is not a finite number`);
    }
  }
  return s;
}

/**
 * Per-optimizer defaults that set only the learning rate, the one hyperparameter whose good
 * value depends on the surface's scale; the rest keep the optimizer's (PyTorch's) defaults.
 */
export function learningRates(
  table: Readonly<Partial<Record<OptimizerId, number>>>,
): Partial<Record<OptimizerId, Partial<Hyperparams>>> {
  const out: Partial<Record<OptimizerId, Partial<Hyperparams>>> = {};
  // Rules whose demo η follows from another's, unless the table names one: the sign methods move
  // every coordinate by η, like Rprop's first step; Shampoo's first step is AdaGrad's up to a
  // rotation; schedule-free AdamW takes AdamW's η.
  const derived: Partial<Record<OptimizerId, number | undefined>> = {
    lion: table.rprop,
    signum: table.rprop,
    shampoo: table.adagrad,
    'schedule-free-adamw': table.adamw,
    // The wrappers around their default inner rules: SAM around Momentum, Lookahead around Adam.
    sam: table.momentum,
    lookahead: table.adam,
  };
  for (const id of OPTIMIZER_IDS) {
    const lr = table[id] ?? derived[id];
    // ASGD averages from t₀ = 10⁶ in torch, which no demo reaches: demos start it early.
    if (lr !== undefined) out[id] = id === 'asgd' ? { lr, t0: ASGD_DEMO_T0 } : { lr };
  }
  return out;
}
