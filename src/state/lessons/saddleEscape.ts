import { run, scene } from './buildScene';
import type { Lesson } from './types';

const SADDLE_STEPS = 100;
const saddleRuns = (prefix: string) => [
  run('saddle', `${prefix}-sgd`, 'sgd', { lr: 0.05 }),
  run('saddle', `${prefix}-momentum`, 'momentum', { lr: 0.05, rho: 0.9 }),
  run('saddle', `${prefix}-adam`, 'adam', { lr: 0.05 }),
];

export const saddleEscape: Lesson = {
  id: 'saddle-escape',
  number: 2,
  title: 'lesson.saddle-escape.title',
  caption: 'lesson.saddle-escape.caption',
  label: 'lesson.saddle-escape.label',
  scene: scene('saddle', {
    start: [-1.5, 1e-3],
    steps: SADDLE_STEPS,
    speed: 20,
    runs: saddleRuns('l2'),
    selected: 'l2-adam',
  }),
  variants: [
    {
      id: 'ridge',
      label: 'lesson.saddle-escape.ridge.label',
      note: 'lesson.saddle-escape.ridge.note',
      scene: scene('saddle', { start: [-1.5, 0], steps: SADDLE_STEPS, speed: 20, runs: saddleRuns('l2r'), selected: 'l2r-sgd' }),
    },
    {
      id: 'noise',
      label: 'lesson.saddle-escape.noise.label',
      note: 'lesson.saddle-escape.noise.note',
      scene: scene('saddle', {
        start: [-1.5, 0],
        steps: SADDLE_STEPS,
        speed: 20,
        runs: saddleRuns('l2n'),
        noise: { sigma: 0.05, seed: 1 },
        selected: 'l2n-sgd',
      }),
    },
  ],
};
