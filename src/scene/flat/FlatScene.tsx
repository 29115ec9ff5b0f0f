import { useEffect, useRef } from 'react';
import type { Vec2 } from '../../engine';
import { sceneMarks } from '../../state/markedPoints';
import { computeScene, traceOf, type ComputedRun } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { setProjector } from '../screenProbe';
import { surfaceGridFor, type SurfaceGrid } from '../surfaceGrid';
import { paintBackground, type FlatInk } from './flatBackground';
import { tidyStart } from '../tidyStart';
import { flatLayout, fromCanvas, toCanvas, type FlatLayout } from './flatLayout';
import { FlatTeaching } from './flatTeaching';
import { companionPath, drawnPath, paintMarks, paintRunLines, paintRunMarks, paintStart, type DrawnPath, type Emphasis, type RunExtras } from './flatRuns';

/** Pointer travel (px) under which a press counts as a click (as the 3D view's tap). */
const TAP_TOLERANCE = 6;
const LINE_WIDTH_PX = 3;
const PRESENTATION_LINE_WIDTH_PX = 7;
const PRESENTATION_PARTICLE_SCALE = 1.7;
/** The rules that draw sequences beside their paths, from their traces (as RunVisuals). */
const COMPANIONS: ReadonlySet<string> = new Set(['asgd', 'schedule-free-adamw', 'rprop', 'sam', 'lookahead']);
const NO_EXTRAS: RunExtras = { companions: [null, null], stepSizes: null, probes: null };

/** The notice is raised once a page, however often the view mounts. */
let noticeRaised = false;

/** Says once that the view is a flat drawing: at once, or when the notice showing now is dismissed. */
function raiseNotice(): () => void {
  if (noticeRaised) return () => {};
  const raise = () => {
    noticeRaised = true;
    sceneStore.getState().setNotice({ key: 'notice.flatView' });
  };
  if (sceneStore.getState().notice === null) {
    raise();
    return () => {};
  }
  const stop = sceneStore.subscribe((s) => {
    if (s.notice !== null || noticeRaised) return;
    stop();
    raise();
  });
  return stop;
}

function readInk(el: Element): FlatInk {
  const style = getComputedStyle(el);
  const root = getComputedStyle(document.documentElement);
  const rem = Number.parseFloat(root.fontSize);
  const prop = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { text: prop('--text', '#e6edf3'), dim: prop('--text-dim', '#9aa7b4'), line: prop('--line', '#30363d'), font: style.fontFamily || 'sans-serif', rem: Number.isFinite(rem) && rem > 0 ? rem : 16 };
}

/** What the run's trace adds beside its path, in canvas pixels (as RunVisuals draws it). */
function extrasOf(state: ReturnType<typeof sceneStore.getState>, c: ComputedRun, drawn: DrawnPath, layout: FlatLayout): RunExtras {
  if (!COMPANIONS.has(c.run.optimizer)) return NO_EXTRAS;
  const trace = traceOf(state, c.run.id);
  if (!trace) return NO_EXTRAS;
  const o = c.run.optimizer;
  const slot0 = o === 'asgd' ? trace.state.avg : o === 'schedule-free-adamw' ? trace.state.z : o === 'lookahead' ? trace.state.slow : undefined;
  const slot1 = o === 'schedule-free-adamw' ? trace.vectors.look : undefined;
  return {
    companions: [slot0 ? companionPath(c, slot0, drawn, layout) : null, slot1 ? companionPath(c, slot1, drawn, layout) : null],
    stepSizes: o === 'rprop' ? (trace.state.stepSize ?? null) : null,
    probes: o === 'sam' ? (trace.vectors.probe ?? null) : null,
  };
}

/**
 * Draws the scene on one 2D canvas: the background (colour map, contours, axes) once per surface,
 * size and theme, then on every change of the paths or the playhead the runs over it.
 */
class FlatPainter {
  private readonly background = document.createElement('canvas');
  private backgroundKey = '';
  private backgroundGrid: SurfaceGrid | null = null;
  private layout: FlatLayout | null = null;
  private paths = new Map<string, DrawnPath>();
  private extras = new Map<string, RunExtras>();
  private pathsKey = '';
  private frame = 0;
  private fontsVersion = 0;
  private drawnVersion = -1;
  private size = { width: 0, height: 0 };
  private readonly teaching = new FlatTeaching(() => this.request());

  constructor(private readonly canvas: HTMLCanvasElement) {}

  resize(width: number, height: number): void {
    this.size = { width, height };
    this.request();
  }

  fontsChanged(): void {
    this.fontsVersion++;
    this.request();
  }

  request(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.paint());
  }

  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The canvas point of (x, y), in CSS pixels from the canvas's corner; null before the first paint. */
  project(x: number, y: number): Vec2 | null {
    return this.layout ? toCanvas(this.layout, x, y) : null;
  }

  /** The plane's point under a canvas point, or null outside the plot. */
  pick(px: number, py: number): Vec2 | null {
    return this.layout ? fromCanvas(this.layout, px, py) : null;
  }

  private paint(): void {
    this.frame = 0;
    const { width, height } = this.size;
    if (width < 1 || height < 1) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const state = sceneStore.getState();
    const scene = computeScene(state);
    const grid = surfaceGridFor(scene.surface);
    const dpr = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
    const deviceW = Math.round(width * dpr);
    const deviceH = Math.round(height * dpr);
    if (this.canvas.width !== deviceW || this.canvas.height !== deviceH) {
      this.canvas.width = deviceW;
      this.canvas.height = deviceH;
    }
    const ink = readInk(this.canvas);
    const layout = flatLayout(scene.surface.domain, width, height, ink.rem);

    const backgroundKey = [deviceW, deviceH, ink.text, ink.dim, ink.line, ink.font, ink.rem, this.fontsVersion].join('|');
    if (backgroundKey !== this.backgroundKey || grid !== this.backgroundGrid) {
      this.background.width = deviceW;
      this.background.height = deviceH;
      const bg = this.background.getContext('2d');
      if (bg) {
        bg.setTransform(dpr, 0, 0, dpr, 0, 0);
        bg.clearRect(0, 0, width, height);
        paintBackground(bg, grid, layout, ink);
      }
      this.backgroundKey = backgroundKey;
      this.backgroundGrid = grid;
    }
    this.layout = layout;

    // The paths in canvas pixels, again when the scene or the plot's place changed.
    const pathsKey = [scene.version, layout.left, layout.top, layout.scale].join('|');
    if (pathsKey !== this.pathsKey) {
      this.paths.clear();
      this.extras.clear();
      for (const c of scene.runs) {
        if (!c.run.visible) continue;
        const drawn = drawnPath(c, layout);
        this.paths.set(c.run.id, drawn);
        this.extras.set(c.run.id, extrasOf(state, c, drawn, layout));
      }
      this.pathsKey = pathsKey;
    }

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, deviceW, deviceH);
    ctx.drawImage(this.background, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    const presenting = state.presentation && !state.embed.enabled;
    const emphasis: Emphasis = {
      lineWidth: presenting ? PRESENTATION_LINE_WIDTH_PX : LINE_WIDTH_PX,
      particleScale: presenting ? PRESENTATION_PARTICLE_SCALE : 1,
    };
    // Runs may be drawn a little past the plot (an exit reads as an exit), never over the axes' numbers.
    ctx.save();
    const mx = 0.125 * (layout.right - layout.left);
    const my = 0.125 * (layout.bottom - layout.top);
    ctx.beginPath();
    ctx.rect(layout.left - mx, layout.top - my, layout.right - layout.left + 2 * mx, layout.bottom - layout.top + 2 * my);
    ctx.clip();
    paintMarks(ctx, layout, sceneMarks(state), (x, y) => scene.surface.value(x, y));
    const step = playhead.step;
    for (const c of scene.runs) {
      const drawn = this.paths.get(c.run.id);
      if (drawn) paintRunLines(ctx, c, drawn, layout, step, emphasis);
    }
    paintStart(ctx, layout, state.start);
    for (const c of scene.runs) {
      const drawn = this.paths.get(c.run.id);
      if (drawn) paintRunMarks(ctx, c, drawn, layout, step, emphasis, scene.epochSteps, this.extras.get(c.run.id) ?? NO_EXTRAS);
    }
    ctx.restore();
    // The toolbar's arrows and overlays, over everything (unclipped), as the WebGL view draws them.
    this.teaching.paint(ctx, state, scene, grid, layout, step);

    if (scene.version !== this.drawnVersion) {
      this.drawnVersion = scene.version;
      // Only the newest: the timeline would keep one mark per recompute for as long as the page is open.
      performance.clearMarks('descent:paths-drawn');
      performance.mark('descent:paths-drawn');
    }
    // The "ready" signal for tests and the benchmark, as the WebGL view's first frame gives it.
    const root = document.documentElement;
    if (root.dataset.ready !== 'true') {
      root.dataset.ready = 'true';
      performance.mark('descent:first-frame');
    }
  }
}

/**
 * The scene drawn with Canvas 2D, for a browser where WebGL would not start (see SceneCanvas): the
 * surface as a contour map with the runs, their particles, the minima and the start, as the WebGL
 * 2D view shows them. Clicking the map sets the start, as in the WebGL view. Its name and surface
 * come from SceneCanvas, which reads them from the store already.
 */
export function FlatScene({ label, surfaceId }: { readonly label: string; readonly surfaceId: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) return;
    const painter = new FlatPainter(canvas);
    const observer = new ResizeObserver(([entry]) => painter.resize(entry.contentRect.width, entry.contentRect.height));
    observer.observe(box);
    const rect = box.getBoundingClientRect();
    painter.resize(rect.width, rect.height);
    const unsubscribe = sceneStore.subscribe(() => painter.request());
    const unwatch = onPlayhead(() => painter.request());
    const fontsLoaded = () => painter.fontsChanged();
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    void document.fonts?.ready.then(fontsLoaded);
    setProjector((x, y) => {
      const at = painter.project(x, y);
      if (!at) return null;
      const r = canvas.getBoundingClientRect();
      return { x: r.left + at[0], y: r.top + at[1] };
    });

    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > TAP_TOLERANCE) return;
      const r = canvas.getBoundingClientRect();
      const p = painter.pick(e.clientX - r.left, e.clientY - r.top);
      if (!p) return;
      const state = sceneStore.getState();
      state.setStart(tidyStart(p, computeScene(state).surface.domain));
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('click', onClick);
    const stopNotice = raiseNotice();
    return () => {
      observer.disconnect();
      unsubscribe();
      unwatch();
      document.fonts?.removeEventListener('loadingdone', fontsLoaded);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('click', onClick);
      setProjector(null);
      stopNotice();
      painter.cancel();
    };
  }, []);

  return (
    <div ref={boxRef} className="flat-scene" style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        data-surface={surfaceId}
        data-view="flat"
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'crosshair', touchAction: 'manipulation' }}
      />
    </div>
  );
}
