import type { Vec2 } from '../../../src/engine';
import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, meanStep, runOf, stepLength } from './pathReading';

const BOOTH_MIN: Vec2 = [1, 3];

export const checkAdagradVsRmsprop: LessonCheck = ({ main }) => {
  const adagrad = runOf(main, 'l5-adagrad');
  const rmsprop = runOf(main, 'l5-rmsprop');
  const late = [meanStep(adagrad, 101, 150), meanStep(rmsprop, 101, 150)];
  const own = [stepLength(adagrad, 10), stepLength(adagrad, 300)];
  const ends = [distance(endPoint(adagrad), BOOTH_MIN), distance(endPoint(rmsprop), BOOTH_MIN)];
  return [
    claim('over steps 101–150 AdaGrad’s steps are less than a third of RMSProp’s', late[0] < late[1] / 3, `mean step: AdaGrad ${fmt(late[0])}, RMSProp ${fmt(late[1])}`),
    claim('AdaGrad’s last step is less than half its 10th', own[1] < own[0] / 2, `step 10 ${fmt(own[0])}, step 300 ${fmt(own[1])}`),
    claim('RMSProp arrives (within 0.05 of the minimum)', ends[1] < 0.05, `${fmt(ends[1])} from (1, 3)`),
    claim('AdaGrad stalls more than 5 away from the minimum', ends[0] > 5, `${fmt(ends[0])} from (1, 3)`),
  ];
};
