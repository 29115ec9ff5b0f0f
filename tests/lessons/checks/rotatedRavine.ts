import type { ComputedRun } from '../../../src/state/paths';
import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, finished, runOf } from './pathReading';

/** How often the step across the ravine (along x − y, its steep axis) changes sign in n steps. */
function crossings(c: ComputedRun, n: number): number {
  let count = 0;
  for (let t = 1; t < n; t++) {
    const a = c.path.x[t] - c.path.y[t] - (c.path.x[t - 1] - c.path.y[t - 1]);
    const b = c.path.x[t + 1] - c.path.y[t + 1] - (c.path.x[t] - c.path.y[t]);
    if (a * b < 0) count++;
  }
  return count;
}

/** The path's length over the first n steps, divided by the straight distance it covered. */
function detour(c: ComputedRun, n: number): number {
  let length = 0;
  for (let t = 1; t <= n; t++) length += Math.hypot(c.path.x[t] - c.path.x[t - 1], c.path.y[t] - c.path.y[t - 1]);
  return length / Math.hypot(c.path.x[n] - c.path.x[0], c.path.y[n] - c.path.y[0]);
}

export const checkRotatedRavine: LessonCheck = ({ main }) => {
  const diagonal = ['l11-adagrad', 'l11-rmsprop', 'l11-adam'].map((id) => runOf(main, id));
  const shampoo = runOf(main, 'l11-shampoo');
  const at40 = (c: ComputedRun) => distance([c.path.x[40], c.path.y[40]], [0, 0]);
  return [
    claim(
      'AdaGrad, RMSProp and Adam each cross the ravine’s floor at least 5 times in the first 60 steps',
      diagonal.every((c) => crossings(c, 60) >= 5),
      diagonal.map((c) => `${c.run.optimizer} ${crossings(c, 60)}`).join(', '),
    ),
    claim('Shampoo never crosses it, and its path is within 15% of a straight line', crossings(shampoo, 60) === 0 && detour(shampoo, 60) < 1.15, `${crossings(shampoo, 60)} crossings, ${fmt(detour(shampoo, 60))}× the straight distance`),
    claim('after 40 steps Shampoo is the closest to the minimum', diagonal.every((c) => at40(shampoo) < at40(c)), [...diagonal, shampoo].map((c) => `${c.run.optimizer} ${fmt(at40(c))}`).join(', ')),
    claim('every run finishes near the minimum', [...diagonal, shampoo].every((c) => finished(c, 150) && distance(endPoint(c), [0, 0]) < 0.01), [...diagonal, shampoo].map((c) => `${c.run.optimizer} ${fmt(distance(endPoint(c), [0, 0]))}`).join(', ')),
  ];
};
