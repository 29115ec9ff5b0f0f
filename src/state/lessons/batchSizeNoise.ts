import { IRIS_START, run, scene } from './buildScene';
import type { SceneData } from '../store';
import type { Lesson } from './types';

// Iris, versicolor against virginica (100 flowers): SGD at one η, its batches of 10, of 1 and
// of all 100 (the full batch, plain gradient descent), each batch size a scene of its own (the
// batch is scene-wide). The seed is the scene's noise seed, the same in all three.
const SURFACE = 'iris-logistic';
const STEPS = 300;
const SEED = 1;

function batchScene(prefix: string, size: number | null): Partial<SceneData> {
  return scene(SURFACE, {
    start: IRIS_START,
    steps: STEPS,
    speed: 30,
    runs: [run(SURFACE, `${prefix}-sgd`, 'sgd', { lr: 10 })],
    noise: { sigma: 0, seed: SEED },
    batch: { size, dropLast: false },
    selected: `${prefix}-sgd`,
  });
}

export const batchSizeNoise: Lesson = {
  id: 'batch-size-noise',
  number: 12,
  title: 'lesson.batch-size-noise.title',
  caption: 'lesson.batch-size-noise.caption',
  label: 'lesson.batch-size-noise.label',
  controls: ['batch'],
  scene: batchScene('l12', 10),
  variants: [
    { id: 'full', label: 'lesson.batch-size-noise.full.label', note: 'lesson.batch-size-noise.full.note', scene: batchScene('l12f', null) },
    { id: 'one', label: 'lesson.batch-size-noise.one.label', note: 'lesson.batch-size-noise.one.note', scene: batchScene('l12o', 1) },
  ],
};
