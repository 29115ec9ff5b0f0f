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
  'schedule-free-adamw': '#f042f0',
  sam: '#e76f51',
  lookahead: '#42f042',
  newton: '#ffffff',
};

/** How a path is stroked: with 22 rules, colour alone leaves pairs that a projector blurs together. */
export type LineStyle = 'solid' | 'dashed' | 'dotted';

/**
 * One line style per optimizer, chosen with the colours: any two rules whose colours lie closer
 * than ΔE 30 (CIELAB) differ in style, which a unit test checks. The rules of the CS231n lecture
 * and those that draw dashed or dotted sequences beside their path (ASGD, SF-AdamW, Lookahead)
 * are solid.
 */
export const OPTIMIZER_LINE_STYLES: Readonly<Record<OptimizerId, LineStyle>> = {
  sgd: 'solid',
  momentum: 'solid',
  nesterov: 'solid',
  adagrad: 'solid',
  rmsprop: 'solid',
  adadelta: 'dashed',
  adam: 'solid',
  amsgrad: 'dashed',
  adamw: 'solid',
  adamax: 'dashed',
  nadam: 'dashed',
  radam: 'dashed',
  rprop: 'dashed',
  asgd: 'solid',
  lbfgs: 'dotted',
  lion: 'dotted',
  signum: 'dotted',
  shampoo: 'dotted',
  'schedule-free-adamw': 'solid',
  sam: 'dotted',
  lookahead: 'solid',
  newton: 'dashed',
};

/**
 * Dash and gap as multiples of the line's width, for flat drawings (legend, loss chart, exported
 * frames); null is solid. Dots are drawn with round caps, so a zero-length dash is a dot.
 */
const DASH_PATTERNS: Readonly<Record<LineStyle, readonly [number, number] | null>> = {
  solid: null,
  dashed: [3, 2],
  dotted: [0, 2],
};

/** The pattern for a canvas stroke of the given width (an empty array is solid). */
export function canvasDash(style: LineStyle, width: number): number[] {
  const pattern = DASH_PATTERNS[style];
  if (!pattern) return [];
  // Round caps add half a width at each end of a dash: take it back out of the dash.
  return [Math.max(0, pattern[0] - 1) * width, (pattern[1] + (pattern[0] > 0 ? 1 : 0)) * width];
}

/** Extra colours for a second run of the same optimizer. */
const SPARE_COLORS = ['#f94144', '#90be6d', '#577590', '#f9c74f', '#43aa8b', '#c77dff', '#fb8500', '#8ecae6'];

/** The optimizer's own colour unless a run already wears it, else the first unused spare. */
export function pickColor(optimizer: OptimizerId, taken: ReadonlySet<string>): string {
  const own = OPTIMIZER_COLORS[optimizer];
  if (!taken.has(own)) return own;
  return SPARE_COLORS.find((c) => !taken.has(c)) ?? own;
}
