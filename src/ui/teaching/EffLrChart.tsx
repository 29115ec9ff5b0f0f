import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { overlayText } from '../../i18n/overlayText';
import { formatNumber } from '../../i18n/numberFormat';
import { traceOf } from '../../state/paths';
import { onPlayhead } from '../../state/playhead';
import { sceneStore, type Lang, type RunConfig } from '../../state/store';
import { useScene } from '../../state/useScene';
import { linearMap, logAxis, logMap, stepTicks } from '../chart/chartScale';
import { chartFont, fitCanvas, placeCursor, readChartTheme, watchChart } from '../chart/canvasChart';
import { useOverlayText } from './useOverlayText';
import { effLrSeries, plottable, type EffLrSeries } from './effLrSeries';

/** Dash of the y line, in CSS pixels: told apart from x's solid line without a second colour. */
const Y_DASH = [5, 4];
const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function power(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${[...String(e)].map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
}

interface Drawn {
  /** Maps a step to a CSS x in the plot, for the playhead's line; null before a series is drawn. */
  readonly xOf: ((step: number) => number) | null;
  readonly steps: number;
}

/** Draws the series on the canvas at its CSS size; returns where steps fall, for the cursor. */
function draw(canvas: HTMLCanvasElement, series: EffLrSeries | null, color: string, emptyText: string): Drawn {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ctx = fitCanvas(canvas, width, height, window.devicePixelRatio || 1);
  if (!ctx || width === 0) return { xOf: null, steps: 0 };
  ctx.clearRect(0, 0, width, height);
  const theme = readChartTheme(canvas);
  const { dim, line } = theme;
  const fontSize = 0.72 * theme.rem;
  ctx.font = chartFont(theme, fontSize);
  if (!series || series.steps < 1 || !plottable(series.min)) {
    ctx.fillStyle = dim;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(emptyText, width / 2, height / 2);
    return { xOf: null, steps: 0 };
  }
  const axis = logAxis(series.min, series.max, Math.max(2, Math.floor(height / (1.6 * fontSize))));
  const labels = axis.ticks.map(power);
  const left = Math.ceil(Math.max(...labels.map((l) => ctx.measureText(l).width))) + 8;
  const top = 0.5 * fontSize;
  const bottom = height - 1.6 * fontSize;
  const right = width - 6;
  const yOf = logMap(axis.minExp, axis.maxExp, bottom, top);
  const xOf = linearMap(1, Math.max(2, series.steps), left, right);

  ctx.strokeStyle = line;
  ctx.lineWidth = 1;
  ctx.fillStyle = dim;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  axis.ticks.forEach((e, i) => {
    const y = Math.round(yOf(10 ** e)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(right, y);
    ctx.stroke();
    ctx.fillText(labels[i], left - 4, y);
  });
  ctx.textBaseline = 'top';
  for (const s of stepTicks(series.steps, Math.max(2, Math.floor((right - left) / (4 * fontSize))))) {
    if (s < 1) continue;
    const label = String(s);
    const x = xOf(s);
    // Centred under its step, unless that would run past the plot's right edge (the last step).
    const past = x + ctx.measureText(label).width / 2 > width;
    ctx.textAlign = past ? 'right' : 'center';
    ctx.fillText(label, past ? width : x, bottom + 0.3 * fontSize);
  }

  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  series.lines.forEach((values, i) => {
    ctx.setLineDash(i === 1 ? Y_DASH : []);
    ctx.beginPath();
    let open = false;
    for (let t = 1; t <= series.steps; t++) {
      const v = values[t];
      // A value with no place on a log axis (RAdam's first steps have one, the others are NaN) breaks the line.
      if (!plottable(v)) {
        open = false;
        continue;
      }
      const x = xOf(t);
      const y = yOf(v);
      if (open) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      open = true;
    }
    ctx.stroke();
  });
  ctx.setLineDash([]);
  return { xOf, steps: series.steps };
}

function describe(lang: Lang, series: EffLrSeries | null): string {
  if (!series || series.steps < 1) return overlayText(lang, 'effLrChart.empty');
  const n = (v: number) => formatNumber(v, 3);
  const [x, y] = series.ends;
  if (series.perCoordinate && y) {
    return overlayText(lang, 'effLrChart.description', { n: series.steps, x0: n(x[0]), x1: n(x[1]), y0: n(y[0]), y1: n(y[1]) });
  }
  return overlayText(lang, 'effLrChart.descriptionSame', { n: series.steps, x0: n(x[0]), x1: n(x[1]) });
}

/**
 * The explained run's step size per coordinate over the steps, on a log axis, with the playhead
 * marked: AdaGrad's steady decay, Adam's coordinates pulled apart or together. For a rule with
 * one η for every coordinate it shows η (a schedule changes it) and says so.
 */
export function EffLrChart({ run }: { readonly run: RunConfig }) {
  const t = useOverlayText();
  const lang = useScene((s) => s.lang);
  // Known once a trace is drawn: whether the rule records a step size per coordinate.
  const [perCoordinate, setPerCoordinate] = useState(true);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const cursor = cursorRef.current;
    if (!canvas || !cursor) return;
    let drawn: Drawn = { xOf: null, steps: 0 };
    let step = 0;
    // The line stays on the plot (steps 1 to the last); its step is the playhead's own.
    const moveCursor = () => placeCursor(cursor, drawn.xOf && { x: drawn.xOf(Math.min(Math.max(1, step), drawn.steps)), step });
    const redraw = () => {
      // A folded section costs nothing: the observer redraws when it opens.
      if (canvas.getClientRects().length === 0) return;
      const state = sceneStore.getState();
      const trace = traceOf(state, run.id);
      const series = trace ? effLrSeries(trace) : null;
      drawn = draw(canvas, series, run.color, overlayText(lang, 'effLrChart.empty'));
      canvas.setAttribute('aria-label', describe(lang, series));
      setPerCoordinate(series?.perCoordinate ?? true);
      moveCursor();
    };
    const stopWatching = watchChart(canvas, redraw);
    const offPlayhead = onPlayhead((s) => {
      step = s;
      moveCursor();
    });
    redraw();
    return () => {
      stopWatching();
      offPlayhead();
    };
  }, [run.id, run.color, lang]);

  return (
    <figure className="efflr-chart" style={{ '--run-color': run.color } as CSSProperties} data-per-coordinate={perCoordinate}>
      <figcaption className="efflr-chart-head">
        <span className="efflr-chart-title">{t('effLrChart.title')}</span>
        <span className="efflr-chart-key" aria-hidden="true">
          {perCoordinate ? (
            <>
              <span className="efflr-chart-sample" />
              {t('effLrChart.x')}
              <span className="efflr-chart-sample is-dashed" />
              {t('effLrChart.y')}
            </>
          ) : (
            <>
              <span className="efflr-chart-sample" />
              {t('effLrChart.lr')}
            </>
          )}
        </span>
      </figcaption>
      {!perCoordinate && <p className="efflr-chart-note">{t('effLrChart.same')}</p>}
      <div className="efflr-chart-plot">
        {/* Named from its first render: the drawing replaces the name with the full description. */}
        <canvas ref={canvasRef} className="efflr-chart-canvas" role="img" aria-label={t('effLrChart.title')} />
        <div ref={cursorRef} className="efflr-chart-cursor" aria-hidden="true" />
      </div>
    </figure>
  );
}
