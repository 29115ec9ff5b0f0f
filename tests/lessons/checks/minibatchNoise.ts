import { claim, fmt, type LessonCheck } from './claims';
import { lossRises, runOf, tailDistance } from './pathReading';

/** The steps of the lesson's scenes. */
const NOISE_STEPS = 300;

export const checkMinibatchNoise: LessonCheck = ({ main, variants }) => {
  const clean = variants.clean;
  const cleanRises = clean.runs.map(lossRises);
  const cleanEnd = runOf(clean, 'l7c-sgd').path.loss[NOISE_STEPS];
  const noisy = runOf(main, 'l7-sgd');
  const decayed = runOf(main, 'l7-sgd-decay');
  const rises = lossRises(noisy);
  const hover = tailDistance(noisy, [0, 0], 50);
  const settled = tailDistance(decayed, [0, 0], 50);
  return [
    claim('without noise the loss never rises, for either run', cleanRises.every((r) => r === 0), `rises: ${cleanRises.join(', ')}`),
    claim('without noise constant-η SGD reaches the minimum (loss < 1e-8)', cleanEnd < 1e-8, `final loss ${fmt(cleanEnd)}`),
    claim('with noise the loss of constant-η SGD rises at a quarter of its steps or more', rises >= NOISE_STEPS / 4, `${rises} of ${NOISE_STEPS}`),
    claim('with noise constant-η SGD hovers near the minimum without settling (mean distance 0.1–0.5 over the last 50 steps)', hover > 0.1 && hover < 0.5, `mean distance ${fmt(hover)}`),
    claim('with noise the decaying η settles at less than half that distance', settled < hover / 2, `decayed ${fmt(settled)}, constant ${fmt(hover)}`),
  ];
};
