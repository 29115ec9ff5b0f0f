import type { Vec2 } from '../../../src/engine';
import { claim, pt, type LessonCheck } from './claims';
import { distance, endPoint, runOf } from './pathReading';

export const checkNewton: LessonCheck = ({ main, variants }) => {
  const newton = runOf(main, 'l8-newton');
  const sgd = runOf(main, 'l8-sgd');
  const afterOne: Vec2 = [newton.path.x[1], newton.path.y[1]];
  const sgdAfterOne: Vec2 = [sgd.path.x[1], sgd.path.y[1]];
  const saddleNewton = runOf(variants.saddle, 'l8s-newton');
  const saddleSgd = runOf(variants.saddle, 'l8s-sgd');
  const onSaddle: Vec2 = [saddleNewton.path.x[1], saddleNewton.path.y[1]];
  return [
    claim('on the ravine Newton reaches the minimum (0, 0) in one step', distance(afterOne, [0, 0]) < 1e-12, `after one step ${pt(afterOne)}`),
    claim('SGD is still far away after one step', distance(sgdAfterOne, [0, 0]) > 1, `after one step ${pt(sgdAfterOne)}`),
    claim('on the saddle Newton jumps onto the saddle point in one step and stays', distance(onSaddle, [0, 0]) < 1e-12 && distance(endPoint(saddleNewton), [0, 0]) < 1e-12, `after one step ${pt(onSaddle)}, at the end ${pt(endPoint(saddleNewton))}`),
    claim('on the saddle SGD slides away from it', Math.abs(endPoint(saddleSgd)[1]) > 1, `SGD ends at ${pt(endPoint(saddleSgd))}`),
  ];
};
