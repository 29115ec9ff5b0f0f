// Every lesson's check, by lesson id: tests/unit/lessons-presets.test.ts runs each one on the
// lesson's computed paths and asks that every lesson has one.
import { checkAdagradVsRmsprop } from './adagradVsRmsprop';
import { checkAdamBiasCorrection } from './adamBiasCorrection';
import { checkBatchSizeNoise } from './batchSizeNoise';
import type { LessonCheck } from './claims';
import { checkL2Regularization } from './l2Regularization';
import { checkLearningRateTooLarge } from './learningRateTooLarge';
import { checkLinearScaling } from './linearScaling';
import { checkLocalMinimum } from './localMinimum';
import { checkMinibatchNoise } from './minibatchNoise';
import { checkNesterovLookAhead } from './nesterovLookAhead';
import { checkNewton } from './newton';
import { checkNoiseBall } from './noiseBall';
import { checkRavineZigzag } from './ravineZigzag';
import { checkRotatedRavine } from './rotatedRavine';
import { checkSaddleEscape } from './saddleEscape';

export type { LessonCheck, LessonPaths } from './claims';

export const LESSON_CHECKS: Readonly<Record<string, LessonCheck>> = {
  'ravine-zigzag': checkRavineZigzag,
  'saddle-escape': checkSaddleEscape,
  'local-minimum': checkLocalMinimum,
  'nesterov-look-ahead': checkNesterovLookAhead,
  'adagrad-vs-rmsprop': checkAdagradVsRmsprop,
  'adam-bias-correction': checkAdamBiasCorrection,
  'minibatch-noise': checkMinibatchNoise,
  newton: checkNewton,
  'learning-rate-too-large': checkLearningRateTooLarge,
  'l2-regularization': checkL2Regularization,
  'rotated-ravine': checkRotatedRavine,
  'batch-size-noise': checkBatchSizeNoise,
  'noise-ball': checkNoiseBall,
  'linear-scaling': checkLinearScaling,
};
