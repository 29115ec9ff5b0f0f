import { derivative, parse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileFormula, type CompileMode } from '../../src/engine/formula';
import { HOSTILE_NESTS } from '../fixtures/hostileFormulas';

// The gradient and Hessian come from forward-mode automatic differentiation (derive.ts): checked
// here against mathjs's symbolic derivatives, evaluated by mathjs itself at the same points, and
// on formulas nested so deep that the symbolic route never finishes.

const AGAINST_SYMBOLIC = [
  '(1 - x)^2 + 100 (y - x^2)^2',
  'sin(x y) / (1 + x^2) + cos(y)^3',
  'x^y + y^x',
  '2^(x - y) + (x + 2)^(0.5 y)',
  'tanh(x) * sech(y) + coth(x + 3) - csch(y + 3)',
  'sec(0.4 x) * csc(y + 2) + cot(x + 2)',
  'asin(0.3 x) + acos(0.2 y) + atan(x y) + asinh(x - y) + acosh(3 + x^2) + atanh(0.1 y)',
  'log(2 + x^2) * log10(3 + y^2) + sqrt(5 + x y) + exp(-x^2) * abs(y - 0.3)',
  '-x / (y^2 + 1) - x^-3 + y^-0.5',
  'sin(sin(sin(sin(x + y)))) * exp(exp(0.1 x))',
];

function symbolic(expr: string) {
  const f = parse(expr);
  const fx = derivative(f, 'x');
  const fy = derivative(f, 'y');
  const [fxx, fxy, fyy] = [derivative(fx, 'x'), derivative(fx, 'y'), derivative(fy, 'y')].map((n) => n.compile());
  const [cx, cy] = [fx.compile(), fy.compile()];
  return (x: number, y: number) => [cx, cy, fxx, fxy, fyy].map((c) => Number(c.evaluate({ x, y })));
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-11 * Math.max(1, Math.abs(a), Math.abs(b));

describe.each(['codegen', 'closures'] as CompileMode[])('automatic differentiation (%s)', (mode) => {
  it.each(AGAINST_SYMBOLIC)('%s: the gradient and Hessian equal mathjs’s symbolic ones to rounding', (expr) => {
    const { surface } = compileFormula(expr, { mode, domain: { x: [0.6, 1.7], y: [0.4, 1.6] } });
    const exact = symbolic(expr);
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    let compared = 0;
    for (let i = 0; i < 25; i++) {
      const x = 0.6 + (1.1 * i) / 24;
      const y = 1.6 - (1.2 * ((i * 7) % 25)) / 24;
      surface.valueAndGrad(x, y, g);
      surface.hessian(x, y, h);
      const want = exact(x, y);
      if (!want.every(Number.isFinite)) continue;
      const got = [g[0], g[1], h[0], h[1], h[2]];
      got.forEach((v, k) => expect(close(v, want[k]), `${['fx', 'fy', 'fxx', 'fxy', 'fyy'][k]} at (${x}, ${y}): ${v} vs ${want[k]}`).toBe(true));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it.each(HOSTILE_NESTS.map((n) => [n.name, n.expr, n.refused ?? null] as const))('%s: compiled with exact derivatives, or refused, never stuck', (_name, expr, refused) => {
    if (refused) {
      expect(() => compileFormula(expr, { mode })).toThrow(refused);
      return;
    }
    const { surface, gradient } = compileFormula(expr, { mode, domain: { x: [0.1, 0.9], y: [0.1, 0.9] } });
    // Written out for reading only while short; the runs use the exact values all the same.
    if (gradient) expect(gradient.join('').length).toBeLessThan(20_000);
    const g = new Float64Array(2);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    const [x, y] = [0.37, 0.61];
    const f = surface.valueAndGrad(x, y, g);
    expect(Number.isFinite(f)).toBe(true);
    const d = 1e-6;
    const fdx = (surface.value(x + d, y) - surface.value(x - d, y)) / (2 * d);
    const fdy = (surface.value(x, y + d) - surface.value(x, y - d)) / (2 * d);
    expect(Math.abs(g[0] - fdx)).toBeLessThan(1e-6 * (1 + Math.abs(fdx)));
    expect(Math.abs(g[1] - fdy)).toBeLessThan(1e-6 * (1 + Math.abs(fdy)));
    const h = new Float64Array(3);
    surface.hessian(x, y, h);
    surface.valueAndGrad(x + d, y, gp);
    surface.valueAndGrad(x - d, y, gm);
    expect(Math.abs(h[0] - (gp[0] - gm[0]) / (2 * d))).toBeLessThan(1e-4 * (1 + Math.abs(h[0])));
    expect(Math.abs(h[1] - (gp[1] - gm[1]) / (2 * d))).toBeLessThan(1e-4 * (1 + Math.abs(h[1])));
  });
});
