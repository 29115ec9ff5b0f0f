// Paints an exported frame on a 2D canvas: the stage's background, a copy of the WebGL view at
// its device resolution, the title, the step and the legend, in the page's fonts and colours.
// Composed from data (the store, the computed paths, the playhead), not from a screenshot of
// the page, so it is the same in every browser and at every zoom.
import { computeScene } from '../../state/paths';
import { playhead, seek } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import {
  frameTitle,
  legendEntries,
  longestLossTexts,
  statusTextsUpTo,
  stepOfTotal,
} from './exportFrameContent';
import { FRAME_FONTS, layoutFrameWithin, type FontRole, type FrameLayout, type LegendRowInput, type Measure, type TextSlot } from './exportFrameLayout';
import { translate, type Translate } from '../../i18n';
import { traceMarker, type MarkerShape } from '../../state/markers';
import type { LineStyle } from '../../state/palette';
import { isTransparent, parseStageBackground, radialGeometry, type StagePaint } from '../shell/stageBackground';

export interface FramePainterOptions {
  /**
   * A video's last step: the layout keeps room for every number and status up to it. Without
   * it the frame is a still, sized for what it shows now.
   */
  readonly upTo?: number;
  /** The largest frame, in pixels: a video is scaled down to it (type stays sharp). */
  readonly maxPixels?: number;
}

export interface FramePainter {
  /** The frame: an opaque 2D canvas, not in the document. */
  readonly canvas: HTMLCanvasElement;
  readonly layout: FrameLayout;
  /** Paints the frame for the playhead as it is now. The view must have drawn that step already. */
  paint(): void;
}

interface Colors {
  readonly bg: string;
  readonly raised: string;
  readonly text: string;
  readonly dim: string;
  readonly line: string;
  readonly danger: string;
  readonly warn: string;
  readonly swatchEdge: string;
}

const DARK = { bg: '#0d1117', raised: '#161b22', text: '#e6edf3', dim: '#9aa7b4', line: '#30363d', danger: '#ff6b6b', warn: '#ffd166' } as const;
const LIGHT = { bg: '#f3f5f8', raised: '#ffffff', text: '#1f2328', dim: '#4f5965', line: '#c9d1d9', danger: '#cf222e', warn: '#9a6700' } as const;

function themeColors(light: boolean): Colors {
  const style = getComputedStyle(document.documentElement);
  const fallback = light ? LIGHT : DARK;
  const read = (name: string, otherwise: string) => {
    const v = style.getPropertyValue(name).trim();
    return v && !isTransparent(v) ? v : otherwise;
  };
  return {
    bg: read('--bg', fallback.bg),
    raised: read('--bg-raised', fallback.raised),
    text: read('--text', fallback.text),
    dim: read('--text-dim', fallback.dim),
    line: read('--line', fallback.line),
    danger: read('--danger', fallback.danger),
    warn: read('--warn', fallback.warn),
    swatchEdge: light ? 'rgb(0 0 0 / 0.25)' : 'rgb(0 0 0 / 0.4)',
  };
}

/** The first element from the view up whose background paints something: the stage. */
function stagePaint(source: HTMLCanvasElement, bg: string): StagePaint {
  for (let el: Element | null = source; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.backgroundImage !== 'none' || !isTransparent(style.backgroundColor)) {
      return parseStageBackground(style.backgroundImage, style.backgroundColor, bg);
    }
  }
  return { kind: 'solid', color: bg };
}

function fontString(family: string, role: FontRole, px: number): string {
  return `${FRAME_FONTS[role].weight} ${px.toFixed(2)}px ${family}`;
}

const FONT_WAIT_MS = 3000;

/**
 * Waits until the faces the frame uses are loaded for the characters it draws (Noto Sans KR
 * comes in subsets per range of characters, fetched on first use), and no longer than a few
 * seconds: text in a fallback face is better than no export.
 */
async function loadFonts(family: string, texts: Readonly<Partial<Record<FontRole, string>>>): Promise<void> {
  if (typeof document.fonts?.load !== 'function') return;
  const loads = Object.entries(texts).map(([role, text]) => document.fonts.load(fontString(family, role as FontRole, 16), text || 'x').catch(() => []));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FONT_WAIT_MS)));
  await Promise.race([Promise.all(loads).then(() => document.fonts.ready), timeout]);
  clearTimeout(timer);
}

/** The legend's rows as the layout needs them: what a still shows, or all a video will show. */
function rowInputs(t: Translate, upTo: number | undefined): LegendRowInput[] {
  const computed = computeScene(sceneStore.getState());
  if (upTo === undefined) {
    return legendEntries(t, computed, playhead.step).map((e) => ({
      name: e.name,
      tag: e.tag,
      steps: [String(e.step)],
      losses: [e.lossText],
      statuses: e.status ? [e.status] : [],
    }));
  }
  const visible = computed.runs.filter((c) => c.run.visible);
  return legendEntries(t, computed, 0).map((e, i) => ({
    name: e.name,
    tag: e.tag,
    steps: [String(Math.min(upTo, visible[i].path.steps))],
    losses: longestLossTexts(visible[i], upTo),
    statuses: statusTextsUpTo(t, visible[i], upTo),
  }));
}

/** Device pixels per CSS pixel of the view: what the WebGL canvas was sized with. */
function viewScale(source: HTMLCanvasElement): number {
  const css = source.getBoundingClientRect().width;
  if (css > 0 && source.width > 0) return source.width / css;
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}

/**
 * Prepares a frame for the scene as it is now (fonts loaded, layout measured). Call paint()
 * after each step the view has drawn.
 */
export async function createFramePainter(source: HTMLCanvasElement, options: FramePainterOptions = {}): Promise<FramePainter> {
  const state = sceneStore.getState();
  const lang = state.lang;
  const t: Translate = (key, vars) => translate(lang, key, vars);
  const root = getComputedStyle(document.documentElement);
  const rem = parseFloat(root.fontSize) || 16;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const light = document.documentElement.dataset.theme === 'light' || state.theme === 'light';
  const colors = themeColors(light);
  const background = stagePaint(source, colors.bg);

  const title = frameTitle(t, state);
  const total = computeScene(state).lastStep;
  const rows = rowInputs(t, options.upTo);
  const heading = t('legend.title').toLocaleUpperCase(lang);
  const stepText = stepOfTotal(t, options.upTo === undefined ? playhead.step : total, total);

  await loadFonts(family, {
    name: title.name ?? '',
    formula: title.formula,
    step: stepText,
    heading,
    column: `${t('legend.step')} ${t('legend.loss')}`,
    run: rows.map((r) => r.name).join(' '),
    tag: rows.map((r) => r.tag).join(' '),
    number: '0123456789.e−—∞',
    status: rows.flatMap((r) => r.statuses).join(' '),
  });

  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) throw new Error('this browser cannot draw the image');
  const widths = new Map<string, number>();
  const measure: Measure = (text, role, px) => {
    const key = `${role}|${px}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      probe.font = fontString(family, role, px);
      w = probe.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  };

  const { layout } = layoutFrameWithin(
    {
      view: { width: Math.max(1, source.width), height: Math.max(1, source.height) },
      scale: viewScale(source),
      rem,
      title,
      stepText,
      legend: { heading, stepHeading: t('legend.step'), lossHeading: t('legend.loss'), rows },
    },
    measure,
    options.maxPixels ?? Infinity,
  );

  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  // Opaque: the file has no transparency even where nothing is drawn.
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser cannot draw the image');

  const text = (slot: TextSlot, color: string, content = slot.text) => {
    ctx.font = fontString(family, slot.role, slot.px);
    ctx.fillStyle = color;
    ctx.textAlign = slot.align;
    ctx.fillText(content, slot.x, Math.round(slot.y));
  };

  const paintBackground = () => {
    ctx.fillStyle = background.kind === 'radial' ? background.base : background.color;
    ctx.fillRect(0, 0, layout.width, layout.height);
    if (background.kind !== 'radial') return;
    const { cx, cy, rx, ry } = radialGeometry(background, layout.stage);
    ctx.save();
    ctx.beginPath();
    ctx.rect(layout.stage.x, layout.stage.y, layout.stage.width, layout.stage.height);
    ctx.clip();
    // A circular gradient squashed into the ellipse CSS draws.
    ctx.translate(cx, cy);
    ctx.scale(1, ry / rx);
    const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, rx);
    for (const stop of background.stops) gradient.addColorStop(stop.offset, stop.color);
    ctx.fillStyle = gradient;
    const k = rx / ry;
    ctx.fillRect(layout.stage.x - cx, (layout.stage.y - cy) * k, layout.stage.width, layout.stage.height * k);
    ctx.restore();
  };

  const paintLegend = () => {
    const { panel, legend } = layout;
    if (!panel || !legend) return;
    ctx.fillStyle = colors.raised;
    ctx.fillRect(panel.x, panel.y, panel.width, panel.height);
    // The dock's border, on the side that meets the view.
    const edge = Math.max(1, Math.round(viewScale(source)));
    ctx.fillStyle = colors.line;
    if (layout.placement === 'beside') ctx.fillRect(panel.x, panel.y, edge, panel.height);
    else ctx.fillRect(panel.x, panel.y, panel.width, edge);

    ctx.save();
    ctx.beginPath();
    ctx.rect(panel.x, panel.y, panel.width, panel.height);
    ctx.clip();
    text(legend.heading, colors.dim);
    text(legend.stepHeading, colors.dim);
    text(legend.lossHeading, colors.dim);
    const entries = legendEntries(t, computeScene(sceneStore.getState()), playhead.step);
    legend.rows.forEach((row, i) => {
      const e = entries[i];
      if (!e) return;
      // A sample of the path's own stroke with the particle's shape on it, as the on-screen legend shows them.
      drawLineSample(ctx, row.swatch, e.line, e.color, colors.swatchEdge);
      drawMarkerSample(ctx, row.swatch, e.marker, e.color);
      text(row.name, colors.text, e.name);
      if (row.tag) text(row.tag, colors.dim);
      const number = (right: number, value: string) => text({ text: value, role: 'number', px: row.numberPx, x: right, y: row.baseline, align: 'right' }, colors.text);
      number(row.stepRight, String(e.step));
      number(row.lossRight, e.lossText);
      if (row.status && e.status) {
        const color = e.note.kind === 'diverged' ? colors.danger : colors.warn;
        text({ text: e.status, role: 'status', px: row.status.px, x: row.status.x, y: row.status.y, align: 'left' }, color);
      }
    });
    ctx.restore();
  };

  const paint = () => {
    paintBackground();
    const v = layout.view;
    if (source.width > 0 && source.height > 0) {
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, 0, 0, source.width, source.height, v.x, v.y, v.width, v.height);
    }
    for (const slot of layout.title) text(slot, colors.text);
    const now = computeScene(sceneStore.getState()).lastStep;
    text(layout.step, colors.dim, stepOfTotal(t, playhead.step, now));
    paintLegend();
  };

  return { canvas, layout, paint };
}

function nextAnimationFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The view as the user sees it, as a PNG: the stage's background, the view at its device
 * resolution, the title, the step and the legend. The view renders on demand, so a frame is
 * asked for first and awaited: the drawing buffer (kept, preserveDrawingBuffer) then holds the
 * scene as it is now, not as it was at the last change.
 */
export async function framePng(source: HTMLCanvasElement): Promise<Blob> {
  const painter = await createFramePainter(source);
  seek(playhead.step);
  await nextAnimationFrame();
  await nextAnimationFrame();
  painter.paint();
  return new Promise<Blob>((resolve, reject) => {
    painter.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be written'))), 'image/png');
  });
}

/** The particle's shape at the middle of a stroke sample, rimmed dark as in the view. */
function drawMarkerSample(ctx: CanvasRenderingContext2D, box: { x: number; y: number; width: number; height: number }, shape: MarkerShape, color: string): void {
  const r = box.height * 0.42;
  ctx.beginPath();
  traceMarker(ctx, shape, box.x + box.width / 2, box.y + box.height / 2, r);
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(1.5, 0.5 * r);
  ctx.strokeStyle = 'rgb(6 9 14 / 0.85)';
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.fill();
}

/**
 * A stroke sample across `box`: a bar, two dashes, or a row of dots, thick enough that a video
 * encoder's chroma subsampling keeps its colour (a thin line blurs into the background).
 */
function drawLineSample(ctx: CanvasRenderingContext2D, box: { x: number; y: number; width: number; height: number }, style: LineStyle, color: string, edge: string): void {
  const w = box.height * 0.55;
  const mid = box.y + box.height / 2;
  const shapes: Array<[number, number, number]> = [];
  if (style === 'solid') {
    shapes.push([box.x, box.width, w / 2]);
  } else if (style === 'dashed') {
    const gap = 0.45 * w;
    const dash = (box.width - gap) / 2;
    shapes.push([box.x, dash, w * 0.15], [box.x + dash + gap, dash, w * 0.15]);
  } else {
    const dot = 0.8 * w;
    const count = Math.max(2, Math.floor((box.width + 0.5 * dot) / (1.5 * dot)));
    const pitch = (box.width - dot) / (count - 1);
    for (let i = 0; i < count; i++) shapes.push([box.x + i * pitch, dot, dot / 2]);
  }
  for (const [x, length, radius] of shapes) {
    const h = style === 'dotted' ? length : w;
    ctx.beginPath();
    ctx.roundRect(x, mid - h / 2, length, h, radius);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = Math.max(1, box.height / 14);
    ctx.strokeStyle = edge;
    ctx.stroke();
  }
}
