import type { Messages } from '../types';

// Why a typed formula was refused, worded from the compiler's error code and parameters (its own
// English message is for the CLI and logs). Shown only once the formula compiler (mathjs, loaded on
// demand) has refused one, so these load with it, through formulaErrorWords.ts.

const errors = {
  'formula.error.unexpected': { en: "unexpected '{token}' at character {char}", ko: "{char}번째 글자의 '{token}'를 해석할 수 없습니다" },
  'formula.error.unreadable': { en: 'the formula could not be read', ko: '수식을 읽을 수 없습니다' },
  'formula.error.missingAtEnd': { en: "missing '{expected}' at the end", ko: "끝에 '{expected}'가 빠졌습니다" },
  'formula.error.endsTooSoon': { en: 'the formula ends too soon: something is missing at the end', ko: '수식이 중간에 끝났습니다: 끝에 무언가가 빠졌습니다' },
  'formula.error.unknownVariable': { en: 'unknown variable {name} — the variables are x and y', ko: '알 수 없는 변수 {name}: 변수는 x와 y입니다' },
  'formula.error.unknownProduct': { en: 'unknown variable {name} — for a product, write {product}', ko: '알 수 없는 변수 {name}: 곱은 {product}처럼 쓰세요' },
  'formula.error.unknownFunction': {
    en: 'unknown function {name} — try sin, cos, tan, exp, log, sqrt, abs',
    ko: '알 수 없는 함수 {name}: sin, cos, tan, exp, log, sqrt, abs 등을 쓸 수 있습니다',
  },
  'formula.error.functionWithoutParentheses': { en: '{name} is a function: write {name}(x)', ko: '함수 {name}에는 괄호가 필요합니다: {name}(x)처럼 쓰세요' },
  'formula.error.wrongArgumentCount': { en: '{name} takes one argument, not {count}', ko: '함수 {name}에는 인수가 하나 들어갑니다: 지금은 {count}개입니다' },
  'formula.error.notAllowed': {
    en: 'not allowed in a formula: {what}. Use numbers, x, y, + − * / ^ and functions such as sin(x)',
    ko: '수식에 쓸 수 없습니다: {what}. 숫자, x, y, + − * / ^ 와 sin(x) 같은 함수를 쓰세요',
  },
  'formula.error.tooLong': { en: 'the formula is longer than {max} characters', ko: '수식이 {max}자보다 깁니다' },
  'formula.error.tooDeep': { en: 'brackets nest more than {max} deep (at character {char})', ko: '괄호가 {max}겹보다 깊게 중첩되어 있습니다({char}번째 글자)' },
  'formula.error.notDifferentiable': { en: 'this formula could not be differentiated', ko: '이 수식은 미분할 수 없습니다' },
  'formula.error.other': { en: 'this formula could not be compiled', ko: '이 수식을 컴파일할 수 없습니다' },
  'formula.error.nowhereFinite': {
    en: 'f is not a finite number anywhere in x ∈ [{x0}, {x1}], y ∈ [{y0}, {y1}] (a division by zero, or the log or square root of a negative number?): change the formula or the domain',
    ko: 'x ∈ [{x0}, {x1}], y ∈ [{y0}, {y1}]의 어느 점에서도 f가 유한한 값이 아닙니다(0으로 나누기, 음수의 로그나 제곱근?). 수식이나 정의역을 바꾸세요',
  },
  'formula.error.almostNowhereFinite': {
    en: 'f is a finite number almost nowhere in x ∈ [{x0}, {x1}], y ∈ [{y0}, {y1}]: there would be next to no surface to descend. Change the formula or the domain',
    ko: 'x ∈ [{x0}, {x1}], y ∈ [{y0}, {y1}]에서 f가 유한한 값인 곳이 거의 없어 내려갈 곡면이 남지 않습니다. 수식이나 정의역을 바꾸세요',
  },
} satisfies Messages;

// What the grammar refuses, as the compiler names it in params.what (src/engine/formula/grammar.ts).
const refused = {
  'formula.what.assignments': { en: 'assignments', ko: '대입' },
  'formula.what.functionDefinitions': { en: 'function definitions', ko: '함수 정의' },
  'formula.what.propertyAccess': { en: 'property access', ko: '속성 접근' },
  'formula.what.indexing': { en: 'indexing', ko: '인덱싱' },
  'formula.what.objects': { en: 'objects', ko: '객체' },
  'formula.what.matrices': { en: 'matrices', ko: '행렬' },
  'formula.what.conditionals': { en: 'conditionals', ko: '조건식' },
  'formula.what.ranges': { en: 'ranges', ko: '범위' },
  'formula.what.severalExpressions': { en: 'several expressions', ko: '여러 개의 식' },
  'formula.what.comparisons': { en: 'comparisons', ko: '비교' },
  'formula.what.mod': { en: 'mod', ko: '나머지 연산' },
  'formula.what.factorial': { en: 'factorial (!)', ko: '계승(!)' },
  'formula.what.transpose': { en: "transpose (')", ko: "전치(')" },
  'formula.what.logic': { en: 'logic', ko: '논리 연산' },
  'formula.what.bitwise': { en: 'bitwise operators', ko: '비트 연산' },
  'formula.what.unitConversion': { en: 'unit conversion', ko: '단위 변환' },
  'formula.what.elementWise': { en: 'element-wise operators', ko: '원소별 연산' },
  'formula.what.strings': { en: 'strings', ko: '문자열' },
  'formula.what.nonNumbers': { en: 'values other than numbers', ko: '숫자가 아닌 값' },
  'formula.what.computedCalls': { en: 'computed function calls', ko: '계산된 함수 호출' },
} satisfies Messages;

export const formulaErrors = { ...errors, ...refused } satisfies Messages;
