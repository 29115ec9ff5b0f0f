import { RAVINE_START, run, scene } from './buildScene';
import type { Lesson } from './types';

export const newton: Lesson = {
  id: 'newton',
  number: 8,
  title: 'lesson.newton.title',
  caption: 'lesson.newton.caption',
  label: 'lesson.newton.label',
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 60,
    speed: 10,
    runs: [run('ravine', 'l8-newton', 'newton', { lr: 1 }), run('ravine', 'l8-sgd', 'sgd', { lr: 0.45 })],
    selected: 'l8-newton',
  }),
  variants: [
    {
      id: 'saddle',
      label: 'lesson.newton.saddle.label',
      note: 'lesson.newton.saddle.note',
      scene: scene('saddle', {
        start: [-1.5, 0.4],
        steps: 60,
        speed: 10,
        runs: [run('saddle', 'l8s-newton', 'newton', { lr: 1 }), run('saddle', 'l8s-sgd', 'sgd', { lr: 0.05 })],
        selected: 'l8s-newton',
      }),
    },
  ],
};
