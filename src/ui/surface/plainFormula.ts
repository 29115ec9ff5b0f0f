// A surface's plain-text formula made readable while KaTeX loads (and if it never does):
// "(1 - x)^2 + 100*(y - x^2)^2" → "(1 − x)² + 100·(y − x²)²"; a typed formula as mathjs prints it,
// "x ^ 2 + 3 y ^ 2", → "x² + 3y²".

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

export function plainFormula(formula: string): string {
  return formula
    .replace(/\s*\^\s*(\d+)\b(?!\s*\.)/g, (_m, digits: string) => [...digits].map((d) => SUPERSCRIPT[d] ?? d).join(''))
    // mathjs writes an implicit product with a space: "3 y" reads as 3y.
    .replace(/(\d) (?=[a-zπ(])/g, '$1')
    .replace(/\s*\*\s*/g, '·')
    .replace(/(^|[\s(])-/g, '$1\u2212')
    .replace(/\bpi\b/g, 'π');
}
