import { claim, fmt, type LessonCheck } from './claims';
import { finished, runOf } from './pathReading';

export const checkLearningRateTooLarge: LessonCheck = ({ main }) => {
  const stable = runOf(main, 'l9-stable');
  const edge = runOf(main, 'l9-edge');
  const diverging = runOf(main, 'l9-diverging');
  let grows = true;
  for (let k = 1; k <= diverging.path.steps; k++) if (!(Math.abs(diverging.path.y[k]) > Math.abs(diverging.path.y[k - 1]))) grows = false;
  let bounces = true;
  for (let k = 0; k <= edge.path.steps; k++) if (Math.abs(edge.path.y[k]) !== 1) bounces = false;
  return [
    claim('η = 0.55 diverges and is stopped', diverging.path.status === 'diverged' && diverging.path.steps < 80, `${diverging.path.status} after ${diverging.path.steps} steps`),
    claim('η = 0.55 bounces higher at every step', grows, `|y| at the last step ${fmt(Math.abs(diverging.path.y[diverging.path.steps]))}`),
    claim('η = 0.5 bounces between y = 1 and y = −1 forever', bounces && finished(edge, 80), `${edge.path.status}, y at the end ${fmt(edge.path.y[edge.path.steps])}`),
    claim('η = 0.3 converges: its loss falls more than a thousandfold', finished(stable, 80) && stable.path.loss[80] < stable.path.loss[0] / 1000, `loss ${fmt(stable.path.loss[0])} → ${fmt(stable.path.loss[stable.path.steps])}`),
  ];
};
