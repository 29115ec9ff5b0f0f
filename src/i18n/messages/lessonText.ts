import type { Messages } from '../types';

// The lessons' own words: each lesson's title, the name of its main scene beside its variants
// (label) and each variant's label; their captions and notes are in lessonCaptions.ts. Keys are `lesson.<lesson id>.…` and
// `lesson.<lesson id>.<variant id>.…`; the presets in src/state/lessons/ name them, and
// tests/unit/lessons-presets.test.ts checks that every key they name is here and every key here is
// named. tests/unit/lessons-presets.test.ts holds the captions to
// their length and the Korean to Hangul.
// A symbol and its value never part at a line's end: "η = 0.02" is written with no-break spaces.
export const lessonText = {
  // 1. ravine-zigzag
  'lesson.ravine-zigzag.title': { en: 'SGD zig-zags across a ravine', ko: '협곡을 지그재그로 가로지르는 SGD' },
  // 2. saddle-escape
  'lesson.saddle-escape.title': { en: 'Escaping a saddle point', ko: '안장점에서 빠져나오기' },
  'lesson.saddle-escape.label': { en: 'Just off the ridge', ko: '능선 바로 옆' },
  'lesson.saddle-escape.ridge.label': { en: 'On the ridge', ko: '능선 위' },
  'lesson.saddle-escape.noise.label': { en: 'On the ridge, with noise', ko: '능선 위, 노이즈 추가' },
  // 3. local-minimum
  'lesson.local-minimum.title': { en: 'Momentum rolls out of a local minimum', ko: '국소 최솟값을 넘어가는 모멘텀' },
  // 4. nesterov-look-ahead
  'lesson.nesterov-look-ahead.title': { en: 'Nesterov looks ahead', ko: '앞을 내다보는 Nesterov' },
  // 5. adagrad-vs-rmsprop
  'lesson.adagrad-vs-rmsprop.title': { en: 'AdaGrad stalls, RMSProp keeps going', ko: '멈춰 버리는 AdaGrad, 계속 가는 RMSProp' },
  // 6. adam-bias-correction
  'lesson.adam-bias-correction.title': { en: 'Adam’s first step and bias correction', ko: 'Adam의 첫 스텝과 편향 보정' },
  // 7. minibatch-noise
  'lesson.minibatch-noise.title': { en: 'Mini-batch noise', ko: '미니배치 노이즈' },
  'lesson.minibatch-noise.label': { en: 'σ\u00a0=\u00a01', ko: 'σ\u00a0=\u00a01' },
  'lesson.minibatch-noise.clean.label': { en: 'σ\u00a0=\u00a00', ko: 'σ\u00a0=\u00a00' },
  // 8. newton
  'lesson.newton.title': { en: 'Newton’s method: one step on a quadratic', ko: '뉴턴 방법: 이차 함수는 한 스텝에' },
  'lesson.newton.label': { en: 'Ravine', ko: '협곡' },
  'lesson.newton.saddle.label': { en: 'Saddle', ko: '안장점' },
  // 9. learning-rate-too-large
  'lesson.learning-rate-too-large.title': { en: 'A learning rate too large', ko: '너무 큰 학습률' },
  // 10. l2-regularization
  'lesson.l2-regularization.title': { en: 'L2 regularization pulls the minimum toward the origin', ko: '최솟값을 원점 쪽으로 당기는 L2 규제' },
  // 11. rotated-ravine
  'lesson.rotated-ravine.title': { en: 'A ravine at 45°: why Shampoo turns with it', ko: '45° 기울어진 협곡: Shampoo가 함께 도는 이유' },
  // 12. batch-size-noise (real data: iris-logistic, as 13 and 14)
  'lesson.batch-size-noise.title': { en: 'Batch size and gradient noise', ko: '배치 크기와 기울기 노이즈' },
  'lesson.batch-size-noise.label': { en: 'Batch 10', ko: '배치 10' },
  'lesson.batch-size-noise.full.label': { en: 'Full batch', ko: '전체 배치' },
  'lesson.batch-size-noise.one.label': { en: 'Batch 1', ko: '배치 1' },
  // 13. noise-ball
  'lesson.noise-ball.title': { en: 'The noise ball, and why η should decay', ko: '노이즈 볼과 η를 줄여야 하는 이유' },
  'lesson.noise-ball.label': { en: 'Batch 5', ko: '배치 5' },
  'lesson.noise-ball.full.label': { en: 'Full batch', ko: '전체 배치' },
  // 14. linear-scaling
  'lesson.linear-scaling.title': { en: 'Double the batch, double η', ko: '배치를 두\u00a0배로, η도 두\u00a0배로' },
  'lesson.linear-scaling.label': { en: 'Batch 10', ko: '배치 10' },
  'lesson.linear-scaling.double.label': { en: 'Batch 20', ko: '배치 20' },
} satisfies Messages;
