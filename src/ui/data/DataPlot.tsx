import { useEffect, useRef } from 'react';
import type { ExampleSet } from '../../engine/data/models';
import type { DataSurface } from '../../engine/data/dataSurfaces';
import { explainedRunId } from '../../state/explainedRun';
import { computeScene, type ComputedRun } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
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

/** The two species' colours (Okabe–Ito blue and orange, told apart in every theme and by most colour-blind eyes). */
const CLASS_COLORS = ['#56b4e9', '#e69f00'] as const;

/**
 * The data themselves beside the scene: the examples, and the model of the explained run at the
 * playhead's step (the line w·x + b through the points, or the boundary w₁·u₁ + w₂·u₂ = 0 between
 * the two species), moving as the run plays. What the surface's two numbers mean, drawn.
 */
export function DataPlot({ surface, label }: { readonly surface: DataSurface; readonly label: (key: string) => string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const set = surface.data.examples;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { xs, ys } = columns(set);
    const box = extent(xs, ys);
    // The explained run and the canvas's width, found again when the computed scene, the
    // explained run or the size changes (not at each step: reading a width forces a layout).
    let computed: ComputedRun | undefined;
    let width = 0;
    const refresh = () => {
      const state = sceneStore.getState();
      const id = explainedRunId(state);
      computed = computeScene(state).runs.find((r) => r.run.id === id);
      width = canvas.clientWidth;
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
      for (let i = 0; i < xs.length; i++) {
        ctx.fillStyle = set.kind === 'logistic' ? CLASS_COLORS[set.t[i] === 1 ? 1 : 0] : colors.dim;
        ctx.beginPath();
        ctx.arc(px(xs[i]), py(ys[i]), 2.6, 0, 2 * Math.PI);
        ctx.fill();
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
  }, [set, surface.id, label]);
  return <canvas ref={canvasRef} className="data-plot" style={{ height: `${HEIGHT}px` }} role="img" aria-label={label(`data.plot.${surface.id}`)} data-field="data-plot" />;
}
