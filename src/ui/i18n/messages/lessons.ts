import type { Messages } from '../types';

// Messages of the teaching layer: the lessons menu, the lesson caption and the arrow toggles.
// The lessons' own titles and captions are in lessonText.ts.
export const lessonMessages = {
  'lessons.menu': { en: 'Lessons', ko: '수업' },
  'lessons.item': { en: '{n}. {title}', ko: '{n}. {title}' },
  'lessons.number': { en: 'Lesson {n}', ko: '수업 {n}' },
  'lessons.hide': { en: 'Hide the lesson note', ko: '수업 설명 숨기기' },
  'lessons.show': { en: 'Show the lesson note', ko: '수업 설명 보기' },
  'lessons.variants': { en: 'Scenes of this lesson', ko: '이 수업의 장면' },

  'vectors.group': { en: 'Arrows', ko: '화살표' },
  'vectors.gradient': { en: 'Gradient arrows', ko: '기울기 화살표' },
  'vectors.momentum': { en: 'Momentum arrows', ko: '모멘텀 화살표' },
  'vectors.step': { en: 'Step arrows', ko: '스텝 화살표' },
  'vectors.gradientShort': { en: 'Gradient', ko: '기울기' },
  'vectors.momentumShort': { en: 'Momentum', ko: '모멘텀' },
  'vectors.stepShort': { en: 'Step', ko: '스텝' },
  'vectors.gradientHint': {
    en: 'White: −g, the steepest way down at each particle. For Nesterov, the ring is its look-ahead point, with the gradient taken there. One scale for the whole scene.',
    ko: '흰색: −g, 각 입자에서 가장 가파른 내리막 방향입니다. Nesterov는 고리가 앞서 내다본 지점이고, 그곳에서 구한 기울기도 함께 그립니다. 장면 전체에 같은 축척을 씁니다.',
  },
  'vectors.momentumHint': {
    en: 'Dashed, in the run’s colour: the velocity or first moment, drawn as the average gradient it remembers, on the gradient’s scale.',
    ko: '실행 색의 점선: 속도 또는 1차 모멘트를 옵티마이저가 기억하는 평균 기울기로 나타내며, 기울기와 같은 축척으로 그립니다.',
  },
  'vectors.stepHint': {
    en: 'Thick, in the run’s colour: the step the optimizer takes next, to scale (a very short one is drawn a little longer so that its direction shows).',
    ko: '실행 색의 굵은 선: 옵티마이저가 다음에 실제로 내딛는 스텝을 실제 크기로 그립니다. 아주 짧은 스텝은 방향이 보이도록 조금 길게 그립니다.',
  },
} satisfies Messages;
