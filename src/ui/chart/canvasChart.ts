// What the app's canvas charts (the loss chart, the explained run's step-size chart) share, so
// that they look and behave alike: the colours and font read from CSS, a canvas sized to its box
// at the device pixel ratio, the playhead's cursor line, and when to redraw.
import { computeScene } from '../../state/paths';
import { sceneStore, type SceneState } from '../../state/store';

/** The CSS a chart draws with: the theme's colours, the font family and the root font size. */
export interface ChartTheme {
  readonly text: string;
  readonly dim: string;
  readonly line: string;
  readonly bg: string;
  readonly font: string;
  readonly rem: number;
}

export function readChartTheme(el: Element): ChartTheme {
  const style = getComputedStyle(el);
  const root = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#e6edf3'),
    dim: v('--text-dim', '#9aa7b4'),
    line: v('--line', '#30363d'),
    bg: v('--bg-raised', '#161b22'),
    font: style.fontFamily || 'system-ui, sans-serif',
    rem: parseFloat(root.fontSize) || 16,
  };
}

/** A canvas font of the theme's family at `size` CSS pixels. */
export function chartFont(theme: ChartTheme, size: number): string {
  return `${size.toFixed(1)}px ${theme.font}`;
}

/**
 * Sizes a canvas's backing store to its CSS box times the device pixel ratio; returns the context,
 * scaled to CSS pixels. The size is set only when it changes: setting it blanks the canvas and
 * resets the context, which a chart that clears and sets what it draws with does not need.
 */
export function fitCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, dpr: number): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Moves a chart's cursor line (an element over the canvas, moved by transform so the playhead
 * never redraws the chart) to CSS x `at.x`, and records the whole step it marks for tests;
 * hides it when `at` is null (nothing drawn).
 */
export function placeCursor(cursor: HTMLElement, at: { readonly x: number; readonly step: number } | null): void {
  if (!at) {
    cursor.style.visibility = 'hidden';
    return;
  }
  cursor.style.visibility = 'visible';
  cursor.style.transform = `translateX(${at.x.toFixed(2)}px)`;
  cursor.dataset.step = String(Math.floor(at.step + 1e-9));
}

/**
 * Calls `redraw` when the chart's picture may change: on the next frame after the computed scene,
 * the theme or presentation mode (they change the colours and sizes read from CSS) or `alsoWhen`
 * changes, and at once when `box` is resized (in the observer's callback, before paint, since
 * resizing a canvas blanks it; also when a folded section opens). `redraw` is told whether what
 * it read from CSS may have changed (a resize, the theme, presentation mode), so that a chart
 * drawn more often (at each step) can keep it in between. Returns the function that stops.
 */
export function watchChart(box: Element, redraw: (restyled: boolean) => void, alsoWhen: (s: SceneState, prev: SceneState) => boolean = () => false): () => void {
  let frame = 0;
  let restyled = false;
  const schedule = () => {
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        const r = restyled;
        restyled = false;
        redraw(r);
      });
    }
  };
  let drawnVersion = computeScene(sceneStore.getState()).version;
  const unsubscribe = sceneStore.subscribe((s, prev) => {
    const version = computeScene(s).version;
    const style = s.theme !== prev.theme || s.presentation !== prev.presentation;
    if (version !== drawnVersion || alsoWhen(s, prev) || style) {
      drawnVersion = version;
      restyled ||= style;
      schedule();
    }
  });
  const observer = new ResizeObserver(() => redraw(true));
  observer.observe(box);
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
    observer.disconnect();
  };
}
