import type { Vec2 } from '../../../src/engine';
import { claim, fmt, type LessonCheck } from './claims';
import { distance, endPoint, runOf } from './pathReading';

const EPOCHS = 5;

/** A loss as the legend writes it (four significant digits). */
const legend = (v: number) => Number(v.toPrecision(4));

export const checkLinearScaling: LessonCheck = ({ main, variants }) => {
  const m = main.surface.minima[0];
  const minimum: Vec2 = [m.x, m.y];
  const double = variants.double;
  const small = runOf(main, 'l14-sgd');
  const scaled = runOf(double, 'l14d-sgd-scaled');
  const unscaled = runOf(double, 'l14d-sgd');
  const end = (c: typeof small) => ({ loss: c.path.loss[c.path.steps], from: distance(endPoint(c), minimum) });
  const [a, b, c] = [small, scaled, unscaled].map(end);
  const apart = distance(endPoint(small), endPoint(scaled));
  const epochs = [small.path.steps / main.epochSteps, scaled.path.steps / double.epochSteps, unscaled.path.steps / double.epochSteps];
  return [
    claim(`both scenes run ${EPOCHS} epochs: 50 steps of batch 10, 25 of batch 20`, epochs.every((e) => e === EPOCHS) && small.path.steps === 50 && scaled.path.steps === 25, `epochs ${epochs.join(', ')}; steps ${small.path.steps}, ${scaled.path.steps}`),
    claim('batch 10 at η = 10 ends 0.31 from the minimum, at loss 0.1062', Math.abs(a.from - 0.31) < 0.005 && legend(a.loss) === 0.1062, `${fmt(a.from)} away, loss ${fmt(a.loss)}`),
    claim('batch 20 at η = 20 ends 0.04 from batch 10’s end', Math.abs(apart - 0.04) < 0.005, `${fmt(apart)} apart`),
    claim('batch 20 at η = 20 ends at the same loss as batch 10, as the legend writes it (0.1062)', legend(b.loss) === 0.1062, `loss ${fmt(b.loss)}`),
    claim('batch 20 at η = 10 ends 1.7 from the minimum, at loss 0.1129', Math.abs(c.from - 1.7) < 0.05 && legend(c.loss) === 0.1129, `${fmt(c.from)} away, loss ${fmt(c.loss)}`),
    claim('the scaled run’s steps are twice as long as the unscaled one’s (the same batches, twice η)', Math.abs(distance([scaled.path.x[1], scaled.path.y[1]], [scaled.path.x[0], scaled.path.y[0]]) / distance([unscaled.path.x[1], unscaled.path.y[1]], [unscaled.path.x[0], unscaled.path.y[0]]) - 2) < 1e-9, 'first steps'),
  ];
};
