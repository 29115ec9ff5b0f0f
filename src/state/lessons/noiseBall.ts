import { GREEN, IRIS_START, run, scene } from './buildScene';
import type { SceneData } from '../store';
import type { Lesson } from './types';

// SGD on iris-logistic with batches of 5, at a constant η and with η halved every 100 steps;
// the same two runs on the full batch are the variant, where no ball forms.
const SURFACE = 'iris-logistic';
const STEPS = 400;

function ballScene(prefix: string, size: number | null): Partial<SceneData> {
  return scene(SURFACE, {
    start: IRIS_START,
    steps: STEPS,
    speed: 40,
    runs: [
      run(SURFACE, `${prefix}-sgd`, 'sgd', { lr: 20 }),
      run(SURFACE, `${prefix}-sgd-decay`, 'sgd', { lr: 20 }, { color: GREEN, schedule: { kind: 'step', every: 100, gamma: 0.5 } }),
    ],
    noise: { sigma: 0, seed: 1 },
    batch: { size, dropLast: false },
    selected: `${prefix}-sgd`,
  });
}

export const noiseBall: Lesson = {
  id: 'noise-ball',
  number: 13,
  title: 'lesson.noise-ball.title',
  caption: 'lesson.noise-ball.caption',
  label: 'lesson.noise-ball.label',
  // Turned on, the arrows are the constant-η run's: at the minimum its batches' gradients still spread.
  arrowsForSelectedOnly: true,
  scene: ballScene('l13', 5),
  variants: [{ id: 'full', label: 'lesson.noise-ball.full.label', note: 'lesson.noise-ball.full.note', scene: ballScene('l13f', null) }],
};
