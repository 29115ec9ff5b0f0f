import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, lossRises, meanGap, runOf } from './pathReading';

/** The figures the caption and notes give, as written there. */
const WOBBLE = 0.3;
const STRAY = 2.6;

export const checkBatchSizeNoise: LessonCheck = ({ main, variants }) => {
  const full = runOf(variants.full, 'l12f-sgd');
  const ten = runOf(main, 'l12-sgd');
  const one = runOf(variants.one, 'l12o-sgd');
  const minimum = main.surface.minima[0];
  const fullEnd = distance(endPoint(full), minimum);
  const rises = lossRises(full);
  const gapTen = meanGap(ten, full);
  const gapOne = meanGap(one, full);
  const left = [ten, one].map((c) => c.leftAt);
  return [
    claim('the three scenes run on batches of 10, 1 and all 100 (10, 100 and no steps an epoch)', [main.epochSteps, variants.one.epochSteps, variants.full.epochSteps].join() === '10,100,0', `steps an epoch: ${main.epochSteps}, ${variants.one.epochSteps}, ${variants.full.epochSteps}`),
    claim('with the full batch the loss falls at every step', rises === 0, `${rises} rises`),
    claim('with the full batch SGD ends on the minimum (within 0.001)', fullEnd < 1e-3, `end ${fmt(fullEnd)} from the minimum`),
    claim(`with batches of 10 the path is ${WOBBLE} from the full-batch path on average`, Math.abs(gapTen - WOBBLE) < 0.05, `mean gap ${fmt(gapTen)}`),
    claim(`with one flower a batch it is ${STRAY} from it on average`, Math.abs(gapOne - STRAY) < 0.05, `mean gap ${fmt(gapOne)}`),
    claim('one flower a batch strays 8 times as far as batches of 10 (the note)', Math.round(gapOne / gapTen) === 8, `ratio ${fmt(gapOne / gapTen)}`),
    claim('every path stays on the plot', left.every((k) => k < 0), `left at steps ${left.join(', ')}`),
  ];
};
