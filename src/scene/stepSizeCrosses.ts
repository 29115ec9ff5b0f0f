import type { RunTrace } from '../engine';
import { traceOf, type ComputedScene } from '../state/paths';
import type { SceneState } from '../state/store';
import { LineColor, type LineSink } from './lineSink';
import { scalesFor } from './arrowScale';
import type { SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

// The effective learning rate at each particle of a rule that has one per coordinate (AdaGrad,
// RMSProp, AdaDelta, the Adam family…): a cross whose half-widths are η_eff,x·ĝ and η_eff,y·ĝ,
// ĝ the scene's typical gradient (the one the arrows are scaled by), i.e. how far such a gradient
// would move the particle along each axis. It shrinks as AdaGrad's sums grow and stretches along
// the flat axis of a ravine under Adam. Flat at the particle's height, like Rprop's box. Loaded
// when the crosses are first turned on (TeachingOverlays.tsx).

/** As the arrows: above the paths. */
const LIFT = 0.026;
const FLAT_LIFT = 0.008;
/**
 * The widest a cross is drawn (world units; the plot spans 2): Adam's η/(√v̂ + ε) grows without
 * bound as the gradient vanishes, and a cross over the whole plot would hide the paths. A wider
 * one keeps its shape, scaled down.
 */
const MAX_HALF = 0.45;
/** A half-width under this (world units, about a pixel) is not drawn. */
const MIN_HALF = 0.004;
/** Half the length of the bars across a cross's ends: it reads as two lengths, not as axes. */
const CAP = 0.018;
/** Drawn margin beyond the plot, as in RunVisuals: a particle past it is not drawn. */
const OVERSHOOT = 0.25;
/** Segments per cross: two arms and four end bars. */
const SEGMENTS = 6;

const color = new LineColor();

/** Every visible adaptive run's cross at whole step `step`, into `lines` (begun and committed by the caller). */
export function drawStepSizeCrosses(lines: LineSink, state: SceneState, scene: ComputedScene, grid: SurfaceGrid, flat: boolean, step: number): void {
  // The store's derived cache computes each trace once per recompute (the arrows and the
  // update-rule panel read the same ones); the scale needs every visible run's, as the arrows'.
  const traces: RunTrace[] = [];
  for (const c of scene.runs) {
    const trace = c.run.visible ? traceOf(state, c.run.id) : null;
    if (trace) traces.push(trace);
  }
  const typical = scalesFor(traces, scene.surface, grid).typical;
  const { mapping } = grid;
  const s = mapping.scale * typical;
  // Before any segment is written: growing the layer drops what it holds.
  lines.reserve(SEGMENTS * scene.runs.length);
  for (const c of scene.runs) {
    if (!c.run.visible) continue;
    const trace = traceOf(state, c.run.id);
    const rates = trace?.vectors.effLr;
    // Rprop's step sizes are always drawn, as its box (RunVisuals): a cross would repeat them.
    if (!trace || !rates || trace.optimizer === 'rprop') continue;
    const last = Math.min(c.path.steps, trace.steps);
    if (last < 1) continue;
    const k = Math.min(step, last);
    // The step sizes of the step about to be taken, as the arrows show; at the end, the last used.
    const t = k < last ? k + 1 : last;
    let wx = rates[0][t] * s;
    let wz = rates[1][t] * s;
    if (!(Number.isFinite(wx) && Number.isFinite(wz) && wx >= 0 && wz >= 0)) continue;
    const widest = Math.max(wx, wz);
    if (widest < MIN_HALF) continue;
    if (widest > MAX_HALF) {
      wx *= MAX_HALF / widest;
      wz *= MAX_HALF / widest;
    }
    const x = c.path.x[k];
    const y = c.path.y[k];
    const cx = mapping.toWorldX(x);
    const cz = mapping.toWorldZ(y);
    if (Math.abs(cx) > mapping.halfX * (1 + OVERSHOOT) || Math.abs(cz) > mapping.halfZ * (1 + OVERSHOOT)) continue;
    const cy = flat ? FLAT_LIFT : grid.scale.toUnit(c.path.loss[k]) * SURFACE_HEIGHT + LIFT;
    color.set(c.run.color);
    if (wx >= MIN_HALF) {
      lines.segment(cx - wx, cy, cz, cx + wx, cy, cz, color, false);
      lines.segment(cx - wx, cy, cz - CAP, cx - wx, cy, cz + CAP, color, false);
      lines.segment(cx + wx, cy, cz - CAP, cx + wx, cy, cz + CAP, color, false);
    }
    if (wz >= MIN_HALF) {
      lines.segment(cx, cy, cz - wz, cx, cy, cz + wz, color, false);
      lines.segment(cx - CAP, cy, cz - wz, cx + CAP, cy, cz - wz, color, false);
      lines.segment(cx - CAP, cy, cz + wz, cx + CAP, cy, cz + wz, color, false);
    }
  }
}
