import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/engine';
import { plainFormula } from '../../src/ui/surface/plainFormula';

describe('plainFormula', () => {
  it('writes powers as superscripts, products as dots and minus signs as minus signs', () => {
    expect(plainFormula('(1 - x)^2 + 100*(y - x^2)^2')).toBe('(1 \u2212 x)² + 100·(y \u2212 x²)²');
    expect(plainFormula('x^2 - y^2')).toBe('x² \u2212 y²');
    expect(plainFormula('-4 + 4*y^2')).toBe('\u22124 + 4·y²');
    expect(plainFormula('x^6/6')).toBe('x⁶/6');
  });

  it('reads a typed formula as mathjs prints it: spaced carets, implicit products', () => {
    expect(plainFormula('x ^ 2 + 3 y ^ 2')).toBe('x² + 3y²');
    expect(plainFormula('0.5 (x - y) ^ 2')).toBe('0.5(x \u2212 y)²');
    // A power that is not a whole number keeps its caret rather than half a superscript.
    expect(plainFormula('x ^ 2.5')).toBe('x ^ 2.5');
  });

  it('leaves no caret or asterisk in any built-in surface’s formula', () => {
    for (const s of SURFACES) expect(plainFormula(s.formula)).not.toMatch(/[*^]/);
  });
});
