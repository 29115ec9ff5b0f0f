import { claim, pt, type LessonCheck } from './claims';
import { distance, endPoint, runOf } from './pathReading';

export const checkLocalMinimum: LessonCheck = ({ main }) => {
  const minima = main.surface.minima;
  const global = minima.find((m) => m.kind === 'global');
  const local = minima.find((m) => m.kind === 'local' && m.x > 0 && m.y > 0);
  if (!global || !local) return [claim('the surface lists its global minimum and the local one at the start', false, JSON.stringify(minima))];
  const sgd = endPoint(runOf(main, 'l3-sgd'));
  const momentum = endPoint(runOf(main, 'l3-momentum'));
  return [
    claim('SGD ends in the local minimum near (0.93, 0.96)', distance(sgd, local) < 0.01, `SGD ends at ${pt(sgd)}`),
    claim('Momentum ends in the global minimum near (−1.06, −1.04)', distance(momentum, global) < 0.01, `momentum ends at ${pt(momentum)}`),
  ];
};
