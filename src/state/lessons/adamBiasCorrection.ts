import { PURPLE, RAVINE_START, run, scene } from './buildScene';
import type { Lesson } from './types';

const ADAM_LR = 0.3;

export const adamBiasCorrection: Lesson = {
  id: 'adam-bias-correction',
  number: 6,
  title: 'lesson.adam-bias-correction.title',
  caption: 'lesson.adam-bias-correction.caption',
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 100,
    speed: 5,
    runs: [
      run('ravine', 'l6-adam', 'adam', { lr: ADAM_LR, beta1: 0.9, beta2: 0.999, eps: 1e-8 }),
      run('ravine', 'l6-adam-raw', 'adam', { lr: ADAM_LR, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, { biasCorrection: false, color: PURPLE }),
    ],
    view: '2d',
    vectors: { step: true },
    selected: 'l6-adam-raw',
  }),
  variants: [],
};
