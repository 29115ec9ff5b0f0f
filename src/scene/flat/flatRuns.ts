// What of the 2D drawing moves: every visible run's path (the whole of it faint, the part up to the
// playhead in full colour, in the run's line style), its particle, the rings where it diverged or
// left the plot, and the marked minima and the start. The same marks as the WebGL view draws
// (RunVisuals.tsx, Markers.tsx), sized from its world units.
import { radamPlainSteps } from '../../engine';
import type { MarkedPoints } from '../../state/markedPoints';
import { traceMarker } from '../../state/markers';
import { canvasDash, OPTIMIZER_LINE_STYLES } from '../../state/palette';
import type { ComputedRun } from '../../state/paths';
import type { FlatLayout } from './flatLayout';

type Pair = readonly [Float64Array, Float64Array];

/** Sizes in world units, as the WebGL view's (the plot's longer side spans 2). */
const PARTICLE_RADIUS = 0.032;
/** The particle's least size on screen, in CSS pixels, as the WebGL view's (RunVisuals' MARKER_MIN_PX). */
const PARTICLE_MIN_PX = 6.5;
const RING_RADIUS = 0.055;
const MINIMUM_RADIUS = 0.045;
const EPOCH_RADIUS = 0.022;
/** The whole path, ahead of the playhead: thinner and see-through, so the revealed part leads. */
const AHEAD_WIDTH_SHARE = 0.6;
const AHEAD_OPACITY = 0.5;
/** A path is drawn this far past the plot's edge (a share of its size), then cut. */
const OVERSHOOT = 0.125;
/** Points closer than this (CSS pixels) to the last one kept are left out of the drawn line. */
const MIN_STEP_PX = 0.75;
const HALO = 'rgba(6, 9, 14, 0.55)';
const DIVERGED = '#ff4d4d';
const LEFT_PLOT = '#ffb020';

/** How boldly runs are drawn: the presentation mode draws thicker lines and larger particles. */
export interface Emphasis {
  readonly lineWidth: number;
  readonly particleScale: number;
}

/** What a run's trace adds beside its path (see RunVisuals' companions, probes and step sizes). */
export interface RunExtras {
  /**
   * Sequences beside the path, in canvas pixels (companionPath): slot 0 dashed (ASGD's average,
   * schedule-free AdamW's z, Lookahead's slow weights), slot 1 dotted (schedule-free AdamW's y).
   */
  readonly companions: readonly [Path2D | null, Path2D | null];
  /** Rprop's per-coordinate step sizes: a box about the particle. */
  readonly stepSizes: Pair | null;
  /** SAM's ascent probes: a segment from the particle and a cross. */
  readonly probes: Pair | null;
}

/** A run's path in canvas pixels, thinned to points at least MIN_STEP_PX apart. */
export interface DrawnPath {
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  /** The path step of each kept point, increasing. */
  readonly steps: Int32Array;
  readonly count: number;
  /** The whole drawn path, for the faint line. */
  readonly whole: Path2D;
}

/** The last step to draw: the path stops at a non-finite point, and some way past the plot's edge. */
function lastDrawnStep(c: ComputedRun, layout: FlatLayout): number {
  const { path } = c;
  const { domain } = layout;
  const mx = OVERSHOOT * (domain.x[1] - domain.x[0]);
  const my = OVERSHOOT * (domain.y[1] - domain.y[0]);
  for (let k = 0; k <= path.steps; k++) {
    const x = path.x[k];
    const y = path.y[k];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return k - 1;
    if (k >= c.leftAt && c.leftAt >= 0 && (x < domain.x[0] - mx || x > domain.x[1] + mx || y < domain.y[0] - my || y > domain.y[1] + my)) return k;
  }
  return path.steps;
}

export function drawnPath(c: ComputedRun, layout: FlatLayout): DrawnPath {
  const last = lastDrawnStep(c, layout);
  const n = Math.max(0, last + 1);
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const steps = new Int32Array(n);
  const { left, bottom, scale, domain } = layout;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const px = left + (c.path.x[k] - domain.x[0]) * scale;
    const py = bottom - (c.path.y[k] - domain.y[0]) * scale;
    if (count > 0 && k < n - 1 && Math.abs(px - xs[count - 1]) + Math.abs(py - ys[count - 1]) < MIN_STEP_PX) continue;
    xs[count] = px;
    ys[count] = py;
    steps[count] = k;
    count++;
  }
  const whole = new Path2D();
  for (let i = 0; i < count; i++) {
    if (i === 0) whole.moveTo(xs[0], ys[0]);
    else whole.lineTo(xs[i], ys[i]);
  }
  return { xs, ys, steps, count, whole };
}

/** The point drawn at a fractional step (the particle glides between points). */
function pointAt(c: ComputedRun, layout: FlatLayout, last: number, step: number): [number, number] {
  const k = Math.max(0, Math.min(Math.floor(step), last));
  const j = Math.min(k + 1, last);
  const f = k < last ? step - k : 0;
  const x = c.path.x[k] + (c.path.x[j] - c.path.x[k]) * f;
  const y = c.path.y[k] + (c.path.y[j] - c.path.y[k]) * f;
  return [layout.left + (x - layout.domain.x[0]) * layout.scale, layout.bottom - (y - layout.domain.y[0]) * layout.scale];
}

function ring(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, width: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

function disc(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, fill: string, outline: string, width: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = width;
  ctx.strokeStyle = outline;
  ctx.stroke();
}

/** World units (the WebGL view's) to CSS pixels of this layout. */
function worldPx(layout: FlatLayout): number {
  const { domain, scale } = layout;
  return (scale * Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0])) / 2;
}

/** The marked minima and saddles, under a penalty the minimum it moved and the origin it pulls toward. */
export function paintMarks(ctx: CanvasRenderingContext2D, layout: FlatLayout, marks: MarkedPoints, valueAt: (x: number, y: number) => number): void {
  const w = worldPx(layout);
  const r = Math.max(5, MINIMUM_RADIUS * w);
  const width = Math.max(2, 0.016 * w);
  const at = (x: number, y: number) => [layout.left + (x - layout.domain.x[0]) * layout.scale, layout.bottom - (y - layout.domain.y[0]) * layout.scale] as const;
  for (const m of marks.unpenalized) {
    const [px, py] = at(m.x, m.y);
    ring(ctx, px, py, 1.25 * r, width, 'rgba(255, 213, 74, 0.45)');
  }
  if (marks.origin) {
    const [px, py] = at(0, 0);
    const arm = 0.045 * w;
    ctx.beginPath();
    ctx.moveTo(px - arm, py);
    ctx.lineTo(px + arm, py);
    ctx.moveTo(px, py - arm);
    ctx.lineTo(px, py + arm);
    ctx.lineWidth = width;
    ctx.strokeStyle = '#f2f2f2';
    ctx.stroke();
  }
  for (const [x, y] of marks.saddles) {
    if (!Number.isFinite(valueAt(x, y))) continue;
    const [px, py] = at(x, y);
    ring(ctx, px, py, 0.7 * r, width, 'rgba(242, 242, 242, 0.6)');
  }
  for (const m of marks.minima) {
    const [px, py] = at(m.x, m.y);
    // A dark rim under each ring keeps it readable on the colour map's yellow.
    ring(ctx, px, py, r, width + 2, HALO);
    ring(ctx, px, py, r, width, m.kind === 'global' ? '#ffd54a' : '#f2f2f2');
  }
}

/** The start: the head of the WebGL view's pin, seen from above (a white disc, ringed dark). */
export function paintStart(ctx: CanvasRenderingContext2D, layout: FlatLayout, start: readonly [number, number]): void {
  const w = worldPx(layout);
  const px = layout.left + (start[0] - layout.domain.x[0]) * layout.scale;
  const py = layout.bottom - (start[1] - layout.domain.y[0]) * layout.scale;
  if (!Number.isFinite(px) || !Number.isFinite(py)) return;
  const r = Math.max(4.5, 0.03 * w);
  disc(ctx, px, py, r, '#ffffff', 'rgba(6, 9, 14, 0.85)', 1.5);
  disc(ctx, px, py, r * 0.35, 'rgba(6, 9, 14, 0.85)', 'rgba(0, 0, 0, 0)', 0);
}

/** One run's lines: the whole path faint, then the part up to `step` over it, haloed. */
export function paintRunLines(ctx: CanvasRenderingContext2D, c: ComputedRun, drawn: DrawnPath, layout: FlatLayout, step: number, emphasis: Emphasis): void {
  if (drawn.count < 1) return;
  const style = OPTIMIZER_LINE_STYLES[c.run.optimizer];
  const width = emphasis.lineWidth;
  const aheadWidth = width * AHEAD_WIDTH_SHARE;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  ctx.globalAlpha = AHEAD_OPACITY;
  ctx.setLineDash(canvasDash(style, aheadWidth));
  ctx.lineWidth = aheadWidth;
  ctx.strokeStyle = c.run.color;
  ctx.stroke(drawn.whole);
  ctx.globalAlpha = 1;

  // Up to the playhead: the kept points before it, then the particle's own place.
  const last = drawn.steps[drawn.count - 1];
  const revealed = new Path2D();
  revealed.moveTo(drawn.xs[0], drawn.ys[0]);
  for (let i = 1; i < drawn.count && drawn.steps[i] <= step; i++) revealed.lineTo(drawn.xs[i], drawn.ys[i]);
  const [px, py] = pointAt(c, layout, last, step);
  revealed.lineTo(px, py);
  const dash = canvasDash(style, width);
  ctx.setLineDash(dash);
  ctx.lineWidth = width + 2;
  ctx.strokeStyle = HALO;
  ctx.stroke(revealed);
  ctx.lineWidth = width;
  ctx.strokeStyle = c.run.color;
  ctx.stroke(revealed);
  ctx.setLineDash([]);
}

/**
 * A sequence beside the path (see RunExtras) in canvas pixels, from the last point where it still
 * equals the path, thinned as the path is; null when it never leaves the path.
 */
export function companionPath(c: ComputedRun, seq: Pair, drawn: DrawnPath, layout: FlatLayout): Path2D | null {
  if (drawn.count < 1) return null;
  const last = drawn.steps[drawn.count - 1];
  let from = 1;
  while (from <= last && seq[0][from] === c.path.x[from] && seq[1][from] === c.path.y[from]) from++;
  if (from > last) return null;
  const first = from - 1;
  const line = new Path2D();
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (let k = first; k <= last; k++) {
    const x = k === first ? c.path.x[k] : seq[0][k];
    const y = k === first ? c.path.y[k] : seq[1][k];
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    const px = layout.left + (x - layout.domain.x[0]) * layout.scale;
    const py = layout.bottom - (y - layout.domain.y[0]) * layout.scale;
    if (k === first) line.moveTo(px, py);
    else if (k === last || Math.abs(px - lastX) + Math.abs(py - lastY) >= MIN_STEP_PX) line.lineTo(px, py);
    else continue;
    lastX = px;
    lastY = py;
  }
  return line;
}

/** A run's marks on and about its line: companions, epoch rings, RAdam's plain steps, rings, the particle. */
export function paintRunMarks(ctx: CanvasRenderingContext2D, c: ComputedRun, drawn: DrawnPath, layout: FlatLayout, step: number, emphasis: Emphasis, epochSteps: number, extras: RunExtras): void {
  if (drawn.count < 1) return;
  const w = worldPx(layout);
  const last = drawn.steps[drawn.count - 1];
  const at = (k: number) => [layout.left + (c.path.x[k] - layout.domain.x[0]) * layout.scale, layout.bottom - (c.path.y[k] - layout.domain.y[0]) * layout.scale] as const;
  const thin = emphasis.lineWidth * AHEAD_WIDTH_SHARE;
  ctx.lineWidth = thin;
  ctx.strokeStyle = c.run.color;
  ctx.lineCap = 'round';
  extras.companions.forEach((line, slot) => {
    if (!line) return;
    // Dashes for slot 0, dots for slot 1: two sequences beside one path stay apart.
    ctx.setLineDash(slot === 0 ? [2.5 * thin, 2 * thin] : [0, 2 * thin]);
    ctx.stroke(line);
  });
  ctx.setLineDash([]);

  if (epochSteps > 0) {
    // One ring a pass over the data; rings that would overlap (a settled run) are drawn once.
    const r = Math.max(3, EPOCH_RADIUS * w);
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    for (let k = epochSteps; k <= last; k += epochSteps) {
      const [px, py] = at(k);
      if (Math.abs(px - lastX) + Math.abs(py - lastY) < r) continue;
      ring(ctx, px, py, r, 1.5, 'rgba(244, 247, 251, 0.8)');
      lastX = px;
      lastY = py;
    }
  }
  if (c.run.optimizer === 'radam') {
    const plain = Math.min(radamPlainSteps(c.path.params.beta2, c.path.steps), last);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    for (let k = 1; k <= plain; k++) {
      const [px, py] = at(k);
      ctx.beginPath();
      ctx.arc(px, py, Math.max(1.5, 0.014 * w), 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  const ringWidth = Math.max(2, 0.018 * w) * emphasis.particleScale;
  const ringR = Math.max(7, RING_RADIUS * w) * emphasis.particleScale;
  if (c.leftAt >= 0 && c.leftAt <= last) {
    const [px, py] = at(c.leftAt);
    ring(ctx, px, py, 0.75 * ringR, ringWidth, LEFT_PLOT);
  }
  if (c.path.status !== 'ok') {
    const [px, py] = at(last);
    ring(ctx, px, py, ringR, ringWidth, DIVERGED);
  }

  const k = Math.max(0, Math.min(Math.floor(step), last));
  const [px, py] = pointAt(c, layout, last, step);
  const t = Math.max(1, Math.min(k, c.path.steps));
  if (extras.stepSizes && c.path.steps >= 1) {
    // Rprop: the step sizes the step to point k used, as half-widths of a box about the particle.
    const hx = extras.stepSizes[0][t] * layout.scale;
    const hy = extras.stepSizes[1][t] * layout.scale;
    if (Number.isFinite(hx) && Number.isFinite(hy)) {
      ctx.lineWidth = thin;
      ctx.strokeStyle = c.run.color;
      ctx.strokeRect(px - hx, py - hy, 2 * hx, 2 * hy);
    }
  } else if (extras.probes && c.path.steps >= 1) {
    // SAM: where the next gradient is taken, x_k + ε̂.
    const p = Math.min(k + 1, c.path.steps);
    const qx = layout.left + (extras.probes[0][p] - layout.domain.x[0]) * layout.scale;
    const qy = layout.bottom - (extras.probes[1][p] - layout.domain.y[0]) * layout.scale;
    if (Number.isFinite(qx) && Number.isFinite(qy)) {
      const arm = 0.02 * w;
      ctx.beginPath();
      ctx.moveTo(px, py);
      ctx.lineTo(qx, qy);
      ctx.moveTo(qx - arm, qy - arm);
      ctx.lineTo(qx + arm, qy + arm);
      ctx.moveTo(qx - arm, qy + arm);
      ctx.lineTo(qx + arm, qy - arm);
      ctx.lineWidth = thin;
      ctx.strokeStyle = c.run.color;
      ctx.stroke();
    }
  }
  // The run's marker shape in its colour, rimmed dark as the WebGL view's.
  const r = Math.max(PARTICLE_MIN_PX, PARTICLE_RADIUS * w) * emphasis.particleScale;
  ctx.beginPath();
  traceMarker(ctx, c.marker, px, py, r);
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(3, 0.5 * r);
  ctx.strokeStyle = 'rgba(6, 9, 14, 0.9)';
  ctx.stroke();
  ctx.fillStyle = c.run.color;
  ctx.fill();
}
