import { claim, fmt, type LessonCheck } from './claims';
import { minY, runOf } from './pathReading';

export const checkNesterovLookAhead: LessonCheck = ({ main }) => {
  const momentum = runOf(main, 'l4-momentum');
  const nesterov = runOf(main, 'l4-nesterov');
  const low = [minY(momentum, 40), minY(nesterov, 40)];
  const loss = [momentum.path.loss[50], nesterov.path.loss[50]];
  return [
    claim('Nesterov overshoots the valley floor less than Momentum', low[1] > low[0] && low[0] < 0, `lowest y: momentum ${fmt(low[0])}, nesterov ${fmt(low[1])}`),
    claim('Nesterov’s loss after 50 steps is lower than Momentum’s', loss[1] < loss[0], `momentum ${fmt(loss[0])}, nesterov ${fmt(loss[1])}`),
  ];
};
