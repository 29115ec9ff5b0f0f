import { GREEN, RAVINE_START, YELLOW, run, scene } from './buildScene';
import type { Lesson } from './types';

export const learningRateTooLarge: Lesson = {
  id: 'learning-rate-too-large',
  number: 9,
  title: 'lesson.learning-rate-too-large.title',
  caption: 'lesson.learning-rate-too-large.caption',
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 80,
    speed: 10,
    runs: [
      run('ravine', 'l9-stable', 'sgd', { lr: 0.3 }, { color: GREEN }),
      run('ravine', 'l9-edge', 'sgd', { lr: 0.5 }, { color: YELLOW }),
      run('ravine', 'l9-diverging', 'sgd', { lr: 0.55 }),
    ],
    vectors: {},
    selected: 'l9-diverging',
  }),
  variants: [],
};
