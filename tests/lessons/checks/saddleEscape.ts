import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, firstAbove, runOf } from './pathReading';

/** |y| past this has left the saddle for good: the slope away from the ridge then dominates. */
const ESCAPED = 0.5;

export const checkSaddleEscape: LessonCheck = ({ main, variants }) => {
  const [sgd, momentum, adam] = ['sgd', 'momentum', 'adam'].map((o) => firstAbove(runOf(main, `l2-${o}`), ESCAPED));
  const ridge = variants.ridge.runs;
  const ridgeMaxY = Math.max(...ridge.map((c) => Math.max(...Array.from(c.path.y.subarray(0, c.path.steps + 1), Math.abs))));
  const ridgeEnds = ridge.map((c) => distance(endPoint(c), [0, 0]));
  const noisy = variants.noise.runs.map((c) => firstAbove(c, ESCAPED));
  return [
    claim('off the ridge, SGD creeps for at least 50 steps before it escapes', sgd >= 50 && Number.isFinite(sgd), `SGD escapes at step ${sgd}`),
    claim('Momentum escapes in less than half SGD’s time', momentum < sgd / 2, `momentum ${momentum}, SGD ${sgd}`),
    claim('Adam escapes almost at once (within 15 steps), first of all', adam <= 15 && adam < momentum, `Adam ${adam}, momentum ${momentum}`),
    claim('on the ridge without noise, no run ever leaves y = 0', ridgeMaxY === 0, `largest |y| ${fmt(ridgeMaxY)}`),
    claim('on the ridge without noise, every run ends at the saddle', ridgeEnds.every((d) => d < 0.01), `distances ${ridgeEnds.map(fmt).join(', ')}`),
    claim('on the ridge with noise, every run escapes', noisy.every(Number.isFinite), `escape steps ${noisy.join(', ')}`),
  ];
};
