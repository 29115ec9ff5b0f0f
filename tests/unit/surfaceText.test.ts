import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/engine';
import { translate, type Translate } from '../../src/i18n';
import { surfaceAbout, surfaceName } from '../../src/ui/surface/surfaceText';

const tKo: Translate = (key, vars) => translate('ko', key, vars);
const tEn: Translate = (key, vars) => translate('en', key, vars);

describe('surfaceText', () => {
  it('translates every built-in surface', () => {
    for (const s of SURFACES) {
      expect(surfaceName(tEn, s)).toBe(s.name);
      // What it teaches lives in the messages alone, in both languages.
      expect(surfaceAbout(tEn, s)).toMatch(/\w{3}/);
      expect(surfaceAbout(tKo, s)).toMatch(/[가-힣]/);
    }
    expect(surfaceName(tKo, { id: 'ravine', name: 'Ravine' })).toBe('협곡');
  });

  it('falls back to the surface’s own text for a surface without messages', () => {
    expect(surfaceName(tKo, { id: 'typed-formula', name: 'f(x, y)' })).toBe('f(x, y)');
    expect(surfaceAbout(tKo, { id: 'typed-formula' })).toBeNull();
  });
});
