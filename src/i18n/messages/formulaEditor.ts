import type { Messages } from '../types';

// The formula editor's own words: its field, hints and the domain of a typed surface. They load
// with the editor (ui/surface/FormulaEditor.tsx and ui/panel/DomainFields.tsx), through
// formulaEditorText.ts, not with the first page. Math (x, y, ^) stays as it is in Korean.
export const formulaEditor = {
  'formula.label': { en: 'Formula f(x, y)', ko: '수식 f(x, y)' },
  'formula.placeholder': { en: 'x^2 + 3y^2', ko: 'x^2 + 3y^2' },
  'formula.hint': {
    en: 'Type a function of x and y, or pick an example below. Powers with ^, 3y means 3·y; sin, cos, exp, log, sqrt, abs, pi and e are known.',
    ko: 'x와 y의 함수를 입력하거나 아래 예시를 고르세요. 거듭제곱은 ^, 3y는 3·y입니다. sin, cos, exp, log, sqrt, abs, pi, e를 쓸 수 있습니다.',
  },
  'formula.loading': { en: 'Loading the formula compiler…', ko: '수식 컴파일러를 불러오는 중…' },
  'formula.loadFailed': {
    en: 'The formula compiler could not be loaded. Check the connection, then type again.',
    ko: '수식 컴파일러를 불러오지 못했습니다. 연결을 확인한 뒤 다시 입력하세요.',
  },
  'formula.keptEmpty': {
    en: 'Until a formula is typed here, the surface on screen stays as it is.',
    ko: '여기에 수식을 입력하기 전까지는 화면의 곡면이 그대로 유지됩니다.',
  },
  'formula.keptLast': { en: 'The surface shown is still the last formula that worked.', ko: '화면에는 마지막으로 올바르게 입력한 수식의 곡면이 그대로 있습니다.' },
  'formula.gradient': { en: 'Gradient', ko: '기울기' },
  'formula.gradientLong': {
    en: 'too long to write out here; the runs use it exactly (automatic differentiation)',
    ko: '여기에 다 쓰기에는 너무 깁니다. 실행에는 정확한 값이 쓰입니다(자동 미분)',
  },
  'formula.examples': { en: 'Examples', ko: '예시' },
  'formula.domain': { en: 'Domain', ko: '정의역' },
  'domain.xMin': { en: 'x min', ko: 'x 최솟값' },
  'domain.xMax': { en: 'x max', ko: 'x 최댓값' },
  'domain.yMin': { en: 'y min', ko: 'y 최솟값' },
  'domain.yMax': { en: 'y max', ko: 'y 최댓값' },
  'domain.notNumber': { en: '{field}: enter a finite number.', ko: '{field}: 유한한 숫자를 입력하세요.' },
  'domain.order': { en: '{axis} min must be less than {axis} max.', ko: '{axis} 최솟값은 {axis} 최댓값보다 작아야 합니다.' },
} satisfies Messages;
