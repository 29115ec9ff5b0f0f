import { GREEN, IRIS_START, PURPLE, run, scene } from './buildScene';
import type { Lesson } from './types';

// The linear scaling rule on iris-logistic (100 flowers): batch 10 at η = 10 against batch 20
// at η = 20 and at η = 10. Both scenes run the same number of epochs, so their ends compare: 10
// steps an epoch with batches of 10, 5 with batches of 20.
const SURFACE = 'iris-logistic';
const EPOCHS = 5;
const SEED = 1;

export const linearScaling: Lesson = {
  id: 'linear-scaling',
  number: 14,
  title: 'lesson.linear-scaling.title',
  caption: 'lesson.linear-scaling.caption',
  label: 'lesson.linear-scaling.label',
  scene: scene(SURFACE, {
    start: IRIS_START,
    steps: EPOCHS * 10,
    // An epoch a second in both scenes.
    speed: 10,
    runs: [run(SURFACE, 'l14-sgd', 'sgd', { lr: 10 }, { color: PURPLE })],
    noise: { sigma: 0, seed: SEED },
    batch: { size: 10, dropLast: false },
    selected: 'l14-sgd',
  }),
  variants: [
    {
      id: 'double',
      label: 'lesson.linear-scaling.double.label',
      note: 'lesson.linear-scaling.double.note',
      scene: scene(SURFACE, {
        start: IRIS_START,
        steps: EPOCHS * 5,
        speed: 5,
        runs: [run(SURFACE, 'l14d-sgd-scaled', 'sgd', { lr: 20 }, { color: GREEN }), run(SURFACE, 'l14d-sgd', 'sgd', { lr: 10 })],
        noise: { sigma: 0, seed: SEED },
        batch: { size: 20, dropLast: false },
        selected: 'l14d-sgd-scaled',
      }),
    },
  ],
};
