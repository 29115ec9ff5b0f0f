import { GREEN, run, scene } from './buildScene';
import type { Lesson } from './types';

const NOISE_STEPS = 300;
const noiseRuns = (prefix: string) => [
  run('bowl', `${prefix}-sgd`, 'sgd', { lr: 0.1 }),
  run('bowl', `${prefix}-sgd-decay`, 'sgd', { lr: 0.1 }, { color: GREEN, schedule: { kind: 'step', every: 50, gamma: 0.5 } }),
];

export const minibatchNoise: Lesson = {
  id: 'minibatch-noise',
  number: 7,
  title: 'lesson.minibatch-noise.title',
  caption: 'lesson.minibatch-noise.caption',
  label: 'lesson.minibatch-noise.label',
  controls: ['noise'],
  scene: scene('bowl', {
    start: [-1.5, 1.2],
    steps: NOISE_STEPS,
    speed: 30,
    runs: noiseRuns('l7'),
    noise: { sigma: 1, seed: 3 },
    selected: 'l7-sgd',
  }),
  variants: [
    {
      id: 'clean',
      label: 'lesson.minibatch-noise.clean.label',
      note: 'lesson.minibatch-noise.clean.note',
      scene: scene('bowl', { start: [-1.5, 1.2], steps: NOISE_STEPS, speed: 30, runs: noiseRuns('l7c'), selected: 'l7c-sgd' }),
    },
  ],
};
