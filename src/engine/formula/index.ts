// Typed formulas: any f(x, y) a user types, with its exact gradient and Hessian (forward-mode
// automatic differentiation, derive.ts), compiled to fast JavaScript. This module pulls in
// mathjs, so the app loads it lazily (a dynamic import) the first time a formula is typed or
// opened.
import { derivative, type MathNode } from 'mathjs';
import type { Domain, Surface, Vec2 } from '../types';
import { codegenAllowed, compileWithClosures, compileWithCodegen, type CompiledFormula } from './compile';
import { deriveProgram } from './derive';
import { FormulaError } from './errors';
import { parseChecked } from './parse';
import { MIN_DEFINED_SHARE, defaultsFromSurvey, startFromSurvey, surveyDomain } from './survey';

export { FormulaError, type FormulaErrorCode } from './errors';
export { FUNCTIONS as FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH } from './grammar';
export { FORMULA_EXAMPLES, type FormulaExample } from './examples';
export { TORCH_FUNCTION_NAMES, torchExpression } from './torch';

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
  /** The gradient, as text, for display: [∂f/∂x, ∂f/∂y]; null when too long to read. */
  readonly gradient: readonly [string, string] | null;
}

let codegenChecked: boolean | null = null;

/**
 * How many nodes mathjs's derivative of this tree would have, roughly (its chain and product
 * rules copy subtrees: a tower x^x^x… doubles with each level), in time linear in the tree.
 */
function derivativeSize(node: MathNode): { size: number; derivative: number } {
  const n = node as MathNode & { args?: MathNode[]; content?: MathNode; fn?: unknown };
  if (node.type === 'ParenthesisNode' && n.content) return derivativeSize(n.content);
  const args = (n.args ?? []).map(derivativeSize);
  const size = 1 + args.reduce((s, a) => s + a.size, 0);
  const [a, b] = args;
  let derivative = 1;
  if (node.type === 'FunctionNode' && a) derivative = 4 * a.size + a.derivative + 4;
  else if (node.type === 'OperatorNode' && a && b) derivative = a.size + b.size + a.derivative + b.derivative + (n.fn === 'pow' || n.fn === 'divide' ? 2 * (a.size + b.size) + 8 : 3);
  else if (a) derivative = a.derivative + 1;
  return { size, derivative };
}

/**
 * mathjs's toTex takes time exponential in how deeply functions nest (sin(sin(…)) ten deep:
 * 40 ms, exp ten deep: 160 ms, twenty deep: seconds): deeper formulas are shown as plain text.
 */
const MAX_TEX_FUNCTION_DEPTH = 8;

function functionDepth(node: MathNode): number {
  const n = node as MathNode & { args?: MathNode[]; content?: MathNode };
  const inner = n.content ? [n.content] : (n.args ?? []);
  let deepest = 0;
  for (const a of inner) deepest = Math.max(deepest, functionDepth(a));
  return deepest + (node.type === 'FunctionNode' ? 1 : 0);
}

/** Beyond this, the gradient is not written out for reading (it is still computed exactly). */
const MAX_SHOWN_DERIVATIVE = 600;

/** ∂f/∂x and ∂f/∂y as mathjs writes them, for reading; null when they would be too long to read. */
function gradientText(f: MathNode): readonly [string, string] | null {
  if (derivativeSize(f).derivative > MAX_SHOWN_DERIVATIVE) return null;
  try {
    // mathjs's simplify costs seconds on long polynomials: the app tidies what it shows, within
    // a length budget of its own.
    return [derivative(f, 'x', { simplify: false }).toString(), derivative(f, 'y', { simplify: false }).toString()];
  } catch {
    return null;
  }
}

/**
 * Compiles a typed formula into a Surface with exact derivatives. Throws a FormulaError that
 * says what is wrong and where.
 */
export function compileFormula(expr: string, options: FormulaOptions = {}): CompiledSurface {
  const f = parseChecked(expr);
  const program = deriveProgram(f);
  // Probed only when the caller has not chosen: under a policy that forbids eval the probe is
  // itself a reported violation.
  const mode: CompileMode = options.mode ?? ((codegenChecked ??= codegenAllowed()) ? 'codegen' : 'closures');
  const compiled: CompiledFormula = mode === 'codegen' ? compileWithCodegen(program) : compileWithClosures(program);
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
  let latex = '';
  if (functionDepth(f) <= MAX_TEX_FUNCTION_DEPTH) {
    try {
      latex = f.toTex({ parenthesis: 'keep', implicit: 'hide' });
    } catch {
      // toTex has no opinion we need; the plain text still reads.
    }
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
    about: 'A surface you typed: its gradient and Hessian are exact, by automatic differentiation.',
  };
  return { surface, mode, normalized, gradient: gradientText(f) };
}

export function checkDomain(domain: Domain): void {
  const ok = (r: readonly [number, number]) => Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];
  if (!ok(domain.x) || !ok(domain.y)) {
    throw new RangeError('the domain must give finite ranges with min < max for x and y');
  }
}
