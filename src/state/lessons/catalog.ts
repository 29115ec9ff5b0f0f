import { adagradVsRmsprop } from './adagradVsRmsprop';
import { adamBiasCorrection } from './adamBiasCorrection';
import { batchSizeNoise } from './batchSizeNoise';
import { l2Regularization } from './l2Regularization';
import { learningRateTooLarge } from './learningRateTooLarge';
import { linearScaling } from './linearScaling';
import { localMinimum } from './localMinimum';
import { minibatchNoise } from './minibatchNoise';
import { nesterovLookAhead } from './nesterovLookAhead';
import { newton } from './newton';
import { noiseBall } from './noiseBall';
import { ravineZigzag } from './ravineZigzag';
import { rotatedRavine } from './rotatedRavine';
import { saddleEscape } from './saddleEscape';
import type { Lesson } from './types';

/**
 * The fourteen lessons, in the order of the course (the menu's, and a presenter's clicker's).
 * The last three run on real data, whose surfaces arrive as a chunk of their own: opening one
 * loads it first (open.ts).
 */
export const LESSONS: readonly Lesson[] = [
  ravineZigzag,
  saddleEscape,
  localMinimum,
  nesterovLookAhead,
  adagradVsRmsprop,
  adamBiasCorrection,
  minibatchNoise,
  newton,
  learningRateTooLarge,
  l2Regularization,
  rotatedRavine,
  batchSizeNoise,
  noiseBall,
  linearScaling,
];
