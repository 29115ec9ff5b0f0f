// The loss chart's drawing, outside React. Two stacked canvases: the curves, redrawn only when
// the computed scene, the size or the scale changes, and a light overlay with a dot per run that
// is cleared and redrawn every playhead frame (a few arcs), plus a cursor line moved by transform.
import type { ComputedScene } from '../../state/paths';
import {
  chooseLossTransform,
  knownMinimum,
  linearAxis,
  linearMap,
  logAxis,
  logMap,
  stepTicks,
  transformLoss,
  type LossTransform,
} from './chartScale';
import { decimate } from './decimate';
import { chartFont, fitCanvas, placeCursor, readChartTheme, type ChartTheme } from './canvasChart';
import { traceMarker, type MarkerShape } from '../../state/markers';
import { canvasDash, OPTIMIZER_LINE_STYLES } from '../../state/palette';
import { formatTick } from '../../i18n/numberFormat';
import { pointIndex } from '../runs/runStatus';

export interface LossChartElements {
  readonly plot: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  readonly cursor: HTMLElement;
}

interface LossChartText {
  readonly step: string;
  readonly empty: string;
  /** When runs are shown but none has a finite loss (f undefined at the start, or all diverged). */
  readonly noLoss: string;
}

/** What the last full draw decided, so that the overlay and pointer can map without redoing it. */
interface Layout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly lastStep: number;
  readonly xOf: (step: number) => number;
  readonly yOf: (f: number) => number;
  readonly runs: readonly { readonly color: string; readonly marker: MarkerShape; readonly loss: Float64Array; readonly steps: number }[];
}

/** The label of a y tick: "10" with a raised exponent on a log axis, plain digits on a linear one. */
interface TickLabel {
  readonly y: number;
  readonly base: string;
  readonly exponent: string;
}

export interface LossChartView {
  /** Full redraw: axes and curves; then the cursor at the playhead. */
  draw(scene: ComputedScene, log: boolean, text: LossChartText): LossTransform['mode'] | 'empty';
  /** Cursor line and per-run dots only. */
  drawCursor(step: number): void;
  /** The whole step under a client x coordinate, or null before the first draw. */
  stepAt(clientX: number): number | null;
}

export function createLossChartView(el: LossChartElements): LossChartView {
  let layout: Layout | null = null;
  let dpr = 1;
  let theme: ChartTheme | null = null;
  let lastCursorStep = 0;
  // The size of the last full draw: reading clientWidth every frame could force a layout.
  let size = { width: 0, height: 0 };

  function drawCursor(step: number): void {
    lastCursorStep = step;
    const { width: cssWidth, height: cssHeight } = size;
    const ctx = fitCanvas(el.overlay, cssWidth, cssHeight, dpr);
    if (!ctx) return;
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    if (!layout || !theme) {
      placeCursor(el.cursor, null);
      return;
    }
    const s = Math.min(Math.max(0, step), layout.lastStep);
    placeCursor(el.cursor, { x: layout.xOf(s), step: s });
    const radius = 0.3 * theme.rem;
    for (const run of layout.runs) {
      const k = pointIndex(s, run.steps);
      let px = layout.xOf(k);
      let py = layout.yOf(run.loss[k]);
      const frac = s - k;
      if (k < run.steps && frac > 0) {
        // Between points the dot slides along the drawn segment, in screen space.
        px += (layout.xOf(k + 1) - px) * frac;
        py += (layout.yOf(run.loss[k + 1]) - py) * frac;
      }
      if (!Number.isFinite(py)) continue;
      // The run's marker shape, as its particle in the view: the curves meet, the shapes tell them apart.
      ctx.beginPath();
      traceMarker(ctx, run.marker, px, py, radius);
      ctx.lineJoin = 'round';
      ctx.fillStyle = run.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = theme.bg;
      ctx.stroke();
    }
  }

  function draw(scene: ComputedScene, log: boolean, text: LossChartText): LossTransform['mode'] | 'empty' {
    dpr = window.devicePixelRatio || 1;
    const current = readChartTheme(el.plot);
    theme = current;
    const { rem } = current;
    const cssWidth = el.plot.clientWidth;
    const cssHeight = el.plot.clientHeight;
    size = { width: cssWidth, height: cssHeight };
    const ctx = fitCanvas(el.canvas, cssWidth, cssHeight, dpr);
    if (!ctx) return 'empty';
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    const fontSize = 0.8 * rem;
    const expSize = 0.75 * rem;
    const font = (size: number) => chartFont(current, size);

    const visible = scene.runs.filter((r) => r.run.visible);
    let dataMin = Infinity;
    let dataMax = -Infinity;
    // The axis spans the losses while the runs are on the plot. Past its edge (a run escaping a
    // saddle that is unbounded below, one diverging to 1e300) the curve leaves the chart through
    // its border instead of flattening every other curve into a line.
    for (const { path, leftAt } of visible) {
      const inside = leftAt > 0 ? leftAt - 1 : path.steps;
      for (let i = 0; i <= inside; i++) {
        const f = path.loss[i];
        if (f < dataMin) dataMin = f;
        if (f > dataMax) dataMax = f;
      }
    }
    if (visible.length === 0 || !Number.isFinite(dataMin) || !Number.isFinite(dataMax)) {
      layout = null;
      ctx.font = font(0.9 * rem);
      ctx.fillStyle = theme.dim;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(visible.length === 0 ? text.empty : text.noLoss, cssWidth / 2, cssHeight / 2);
      drawCursor(lastCursorStep);
      return 'empty';
    }

    const transform = chooseLossTransform(log, knownMinimum(scene.surface.minima), dataMin, dataMax, visible[0].path.loss[0]);
    const top = 0.6 * rem;
    const bottom = cssHeight - 1.5 * rem;
    const plotHeight = Math.max(1, bottom - top);
    const maxYTicks = Math.max(2, Math.floor(plotHeight / (1.6 * rem)));

    // Vertical axis: its ticks and mapping, then the left margin the widest label needs.
    let yOfValue: (v: number) => number;
    const labels: TickLabel[] = [];
    // Faint lines at every decade of a log axis, when they are far enough apart to read.
    const minorGrid: number[] = [];
    // What the axis spans, for tests and curious readers of the DOM (the chart is pixels).
    el.plot.dataset.lossRange = `${dataMin},${dataMax}`;
    if (transform.mode === 'linear') {
      const axis = linearAxis(dataMin, dataMax, maxYTicks);
      yOfValue = linearMap(axis.min, axis.max, bottom, top);
      for (const v of axis.ticks) labels.push({ y: yOfValue(v), base: formatTick(v, axis.step), exponent: '' });
    } else {
      const axis = logAxis(transformLoss(transform, dataMin), transformLoss(transform, dataMax), maxYTicks);
      yOfValue = logMap(axis.minExp, axis.maxExp, bottom, top);
      if (plotHeight / (axis.maxExp - axis.minExp) >= 0.8 * rem) {
        for (let e = axis.minExp; e <= axis.maxExp; e++) if (!axis.ticks.includes(e)) minorGrid.push(yOfValue(10 ** e));
      }
      for (const e of axis.ticks) {
        const y = yOfValue(10 ** e);
        if (e === 0) labels.push({ y, base: '1', exponent: '' });
        else if (e === 1) labels.push({ y, base: '10', exponent: '' });
        else labels.push({ y, base: '10', exponent: String(e).replace('-', '\u2212') });
      }
      for (const v of axis.between) {
        // Far from 1, "5e17" beside "10¹⁸" reads as two notations: write 5×10¹⁷ like its neighbours.
        const e = Math.floor(Math.log10(v) + 1e-9);
        const far = e >= 4 || e <= -3;
        const m = Math.round(v / 10 ** e);
        labels.push(
          far
            ? { y: yOfValue(v), base: `${m}\u00d710`, exponent: String(e).replace('-', '\u2212') }
            : { y: yOfValue(v), base: formatTick(v, v), exponent: '' },
        );
      }
    }
    let labelWidth = 0;
    for (const l of labels) {
      ctx.font = font(fontSize);
      let w = ctx.measureText(l.base).width;
      if (l.exponent) {
        ctx.font = font(expSize);
        w += ctx.measureText(l.exponent).width + 1;
      }
      labelWidth = Math.max(labelWidth, w);
    }
    // Wide enough for the labels, and for the x axis's name in the corner below them.
    ctx.font = font(fontSize);
    const captionWidth = ctx.measureText(text.step).width + ctx.measureText('0').width / 2 + 0.9 * rem;
    const left = Math.ceil(Math.max(labelWidth + 0.75 * rem, captionWidth));
    const right = cssWidth - 0.9 * rem;
    const plotWidth = Math.max(1, right - left);
    const lastStep = Math.max(1, scene.lastStep);
    const xOf = linearMap(0, lastStep, left, right);
    // Off the chart, a value is pinned just outside the clipped area (a canvas cannot draw to 1e300).
    const yOf = (f: number) => {
      const y = yOfValue(transformLoss(transform, f));
      return Number.isNaN(y) ? y : Math.min(bottom + 2 * rem, Math.max(top - 2 * rem, y));
    };
    const crisp = (v: number) => (Math.round(v * dpr) + 0.5) / dpr;

    // Grid and axis.
    ctx.lineWidth = 1 / dpr;
    ctx.strokeStyle = theme.line;
    const rule = (ys: readonly number[]) => {
      ctx.beginPath();
      for (const y of ys) {
        ctx.moveTo(left, crisp(y));
        ctx.lineTo(right, crisp(y));
      }
      ctx.stroke();
    };
    rule(labels.map((l) => l.y));
    ctx.globalAlpha = 0.4;
    rule(minorGrid);
    ctx.globalAlpha = 1;

    // Y labels, right-aligned against the plot, the exponent raised by a third of an em.
    ctx.fillStyle = theme.dim;
    ctx.textBaseline = 'middle';
    for (const l of labels) {
      const x = left - 0.4 * rem;
      if (l.exponent) {
        ctx.font = font(expSize);
        ctx.textAlign = 'right';
        const expWidth = ctx.measureText(l.exponent).width;
        ctx.fillText(l.exponent, x, l.y - 0.33 * fontSize);
        ctx.font = font(fontSize);
        ctx.fillText(l.base, x - expWidth - 1, l.y);
      } else {
        ctx.font = font(fontSize);
        ctx.textAlign = 'right';
        ctx.fillText(l.base, x, l.y);
      }
    }

    // X labels: whole steps, the last one kept inside the canvas.
    ctx.font = font(fontSize);
    ctx.textBaseline = 'alphabetic';
    const xTicks = stepTicks(scene.lastStep, Math.max(2, Math.floor(plotWidth / (4.5 * rem))));
    const labelY = cssHeight - 0.4 * rem;
    for (const s of xTicks) {
      const x = xOf(s);
      const label = String(s);
      const w = ctx.measureText(label).width;
      ctx.textAlign = 'center';
      ctx.fillText(label, Math.min(x, cssWidth - w / 2 - 2), labelY);
    }
    // The x axis's name, in the corner under the y labels where nothing else is.
    ctx.textAlign = 'left';
    const stepWidth = ctx.measureText(text.step).width;
    const firstLabelWidth = ctx.measureText('0').width;
    if (stepWidth + 0.4 * rem < left - firstLabelWidth / 2 - 0.3 * rem) ctx.fillText(text.step, 0.3 * rem, labelY);

    // Curves, clipped to the plot so a diverging run cannot paint over the labels.
    ctx.save();
    ctx.beginPath();
    const bleed = 0.4 * rem;
    ctx.rect(left - bleed, top - bleed, plotWidth + 2 * bleed, plotHeight + 2 * bleed);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    // Mini-batches: each step's batch loss, faint and thin under the full loss. Point t is the
    // loss of step t's batch where the step started (x_{t−1}), as a training loop prints it; a
    // batch may lie below the full minimum, which a log axis of f − f* cannot show (skipped).
    ctx.lineWidth = Math.max(1, 0.07 * rem);
    ctx.globalAlpha = 0.35;
    for (const { run, path } of visible) {
      const batchLoss = path.batchLoss;
      if (!batchLoss || path.steps < 1) continue;
      const kept = decimate(
        path.steps,
        (k) => Math.floor(xOf(k) * dpr),
        (k) => yOf(batchLoss[k + 1]),
      );
      ctx.strokeStyle = run.color;
      ctx.beginPath();
      let drawing = false;
      for (const k of kept) {
        const y = yOf(batchLoss[k + 1]);
        if (!Number.isFinite(y)) {
          drawing = false;
          continue;
        }
        if (drawing) ctx.lineTo(xOf(k), y);
        else ctx.moveTo(xOf(k), y);
        drawing = true;
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    // Epoch boundaries: a tick at the foot of the plot after every epoch's last batch, where they
    // are at least a few pixels apart.
    if (scene.epochSteps > 0 && xOf(scene.epochSteps) - xOf(0) >= 6) {
      ctx.strokeStyle = theme.dim;
      ctx.lineWidth = 1 / dpr;
      ctx.beginPath();
      for (let e = scene.epochSteps; e <= scene.lastStep; e += scene.epochSteps) {
        const x = crisp(xOf(e));
        ctx.moveTo(x, bottom);
        ctx.lineTo(x, bottom - 0.4 * rem);
      }
      ctx.stroke();
      el.plot.dataset.epochSteps = String(scene.epochSteps);
    } else {
      delete el.plot.dataset.epochSteps;
    }
    ctx.lineWidth = Math.max(1.5, 0.13 * rem);
    for (const { run, path } of visible) {
      const n = path.steps + 1;
      const kept = decimate(
        n,
        (i) => Math.floor(xOf(i) * dpr),
        (i) => yOf(path.loss[i]),
      );
      ctx.strokeStyle = run.color;
      // The path's own line style: two orange curves, Adam's and SF-AdamW's, stay apart.
      ctx.setLineDash(canvasDash(OPTIMIZER_LINE_STYLES[run.optimizer], ctx.lineWidth));
      ctx.beginPath();
      kept.forEach((i, j) => {
        const x = xOf(i);
        const y = yOf(path.loss[i]);
        if (j === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      if (kept.length === 1) ctx.lineTo(xOf(0) + 0.01, yOf(path.loss[0]));
      ctx.stroke();
      ctx.setLineDash([]);
      if (path.status !== 'ok') {
        // The run stopped here: a small ✕ in its colour, on the chart's edge if its loss is off it.
        const x = xOf(path.steps);
        const y = Math.min(bottom, Math.max(top, yOf(path.loss[path.steps])));
        const r = 0.28 * rem;
        ctx.beginPath();
        ctx.moveTo(x - r, y - r);
        ctx.lineTo(x + r, y + r);
        ctx.moveTo(x + r, y - r);
        ctx.lineTo(x - r, y + r);
        ctx.lineWidth = Math.max(2, 0.15 * rem);
        ctx.stroke();
        ctx.lineWidth = Math.max(1.5, 0.13 * rem);
      }
    }
    // Each curve's marker shape every few rem along it, the runs' marks staggered so that curves
    // lying over each other still show one mark each: a curve is told by its shape without colour.
    const markGap = Math.max(5 * rem, plotWidth / 5);
    const markRadius = 0.24 * rem;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = theme.bg;
    visible.forEach(({ run, path, marker }, j) => {
      ctx.fillStyle = run.color;
      for (let x = left + (markGap * (j + 0.5)) / visible.length; x < right; x += markGap) {
        const k = Math.round(((x - left) / plotWidth) * lastStep);
        if (k > path.steps) break;
        const y = yOf(path.loss[k]);
        if (!(y >= top && y <= bottom)) continue;
        ctx.beginPath();
        traceMarker(ctx, marker, xOf(k), y, markRadius);
        ctx.fill();
        ctx.stroke();
      }
    });
    ctx.restore();

    el.cursor.style.top = `${top}px`;
    el.cursor.style.height = `${plotHeight}px`;
    layout = {
      left,
      top,
      width: plotWidth,
      height: plotHeight,
      lastStep: scene.lastStep,
      xOf,
      yOf,
      runs: visible.map(({ run, path, marker }) => ({ color: run.color, marker, loss: path.loss, steps: path.steps })),
    };
    drawCursor(lastCursorStep);
    return transform.mode;
  }

  function stepAt(clientX: number): number | null {
    if (!layout) return null;
    const box = el.plot.getBoundingClientRect();
    const fraction = (clientX - box.left - layout.left) / layout.width;
    return Math.round(Math.min(1, Math.max(0, fraction)) * layout.lastStep);
  }

  return { draw, drawCursor, stepAt };
}
