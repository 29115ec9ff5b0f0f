import { describe, expect, it } from 'vitest';
import { FORMULA_EXAMPLES, FormulaError, compileFormula } from '../../src/engine/formula';
import { checkDomainEdge } from '../../src/ui/panel/DomainFields';
import { translate, type Translate } from '../../src/i18n';
import { formula } from '../../src/i18n/messages/formula';
import { exampleName, formulaExcerpt, surfaceAbout, surfaceName, type FormulaProblem } from '../../src/ui/surface/surfaceText';
import { formulaErrorText } from '../../src/ui/surface/formulaErrorText';

const tEn: Translate = (key, vars) => translate('en', key, vars);
const tKo: Translate = (key, vars) => translate('ko', key, vars);

/** What the compiler says about a formula, as the editor keeps it. */
function problemOf(expr: string): FormulaProblem {
  try {
    compileFormula(expr);
  } catch (e) {
    if (e instanceof FormulaError) return { code: e.code, params: e.params, position: e.position };
    throw e;
  }
  throw new Error(`${expr} compiled`);
}

describe('formula error text', () => {
  it('names the character, the variable, the function, in both languages', () => {
    expect(formulaErrorText('en', problemOf('(x + 1))'))).toBe("unexpected ')' at character 8");
    expect(formulaErrorText('ko', problemOf('(x + 1))'))).toBe("8번째 글자의 ')'를 해석할 수 없습니다");
    expect(formulaErrorText('en', problemOf('z^2'))).toBe('unknown variable z — the variables are x and y');
    expect(formulaErrorText('ko', problemOf('z^2'))).toBe('알 수 없는 변수 z: 변수는 x와 y입니다');
    expect(formulaErrorText('en', problemOf('foo(x)'))).toMatch(/^unknown function foo\b/);
    expect(formulaErrorText('en', problemOf('sin x'))).toBe('sin is a function: write sin(x)');
    expect(formulaErrorText('en', problemOf('(x + 1'))).toBe("missing ')' at the end");
    expect(formulaErrorText('ko', problemOf('(x + 1'))).toBe("끝에 ')'가 빠졌습니다");
    expect(formulaErrorText('en', problemOf('x +'))).toMatch(/ends too soon/);
    expect(formulaErrorText('en', problemOf('sin(x, y)'))).toBe('sin takes one argument, not 2');
  });

  it('reads "xy" as a product the student meant', () => {
    expect(formulaErrorText('en', problemOf('xy + 1'))).toBe('unknown variable xy — for a product, write x*y');
  });

  it('translates every construct the grammar refuses', () => {
    for (const expr of ['x = 2', 'f(x) = x', 'x > 1', '3!', 'x mod 2', '"a"', '[x, y]', 'x ? 1 : 2', 'x; y', '1:3', "x'", 'x and y', 'x & y', '2 cm to m', 'x .* y']) {
      const problem = problemOf(expr);
      const ko = formulaErrorText('ko', problem);
      if (problem.code === 'notAllowed') {
        expect(ko, expr).not.toContain(String(problem.params.what));
      }
      expect(/[\uac00-\ud7a3]/.test(ko), `${expr}: ${ko}`).toBe(true);
    }
  });

  it('falls back to a plain sentence for what it cannot explain', () => {
    expect(formulaErrorText('ko', { code: 'other', params: {} })).toBe('이 수식을 컴파일할 수 없습니다');
    expect(formulaErrorText('en', { code: 'unexpected', params: { char: 0, token: '' } })).toBe('the formula could not be read');
  });
});

describe('formula excerpt', () => {
  it('marks the character at the position', () => {
    expect(formulaExcerpt('(x + 1))', problemOf('(x + 1))'))).toEqual({ before: '(x + 1)', mark: ')', after: '' });
  });

  it('marks the gap at the end when something is missing', () => {
    expect(formulaExcerpt('(x + 1', problemOf('(x + 1'))).toEqual({ before: '(x + 1', mark: '', after: '' });
  });

  it('finds a refused name as a whole word, after a digit too', () => {
    expect(formulaExcerpt('x + 2z', problemOf('x + 2z'))).toEqual({ before: 'x + 2', mark: 'z', after: '' });
    expect(formulaExcerpt('exp(x) + foo(y)', problemOf('exp(x) + foo(y)'))).toEqual({ before: 'exp(x) + ', mark: 'foo', after: '(y)' });
    expect(formulaExcerpt('x', { code: 'notDifferentiable', params: {} })).toBeNull();
  });

  it('cuts a long formula to a window around the mark', () => {
    const expr = `${'x + '.repeat(20)}q + ${'y + '.repeat(20)}1`;
    const ex = formulaExcerpt(expr, problemOf(expr));
    expect(ex?.mark).toBe('q');
    expect(ex?.before.startsWith('…')).toBe(true);
    expect(ex?.after.endsWith('…')).toBe(true);
    expect((ex?.before.length ?? 0) + (ex?.after.length ?? 0)).toBeLessThan(45);
  });
});

describe('custom surface text', () => {
  it('names the custom surface and its examples in Korean', () => {
    const surface = compileFormula('x^2 + 3y^2').surface;
    expect(surfaceName(tKo, surface)).toBe('사용자 정의 곡면');
    expect(surfaceName(tEn, surface)).toBe('Custom surface');
    // The English lesson is the engine's, as for every built-in surface.
    expect(surfaceAbout(tEn, surface)).toBe(surface.about);
    const names = FORMULA_EXAMPLES.map((e) => exampleName(tKo, e));
    expect(names).toContain('울퉁불퉁한 그릇');
    expect(names).toContain('Himmelblau');
    for (const e of FORMULA_EXAMPLES) {
      expect(exampleName(tEn, e)).toBe(e.name);
      expect(formula[`formula.example.${e.id}` as keyof typeof formula], e.id).toBeDefined();
    }
  });

  it('keeps placeholders alike and Korean really Korean', () => {
    for (const [key, { en, ko }] of Object.entries(formula)) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(ko), key).toEqual(names(en));
      if (ko !== en) expect(/[\uac00-\ud7a3]/.test(ko), `${key}: ${ko}`).toBe(true);
    }
  });
});

describe('checkDomainEdge', () => {
  it('takes a finite number on the right side of the other end', () => {
    expect(checkDomainEdge('-5', 0, 3)).toEqual({ ok: true, value: -5 });
    expect(checkDomainEdge('5', 1, -3)).toEqual({ ok: true, value: 5 });
    expect(checkDomainEdge('1e2', 1, 0)).toEqual({ ok: true, value: 100 });
  });

  it('refuses min ≥ max and what is not a finite number', () => {
    expect(checkDomainEdge('3', 0, 3)).toEqual({ ok: false, reason: 'order' });
    expect(checkDomainEdge('4', 0, 3)).toEqual({ ok: false, reason: 'order' });
    expect(checkDomainEdge('-3', 1, -3)).toEqual({ ok: false, reason: 'order' });
    for (const text of ['', 'abc', 'Infinity', '1e999', 'NaN']) expect(checkDomainEdge(text, 0, 3)).toEqual({ ok: false, reason: 'notNumber' });
  });
});
