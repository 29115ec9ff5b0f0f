import type { OptimizerId } from '../engine';
import { OPTIMIZER_LINE_STYLES } from './palette';

/**
 * The shape a run's particle is drawn as (3D view, 2D view, the legend, the loss chart, exported
 * frames): with its line style, what tells two runs apart without colour.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'plus' | 'triangleDown' | 'cross';

/** Every shape, in the order a second run of an optimizer looks through them for a free one. */
const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'plus', 'triangleDown', 'cross'];

/**
 * One shape per optimizer, so that "Adam is the orange triangle" holds across scenes. Chosen with
 * the colours and line styles: the lecture's six (the first scene) wear six different shapes, and
 * two optimizers share both style and shape only where their colours stay far apart for normal
 * vision and for protanopia, deuteranopia and tritanopia alike (a unit test checks this). The
 * Adam family wears triangles.
 */
export const OPTIMIZER_MARKERS: Readonly<Record<OptimizerId, MarkerShape>> = {
  sgd: 'circle',
  momentum: 'square',
  nesterov: 'diamond',
  adagrad: 'plus',
  rmsprop: 'star',
  adadelta: 'square',
  adam: 'triangle',
  amsgrad: 'circle',
  adamw: 'triangleDown',
  adamax: 'triangle',
  nadam: 'plus',
  radam: 'triangleDown',
  rprop: 'diamond',
  asgd: 'cross',
  lbfgs: 'square',
  lion: 'cross',
  signum: 'plus',
  shampoo: 'triangleDown',
  'schedule-free-adamw': 'star',
  sam: 'circle',
  lookahead: 'diamond',
  newton: 'cross',
};

/**
 * Each run's shape, in list order. The first run of an optimizer wears the optimizer's; a later
 * one of the same optimizer (a twin, drawn in a spare colour and the same line style) takes the
 * next shape that no run of its line style wears, so that twins never look alike without colour.
 */
export function runMarkers(runs: readonly { readonly optimizer: OptimizerId }[]): MarkerShape[] {
  const worn = new Set<string>();
  const first = new Set<OptimizerId>();
  const twin = runs.map((r) => {
    const isTwin = first.has(r.optimizer);
    first.add(r.optimizer);
    if (!isTwin) worn.add(`${OPTIMIZER_LINE_STYLES[r.optimizer]} ${OPTIMIZER_MARKERS[r.optimizer]}`);
    return isTwin;
  });
  return runs.map((r, i) => {
    const own = OPTIMIZER_MARKERS[r.optimizer];
    if (!twin[i]) return own;
    const style = OPTIMIZER_LINE_STYLES[r.optimizer];
    const from = MARKER_SHAPES.indexOf(own);
    const order = MARKER_SHAPES.map((_, j) => MARKER_SHAPES[(from + 1 + j) % MARKER_SHAPES.length]);
    // More runs of one style than shapes: the shapes come round again (the colours still differ).
    const shape = order.find((s) => !worn.has(`${style} ${s}`)) ?? order[i % order.length];
    worn.add(`${style} ${shape}`);
    return shape;
  });
}

/** A regular polygon's corners (radius r, the first at angle a), as x, y pairs. */
function polygon(n: number, r: number, a: number): number[] {
  return Array.from({ length: 2 * n }, (_, i) => r * (i % 2 ? Math.sin : Math.cos)(a + (2 * Math.PI * (i >> 1)) / n));
}

/** A plus of arms reaching `reach`, `half` thick each side of its axis, turned by `turn`. */
function plus(reach: number, half: number, turn: number): number[] {
  const [h, r] = [half, reach];
  // Anticlockwise, as every outline here: WebGL draws only the side it winds anticlockwise.
  const corners = [r, -h, r, h, h, h, h, r, -h, r, -h, h, -r, h, -r, -h, -h, -h, -h, -r, h, -r, h, -h];
  const [c, s] = [Math.cos(turn), Math.sin(turn)];
  return corners.map((v, i) => (i % 2 ? corners[i - 1] * s + v * c : v * c - corners[i + 1] * s));
}

/** A five-pointed star, its points at `outer` and its notches at `inner`, the first point up. */
function star(outer: number, inner: number): number[] {
  return Array.from({ length: 20 }, (_, i) => {
    const k = i >> 1;
    const r = k % 2 ? inner : outer;
    const a = Math.PI / 2 + (Math.PI * k) / 5;
    return r * (i % 2 ? Math.sin(a) : Math.cos(a));
  });
}

/**
 * Each shape's outline about its centre, as x, y pairs with y up, sized so that the shapes carry
 * about the same ink as the unit circle (a square of the circle's width would look heavier, a
 * triangle lighter). Every outline is star-shaped about the origin and runs anticlockwise: a fan
 * from the centre fills it, facing the viewer.
 */
const OUTLINES: Readonly<Record<MarkerShape, readonly number[]>> = {
  circle: polygon(24, 1, 0),
  square: polygon(4, 1.25, Math.PI / 4),
  diamond: polygon(4, 1.2, Math.PI / 2),
  triangle: polygon(3, 1.38, Math.PI / 2),
  triangleDown: polygon(3, 1.38, -Math.PI / 2),
  star: star(1.4, 0.62),
  plus: plus(1.15, 0.4, 0),
  cross: plus(1.15, 0.4, Math.PI / 4),
};

/** The outline of a shape of unit size, as x, y pairs with y up (for WebGL and SVG). */
export function markerOutline(shape: MarkerShape): readonly number[] {
  return OUTLINES[shape];
}

/** What traceMarker draws on: a canvas context or a Path2D. */
interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/** Adds the shape of size r centred at (x, y) on a y-down canvas; fill or stroke it after. */
export function traceMarker(sink: PathSink, shape: MarkerShape, x: number, y: number, r: number): void {
  const p = OUTLINES[shape];
  sink.moveTo(x + r * p[0], y - r * p[1]);
  for (let i = 2; i < p.length; i += 2) sink.lineTo(x + r * p[i], y - r * p[i + 1]);
  sink.closePath();
}
