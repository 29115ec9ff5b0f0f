import { claim, fmt, type LessonCheck } from './claims';
import { finished, minY, runOf, signFlips } from './pathReading';

export const checkRavineZigzag: LessonCheck = ({ main }) => {
  const sgd = runOf(main, 'l1-sgd');
  const momentum = runOf(main, 'l1-momentum');
  const nesterov = runOf(main, 'l1-nesterov');
  const flips = [sgd, momentum, nesterov].map((c) => signFlips(c, 20));
  const overshoot = [momentum, nesterov].map((c) => minY(c, 40));
  return [
    claim('SGD’s y changes sign at every one of the first 20 steps', flips[0] === 20, `${flips[0]} of 20`),
    claim('Momentum’s y changes sign at most 4 times in those 20 steps', flips[1] <= 4, `${flips[1]} of 20`),
    claim('Nesterov’s y changes sign at most 4 times in those 20 steps', flips[2] <= 4, `${flips[2]} of 20`),
    claim('Nesterov overshoots the valley floor less than Momentum', overshoot[1] > overshoot[0] && overshoot[0] < 0, `lowest y: momentum ${fmt(overshoot[0])}, nesterov ${fmt(overshoot[1])}`),
    claim('every run finishes', [sgd, momentum, nesterov].every((c) => finished(c, 150)), [sgd, momentum, nesterov].map((c) => c.path.status).join(', ')),
    claim(
      'from step 40 on, Momentum and Nesterov are below SGD on the loss chart, Nesterov lowest at the end',
      [40, 60, 80, 100, 150].every((k) => momentum.path.loss[k] < sgd.path.loss[k] && nesterov.path.loss[k] < sgd.path.loss[k]) && nesterov.path.loss[150] < momentum.path.loss[150],
      [40, 150].map((k) => `step ${k}: SGD ${fmt(sgd.path.loss[k])}, momentum ${fmt(momentum.path.loss[k])}, nesterov ${fmt(nesterov.path.loss[k])}`).join('; '),
    ),
  ];
};
