import { claim, fmt, type LessonCheck } from './claims';
import { finished, runOf, stepLength } from './pathReading';

/** The η both runs of the lesson use: the caption promises a first step of exactly η. */
const ADAM_LR = 0.3;

export const checkAdamBiasCorrection: LessonCheck = ({ main }) => {
  const corrected = runOf(main, 'l6-adam');
  const raw = runOf(main, 'l6-adam-raw');
  const first = [stepLength(corrected, 1), stepLength(raw, 1)];
  const ratio = first[1] / first[0];
  const { x, y } = corrected.path;
  const perCoordinate = [Math.abs(x[1] - x[0]), Math.abs(y[1] - y[0])];
  return [
    claim('both runs use η = 0.3', corrected.run.params.lr === ADAM_LR && raw.run.params.lr === ADAM_LR, `η ${corrected.run.params.lr} and ${raw.run.params.lr}`),
    claim('without bias correction the first step is about 3 times larger (2.8–3.4)', ratio > 2.8 && ratio < 3.4, `first steps ${fmt(first[0])} and ${fmt(first[1])}, ratio ${fmt(ratio)}`),
    claim('with bias correction the first step is η in each coordinate', perCoordinate.every((d) => Math.abs(d - ADAM_LR) < 1e-6), `|Δx| ${fmt(perCoordinate[0])}, |Δy| ${fmt(perCoordinate[1])}`),
    claim('both runs finish', finished(corrected, 100) && finished(raw, 100), `${corrected.path.status}, ${raw.path.status}`),
  ];
};
