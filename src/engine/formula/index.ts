// Typed formulas: any f(x, y) a user types, with its exact gradient and Hessian (symbolic,
// by mathjs), compiled to fast JavaScript. This module pulls in mathjs, so the app loads it
// lazily (a dynamic import) the first time a formula is typed or opened.
import { OperatorNode, ParenthesisNode, SymbolNode, derivative, parse, type MathNode } from 'mathjs';
import type { Domain, Surface, Vec2 } from '../types';
import { codegenAllowed, compileWithClosures, compileWithCodegen, type CompiledFormula } from './compile';
import { FormulaError } from './errors';
import { MAX_FORMULA_LENGTH, checkTree } from './grammar';
import { MIN_DEFINED_SHARE, defaultsFromSurvey, startFromSurvey, surveyDomain } from './survey';

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
  const survey = surveyDomain(compiled, domain);
  if (survey.definedShare < MIN_DEFINED_SHARE) {
    const where = `x in [${domain.x[0]}, ${domain.x[1]}], y in [${domain.y[0]}, ${domain.y[1]}]`;
    throw new FormulaError(
      survey.definedShare === 0 ? 'nowhereFinite' : 'almostNowhereFinite',
      survey.definedShare === 0
        ? `f or its gradient is not a finite number anywhere in the domain ${where}: there is no surface to descend`
        : `f and its gradient are finite almost nowhere in the domain ${where}: there is next to no surface to descend`,
      { x0: domain.x[0], x1: domain.x[1], y0: domain.y[0], y1: domain.y[1] },
    );
  }
  const start: Vec2 = options.start ?? startFromSurvey(compiled, domain, survey);
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
    defaults: defaultsFromSurvey(survey, domain),
    minima: [],
    about: 'A surface you typed: its gradient and Hessian are exact, derived symbolically.',
  };
  return { surface, mode, normalized, gradient: [fx.toString(), fy.toString()] };
}

export function checkDomain(domain: Domain): void {
  const ok = (r: readonly [number, number]) => Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];
  if (!ok(domain.x) || !ok(domain.y)) {
    throw new RangeError('the domain must give finite ranges with min < max for x and y');
  }
}
