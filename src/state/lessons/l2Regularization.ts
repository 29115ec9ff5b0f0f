import { run, scene } from './buildScene';
import type { Lesson } from './types';

export const l2Regularization: Lesson = {
  id: 'l2-regularization',
  number: 10,
  title: 'lesson.l2-regularization.title',
  caption: 'lesson.l2-regularization.caption',
  controls: ['penalty'],
  scene: scene('rosenbrock', {
    start: [-1.2, 1],
    steps: 600,
    speed: 60,
    runs: [
      run('rosenbrock', 'l10-momentum', 'momentum', { lr: 0.0015, rho: 0.9 }),
      run('rosenbrock', 'l10-nesterov', 'nesterov', { lr: 0.0015, rho: 0.9 }),
    ],
    penalty: { kind: 'l2', lambda: 0.5 },
    selected: 'l10-momentum',
  }),
  variants: [],
};
