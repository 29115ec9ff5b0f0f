import { adagradVsRmsprop } from './adagradVsRmsprop';
import { adamBiasCorrection } from './adamBiasCorrection';
import { l2Regularization } from './l2Regularization';
import { learningRateTooLarge } from './learningRateTooLarge';
import { localMinimum } from './localMinimum';
import { minibatchNoise } from './minibatchNoise';
import { nesterovLookAhead } from './nesterovLookAhead';
import { newton } from './newton';
import { ravineZigzag } from './ravineZigzag';
import { rotatedRavine } from './rotatedRavine';
import { saddleEscape } from './saddleEscape';
import type { Lesson } from './types';

/** The eleven lessons, in the order of the course (the menu's, and a presenter's clicker's). */
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
];
