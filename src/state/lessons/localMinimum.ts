import { run, scene } from './buildScene';
import type { Lesson } from './types';

export const localMinimum: Lesson = {
  id: 'local-minimum',
  number: 3,
  title: 'lesson.local-minimum.title',
  caption: 'lesson.local-minimum.caption',
  scene: scene('local-minima', {
    start: [1.6, 1.6],
    steps: 600,
    speed: 60,
    runs: [run('local-minima', 'l3-sgd', 'sgd', { lr: 0.02 }), run('local-minima', 'l3-momentum', 'momentum', { lr: 0.02, rho: 0.95 })],
    selected: 'l3-momentum',
  }),
  variants: [],
};
