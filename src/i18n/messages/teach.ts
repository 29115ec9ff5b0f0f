import type { Messages } from '../types';

// Messages of the teaching layer: the update-rule panel, the step-by-step sentences, the
// learning-rate schedule and bias correction of each run, and the scene-wide noise and penalty.
// Korean uses the vocabulary of Korean ML courses (기울기, 속도, 1차 모멘트, 편향 보정, 유효 학습률 …);
// math (g, v, η, max) and proper names stay as they are.
//
// The step sentences (say.*) are in sentences.ts, and the update-rule panel's own words in
// updateRule.ts: only the panel loads them. A schedule's settings are in scheduleSettings.ts,
// loaded with them.

const rule = {
  'teach.rule.heading': { en: 'Update rule', ko: '업데이트 규칙' },
  'teach.rule.loading': { en: 'Loading the formula…', ko: '수식을 불러오는 중…' },
  'teach.rule.noBias': { en: 'without bias correction', ko: '편향 보정 없음' },
  'teach.explain': { en: 'Show the update rule of {name}', ko: '{name}의 업데이트 규칙 보기' },
  'teach.explained': { en: 'Shown in “Update rule”', ko: '“업데이트 규칙”에 표시 중' },
  // The run card button's visible word: part of its accessible name (teach.explain) in each language.
  'teach.explainShort': { en: 'Rule', ko: '규칙' },
} satisfies Messages;

const schedule = {
  'schedule.label': { en: 'Learning-rate schedule', ko: '학습률 스케줄' },
  'schedule.constant': { en: 'Constant', ko: '고정' },
  'schedule.step': { en: 'Step decay', ko: '계단식 감쇠' },
  'schedule.exponential': { en: 'Exponential decay', ko: '지수 감쇠' },
  'schedule.cosine': { en: 'Cosine annealing', ko: '코사인 어닐링' },
  'schedule.warmup': { en: 'Linear warm-up', ko: '선형 워밍업' },
  'bias.label': { en: 'Bias correction', ko: '편향 보정' },
  'bias.hint': { en: 'Off: the CS231n “first step” lesson', ko: '끄면: CS231n의 “첫 스텝” 예제' },
} satisfies Messages;

const noise = {
  'noise.heading': { en: 'Noise and regularization', ko: '노이즈와 규제' },
  'noise.sigma': { en: 'Gradient noise σ', ko: '기울기 노이즈 σ' },
  'noise.sigmaName': { en: 'Gradient noise', ko: '기울기 노이즈' },
  'noise.off': { en: 'off', ko: '끔' },
  'noise.hint': {
    en: 'Adds σ·ξ, ξ ~ N(0, I), to every gradient, as a mini-batch would. The same seed gives the same noise.',
    ko: '모든 기울기에 σ·ξ (ξ ~ N(0, I))를 더합니다. 미니배치 기울기처럼 흔들립니다. 시드가 같으면 노이즈도 같습니다.',
  },
  'noise.seed': { en: 'Noise seed', ko: '노이즈 시드' },
  'noise.newSeed': { en: 'New seed', ko: '새 시드' },
  'noise.seedError': { en: 'Enter a whole number from 0 to {max}.', ko: '0부터 {max}까지의 정수를 입력하세요.' },
  'noise.sigmaError': { en: 'Enter a number ≥ 0.', ko: '0 이상의 숫자를 입력하세요.' },
  'penalty.kind': { en: 'Penalty', ko: '규제 종류' },
  'penalty.l2': { en: 'L2: λ(x² + y²)', ko: 'L2: λ(x² + y²)' },
  'penalty.l1': { en: 'L1: λ(|x| + |y|)', ko: 'L1: λ(|x| + |y|)' },
  'penalty.lambda': { en: 'Penalty λ', ko: '규제 강도 λ' },
  'penalty.lambdaName': { en: 'Strength', ko: '규제 강도' },
  'penalty.hint': {
    en: 'Added to the surface for every run: the minimum moves toward the origin (L2) or onto an axis (L1).',
    ko: '모든 실행의 곡면에 더해집니다: 최솟값이 원점 쪽으로(L2), 또는 축 위로(L1) 옮겨 갑니다.',
  },
} satisfies Messages;

export const teach = { ...rule, ...schedule, ...noise } satisfies Messages;
