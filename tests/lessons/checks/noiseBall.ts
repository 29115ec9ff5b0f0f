import type { Vec2 } from '../../../src/engine';
import { meanLossAndGrad } from '../../../src/engine/data/models';
import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, runOf } from './pathReading';
import type { ComputedRun } from '../../../src/state/paths';

/** The stretches the caption measures the ball over: steps 1–100, 101–200, 201–300, 301–400. */
const STRETCH = 100;

/** Mean distance from a point over each stretch of `STRETCH` steps, from step 1. */
function stretches(c: ComputedRun, to: Vec2): number[] {
  const out: number[] = [];
  for (let from = 1; from + STRETCH - 1 <= c.path.steps; from += STRETCH) {
    let sum = 0;
    for (let k = from; k < from + STRETCH; k++) sum += Math.hypot(c.path.x[k] - to[0], c.path.y[k] - to[1]);
    out.push(sum / STRETCH);
  }
  return out;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export const checkNoiseBall: LessonCheck = ({ main, variants }) => {
  const m = main.surface.minima[0];
  const minimum: Vec2 = [m.x, m.y];
  const constant = runOf(main, 'l13-sgd');
  const decayed = runOf(main, 'l13-sgd-decay');
  const ball = stretches(constant, minimum);
  const shrinking = stretches(decayed, minimum);
  const fullEnds = ['l13f-sgd', 'l13f-sgd-decay'].map((id) => distance(endPoint(runOf(variants.full, id)), minimum));
  const gradient = new Float64Array(2);
  main.surface.valueAndGrad(m.x, m.y, gradient);
  const fullGradient = Math.hypot(gradient[0], gradient[1]);
  // Each batch of the first epoch (the runs' own batches), its gradient at the minimum.
  const data = main.surface.data;
  if (!data) throw new Error('noise-ball: not a data surface');
  const batches = data.indices({ size: 5, seed: 1, dropLast: false }, main.epochSteps).slice(1);
  const batchGradients = batches.map((b) => {
    meanLossAndGrad(data.examples, Int32Array.from(b), 0, b.length, m.x, m.y, gradient);
    return Math.hypot(gradient[0], gradient[1]);
  });
  const smallest = Math.min(...batchGradients);
  const meanKick = (20 * batchGradients.reduce((sum, g) => sum + g, 0)) / batchGradients.length;
  return [
    claim('the scene runs on batches of 5 (20 steps an epoch), 400 steps', main.epochSteps === 20 && constant.path.steps === 400, `${main.epochSteps} steps an epoch, ${constant.path.steps} steps`),
    claim(
      'constant-η SGD keeps circling 1.2 to 1.4 from the minimum on average, over each stretch of 100 steps',
      ball.length === 4 && ball.every((d) => round(d, 1) >= 1.2 && round(d, 1) <= 1.4),
      `mean distances ${ball.map(fmt).join(', ')}`,
    ),
    claim(
      'with η halved every 100 steps the mean distance falls to 0.72, 0.44, then 0.23 (after the first 100 steps, which are the constant run’s)',
      shrinking.length === 4 && round(shrinking[0], 2) === round(ball[0], 2) && shrinking.slice(1).map((d) => round(d, 2)).join() === '0.72,0.44,0.23',
      `mean distances ${shrinking.map(fmt).join(', ')}`,
    ),
    claim('at the minimum the gradient of all 100 flowers is zero', fullGradient < 1e-12, `|∇f| = ${fmt(fullGradient)}`),
    claim(
      'at the minimum a batch’s gradient is not zero: every batch of the first epoch kicks the particle, by about 0.5 on average at η = 20',
      batchGradients.length === 20 && smallest > 0 && Math.abs(meanKick - 0.5) < 0.05,
      `${batchGradients.length} batches, smallest |∇| ${fmt(smallest)}, mean η·|∇| ${fmt(meanKick)}`,
    ),
    claim('with the full batch both runs settle within 0.0001 of the minimum', fullEnds.every((d) => d < 1e-4), `ends ${fullEnds.map(fmt).join(', ')} away`),
    claim('every path stays on the plot', [...main.runs, ...variants.full.runs].every((c) => c.leftAt < 0), 'a run left the plot'),
  ];
};
