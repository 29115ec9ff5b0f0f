import { describe, it, expect } from 'vitest';
import { compile } from 'mathjs';
import { SURFACES, SURFACE_IDS, getSurface } from '../../src/engine/surfaces';
import { HYPERPARAMS, resolveParams, simulateRun } from '../../src/engine';
import { OPTIMIZER_IDS, type Surface } from '../../src/engine/types';

const HYPERPARAM_NAMES: ReadonlySet<string> = new Set(HYPERPARAMS.map((h) => h.key));

// mulberry32: a tiny seeded generator, so that a failing point can be reproduced.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Points where a surface is not differentiable (Ackley's cone tip). Finite differences across
// a kink measure nothing useful, so sample points keep a margin from them.
const KINKS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  ackley: [[0, 0]],
};

function samplePoints(s: Surface, n: number, seed: number): [number, number][] {
  const r = rng(seed);
  const [x0, x1] = s.domain.x;
  const [y0, y1] = s.domain.y;
  const margin = 0.02 * width(s);
  const kinks = KINKS[s.id] ?? [];
  const pts: [number, number][] = [];
  while (pts.length < n) {
    const x = x0 + r() * (x1 - x0);
    const y = y0 + r() * (y1 - y0);
    if (kinks.every(([kx, ky]) => Math.hypot(x - kx, y - ky) > margin)) pts.push([x, y]);
  }
  return pts;
}

function width(s: Surface): number {
  return Math.max(s.domain.x[1] - s.domain.x[0], s.domain.y[1] - s.domain.y[0]);
}

function grad(s: Surface, x: number, y: number): [number, number] {
  const g = new Float64Array(2);
  s.valueAndGrad(x, y, g);
  return [g[0], g[1]];
}

function hess(s: Surface, x: number, y: number): [number, number, number] {
  const h = new Float64Array(3);
  s.hessian(x, y, h);
  return [h[0], h[1], h[2]];
}

/** |a − b| ≤ tol·(1 + |a|), with a readable failure message. */
function expectClose(a: number, b: number, tol: number, what: string): void {
  const ok = Math.abs(a - b) <= tol * (1 + Math.abs(a));
  if (!ok) expect.fail(`${what}: analytic ${a} vs reference ${b} (tol ${tol})`);
}

/**
 * The five-point central difference (f(−2h) − 8f(−h) + 8f(h) − f(2h)) / 12h: truncation error
 * ~h⁴·f⁽⁵⁾/30 and rounding error ~ε·|f|/h. With h at 1e-4 of the plot's width both stay near
 * 1e-9 relative on every surface (Goldstein–Price, whose values reach 1e6, is the worst), so
 * a tolerance of 1e-7 leaves a wide margin while any wrong term still shows as an error of
 * order 1e-3 or more.
 */
function diff(f: (t: number) => number, h: number): number {
  return (f(-2 * h) - 8 * f(-h) + 8 * f(h) - f(2 * h)) / (12 * h);
}

const FD_STEP = 1e-4;
const FD_TOL = 1e-7;
const POINTS = 64;

describe('surface registry', () => {
  it('lists the four required surfaces first, in order', () => {
    expect(SURFACE_IDS.slice(0, 4)).toEqual(['saddle', 'ravine', 'rosenbrock', 'local-minima']);
  });

  it('has at least ten classic surfaces beside the required ones', () => {
    expect(SURFACES.length).toBeGreaterThanOrEqual(14);
  });

  it('has unique kebab-case ids and unique names', () => {
    expect(new Set(SURFACE_IDS).size).toBe(SURFACES.length);
    expect(new Set(SURFACES.map((s) => s.name)).size).toBe(SURFACES.length);
    for (const id of SURFACE_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('looks surfaces up by id', () => {
    for (const s of SURFACES) expect(getSurface(s.id)).toBe(s);
    expect(getSurface('no-such-surface')).toBeUndefined();
    expect(SURFACE_IDS).toEqual(SURFACES.map((s) => s.id));
  });
});

describe('the required surfaces match the spec', () => {
  const saddle = getSurface('saddle')!;
  const ravine = getSurface('ravine')!;
  const rosenbrock = getSurface('rosenbrock')!;
  const localMinima = getSurface('local-minima')!;

  it('saddle: x² − y²', () => {
    expect(saddle.value(2, 1)).toBe(3);
    expect(saddle.value(0, 0)).toBe(0);
    expect(saddle.value(-1, 3)).toBe(-8);
    expect(grad(saddle, 2, 1)).toEqual([4, -2]);
    expect(hess(saddle, 0.3, -0.7)).toEqual([2, 0, -2]);
    expect(saddle.minima).toEqual([]);
    expect(saddle.saddles).toEqual([[0, 0]]);
  });

  it('ravine: 0.1·x² + 2·y²', () => {
    expect(ravine.value(1, 1)).toBeCloseTo(2.1, 15);
    expect(ravine.value(-4, 1)).toBeCloseTo(3.6, 15);
    expect(ravine.value(10, 0)).toBeCloseTo(10, 14);
    const [gx, gy] = grad(ravine, 1, 1);
    expect(gx).toBeCloseTo(0.2, 15);
    expect(gy).toBe(4);
    expect(hess(ravine, 5, -2)).toEqual([0.2, 0, 4]);
    expect(ravine.minima).toEqual([{ x: 0, y: 0, f: 0, kind: 'global' }]);
  });

  it('rosenbrock: (1 − x)² + 100·(y − x²)², minimum (1, 1)', () => {
    expect(rosenbrock.value(0, 0)).toBe(1);
    expect(rosenbrock.value(1, 1)).toBe(0);
    expect(rosenbrock.value(-1, 1)).toBe(4);
    expect(rosenbrock.value(2, 0)).toBe(1601);
    expect(rosenbrock.value(-1.2, 1)).toBeCloseTo(24.2, 12);
    expect(grad(rosenbrock, 0, 0)).toEqual([-2, 0]);
    expect(grad(rosenbrock, 1, 1).map(Math.abs)).toEqual([0, 0]);
    expect(grad(rosenbrock, 1, 0)).toEqual([400, -200]);
    expect(hess(rosenbrock, 1, 1)).toEqual([802, -400, 200]);
    expect(rosenbrock.minima).toEqual([{ x: 1, y: 1, f: 0, kind: 'global' }]);
  });

  it('local-minima: x⁴ + y⁴ − 2x² − 2y² + 0.5x + 0.3y', () => {
    expect(localMinima.value(0, 0)).toBe(0);
    expect(localMinima.value(1, 1)).toBeCloseTo(-1.2, 14);
    expect(localMinima.value(-1, -1)).toBeCloseTo(-2.8, 14);
    expect(localMinima.value(1, 0)).toBeCloseTo(-0.5, 14);
    expect(localMinima.value(2, -2)).toBeCloseTo(16 + 16 - 8 - 8 + 1 - 0.6, 13);
    const [gx, gy] = grad(localMinima, 0, 0);
    expect(gx).toBe(0.5);
    expect(gy).toBe(0.3);
    expect(hess(localMinima, 1, -1)).toEqual([8, 0, 8]);
  });

  it('local-minima: the four minima of the spec, to full precision', () => {
    const expected = [
      { x: -1.0574, y: -1.0356, kind: 'global' },
      { x: -1.0575, y: 0.9601, kind: 'local' },
      { x: 0.9304, y: -1.0356, kind: 'local' },
      { x: 0.9304, y: 0.9601, kind: 'local' },
    ];
    expect(localMinima.minima).toHaveLength(4);
    localMinima.minima.forEach((m, i) => {
      // The spec prints −1.0575 once and −1.0574 once for the same root (−1.05745…).
      expect(Math.abs(m.x - expected[i].x)).toBeLessThan(1.5e-4);
      expect(Math.abs(m.y - expected[i].y)).toBeLessThan(1e-4);
      expect(m.kind).toBe(expected[i].kind);
      // Each coordinate is a root of its cubic to the last bits.
      expect(Math.abs(4 * m.x ** 3 - 4 * m.x + 0.5)).toBeLessThan(1e-14);
      expect(Math.abs(4 * m.y ** 3 - 4 * m.y + 0.3)).toBeLessThan(1e-14);
    });
    expect(localMinima.minima[0].f).toBeCloseTo(-2.8202, 4);
  });
});

/** The surfaces with no minimum to list (README: "unbounded below"). */
const UNBOUNDED_BELOW = ['saddle', 'monkey-saddle'];

describe.each(SURFACES.map((s) => [s.id, s] as const))('surface %s', (_id, s) => {
  const pts = samplePoints(s, POINTS, 0x5eed + s.id.length * 7919);
  const h = FD_STEP * width(s);

  it('has its metadata', () => {
    expect(s.name.length).toBeGreaterThan(0);
    expect(s.formula.trim().length).toBeGreaterThan(0);
    expect(s.latex.trim().length).toBeGreaterThan(0);
    // What it teaches is UI text (i18n, by id): panelMessages.test.ts checks it in both languages.
    expect(s.about).toBeUndefined();
    expect(Number.isInteger(s.steps) && s.steps > 0).toBe(true);
    expect(s.domain.x[0]).toBeLessThan(s.domain.x[1]);
    expect(s.domain.y[0]).toBeLessThan(s.domain.y[1]);
  });

  it('has a plain-text formula that mathjs evaluates to value()', () => {
    const expr = compile(s.formula);
    for (const [x, y] of pts) {
      const v = expr.evaluate({ x, y }) as unknown;
      expect(typeof v).toBe('number');
      expectClose(s.value(x, y), v as number, 1e-12, `formula at (${x}, ${y})`);
    }
  });

  it('returns from valueAndGrad the same f as value()', () => {
    const g = new Float64Array(2);
    for (const [x, y] of pts) {
      const f = s.valueAndGrad(x, y, g);
      expect(Number.isFinite(f) && Number.isFinite(g[0]) && Number.isFinite(g[1])).toBe(true);
      expectClose(f, s.value(x, y), 1e-14, `f at (${x}, ${y})`);
    }
  });

  it('has an exact gradient (five-point central differences at 64 seeded points)', () => {
    for (const [x, y] of pts) {
      const [gx, gy] = grad(s, x, y);
      const fdx = diff((t) => s.value(x + t, y), h);
      const fdy = diff((t) => s.value(x, y + t), h);
      expectClose(gx, fdx, FD_TOL, `∂f/∂x at (${x}, ${y})`);
      expectClose(gy, fdy, FD_TOL, `∂f/∂y at (${x}, ${y})`);
    }
  });

  it('has an exact Hessian (central differences of the gradient at 64 seeded points)', () => {
    for (const [x, y] of pts) {
      const [hxx, hxy, hyy] = hess(s, x, y);
      expect(Number.isFinite(hxx) && Number.isFinite(hxy) && Number.isFinite(hyy)).toBe(true);
      const fxx = diff((t) => grad(s, x + t, y)[0], h);
      const fyx = diff((t) => grad(s, x + t, y)[1], h);
      const fxy = diff((t) => grad(s, x, y + t)[0], h);
      const fyy = diff((t) => grad(s, x, y + t)[1], h);
      expectClose(hxx, fxx, FD_TOL, `fxx at (${x}, ${y})`);
      expectClose(hxy, fyx, FD_TOL, `fxy (∂/∂x of fy) at (${x}, ${y})`);
      expectClose(hxy, fxy, FD_TOL, `fxy (∂/∂y of fx) at (${x}, ${y})`);
      expectClose(hyy, fyy, FD_TOL, `fyy at (${x}, ${y})`);
    }
  });

  it('keeps its start, minima and saddles inside the domain', () => {
    const inside = (x: number, y: number) =>
      x >= s.domain.x[0] && x <= s.domain.x[1] && y >= s.domain.y[0] && y <= s.domain.y[1];
    expect(inside(s.start[0], s.start[1])).toBe(true);
    for (const m of s.minima) expect(inside(m.x, m.y)).toBe(true);
    for (const p of s.saddles ?? []) expect(inside(p[0], p[1])).toBe(true);
  });

  it('lists true minima: zero gradient, positive-definite Hessian, the stated f', () => {
    // "Zero" relative to how steep the surface is elsewhere in its domain.
    const gScale = Math.max(...pts.map(([x, y]) => Math.hypot(...grad(s, x, y))));
    for (const m of s.minima) {
      const [gx, gy] = grad(s, m.x, m.y);
      expect(Math.hypot(gx, gy)).toBeLessThanOrEqual(1e-12 * gScale);
      const [hxx, hxy, hyy] = hess(s, m.x, m.y);
      expect(hxx).toBeGreaterThan(0);
      expect(hxx * hyy - hxy * hxy).toBeGreaterThan(0);
      expectClose(m.f, s.value(m.x, m.y), 1e-12, `f at minimum (${m.x}, ${m.y})`);
    }
  });

  it('lists global minima first, all equally deep and below every local one', () => {
    const kinds = s.minima.map((m) => m.kind);
    const firstLocal = kinds.indexOf('local');
    if (firstLocal >= 0) expect(kinds.slice(firstLocal).every((k) => k === 'local')).toBe(true);
    const globals = s.minima.filter((m) => m.kind === 'global');
    if (s.minima.length > 0) expect(globals.length).toBeGreaterThan(0);
    const fg = Math.max(...globals.map((m) => m.f));
    for (const m of globals) expectClose(m.f, fg, 1e-12, 'global minima values');
    for (const m of s.minima) if (m.kind === 'local') expect(m.f).toBeGreaterThan(fg);
  });

  it('has no sampled point below its global minimum, or lists none because it is unbounded below', () => {
    if (s.minima.length === 0) {
      // Falling without bound: further out along some direction, always lower.
      expect(UNBOUNDED_BELOW).toContain(s.id);
      const lowest = (r: number) => Math.min(...Array.from({ length: 72 }, (_, i) => s.value(r * Math.cos((i * Math.PI) / 36), r * Math.sin((i * Math.PI) / 36))));
      expect(lowest(1e3)).toBeLessThan(-1e5);
      expect(lowest(1e6)).toBeLessThan(lowest(1e3));
      return;
    }
    const fg = s.minima[0].f;
    const many = samplePoints(s, 4000, 0xface);
    for (const [x, y] of many) expect(s.value(x, y)).toBeGreaterThanOrEqual(fg);
  });

  it('lists true saddles: zero gradient, a Hessian that is not definite', () => {
    const gScale = Math.max(...pts.map(([x, y]) => Math.hypot(...grad(s, x, y))));
    for (const [x, y] of s.saddles ?? []) {
      expect(Math.hypot(...grad(s, x, y))).toBeLessThanOrEqual(1e-12 * gScale);
      const [hxx, hxy, hyy] = hess(s, x, y);
      expect(hxx * hyy - hxy * hxy).toBeLessThanOrEqual(0);
    }
  });

  it('names only real optimizers and hyperparameters in its defaults', () => {
    const optimizers = new Set<string>(OPTIMIZER_IDS);
    for (const [opt, params] of Object.entries(s.defaults)) {
      expect(optimizers.has(opt)).toBe(true);
      for (const [key, v] of Object.entries(params ?? {})) {
        expect(HYPERPARAM_NAMES.has(key)).toBe(true);
        expect(Number.isFinite(v) && (v as number) >= 0).toBe(true);
      }
    }
    for (const params of Object.values(s.defaults)) {
      if (params?.lr !== undefined) expect(params.lr).toBeGreaterThan(0);
    }
  });

  // A demo default outside its slider would put the thumb at an end that does not say the
  // value, and the first touch would jump the run to another one.
  it('gives every optimizer demo hyperparameters inside the sliders’ ranges', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      const params = resolveParams(s, optimizer);
      for (const h of HYPERPARAMS) {
        const v = params[h.key];
        expect(v, `${s.id}/${optimizer} ${h.key}`).toBeGreaterThanOrEqual(h.min);
        expect(v, `${s.id}/${optimizer} ${h.key}`).toBeLessThanOrEqual(h.max);
      }
    }
  });
});

// Newton's method heads for the nearest critical point whatever its kind; on these two
// surfaces the default start sees negative curvature, so it climbs. That is the lesson.
const CLIMBS = new Set(['plateau/newton', 'ackley/newton']);
// Rprop's steps grow by η₊ each step while the gradient keeps its sign: on a surface without a
// floor (the saddles) it leaves the plot for good, which the demo shows as a divergence.
// L-BFGS, like any quasi-Newton method, turns the negative curvature into long steps down it.
const LEAVES = new Set(['saddle/rprop', 'monkey-saddle/rprop', 'saddle/lbfgs', 'monkey-saddle/lbfgs']);

describe('default demos', () => {
  it.each(SURFACES.map((s) => [s.id, s] as const))(
    '%s: every optimizer runs its default demo without diverging',
    (_id, s) => {
      for (const optimizer of OPTIMIZER_IDS) {
        const t = simulateRun({ surface: s, optimizer });
        if (LEAVES.has(`${s.id}/${optimizer}`)) {
          expect(t.status, `${s.id}/${optimizer}`).toBe('diverged');
          continue;
        }
        expect(t.status, `${s.id}/${optimizer}`).toBe('ok');
        expect(t.steps).toBe(s.steps);
        if (!CLIMBS.has(`${s.id}/${optimizer}`)) {
          expect(t.loss[t.steps], `${s.id}/${optimizer} final loss`).toBeLessThan(t.loss[0]);
        }
      }
    },
  );
});
