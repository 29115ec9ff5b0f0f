// The words of a refused formula (messages/formulaErrors.ts), loaded with the formula compiler.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { formulaErrors } from './messages/formulaErrors';

export type FormulaErrorKey = keyof typeof formulaErrors;

export function formulaErrorWords(lang: Lang, key: FormulaErrorKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(formulaErrors[key][lang], vars);
}
