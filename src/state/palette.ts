import type { OptimizerId } from '../engine';

/**
 * One colour per optimizer, so that "Adam is the orange one" holds across scenes, lectures
 * and screenshots. Chosen to stay apart for the common colour-vision deficiencies and to read
 * on both the dark and the light theme.
 */
export const OPTIMIZER_COLORS: Readonly<Record<OptimizerId, string>> = {
  sgd: '#ff5a5f',
  momentum: '#4cc9f0',
  nesterov: '#b388ff',
  adagrad: '#ffd166',
  rmsprop: '#06d6a0',
  adadelta: '#f78c6b',
  adam: '#ff9f1c',
  amsgrad: '#8d99ae',
  adamw: '#ff70a6',
  adamax: '#9be564',
  nadam: '#5b7cfa',
  radam: '#e0aaff',
  rprop: '#2ec4b6',
  asgd: '#c9ada7',
  lbfgs: '#d9ed92',
  lion: '#ffafcc',
  signum: '#bdb2ff',
  shampoo: '#48cae4',
  'schedule-free-adamw': '#f4a261',
  sam: '#e76f51',
  lookahead: '#80ffdb',
  newton: '#ffffff',
};

/** Extra colours for a second run of the same optimizer. */
const SPARE_COLORS = ['#f94144', '#90be6d', '#577590', '#f9c74f', '#43aa8b', '#c77dff', '#fb8500', '#8ecae6'];

/** The optimizer's own colour unless a run already wears it, else the first unused spare. */
export function pickColor(optimizer: OptimizerId, taken: ReadonlySet<string>): string {
  const own = OPTIMIZER_COLORS[optimizer];
  if (!taken.has(own)) return own;
  return SPARE_COLORS.find((c) => !taken.has(c)) ?? own;
}
