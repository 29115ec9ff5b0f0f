// A surface's plain-text formula made readable while KaTeX loads (and if it never does):
// "(1 - x)^2 + 100*(y - x^2)^2" → "(1 − x)² + 100·(y − x²)²"; a typed formula as mathjs prints it,
// "x ^ 2 + 3 y ^ 2", → "x² + 3y²".
import { superscript } from '../../i18n/numberFormat';

export function plainFormula(formula: string): string {
  return formula
    .replace(/\s*\^\s*(\d+)\b(?!\s*\.)/g, (_m, digits: string) => superscript(digits))
    // mathjs writes an implicit product with a space: "3 y" reads as 3y.
    .replace(/(\d) (?=[a-zπ(])/g, '$1')
    .replace(/\s*\*\s*/g, '·')
    .replace(/(^|[\s(])-/g, '$1\u2212')
    .replace(/\bpi\b/g, 'π');
}
