// Why a formula was refused, in the user's language: loaded with the formula compiler (the editor
// fetches both at once), since only the compiler refuses formulas.
import { formulaErrorWords, type FormulaErrorKey } from '../../i18n/formulaErrorWords';
import type { Lang } from '../../i18n/lang';
import type { FormulaProblem } from './surfaceText';

// params.what as the grammar writes it (src/engine/formula/grammar.ts), in the user's language.
const REFUSED: Readonly<Record<string, FormulaErrorKey>> = {
  assignments: 'formula.what.assignments',
  'function definitions': 'formula.what.functionDefinitions',
  'property access': 'formula.what.propertyAccess',
  indexing: 'formula.what.indexing',
  objects: 'formula.what.objects',
  matrices: 'formula.what.matrices',
  conditionals: 'formula.what.conditionals',
  ranges: 'formula.what.ranges',
  'several expressions': 'formula.what.severalExpressions',
  comparisons: 'formula.what.comparisons',
  mod: 'formula.what.mod',
  'factorial (!)': 'formula.what.factorial',
  "transpose (')": 'formula.what.transpose',
  logic: 'formula.what.logic',
  'bitwise operators': 'formula.what.bitwise',
  'unit conversion': 'formula.what.unitConversion',
  'element-wise operators': 'formula.what.elementWise',
  strings: 'formula.what.strings',
  'values other than numbers': 'formula.what.nonNumbers',
  'computed function calls': 'formula.what.computedCalls',
};

/**
 * Why a formula was refused, in the user's language, from the error's code and parameters.
 * 'empty' is not worded here: an empty field gets a hint, not an error.
 */
export function formulaErrorText(lang: Lang, problem: FormulaProblem): string {
  const t = (key: FormulaErrorKey, vars?: Readonly<Record<string, string | number>>) => formulaErrorWords(lang, key, vars);
  const p = problem.params;
  const name = String(p.name ?? '');
  switch (problem.code) {
    case 'unexpected':
      return p.token && Number(p.char) > 0 ? t('formula.error.unexpected', { token: String(p.token), char: Number(p.char) }) : t('formula.error.unreadable');
    case 'unexpectedEnd':
      return p.expected ? t('formula.error.missingAtEnd', { expected: String(p.expected) }) : t('formula.error.endsTooSoon');
    case 'unknownVariable':
      // "xy" is one unknown name to mathjs; a student meant x times y.
      return /^[xy]{2,}$/.test(name)
        ? t('formula.error.unknownProduct', { name, product: [...name].join('*') })
        : t('formula.error.unknownVariable', { name });
    case 'unknownFunction':
      return t('formula.error.unknownFunction', { name });
    case 'functionWithoutParentheses':
      return t('formula.error.functionWithoutParentheses', { name });
    case 'wrongArgumentCount':
      return t('formula.error.wrongArgumentCount', { name, count: String(p.count ?? '?') });
    case 'notAllowed': {
      const what = String(p.what ?? '');
      const key = REFUSED[what];
      // A construct the grammar names that has no translation yet still reads, in English.
      return t('formula.error.notAllowed', { what: key ? t(key) : what });
    }
    case 'tooLong':
      return t('formula.error.tooLong', { max: String(p.max ?? '') });
    case 'tooDeep':
      return t('formula.error.tooDeep', { max: String(p.max ?? ''), char: String(p.char ?? '?') });
    case 'notDifferentiable':
      return t('formula.error.notDifferentiable');
    case 'nowhereFinite':
    case 'almostNowhereFinite': {
      const n = (v: string | number | undefined) => String(v ?? '?').replace(/^-/, '\u2212');
      const where = { x0: n(p.x0), x1: n(p.x1), y0: n(p.y0), y1: n(p.y1) };
      return t(problem.code === 'nowhereFinite' ? 'formula.error.nowhereFinite' : 'formula.error.almostNowhereFinite', where);
    }
    case 'empty':
    case 'other':
      return t('formula.error.other');
  }
}

