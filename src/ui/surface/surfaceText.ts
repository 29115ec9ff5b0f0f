// A surface's name and what it shows, in the user's language, and the words around a typed formula.
// Surface ids are plain strings (typed formulas and future surfaces have them too), so the
// message key is looked up, not assumed.
import type { Surface } from '../../engine';
import type { FormulaErrorCode } from '../../engine/formula/errors';
import type { FormulaExample } from '../../engine/formula/examples';
import { isMessageKey, type Translate } from '../../i18n';

export function surfaceName(t: Translate, surface: Pick<Surface, 'id' | 'name'>): string {
  const key = `surface.name.${surface.id}`;
  return isMessageKey(key) ? t(key) : surface.name;
}

/** The sentence on what the surface shows, or null for a surface that has none. */
export function surfaceAbout(t: Translate, surface: Pick<Surface, 'id' | 'about'>): string | null {
  const key = `surface.about.${surface.id}`;
  if (isMessageKey(key)) return t(key);
  return surface.about ?? null;
}

/** A refused formula as plain data (the FormulaError class lives in the lazily loaded chunk). */
export interface FormulaProblem {
  /** 'other' for anything the compiler did not explain (a bug, a domain refused). */
  readonly code: FormulaErrorCode | 'other';
  readonly params: Readonly<Record<string, string | number>>;
  /** 1-based character, when the compiler knows it. */
  readonly position?: number;
}

/** The formula cut around the problem, for a marked excerpt under the field. */
export interface FormulaExcerpt {
  readonly before: string;
  /** The offending characters; '' when something is missing at the end. */
  readonly mark: string;
  readonly after: string;
}

const EXCERPT_SIDE = 18;

function identifierAt(expr: string, name: string): number {
  if (!/^\w+$/.test(name)) return -1;
  // After a digit is fine ("2z" is 2·z); inside a longer name is not.
  const m = new RegExp(`(?<![A-Za-z_])${name}(?![A-Za-z0-9_])`).exec(expr);
  return m ? m.index : -1;
}

/**
 * Where in the text the problem is: at the compiler's position, or, for a name it refused
 * (an unknown variable or function), at that name's first appearance. Null when neither is known.
 * Long formulas are cut to a window around the mark, with an ellipsis.
 */
export function formulaExcerpt(expr: string, problem: FormulaProblem): FormulaExcerpt | null {
  let start: number;
  let length: number;
  if (problem.position !== undefined && problem.position >= 1) {
    start = Math.min(problem.position - 1, expr.length);
    length = start < expr.length ? 1 : 0;
  } else if (typeof problem.params.name === 'string') {
    start = identifierAt(expr, problem.params.name);
    length = problem.params.name.length;
    if (start < 0) return null;
  } else {
    return null;
  }
  const from = Math.max(0, start - EXCERPT_SIDE);
  const to = Math.min(expr.length, start + length + EXCERPT_SIDE);
  return {
    before: (from > 0 ? '…' : '') + expr.slice(from, start),
    mark: expr.slice(start, start + length),
    after: expr.slice(start + length, to) + (to < expr.length ? '…' : ''),
  };
}

/** An example formula's name in the user's language. */
export function exampleName(t: Translate, example: Pick<FormulaExample, 'id' | 'name'>): string {
  const key = `formula.example.${example.id}`;
  return isMessageKey(key) ? t(key) : example.name;
}
