import type { RunTrace, Surface } from '../engine';
import type { ComputedRun } from '../state/paths';
import type { runSpec } from '../state/runSpec';
import type { VectorToggles } from '../state/store';
import type { Scales } from './arrowScale';
import type { BatchSpread, Place } from './batchSpread';
import { LineColor, type LineSink } from './lineSink';
import type { SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

// The teaching arrows at each particle: −g (white), the remembered average gradient (the run's
// colour, dashed, thin) and the step about to be taken (the run's colour, solid, thick); for
// Nesterov also its look-ahead point (a pink ring) and the gradient taken there (pink), as line
// segments in world units. No three.js scene here: the WebGL view (VectorArrows.tsx) and the 2D
// drawing (flat/flatArrows.ts) write them into their own layers (lineSink.ts) and draw them over
// everything with a dark halo.

/** Above the paths (which float 0.018 over the surface), so that a step arrow covers its segment. */
const LIFT = 0.026;
const FLAT_LIFT = 0.008;
/** Shorter than this (world units) an arrow would be all head: it is left out. */
const MIN_LENGTH = 0.008;
const HEAD_LENGTH = 0.038;
const RING_RADIUS = 0.028;
const RING_SEGMENTS = 14;
/** Drawn margin beyond the plot, as in RunVisuals: a particle past it is not drawn. */
const OVERSHOOT = 0.25;

/** How long any arrow may be, per kind (world units; the typical one: arrowScale.ts). */
const GRADIENT_MAX = 0.35;
const STEP_MAX = 0.5;
/**
 * Steps are drawn to scale, tip on the next point; one shorter than this would hide under the
 * particle, so it is drawn this long, still pointing the right way.
 */
const STEP_MIN = 0.07;
/** A step shorter than this (world units, well under a pixel) counts as standing still. */
const STILL = 0.001;

const WHITE = new LineColor('#ffffff');
/** The mini-batch gradients' crosses and ellipse: a step dimmer than the white −g they surround. */
const SPREAD = new LineColor('#c9d6e6');
/** Nesterov's look-ahead point and the gradient taken there: told apart from the white −g at the particle. */
const LOOK_AHEAD = new LineColor('#ff7ab6');

/** A world point, reused: the arrow code allocates nothing per frame. */
interface P3 {
  x: number;
  y: number;
  z: number;
}

/** Where the arrows of one frame are drawn from: the scene's geometry and scales. */
export interface ArrowFrame {
  readonly surface: Surface;
  readonly grid: SurfaceGrid;
  readonly flat: boolean;
  readonly scales: Scales;
}

const scratchGradient = new Float64Array(2);

function height(frame: ArrowFrame, x: number, y: number, loss?: number): number {
  if (frame.flat) return FLAT_LIFT;
  const f = loss ?? frame.surface.value(x, y);
  return frame.grid.scale.toUnit(f) * SURFACE_HEIGHT + LIFT;
}

function toWorld(frame: ArrowFrame, x: number, y: number, out: P3, loss?: number): P3 {
  out.x = frame.grid.mapping.toWorldX(x);
  out.y = height(frame, x, y, loss);
  out.z = frame.grid.mapping.toWorldZ(y);
  return out;
}

const tail: P3 = { x: 0, y: 0, z: 0 };
const tip: P3 = { x: 0, y: 0, z: 0 };

/**
 * An arrow from the math point (x, y) along the math vector (dx, dy), shortened to `max` world
 * units if longer (and, given `min`, lengthened to it if shorter); both ends sit on the surface
 * (a chord), so that it reads as going downhill.
 */
function arrow(layer: LineSink, frame: ArrowFrame, x: number, y: number, dx: number, dy: number, max: number, color: LineColor, loss?: number, min = 0): void {
  if (!(Number.isFinite(dx) && Number.isFinite(dy))) return;
  const s = frame.grid.mapping.scale;
  const world = Math.hypot(dx, dy) * s;
  // A step too small to see even as a pixel is standing still: lengthening it would draw noise.
  if (world < (min > 0 ? STILL : MIN_LENGTH)) return;
  const shrink = world > max ? max / world : world < min ? min / world : 1;
  toWorld(frame, x, y, tail, loss);
  toWorld(frame, x + dx * shrink, y + dy * shrink, tip);
  const ex = tip.x - tail.x;
  const ey = tip.y - tail.y;
  const ez = tip.z - tail.z;
  const len = Math.hypot(ex, ey, ez);
  layer.segment(tail.x, tail.y, tail.z, tip.x, tip.y, tip.z, color);
  // The head: a V in the horizontal plane, around the shaft's direction.
  const h = Math.min(HEAD_LENGTH, 0.45 * len);
  const flatLen = Math.hypot(ex, ez) || 1;
  const bx = tip.x - (h * ex) / len;
  const by = tip.y - (h * ey) / len;
  const bz = tip.z - (h * ez) / len;
  const w = 0.6 * h;
  const sx = (-ez / flatLen) * w;
  const sz = (ex / flatLen) * w;
  layer.segment(tip.x, tip.y, tip.z, bx + sx, by, bz + sz, color, false);
  layer.segment(tip.x, tip.y, tip.z, bx - sx, by, bz - sz, color, false);
}

function ring(layer: LineSink, frame: ArrowFrame, x: number, y: number, color: LineColor): void {
  toWorld(frame, x, y, tail);
  for (let i = 0; i < RING_SEGMENTS; i++) {
    const a0 = (2 * Math.PI * i) / RING_SEGMENTS;
    const a1 = (2 * Math.PI * (i + 1)) / RING_SEGMENTS;
    layer.segment(
      tail.x + RING_RADIUS * Math.cos(a0), tail.y, tail.z + RING_RADIUS * Math.sin(a0),
      tail.x + RING_RADIUS * Math.cos(a1), tail.y, tail.z + RING_RADIUS * Math.sin(a1),
      color,
      false,
    );
  }
}

/** The remembered average gradient, in gradient units: (1 − ρ)·v for momentum, m for the Adam family. */
function momentumAt(trace: RunTrace, k: number, out: Float64Array): boolean {
  const m = trace.state.m;
  if (m) {
    out[0] = m[0][k];
    out[1] = m[1][k];
    return true;
  }
  const v = trace.state.v;
  if ((trace.optimizer === 'momentum' || trace.optimizer === 'nesterov') && v) {
    const w = 1 - trace.params.rho;
    out[0] = w * v[0][k];
    out[1] = w * v[1][k];
    return true;
  }
  return false;
}

const scratchState = new Float64Array(2);
const runColor = new LineColor();

/** The arrows of one run at point k of its path (the step under the playhead). */
export function drawRunArrows(layers: ArrowLayers, frame: ArrowFrame, c: ComputedRun, trace: RunTrace | undefined, step: number, on: VectorToggles, spread: SpreadFrame | null): void {
  const { path } = c;
  const last = Math.min(path.steps, trace ? trace.steps : path.steps);
  const k = Math.min(step, last);
  const x = path.x[k];
  const y = path.y[k];
  const { mapping } = frame.grid;
  if (Math.abs(mapping.toWorldX(x)) > mapping.halfX * (1 + OVERSHOOT) || Math.abs(mapping.toWorldZ(y)) > mapping.halfZ * (1 + OVERSHOOT)) return;
  const loss = path.loss[k];
  runColor.set(c.run.color);
  const next = trace && k < last ? k + 1 : -1;

  if (on.momentum && trace && momentumAt(trace, k, scratchState)) {
    arrow(layers.momentum, frame, x, y, -scratchState[0] * frame.scales.gradient, -scratchState[1] * frame.scales.gradient, GRADIENT_MAX, runColor, loss);
  }
  if (on.gradient) {
    // The gradient the next step uses, noise included; at the end of the path, the surface's own.
    let gx: number;
    let gy: number;
    if (trace && next > 0) {
      gx = trace.gx[next];
      gy = trace.gy[next];
    } else {
      frame.surface.valueAndGrad(x, y, scratchGradient);
      gx = scratchGradient[0];
      gy = scratchGradient[1];
    }
    arrow(layers.gradient, frame, x, y, -gx * frame.scales.gradient, -gy * frame.scales.gradient, GRADIENT_MAX, WHITE, loss);
    if (spread && next > 0) {
      // The arrow's own scale, shortened as it is, so that its tip lands on its batch's cross.
      const world = Math.hypot(gx, gy) * frame.scales.gradient * mapping.scale;
      const scale = frame.scales.gradient * (world > GRADIENT_MAX ? GRADIENT_MAX / world : 1);
      const place: Place = (px, py, out) => toWorld(frame, px, py, out);
      spread.spreader.draw(layers.spread, frame.surface, spread.data, spread.spec, x, y, next, scale, place, SPREAD);
    }
    const look = trace?.vectors.look;
    const lookG = trace?.vectors.lookG;
    if (next > 0 && look && lookG) {
      const lx = look[0][next];
      const ly = look[1][next];
      toWorld(frame, x, y, tail, loss);
      toWorld(frame, lx, ly, tip);
      if (Math.hypot(tip.x - tail.x, tip.z - tail.z) > MIN_LENGTH) layers.momentum.segment(tail.x, tail.y, tail.z, tip.x, tip.y, tip.z, LOOK_AHEAD);
      ring(layers.gradient, frame, lx, ly, LOOK_AHEAD);
      arrow(layers.gradient, frame, lx, ly, -lookG[0][next] * frame.scales.gradient, -lookG[1][next] * frame.scales.gradient, GRADIENT_MAX, LOOK_AHEAD);
    }
  }
  if (on.step && next > 0) {
    arrow(layers.step, frame, x, y, path.x[next] - x, path.y[next] - y, STEP_MAX, runColor, loss, STEP_MIN);
  }
}

/** The line layers the arrows are written into, one per kind (their widths and dashes differ). */
export interface ArrowLayers {
  readonly momentum: LineSink;
  readonly gradient: LineSink;
  readonly step: LineSink;
  /** The spread of the mini-batch gradients about −g (batchSpread.ts). */
  readonly spread: LineSink;
}

/** What the spread of a scene in mini-batches is drawn with; null when it runs none. */
export interface SpreadFrame {
  readonly spreader: BatchSpread;
  readonly data: NonNullable<Surface['data']>;
  readonly spec: NonNullable<ReturnType<typeof runSpec>['batch']>;
}

/** Each kind's line width (CSS pixels) and dashes, in both views; listed in drawing order (the step on top). */
export const ARROW_LINES = {
  spread: { width: 1.5, dashed: false },
  momentum: { width: 2.5, dashed: true },
  gradient: { width: 3, dashed: false },
  step: { width: 4, dashed: false },
} as const satisfies Record<keyof ArrowLayers, { width: number; dashed: boolean }>;

/** Segments one run may need at most: three arrows, the look-ahead's arrow, connector and ring. */
export const SEGMENTS_PER_RUN = 3 * 3 + 3 + 1 + RING_SEGMENTS;
