// Typed formulas: any f(x, y) a user types, with its exact gradient and Hessian (symbolic,
// by mathjs), compiled to fast JavaScript. This module pulls in mathjs, so the app loads it
// lazily (a dynamic import) the first time a formula is typed or opened.
import { derivative, type MathNode } from 'mathjs';
import type { Domain, Surface, Vec2 } from '../types';
import { codegenAllowed, compileWithClosures, compileWithCodegen, type CompiledFormula } from './compile';
import { FormulaError } from './errors';
import { checkTree } from './grammar';
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
  /** The gradient, as text, for display: [∂f/∂x, ∂f/∂y]. */
  readonly gradient: readonly [string, string];
}

let codegenChecked: boolean | null = null;

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
