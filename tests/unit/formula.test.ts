import { describe, expect, it } from 'vitest';
import { HYPERPARAMS, getSurface, simulateRun, type HyperparamKey } from '../../src/engine';
import { FORMULA_EXAMPLES, FormulaError, compileFormula, type CompileMode } from '../../src/engine/formula';

// Formulas whose derivatives are checked against central finite differences, on both
// compilers. Each exercises a different part of the grammar.
const FORMULAS = [
  'x^2 + 3y^2',
  '(1 - x)^2 + 100 (y - x^2)^2',
  'sin(x) * cos(y)',
  'exp(-(x^2 + y^2) / 2)',
  'x^4 + y^4 - 2x^2 - 2y^2 + 0.5x + 0.3y',
  'log(1 + x^2 + y^2)',
  'sqrt(1 + x^2 + 2y^2)',
  'tanh(x y) + atan(x - y)',
  'x^3 - 3 x y^2',
  '2x / (1 + y^2)',
  'cosh(0.5x) + sinh(0.3y)',
  'e^(0.3x) + pi * y^2',
  '-x^2 + +y^2',
  'abs(x - 0.1) + abs(y + 0.2)',
  'sec(0.3x) + csc(y + 2) + cot(y + 2)',
  'asinh(x) + acosh(2 + y^2) + atanh(0.3 sin(x))',
  'log10(2 + x^2) * asin(0.2y) + acos(0.3x)',
  '3(y - 1)^2 + 2x(x + 1)',
  'x^-2 + y^0.5',
  '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
];

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(['codegen', 'closures'] as CompileMode[])('compiled formulas (%s)', (mode) => {
  it.each(FORMULAS)('%s: gradient and Hessian match finite differences', (expr) => {
    const { surface: s } = compileFormula(expr, { mode, domain: { x: [0.6, 1.7], y: [0.4, 1.6] } });
    const rand = mulberry(expr.length * 7919);
    const g = new Float64Array(2);
    const gp = new Float64Array(2);
    const gm = new Float64Array(2);
    const h = new Float64Array(3);
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const x = 0.6 + 1.1 * rand();
      const y = 0.4 + 1.2 * rand();
      const f = s.valueAndGrad(x, y, g);
      if (!Number.isFinite(f)) continue;
      expect(s.value(x, y)).toBe(f);
      const d = 1e-5;
      const fdx = (s.value(x + d, y) - s.value(x - d, y)) / (2 * d);
      const fdy = (s.value(x, y + d) - s.value(x, y - d)) / (2 * d);
      const scale = 1 + Math.abs(f) / 1e-3;
      expect(Math.abs(g[0] - fdx), `∂f/∂x at (${x}, ${y})`).toBeLessThan(1e-6 * scale + 1e-6 * Math.abs(g[0]));
      expect(Math.abs(g[1] - fdy), `∂f/∂y at (${x}, ${y})`).toBeLessThan(1e-6 * scale + 1e-6 * Math.abs(g[1]));
      s.hessian(x, y, h);
      s.valueAndGrad(x + d, y, gp);
      s.valueAndGrad(x - d, y, gm);
      const hxx = (gp[0] - gm[0]) / (2 * d);
      const hxy = (gp[1] - gm[1]) / (2 * d);
      s.valueAndGrad(x, y + d, gp);
      s.valueAndGrad(x, y - d, gm);
      const hyy = (gp[1] - gm[1]) / (2 * d);
      const tol = (v: number) => 1e-5 * (1 + Math.abs(v));
      expect(Math.abs(h[0] - hxx)).toBeLessThan(tol(hxx));
      expect(Math.abs(h[1] - hxy)).toBeLessThan(tol(hxy));
      expect(Math.abs(h[2] - hyy)).toBeLessThan(tol(hyy));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('compiled formulas and the built-in surfaces agree', () => {
  it.each(['rosenbrock', 'beale', 'himmelblau', 'goldstein-price', 'six-hump-camel', 'rastrigin', 'styblinski-tang'])('%s', (id) => {
    const builtin = getSurface(id);
    if (!builtin) throw new Error(id);
    const { surface } = compileFormula(builtin.formula, { domain: builtin.domain });
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    const rand = mulberry(id.length);
    for (let i = 0; i < 50; i++) {
      const x = builtin.domain.x[0] + (builtin.domain.x[1] - builtin.domain.x[0]) * rand();
      const y = builtin.domain.y[0] + (builtin.domain.y[1] - builtin.domain.y[0]) * rand();
      const fa = surface.valueAndGrad(x, y, a);
      const fb = builtin.valueAndGrad(x, y, b);
      const tol = (v: number) => 1e-11 * (1 + Math.abs(v));
      expect(Math.abs(fa - fb)).toBeLessThan(tol(fb));
      expect(Math.abs(a[0] - b[0])).toBeLessThan(tol(b[0]) * 100);
      expect(Math.abs(a[1] - b[1])).toBeLessThan(tol(b[1]) * 100);
    }
    // And the same optimizer path, to many digits.
    const p1 = simulateRun({ surface, optimizer: 'adam', params: { lr: 0.01 }, start: builtin.start, steps: 100 });
    const p2 = simulateRun({ surface: builtin, optimizer: 'adam', params: { lr: 0.01 }, start: builtin.start, steps: 100 });
    expect(p1.x[100]).toBeCloseTo(p2.x[100], 8);
    expect(p1.y[100]).toBeCloseTo(p2.y[100], 8);
  });
});

// Hostile or broken input, each with the exact reason it is refused (mathjs keeps such a list).
const REFUSED: ReadonlyArray<readonly [string, string, string]> = [
  ['', 'empty', 'the formula is empty'],
  ['   ', 'empty', 'the formula is empty'],
  ['(x + 1))', 'unexpected', "unexpected ')' at character 8"],
  ['x + )', 'unexpected', "unexpected ')' at character 5"],
  ['2 +* 3', 'unexpected', "unexpected '*' at character 4"],
  ['x²', 'unexpected', "unexpected '²' at character 2"],
  ['(x', 'unexpectedEnd', "missing ')' at the end of the formula"],
  ['x +', 'unexpectedEnd', 'the formula ends too soon: something is missing at the end'],
  ['z^2', 'unknownVariable', 'unknown variable z: the variables are x and y'],
  ['x + a', 'unknownVariable', 'unknown variable a: the variables are x and y'],
  ['5 cm', 'unknownVariable', 'unknown variable cm: the variables are x and y'],
  ['foo(x)', 'unknownFunction', 'unknown function foo'],
  ['import({}, {override: true})', 'unknownFunction', 'unknown function import'],
  ['createUnit("foo")', 'unknownFunction', 'unknown function createUnit'],
  ['evaluate("1+1")', 'unknownFunction', 'unknown function evaluate'],
  ['parse("x")', 'unknownFunction', 'unknown function parse'],
  ['simplify("x")', 'unknownFunction', 'unknown function simplify'],
  ['derivative("x", "x")', 'unknownFunction', 'unknown function derivative'],
  ['max(x, y)', 'unknownFunction', 'unknown function max'],
  ['sin x', 'functionWithoutParentheses', 'sin is a function: write sin(x)'],
  ['exp', 'functionWithoutParentheses', 'exp is a function: write exp(x)'],
  ['sin(x, y)', 'wrongArgumentCount', 'sin takes one argument, got 2'],
  ['log(x, 2)', 'wrongArgumentCount', 'log takes one argument, got 2'],
  ['"abc"', 'notAllowed', 'not allowed in a formula: strings.'],
  ['[1, 2]', 'notAllowed', 'not allowed in a formula: matrices.'],
  ['{a: 1}', 'notAllowed', 'not allowed in a formula: objects.'],
  ['f(x) = x^2', 'notAllowed', 'not allowed in a formula: function definitions.'],
  ['a = 2', 'notAllowed', 'not allowed in a formula: assignments.'],
  ['x.constructor', 'notAllowed', 'not allowed in a formula: property access.'],
  ['x["constructor"]', 'notAllowed', 'not allowed in a formula: property access.'],
  ['x ? 1 : 2', 'notAllowed', 'not allowed in a formula: conditionals.'],
  ['1:3', 'notAllowed', 'not allowed in a formula: ranges.'],
  ['x; y', 'notAllowed', 'not allowed in a formula: several expressions.'],
  ['x == y', 'notAllowed', 'not allowed in a formula: comparisons.'],
  ['x < y', 'notAllowed', 'not allowed in a formula: comparisons.'],
  ['x!', 'notAllowed', 'not allowed in a formula: factorial (!).'],
  ["x'", 'notAllowed', "not allowed in a formula: transpose (')."],
  ['x mod 2', 'notAllowed', 'not allowed in a formula: mod.'],
  ['x and y', 'notAllowed', 'not allowed in a formula: logic.'],
  ['x to cm', 'notAllowed', 'not allowed in a formula: unit conversion.'],
  ['x .* y', 'notAllowed', 'not allowed in a formula: element-wise operators.'],
  ['x'.repeat(2001), 'tooLong', 'the formula is longer than 2000 characters'],
  ['sin('.repeat(101) + 'x' + ')'.repeat(101), 'tooDeep', 'brackets nest more than 100 deep at character 404'],
  ['('.repeat(300) + 'x' + ')'.repeat(300), 'tooDeep', 'brackets nest more than 100 deep at character 101'],
];

describe('the grammar refuses everything but arithmetic of x and y', () => {
  it.each(REFUSED)('%j is refused (%s)', (expr, code, message) => {
    let error: unknown;
    try {
      compileFormula(expr);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    const fe = error as FormulaError;
    expect(fe.code).toBe(code);
    expect(fe.message.startsWith(message), fe.message).toBe(true);
  });

  it('accepts implicit multiplication, unary minus, pi and e', () => {
    const { surface } = compileFormula('2x + 3(y - 1) - -pi + e');
    expect(surface.value(1, 2)).toBeCloseTo(2 + 3 + Math.PI + Math.E, 14);
  });

  it('the generated code holds nothing of the user text but numbers and x, y', () => {
    // A number that prints differently must not smuggle text; constants are re-printed by us.
    const { surface } = compileFormula('1e3 x + 0.5e-1 y', { mode: 'codegen' });
    expect(surface.value(1, 1)).toBeCloseTo(1000.05, 12);
    expect(String(surface.valueAndGrad)).not.toContain('1e3');
  });

  it('undefined points give NaN, and a run that steps there stops as diverged', () => {
    const { surface } = compileFormula('log(x) + y^2', { domain: { x: [-1, 2], y: [-1, 1] } });
    expect(Number.isNaN(surface.value(-0.5, 0))).toBe(true);
    const run = simulateRun({ surface, optimizer: 'sgd', params: { lr: 1 }, start: [0.5, 0.5], steps: 10 });
    expect(run.status).toBe('diverged');
    expect(Number.isFinite(run.loss[run.steps])).toBe(true);
  });

  it('the examples compile', () => {
    for (const ex of FORMULA_EXAMPLES) {
      const { surface } = compileFormula(ex.expr, { domain: ex.domain });
      expect(Number.isFinite(surface.value((ex.domain.x[0] + ex.domain.x[1]) / 3, (ex.domain.y[0] + ex.domain.y[1]) / 3))).toBe(true);
    }
  });

  it('a domain with min ≥ max is refused', () => {
    expect(() => compileFormula('x', { domain: { x: [1, 1], y: [0, 1] } })).toThrow(/domain/);
  });
});

describe('a formula must be finite somewhere worth showing', () => {
  it.each([
    ['1/0', 'nowhereFinite'],
    ['log(-x^2 - 1)', 'nowhereFinite'],
    ['0/0 + x', 'nowhereFinite'],
    // Finite only at the origin (one sample of the grid), or on a speck around it.
    ['sqrt(-x^2 - y^2)', 'nowhereFinite'],
    ['sqrt(0.01 - x^2 - y^2)', 'almostNowhereFinite'],
  ])('%j is refused (%s) with the domain in its message', (expr, code) => {
    let error: unknown;
    try {
      compileFormula(expr);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).code).toBe(code);
    expect((error as FormulaError).params).toEqual({ x0: -3, x1: 3, y0: -3, y1: 3 });
    expect((error as FormulaError).message).toContain('x in [-3, 3], y in [-3, 3]');
  });

  it('a domain where the formula is undefined is refused too, the same formula elsewhere is not', () => {
    expect(() => compileFormula('log(x)', { domain: { x: [-3, -1], y: [-1, 1] } })).toThrow(FormulaError);
    expect(() => compileFormula('log(x)', { domain: { x: [1, 3], y: [-1, 1] } })).not.toThrow();
  });

  it('formulas undefined on part of the plot are kept (a log barrier, a half plane, a disc)', () => {
    expect(() => compileFormula('x^2 + y^2 - log(1 - x^2 - y^2)', { domain: { x: [-1.2, 1.2], y: [-1.2, 1.2] } })).not.toThrow();
    expect(() => compileFormula('log(x) + y^2')).not.toThrow();
    expect(() => compileFormula('sqrt(1 - x^2 - y^2)')).not.toThrow();
  });
});

describe('where runs start on a typed formula', () => {
  const finiteAt = (expr: string, p: readonly [number, number], domain?: { x: [number, number]; y: [number, number] }) => {
    const { surface } = compileFormula(expr, domain ? { domain } : {});
    const g = new Float64Array(2);
    const v = surface.valueAndGrad(p[0], p[1], g);
    return Number.isFinite(v) && Number.isFinite(g[0]) && Number.isFinite(g[1]);
  };

  it('keeps the usual start, a fifth in from the top-left corner, where f is defined there', () => {
    expect(compileFormula('x^2 + 3y^2').surface.start).toEqual([expect.closeTo(-1.8, 12), expect.closeTo(1.8, 12)]);
  });

  it('log(x) + y^2 starts where f and its gradient are finite, up-slope of the minimum', () => {
    const { surface } = compileFormula('log(x) + y^2');
    const [x, y] = surface.start;
    expect(x).toBeGreaterThan(0);
    expect(finiteAt('log(x) + y^2', surface.start)).toBe(true);
    // Up-slope: well above the lowest values (near x = 0, y = 0), inside the plot.
    expect(surface.value(x, y)).toBeGreaterThan(1);
    expect(Math.abs(x)).toBeLessThanOrEqual(2.4);
    expect(Math.abs(y)).toBeLessThanOrEqual(2.4);
    // And a plain gradient step from there goes somewhere: the run does not stop at step 1.
    const run = simulateRun({ surface, optimizer: 'adam', steps: 20 });
    expect(run.steps).toBe(20);
  });

  it.each(['log(x y)', 'sqrt(x - 1) + y^2', 'sqrt(1 - x^2 - y^2)', 'x^2 + y^2 - log(1 - x^2 - y^2)', '1/x + y^2'])('%j starts at a defined point', (expr) => {
    const domain = expr.includes('log(1 -') ? { x: [-1.2, 1.2] as [number, number], y: [-1.2, 1.2] as [number, number] } : undefined;
    const { surface } = compileFormula(expr, domain ? { domain } : {});
    expect(finiteAt(expr, surface.start, domain)).toBe(true);
  });
});

describe('demo step sizes for a typed formula', () => {
  it('a plane or a constant gets a finite η inside the slider range, not 1/0 curvature', () => {
    for (const expr of ['x', 'x + y', '5', '3x - 2y + 1']) {
      const { surface } = compileFormula(expr);
      const lr = surface.defaults.sgd?.lr ?? Number.NaN;
      expect(lr, expr).toBeGreaterThanOrEqual(HYPERPARAMS.find((h) => h.key === 'lr')!.min);
      expect(lr, expr).toBeLessThanOrEqual(1);
      // A first step of SGD moves a small part of the plot (6 wide), not out of it.
      const run = simulateRun({ surface, optimizer: 'sgd', steps: 1 });
      expect(Math.hypot(run.x[1] - run.x[0], run.y[1] - run.y[0]), expr).toBeLessThan(0.5);
    }
  });

  it('a quadratic keeps the curvature rule: η = 1/L', () => {
    expect(compileFormula('x^2 + y^2').surface.defaults.sgd?.lr).toBe(0.5);
    expect(compileFormula('x^2 + 3y^2').surface.defaults.sgd?.lr).toBe(0.2);
  });

  it('every suggestion lies inside its slider range', () => {
    const ranges = new Map(HYPERPARAMS.map((h) => [h.key, [h.min, h.max]] as const));
    for (const expr of ['x', '1e6 (x^2 + y^2)', '1e-9 (x^2 + y^2)', 'exp(10 x)', ...FORMULA_EXAMPLES.map((e) => e.expr)]) {
      const { surface } = compileFormula(expr);
      for (const [optimizer, params] of Object.entries(surface.defaults)) {
        for (const [key, value] of Object.entries(params ?? {})) {
          const [min, max] = ranges.get(key as HyperparamKey)!;
          expect(value, `${expr} ${optimizer} ${key}`).toBeGreaterThanOrEqual(min);
          expect(value, `${expr} ${optimizer} ${key}`).toBeLessThanOrEqual(max);
        }
      }
    }
  });
});
