import type { Messages } from '../types';

// Messages of the typed formula that the first page shows: the custom surface's name and blurb, the
// option that opens the editor, and the examples' names. The editor's own words (its field, hints
// and domain) are in formulaEditor.ts, loaded with it; why a formula was refused is in
// formulaErrors.ts, loaded with the compiler. Math (x, y, sin(x), ^) stays as it is in Korean.

const examples = {
  'formula.example.himmelblau': { en: 'Himmelblau', ko: 'Himmelblau' },
  'formula.example.beale': { en: 'Beale', ko: 'Beale' },
  'formula.example.bumpy': { en: 'Bumpy bowl', ko: '울퉁불퉁한 그릇' },
  'formula.example.ridge-saddle': { en: 'Saddle with a ridge', ko: '능선이 있는 안장점' },
  'formula.example.wave': { en: 'Egg crate', ko: '계란판' },
  'formula.example.log-barrier': { en: 'Log barrier', ko: '로그 장벽' },
} satisfies Messages;

export const formula = {
  'surface.name.custom': { en: 'Custom surface', ko: '사용자 정의 곡면' },
  // The English is the engine's (compileFormula's surface.about), like every built-in lesson.
  'surface.about.custom': {
    en: 'A surface you typed: its gradient and Hessian are exact, by automatic differentiation.',
    ko: '직접 입력한 곡면: 기울기와 헤세 행렬은 자동 미분으로 구한 정확한 값입니다.',
  },
  'formula.option': { en: 'Custom formula…', ko: '사용자 정의 수식…' },
  'formula.open': { en: 'Type a formula', ko: '수식 입력하기' },
  ...examples,
} satisfies Messages;
