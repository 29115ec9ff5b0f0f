import { getSurface } from '../../../src/engine';
import { claim, fmt, pt, type LessonCheck } from './claims';
import { distance, endPoint } from './pathReading';

export const checkL2Regularization: LessonCheck = ({ main }) => {
  const original = getSurface('rosenbrock')?.minima[0];
  const moved = main.surface.minima[0];
  if (!original || !moved) return [claim('both surfaces list their minimum', false, `${JSON.stringify(original)} ${JSON.stringify(moved)}`)];
  const originalNorm = Math.hypot(original.x, original.y);
  return main.runs.flatMap((c) => {
    const end = endPoint(c);
    return [
      claim(`${c.run.optimizer} ends nearer the origin than the unpenalized minimum (1, 1)`, Math.hypot(end[0], end[1]) < originalNorm - 0.5, `ends at ${pt(end)}, |·| ${fmt(Math.hypot(end[0], end[1]))} vs ${fmt(originalNorm)}`),
      claim(`${c.run.optimizer} ends at the penalized minimum`, distance(end, moved) < 0.01, `ends at ${pt(end)}, minimum at (${fmt(moved.x)}, ${fmt(moved.y)})`),
    ];
  });
};
