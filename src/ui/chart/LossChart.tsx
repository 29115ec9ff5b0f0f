import { useEffect, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { computeScene } from '../../state/paths';
import { onPlayhead, seek } from '../../state/playhead';
import { sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { type Translate } from '../../i18n';
import { stopDeferring, useAfterFirstFrame } from '../shell/afterFirstFrame';
import { useT } from '../shell/useT';
import type { LossChartView } from './lossChartView';
import './LossChart.css';

// The drawing code (scales, ticks, decimation, the redraw watch) follows the first frame of the
// scene: the chart's box, its title and its switch are laid out from the start, so nothing moves
// when the curves come.
type Drawing = readonly [typeof import('./lossChartView'), typeof import('./canvasChart')];
let drawing: Promise<Drawing> | null = null;
const loadDrawing = () => (drawing ??= Promise.all([import('./lossChartView'), import('./canvasChart')]));

/** How far a finger moves before it counts as a drag, in CSS pixels. */
const TOUCH_SLOP_PX = 10;

/**
 * Loss against step for every visible run, on a plain canvas. The curves are redrawn when the
 * computed scene, the size or the scale changes; the playhead only moves the cursor overlay.
 * Clicking or dragging on the plot scrubs, like the timeline. The curves are first drawn once the
 * scene's first frame is (the drawing code loads then).
 */
export function LossChart() {
  const t = useT();
  const logLoss = useScene((s) => s.logLoss);
  const setLogLoss = useScene((s) => s.setLogLoss);
  const visibleCount = useScene((s) => s.runs.filter((r) => r.visible).length);
  // On a data surface in mini-batches, the faint lines are each batch's loss.
  const batches = useScene((s) => s.batch.size !== null && sceneSurface(s).data !== undefined);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLSpanElement>(null);
  const viewRef = useRef<LossChartView | null>(null);
  const tRef = useRef<Translate>(t);
  const redrawRef = useRef<() => void>(() => {});

  useLayoutEffect(() => {
    tRef.current = t;
    redrawRef.current();
  }, [t]);

  const ready = useAfterFirstFrame();
  useEffect(() => {
    if (!ready) return;
    /** Draws the chart with the loaded view and keeps it drawn; returns what stops it. */
    const drawInto = ([{ createLossChartView }, { watchChart }]: Drawing): (() => void) => {
      const plot = plotRef.current;
      const canvas = canvasRef.current;
      const overlay = overlayRef.current;
      const cursor = cursorRef.current;
      if (!plot || !canvas || !overlay || !cursor) return () => {};
      const view = createLossChartView({ plot, canvas, overlay, cursor });
      viewRef.current = view;

      const redraw = () => {
        const state = sceneStore.getState();
        const tr = tRef.current;
        const mode = view.draw(computeScene(state), state.logLoss, { step: tr('chart.step'), empty: tr('chart.empty'), noLoss: tr('chart.noLoss') });
        const axis = axisRef.current;
        if (!axis) return;
        const [label, hint] =
          mode === 'known'
            ? [tr('chart.axisGap'), tr('chart.axisGapHint')]
            : mode === 'min'
              ? [tr('chart.axisGapMin'), tr('chart.axisGapMinHint')]
              : mode === 'linear'
                ? [tr('chart.axisLoss'), '']
                : ['', ''];
        axis.textContent = label;
        axis.title = hint;
        axis.dataset.mode = mode;
      };
      redrawRef.current = redraw;

      // The log switch changes the axis, not the computed scene.
      const stopWatching = watchChart(plot, redraw, (s, prev) => s.logLoss !== prev.logLoss);
      // The first draw may use a fallback font; draw again once the web fonts are in.
      let alive = true;
      document.fonts?.ready.then(() => {
        if (alive) redraw();
      });
      // And whenever a font arrives later: the Korean font loads when the reader switches to
      // 한국어, after the chart has drawn "스텝" with a font that has no Hangul.
      document.fonts?.addEventListener('loadingdone', redraw);
      // A window moved to a screen with another pixel ratio changes no CSS size.
      const dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`);
      dprQuery?.addEventListener('change', redraw);
      redraw();
      const unsubscribePlayhead = onPlayhead((step) => view.drawCursor(step));

      return () => {
        alive = false;
        stopWatching();
        unsubscribePlayhead();
        dprQuery?.removeEventListener('change', redraw);
        document.fonts?.removeEventListener('loadingdone', redraw);
        redrawRef.current = () => {};
        viewRef.current = null;
      };
    };

    let mounted = true;
    let stop = () => {};
    loadDrawing().then(
      (modules) => {
        if (mounted) stop = drawInto(modules);
      },
      () => {
        // Not loaded (offline before the worker had it): the chart stays empty, the rest works.
      },
    );
    return () => {
      mounted = false;
      stop();
    };
  }, [ready]);

  const scrub = (e: PointerEvent<HTMLDivElement>) => {
    const step = viewRef.current?.stepAt(e.clientX);
    if (step == null) return;
    if (sceneStore.getState().playing) sceneStore.getState().setPlaying(false);
    seek(step);
  };
  // A finger on the chart may be scrolling the page: it scrubs only once it moves sideways
  // (the browser owns vertical moves: touch-action pan-y), or on a tap. A mouse scrubs at once.
  const touch = useRef<{ id: number; x: number; y: number; scrubbing: boolean } | null>(null);

  return (
    <section className="lc" aria-label={t('chart.title')}>
      <div className="lc-head">
        <span className="lc-title">{t('chart.title')}</span>
        <span ref={axisRef} className="lc-axis" data-axis="y" />
        {batches && <span className="lc-note">{t('chart.batchNote')}</span>}
        <label className="lc-switch">
          <input type="checkbox" checked={logLoss} onChange={(e) => setLogLoss(e.currentTarget.checked)} />
          <span className="lc-switch-track" aria-hidden="true" />
          <span>{t('chart.logScale')}</span>
        </label>
      </div>
      <div
        ref={plotRef}
        className="lc-plot"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          // A scrub before the curves are drawn asks for them now.
          if (!viewRef.current) stopDeferring();
          if (e.pointerType === 'touch') {
            touch.current = { id: e.pointerId, x: e.clientX, y: e.clientY, scrubbing: false };
            return;
          }
          e.currentTarget.setPointerCapture(e.pointerId);
          scrub(e);
        }}
        onPointerMove={(e) => {
          const t0 = touch.current;
          if (t0 && t0.id === e.pointerId && !t0.scrubbing) {
            const dx = Math.abs(e.clientX - t0.x);
            const dy = Math.abs(e.clientY - t0.y);
            if (dx > TOUCH_SLOP_PX && dx > dy) {
              t0.scrubbing = true;
              e.currentTarget.setPointerCapture(e.pointerId);
            } else if (dy > TOUCH_SLOP_PX) {
              touch.current = null;
            }
          }
          if (e.currentTarget.hasPointerCapture(e.pointerId)) scrub(e);
        }}
        onPointerUp={(e) => {
          const t0 = touch.current;
          touch.current = null;
          // A tap: no move beyond the slop either way.
          if (t0 && t0.id === e.pointerId && !t0.scrubbing) scrub(e);
        }}
        onPointerCancel={() => {
          // The browser took the gesture over (a scroll): nothing was scrubbed, nothing is.
          touch.current = null;
        }}
      >
        <canvas ref={canvasRef} className="lc-canvas" role="img" aria-label={t('chart.description', { n: visibleCount })} />
        <canvas ref={overlayRef} className="lc-canvas lc-overlay" aria-hidden="true" />
        <div ref={cursorRef} className="lc-cursor" data-testid="loss-cursor" aria-hidden="true" />
      </div>
    </section>
  );
}
