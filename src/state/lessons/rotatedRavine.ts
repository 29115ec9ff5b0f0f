import { PURPLE, run, scene } from './buildScene';
import type { Lesson } from './types';

/**
 * The ravine of lesson 1 turned by 45°: per-coordinate step sizes (AdaGrad, RMSProp, Adam) scale
 * x and y, not the ravine's own axes, so they cross its floor again and again; Shampoo's full
 * 2 × 2 preconditioner turns with the ravine and heads down it.
 */
export const rotatedRavine: Lesson = {
  id: 'rotated-ravine',
  number: 11,
  title: 'lesson.rotated-ravine.title',
  caption: 'lesson.rotated-ravine.caption',
  scene: scene('rotated-ravine', {
    start: [-3.5, -2],
    steps: 150,
    speed: 15,
    // From above, the crossings of the floor read at a glance (as in lesson 1).
    view: '2d',
    runs: [
      // Purple rather than AdaGrad's yellow, which sits too near Adam's orange on one plot.
      run('rotated-ravine', 'l11-adagrad', 'adagrad', { lr: 1 }, { color: PURPLE }),
      run('rotated-ravine', 'l11-rmsprop', 'rmsprop', { lr: 0.1 }),
      run('rotated-ravine', 'l11-adam', 'adam', { lr: 0.3 }),
      run('rotated-ravine', 'l11-shampoo', 'shampoo', { lr: 0.7, eps: 1e-4 }),
    ],
    selected: 'l11-shampoo',
  }),
  variants: [],
};
