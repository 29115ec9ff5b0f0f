import { RAVINE_START, run, scene } from './buildScene';
import type { Lesson } from './types';

export const nesterovLookAhead: Lesson = {
  id: 'nesterov-look-ahead',
  number: 4,
  title: 'lesson.nesterov-look-ahead.title',
  caption: 'lesson.nesterov-look-ahead.caption',
  arrowsForSelectedOnly: true,
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 100,
    speed: 10,
    runs: [run('ravine', 'l4-momentum', 'momentum', { lr: 0.04, rho: 0.9 }), run('ravine', 'l4-nesterov', 'nesterov', { lr: 0.04, rho: 0.9 })],
    view: '2d',
    vectors: { gradient: true, step: true },
    selected: 'l4-nesterov',
  }),
  variants: [],
};
