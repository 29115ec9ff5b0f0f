import { RAVINE_START, run, scene } from './buildScene';
import type { Lesson } from './types';

export const ravineZigzag: Lesson = {
  id: 'ravine-zigzag',
  number: 1,
  title: 'lesson.ravine-zigzag.title',
  caption: 'lesson.ravine-zigzag.caption',
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 150,
    speed: 20,
    runs: [
      run('ravine', 'l1-sgd', 'sgd', { lr: 0.45 }),
      // ρ = 0.8 rather than torch's 0.9: on a ravine this mild (κ = 20) a heavier ball keeps
      // swinging for so long that well-tuned SGD would end lower, which is not the lesson.
      run('ravine', 'l1-momentum', 'momentum', { lr: 0.08, rho: 0.8 }),
      run('ravine', 'l1-nesterov', 'nesterov', { lr: 0.08, rho: 0.8 }),
    ],
    view: '2d',
    vectors: { gradient: true, step: true },
    selected: 'l1-sgd',
  }),
  variants: [],
};
