// Typed formulas: any f(x, y) a user types, with its exact gradient and Hessian (symbolic,
// by mathjs), compiled to fast JavaScript. This module pulls in mathjs, so the app loads it
// lazily (a dynamic import) the first time a formula is typed or opened.
import { OperatorNode, ParenthesisNode, SymbolNode, derivative, parse, type MathNode } from 'mathjs';
import type { Domain, Hyperparams, OptimizerId, Surface, Vec2 } from '../types';
import { codegenAllowed, compileWithClosures, compileWithCodegen, type CompiledFormula } from './compile';
import { FormulaError } from './errors';
import { MAX_FORMULA_LENGTH, checkTree } from './grammar';

export { FormulaError, type FormulaErrorCode } from './errors';
export { FUNCTIONS as FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH } from './grammar';
export { FORMULA_EXAMPLES, type FormulaExample } from './examples';

export const DEFAULT_FORMULA_DOMAIN: Domain = { x: [-3, 3], y: [-3, 3] };
export const CUSTOM_SURFACE_ID = 'custom';

export type CompileMode = 'codegen' | 'closures';

export interface FormulaOptions {
  readonly domain?: Domain;
  readonly start?: Vec2;
  readonly steps?: number;
  /** Force one compiler; by default generated code where the page allows it, else closures. */
  readonly mode?: CompileMode;
}

export interface CompiledSurface {
  readonly surface: Surface;
  readonly mode: CompileMode;
  /** The formula as mathjs prints it back (normalized spacing and implicit products made explicit). */
  readonly normalized: string;
  /** The gradient, as text, for display: [∂f/∂x, ∂f/∂y]. */
  readonly gradient: readonly [string, string];
}

let codegenChecked: boolean | null = null;

/** Parses, checks and differentiates; throws FormulaError with a position where it can. */
function parseChecked(expr: string): MathNode {
  if (expr.trim() === '') throw new FormulaError('empty', 'the formula is empty');
  if (expr.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError('tooLong', `the formula is longer than ${MAX_FORMULA_LENGTH} characters`, { max: MAX_FORMULA_LENGTH });
  }
  let node: MathNode;
  try {
    node = parse(expr);
  } catch (e) {
    throw syntaxError(expr, e);
  }
  node = variablesTimesParentheses(node);
  checkTree(node);
  return node;
}

/**
 * mathjs reads "x(x + 1)" as a call of a function named x; anyone typing it means x·(x + 1),
 * as in "2x(x + 1)". Only x, y, pi and e are rewritten, and only with one argument.
 */
function variablesTimesParentheses(root: MathNode): MathNode {
  return root.transform((node) => {
    if (node.type !== 'FunctionNode') return node;
    const call = node as MathNode & { fn: MathNode; args: MathNode[] };
    const name = call.fn.type === 'SymbolNode' ? (call.fn as MathNode & { name: string }).name : '';
    if (!['x', 'y', 'pi', 'e'].includes(name) || call.args.length !== 1) return node;
    const factor = variablesTimesParentheses(call.args[0]);
    return new OperatorNode('*', 'multiply', [new SymbolNode(name), new ParenthesisNode(factor)], true);
  });
}

/** mathjs says "Value expected (char 5)"; we say what was found there, and where. */
function syntaxError(expr: string, e: unknown): FormulaError {
  const char = typeof (e as { char?: unknown }).char === 'number' ? (e as { char: number }).char : undefined;
  if (char === undefined) return new FormulaError('unexpected', 'the formula could not be read', { char: 0, token: '' });
  // mathjs gives the 1-based position of the token it could not use.
  let i = char - 1;
  while (i >= 0 && i < expr.length && expr[i] === ' ') i++;
  if (i < 0 || i >= expr.length) {
    const message = e instanceof Error ? e.message : '';
    if (message.includes('Parenthesis ) expected')) {
      return new FormulaError('unexpectedEnd', "missing ')' at the end of the formula", { expected: ')' }, expr.length + 1);
    }
    return new FormulaError('unexpectedEnd', 'the formula ends too soon: something is missing at the end', { expected: '' }, expr.length + 1);
  }
  const token = expr[i];
  return new FormulaError('unexpected', `unexpected '${token}' at character ${i + 1}`, { token, char: i + 1 }, i + 1);
}

function differentiate(node: MathNode, variable: 'x' | 'y'): MathNode {
  let d: MathNode;
  try {
    // mathjs's simplify costs seconds on long polynomials; the emitter's shared subexpressions
    // recover most of what it would save at run time.
    d = derivative(node, variable, { simplify: false });
  } catch {
    throw new FormulaError('notDifferentiable', 'this formula could not be differentiated', {});
  }
  checkTree(d);
  return d;
}

/**
 * Compiles a typed formula into a Surface with exact derivatives. Throws a FormulaError that
 * says what is wrong and where.
 */
export function compileFormula(expr: string, options: FormulaOptions = {}): CompiledSurface {
  const f = parseChecked(expr);
  const fx = differentiate(f, 'x');
  const fy = differentiate(f, 'y');
  const fxx = differentiate(fx, 'x');
  const fxy = differentiate(fx, 'y');
  const fyy = differentiate(fy, 'y');
  if (codegenChecked === null) codegenChecked = codegenAllowed();
  const mode: CompileMode = options.mode ?? (codegenChecked ? 'codegen' : 'closures');
  const compiled: CompiledFormula = mode === 'codegen' ? compileWithCodegen(f, fx, fy, fxx, fxy, fyy) : compileWithClosures(f, fx, fy, fxx, fxy, fyy);
  const domain = options.domain ?? DEFAULT_FORMULA_DOMAIN;
  checkDomain(domain);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const start: Vec2 = options.start ?? definedStart(compiled, x0, x1, y0, y1);
  const normalized = f.toString();
  let latex = normalized;
  try {
    latex = f.toTex({ parenthesis: 'keep', implicit: 'hide' });
  } catch {
    // toTex has no opinion we need; the plain text still reads.
  }
  const surface: Surface = {
    id: CUSTOM_SURFACE_ID,
    name: 'Custom',
    formula: normalized,
    latex,
    value: compiled.value,
    valueAndGrad: compiled.valueAndGrad,
    hessian: compiled.hessian,
    domain,
    start,
    steps: options.steps ?? 300,
    defaults: suggestDefaults(compiled, domain),
    minima: [],
    lesson: 'A surface you typed: its gradient and Hessian are exact, derived symbolically.',
  };
  return { surface, mode, normalized, gradient: [fx.toString(), fy.toString()] };
}

export function checkDomain(domain: Domain): void {
  const ok = (r: readonly [number, number]) => Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];
  if (!ok(domain.x) || !ok(domain.y)) {
    throw new RangeError('the domain must give finite ranges with min < max for x and y');
  }
}

/**
 * Demo hyperparameters for a surface nobody tuned: step sizes from its curvature and size.
 * L, the curvature, is a high percentile of the Hessian's spectral radius over a grid of the
 * domain; plain gradient steps stay stable below 2/L, and the adaptive methods move about η
 * per step whatever the gradient, so their η follows the size of the plot.
 */
function suggestDefaults(f: CompiledFormula, domain: Domain): Partial<Record<OptimizerId, Partial<Hyperparams>>> {
  const h = new Float64Array(3);
  const radii: number[] = [];
  const n = 16;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const x = domain.x[0] + ((domain.x[1] - domain.x[0]) * i) / n;
      const y = domain.y[0] + ((domain.y[1] - domain.y[0]) * j) / n;
      f.hessian(x, y, h);
      const mean = (h[0] + h[2]) / 2;
      const r = Math.abs(mean) + Math.hypot((h[0] - h[2]) / 2, h[1]);
      if (Number.isFinite(r)) radii.push(r);
    }
  }
  radii.sort((a, b) => a - b);
  const L = radii.length ? Math.max(radii[Math.floor(radii.length * 0.9)], 1e-9) : 1;
  const span = Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const nice = (v: number) => Number(v.toPrecision(1));
  const gd = nice(1 / L);
  const heavy = nice(0.1 / L);
  const adaptive = nice(span / 150);
  return {
    sgd: { lr: gd },
    momentum: { lr: heavy },
    nesterov: { lr: heavy },
    adagrad: { lr: nice(span / 15) },
    rmsprop: { lr: adaptive },
    adadelta: { lr: 1 },
    adam: { lr: adaptive },
    amsgrad: { lr: adaptive },
    adamw: { lr: adaptive },
    adamax: { lr: adaptive },
    nadam: { lr: adaptive },
    newton: { lr: 1 },
  };
}

/**
 * A fifth in from the top-left corner, where paths have room to travel, or the nearest point
 * toward the centre where f is defined (a log barrier is undefined in its corners).
 */
function definedStart(f: CompiledFormula, x0: number, x1: number, y0: number, y1: number): Vec2 {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const corner: Vec2 = [x0 + 0.2 * (x1 - x0), y0 + 0.8 * (y1 - y0)];
  for (let k = 0; k <= 10; k++) {
    const a = k / 10;
    const p: Vec2 = [corner[0] + (cx - corner[0]) * a, corner[1] + (cy - corner[1]) * a];
    if (Number.isFinite(f.value(p[0], p[1]))) return p;
  }
  return corner;
}
