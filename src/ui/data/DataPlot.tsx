import { useEffect, useRef } from 'react';
import type { ExampleSet } from '../../engine/data/models';
import type { DataSurface } from '../../engine/data/dataSurfaces';
import type { BatchSpec, SurfaceData } from '../../engine/types';
import { explainedRunId } from '../../state/explainedRun';
import { computeScene, type ComputedRun } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneBatch } from '../../state/runSpec';
import { sceneStore } from '../../state/store';
import { chartFont, fitCanvas, readChartTheme, watchChart, type ChartTheme } from '../chart/canvasChart';
import { pointIndex } from '../runs/runStatus';

/** Where the data plot draws, in CSS pixels. */
const HEIGHT = 190;

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The examples' extent with a margin: the points never sit on the frame. */
function extent(xs: Float64Array, ys: Float64Array): Box {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    x0 = Math.min(x0, xs[i]);
    x1 = Math.max(x1, xs[i]);
    y0 = Math.min(y0, ys[i]);
    y1 = Math.max(y1, ys[i]);
  }
  const mx = 0.08 * (x1 - x0 || 1);
  const my = 0.1 * (y1 - y0 || 1);
  return { x0: x0 - mx, x1: x1 + mx, y0: y0 - my, y1: y1 + my };
}

/** The plotted columns: a line fit shows (x, y); a classifier its two standardized features. */
function columns(set: ExampleSet): { xs: Float64Array; ys: Float64Array } {
  return set.kind === 'linear' ? { xs: set.a, ys: set.t } : { xs: set.a, ys: set.b };
}

/** Each step's batch, as the run draws it (SurfaceData.indices), packed in one array. */
interface Batches {
  readonly spec: BatchSpec;
  /** Steps listed: 1 … steps. */
  readonly steps: number;
  /** Step t's example indices are flat[start[t]] … flat[start[t + 1] − 1]. */
  readonly flat: Int32Array;
  readonly start: Int32Array;
}

function listBatches(data: SurfaceData, spec: BatchSpec, steps: number): Batches {
  const lists = data.indices(spec, steps);
  const start = new Int32Array(steps + 2);
  for (let t = 0; t <= steps; t++) start[t + 1] = start[t] + lists[t].length;
  const flat = new Int32Array(start[steps + 1]);
  for (let t = 1; t <= steps; t++) flat.set(lists[t], start[t]);
  return { spec, steps, flat, start };
}

/** Whether `b` lists the batches of `spec` for at least `steps` steps (a longer run's list begins with a shorter one's). */
function lists(b: Batches | null, spec: BatchSpec, steps: number): b is Batches {
  return b !== null && b.spec.size === spec.size && b.spec.seed === spec.seed && b.spec.dropLast === spec.dropLast && b.steps >= steps;
}

type Label = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** The two species' colours (Okabe–Ito blue and orange, told apart in every theme and by most colour-blind eyes). */
const CLASS_COLORS = ['#56b4e9', '#e69f00'] as const;

/**
 * The data themselves beside the scene: the examples, and the model of the explained run at the
 * playhead's step (the line w·x + b through the points, or the boundary w₁·u₁ + w₂·u₂ = 0 between
 * the two species), moving as the run plays. What the surface's two numbers mean, drawn. In
 * mini-batches, the examples of the batch that took the run to that step are ringed, the others
 * faded, and a caption under the plot says which batch of which epoch it is.
 */
export function DataPlot({ surface, label }: { readonly surface: DataSurface; readonly label: Label }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const captionRef = useRef<HTMLParagraphElement>(null);
  const set = surface.data.examples;
  useEffect(() => {
    const canvas = canvasRef.current;
    const caption = captionRef.current;
    if (!canvas || !caption) return;
    const { xs, ys } = columns(set);
    const box = extent(xs, ys);
    // The explained run and the canvas's width, found again when the computed scene, the
    // explained run or the size changes (not at each step: reading a width forces a layout).
    let computed: ComputedRun | undefined;
    let width = 0;
    // In mini-batches: the batches of the run's steps (listed again only when the batch size,
    // seed, drop_last or the steps change) and the steps in an epoch; null on the full loss.
    let batches: Batches | null = null;
    let epochSteps = 0;
    const refresh = () => {
      const state = sceneStore.getState();
      const id = explainedRunId(state);
      const scene = computeScene(state);
      computed = scene.runs.find((r) => r.run.id === id);
      width = canvas.clientWidth;
      const spec = computed && sceneBatch(state, surface);
      epochSteps = scene.epochSteps;
      if (!computed || !spec || epochSteps < 1) batches = null;
      else if (!lists(batches, spec, computed.path.steps)) batches = listBatches(surface.data, spec, computed.path.steps);
    };
    const inBatch = new Uint8Array(set.count);
    // undefined: not written yet by this effect (the caption may hold an earlier language's text).
    let captionText: string | null | undefined;
    const writeCaption = (text: string | null) => {
      if (text === captionText) return;
      captionText = text;
      caption.textContent = text ?? '';
      caption.hidden = text === null;
    };
    // The theme's colours and font, read from CSS once per resize or theme change, not per step.
    let theme: ChartTheme | null = null;
    // The point drawn; -2: nothing yet (the canvas had no width).
    let drawnAt = -2;
    /** Draws the plot at the playhead's point; unless `force`, only when that point changed. */
    const draw = (force: boolean) => {
      const k = computed ? pointIndex(playhead.step, computed.path.steps) : -1;
      if (!force && k === drawnAt) return;
      // Folded away: drawn when the section opens (a resize).
      if (width === 0) {
        drawnAt = -2;
        return;
      }
      const ctx = fitCanvas(canvas, width, HEIGHT, window.devicePixelRatio || 1);
      if (!ctx) return;
      drawnAt = k;
      ctx.clearRect(0, 0, width, HEIGHT);
      theme ??= readChartTheme(canvas);
      const colors = theme;
      const pad = { left: 8, right: 8, top: 8, bottom: 20 };
      const px = (x: number) => pad.left + ((x - box.x0) / (box.x1 - box.x0)) * (width - pad.left - pad.right);
      const py = (y: number) => HEIGHT - pad.bottom - ((y - box.y0) / (box.y1 - box.y0)) * (HEIGHT - pad.top - pad.bottom);
      ctx.strokeStyle = colors.line;
      ctx.lineWidth = 1;
      ctx.strokeRect(pad.left, pad.top, width - pad.left - pad.right, HEIGHT - pad.top - pad.bottom);
      // Step k's batch (k ≥ 1; step t takes the t-th batch): its examples ringed, the others faded.
      const batch = batches && k >= 1 && k <= batches.steps ? batches.flat.subarray(batches.start[k], batches.start[k + 1]) : null;
      inBatch.fill(0);
      if (batch) for (const i of batch) inBatch[i] = 1;
      const fillOf = (i: number, strong: boolean) => (set.kind === 'logistic' ? CLASS_COLORS[set.t[i] === 1 ? 1 : 0] : strong ? colors.text : colors.dim);
      ctx.globalAlpha = batch ? 0.3 : 1;
      for (let i = 0; i < xs.length; i++) {
        if (inBatch[i]) continue;
        ctx.fillStyle = fillOf(i, false);
        ctx.beginPath();
        ctx.arc(px(xs[i]), py(ys[i]), 2.6, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      if (batch) {
        ctx.strokeStyle = colors.text;
        ctx.lineWidth = 1.25;
        for (const i of batch) {
          ctx.fillStyle = fillOf(i, true);
          ctx.beginPath();
          ctx.arc(px(xs[i]), py(ys[i]), 3.4, 0, 2 * Math.PI);
          ctx.fill();
          ctx.beginPath();
          ctx.arc(px(xs[i]), py(ys[i]), 5.6, 0, 2 * Math.PI);
          ctx.stroke();
        }
      }
      if (!batches) {
        delete canvas.dataset.batch;
        writeCaption(null);
      } else if (batch) {
        canvas.dataset.batch = batch.join(',');
        const j = (k - 1) % epochSteps;
        writeCaption(label('data.batch.at', { t: k, j: j + 1, k: epochSteps, e: Math.floor((k - 1) / epochSteps) + 1 }));
      } else {
        canvas.dataset.batch = '';
        writeCaption(label('data.batch.start'));
      }
      // The model at the playhead: its two parameters are the particle's x and y.
      if (computed && k >= 0) {
        const p = computed.path.x[k];
        const q = computed.path.y[k];
        ctx.save();
        ctx.beginPath();
        ctx.rect(pad.left, pad.top, width - pad.left - pad.right, HEIGHT - pad.top - pad.bottom);
        ctx.clip();
        ctx.strokeStyle = computed.run.color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        if (set.kind === 'linear') {
          ctx.moveTo(px(box.x0), py(p * box.x0 + q));
          ctx.lineTo(px(box.x1), py(p * box.x1 + q));
        } else if (Math.abs(q) > Math.abs(p) * 1e-12) {
          // w₁·u₁ + w₂·u₂ = 0: u₂ = −(w₁/w₂)·u₁.
          ctx.moveTo(px(box.x0), py((-p / q) * box.x0));
          ctx.lineTo(px(box.x1), py((-p / q) * box.x1));
        } else {
          ctx.moveTo(px(0), py(box.y0));
          ctx.lineTo(px(0), py(box.y1));
        }
        ctx.stroke();
        ctx.restore();
        canvas.dataset.model = `${p},${q}`;
      } else {
        delete canvas.dataset.model;
      }
      ctx.fillStyle = colors.dim;
      ctx.font = chartFont(colors, 0.72 * colors.rem);
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      ctx.fillText(label(set.kind === 'linear' ? `data.axis.${surface.id}.x` : 'data.axis.iris-logistic.x'), pad.left, HEIGHT - 5);
      ctx.textAlign = 'right';
      ctx.fillText(label(set.kind === 'linear' ? `data.axis.${surface.id}.y` : 'data.axis.iris-logistic.y'), width - pad.right, HEIGHT - 5);
    };
    refresh();
    // Redrawn in full when the computed scene, the explained run, the theme or the size changes;
    // the playhead only when it reaches another point.
    const stopWatching = watchChart(
      canvas,
      (restyled) => {
        if (restyled) theme = null;
        refresh();
        draw(true);
      },
      (s, prev) => explainedRunId(s) !== explainedRunId(prev),
    );
    const offPlayhead = onPlayhead(() => draw(false));
    // The first draw may use a fallback font; draw again once the web fonts are in.
    let alive = true;
    document.fonts?.ready.then(() => {
      if (alive) draw(true);
    });
    return () => {
      alive = false;
      stopWatching();
      offPlayhead();
    };
  }, [set, surface, label]);
  return (
    <>
      <canvas ref={canvasRef} className="data-plot" style={{ height: `${HEIGHT}px` }} role="img" aria-label={label(`data.plot.${surface.id}`)} data-field="data-plot" />
      <p ref={captionRef} className="data-note data-batch-caption" data-field="batch-caption" hidden />
    </>
  );
}
