import { run, scene } from './buildScene';
import type { Lesson } from './types';

export const adagradVsRmsprop: Lesson = {
  id: 'adagrad-vs-rmsprop',
  number: 5,
  title: 'lesson.adagrad-vs-rmsprop.title',
  caption: 'lesson.adagrad-vs-rmsprop.caption',
  scene: scene('booth', {
    start: [-8, -6],
    steps: 300,
    speed: 30,
    runs: [run('booth', 'l5-adagrad', 'adagrad', { lr: 0.05, eps: 1e-10 }), run('booth', 'l5-rmsprop', 'rmsprop', { lr: 0.05, decay: 0.99, eps: 1e-8 })],
    selected: 'l5-adagrad',
  }),
  variants: [],
};
