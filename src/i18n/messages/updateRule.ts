import type { Messages } from '../types';

// The update-rule panel's own words: the rule with its numbers, the effective learning rates, the
// rule in PyTorch and Keras, and stepping one step at a time. They load with the panel
// (ui/teaching/UpdateRulePanel.tsx, RuleInCode.tsx, StepExplanation.tsx), through
// updateRuleText.ts, not with the first page; its heading, its "loading" line and the run card's
// button stay in teach.ts. Korean uses the vocabulary of Korean ML courses; math (η, {r}) stays.
export const updateRule = {
  'teach.rule.none': { en: 'No visible run to explain. Show or add a run.', ko: '설명할 실행이 없습니다. 실행을 표시하거나 추가하세요.' },
  'teach.rule.label': { en: 'Update rule of {name}', ko: '{name}의 업데이트 규칙' },
  'teach.code.heading': { en: 'In PyTorch and Keras', ko: 'PyTorch와 Keras에서는' },
  'teach.code.noKeras': { en: 'Keras has no {name}.', ko: 'Keras에는 {name} 옵티마이저가 없습니다.' },
  'teach.code.none': { en: 'Neither PyTorch nor Keras has {name}’s method: it needs the Hessian.', ko: 'PyTorch와 Keras에는 {name} 방법이 없습니다. 헤세 행렬이 필요하기 때문입니다.' },
  'teach.rule.numbers': { en: 'Step {t}, with its numbers', ko: '{t} 스텝의 실제 값' },
  'teach.rule.numbersLabel': { en: 'The update rule with the numbers of step {t}', ko: '{t} 스텝의 값을 넣은 업데이트 규칙' },
  'teach.rule.before': { en: 'Before the first step', ko: '첫 스텝 전' },
  'teach.rule.schedule': { en: 'η follows a schedule', ko: 'η는 스케줄을 따름' },
  'teach.effLr.heading': { en: 'Effective learning rate', ko: '유효 학습률' },
  'teach.effLr.x': { en: 'along x', ko: 'x 방향' },
  'teach.effLr.y': { en: 'along y', ko: 'y 방향' },
  'teach.effLr.ratio': { en: '{r}× η', ko: 'η의 {r}배' },
  'teach.stepByStep': { en: 'Step by step', ko: '한 스텝씩' },
  'teach.stepByStep.hint': { en: 'Paused. → takes the next step, ← goes back one.', ko: '일시정지됨. → 키로 다음 스텝, ← 키로 이전 스텝으로 갑니다.' },
  'teach.next': { en: 'Next step', ko: '다음 스텝' },
  'teach.prev': { en: 'Previous step', ko: '이전 스텝' },
  'teach.sentence': { en: 'What happened in this step', ko: '이번 스텝에서 일어난 일' },
} satisfies Messages;
