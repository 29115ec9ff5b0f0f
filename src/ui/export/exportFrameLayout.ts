// Where everything goes in an exported frame (the PNG, and every frame of the video): a title
// strip over the view, and the legend in a panel beside the view when there is room (a wide
// stage) or under it (a phone). Pure arithmetic on measured text widths, so that it can be
// tested without a browser; src/ui/export/exportFramePainter.ts measures and paints.
import type { FrameTitle } from './exportFrameContent';

/** Type in the frame, in rem of the page (so presentation mode's larger type carries over). */
export const FRAME_FONTS = {
  name: { weight: 700, size: 1.1 },
  formula: { weight: 400, size: 1 },
  step: { weight: 600, size: 1 },
  heading: { weight: 600, size: 0.78 },
  column: { weight: 500, size: 0.75 },
  run: { weight: 600, size: 0.95 },
  tag: { weight: 500, size: 0.8 },
  number: { weight: 400, size: 0.95 },
  status: { weight: 500, size: 0.8 },
} as const;

export type FontRole = keyof typeof FRAME_FONTS;

/** The width, in device pixels, of `text` set in `role` at `px` device pixels. */
export type Measure = (text: string, role: FontRole, px: number) => number;

interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LegendRowInput {
  readonly name: string;
  readonly tag: string;
  /** The step texts it will show; the widest sets the column (a video shows many). */
  readonly steps: readonly string[];
  readonly losses: readonly string[];
  /** Status texts it may show; none: the row has no second line. */
  readonly statuses: readonly string[];
}

export interface FrameLayoutInput {
  /** The view's image as placed in the frame, in device pixels. */
  readonly view: Size;
  /** Device pixels per CSS pixel: type and spacing scale with it. */
  readonly scale: number;
  /** CSS pixels per rem on the page. */
  readonly rem: number;
  readonly title: FrameTitle;
  /** The widest "step k / total" the frame will show. */
  readonly stepText: string;
  readonly legend: {
    readonly heading: string;
    readonly stepHeading: string;
    readonly lossHeading: string;
    readonly rows: readonly LegendRowInput[];
  };
}

/** One run of text: `x` is its left edge, or its right edge when `align` is 'right'; `y` its baseline. */
export interface TextSlot {
  readonly text: string;
  readonly role: FontRole;
  readonly px: number;
  readonly x: number;
  readonly y: number;
  readonly align: 'left' | 'right';
}

interface LegendRowLayout {
  readonly swatch: Rect;
  readonly name: TextSlot;
  /** " · tag" after the name, or null. */
  readonly tag: TextSlot | null;
  /** Right edges and baseline of the numbers; the text is filled in per frame. */
  readonly stepRight: number;
  readonly lossRight: number;
  readonly numberPx: number;
  readonly baseline: number;
  /** Where a status goes (left edge, baseline), or null when the row has none to show. */
  readonly status: { readonly x: number; readonly y: number; readonly px: number } | null;
}

interface LegendLayout {
  /** The legend's own box inside the panel (its clip). */
  readonly box: Rect;
  readonly heading: TextSlot;
  readonly stepHeading: TextSlot;
  readonly lossHeading: TextSlot;
  readonly rows: readonly LegendRowLayout[];
  /** 1 at full size; smaller when the legend was shrunk to fit under a narrow view. */
  readonly fit: number;
}

export interface FrameLayout {
  /** Whole device pixels, even (video encoders want even sizes). */
  readonly width: number;
  readonly height: number;
  readonly view: Rect;
  /** The part painted with the stage's background: the title strip and the view. */
  readonly stage: Rect;
  /** The dock-like panel that holds the legend, or null when there are no runs to list. */
  readonly panel: Rect | null;
  readonly placement: 'beside' | 'below';
  /** The title's runs of text, line by line. */
  readonly title: readonly TextSlot[];
  /** Where "step k / total" goes: right-aligned on the title's first line. */
  readonly step: TextSlot;
  readonly legend: LegendLayout | null;
}

/** The legend goes beside the view when its panel takes at most this share of the view's width. */
export const BESIDE_MAX_SHARE = 0.45;
/** Shrinking a legend to fit under a narrow view stops here; past it, the legend is clipped. */
export const MIN_LEGEND_FIT = 0.6;

const LINE = 1.35;

/**
 * Splits text into lines for which `fits(line, index)` holds, breaking at spaces, and inside a
 * word only when the word alone is too wide.
 */
export function wrapText(text: string, fits: (line: string, index: number) => boolean): string[] {
  const words = text.split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate, lines.length)) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
    }
    // A word wider than a whole line is cut where it must be.
    let rest = word;
    while (!fits(rest, lines.length) && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut), lines.length)) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

function even(n: number): number {
  const whole = Math.ceil(n - 1e-6);
  return whole % 2 === 0 ? whole : whole + 1;
}

interface LegendMetrics {
  readonly width: number;
  readonly height: number;
  readonly place: (x: number, y: number) => LegendLayout;
}

function legendMetrics(input: FrameLayoutInput, measure: Measure, fit: number): LegendMetrics {
  const R = input.rem * input.scale * fit;
  const px = (role: FontRole) => FRAME_FONTS[role].size * R;
  const widest = (texts: readonly string[], role: FontRole) => texts.reduce((w, s) => Math.max(w, measure(s, role, px(role))), 0);
  const { heading, stepHeading, lossHeading, rows } = input.legend;
  const swatch = 0.8 * R;
  // A stroke sample with the particle's shape in its middle, wide enough to show a dash and a gap each side.
  const swatchWidth = 2.2 * R;
  const lead = swatchWidth + 0.45 * R;
  const gap = 1 * R;
  const nameWidths = rows.map((r) => measure(r.name, 'run', px('run')));
  const tagTexts = rows.map((r) => (r.tag ? ` · ${r.tag}` : ''));
  const nameCol = rows.reduce((w, _r, i) => Math.max(w, lead + nameWidths[i] + (tagTexts[i] ? measure(tagTexts[i], 'tag', px('tag')) : 0)), 0);
  const stepCol = Math.max(measure(stepHeading, 'column', px('column')), ...rows.map((r) => widest(r.steps, 'number')));
  // A little slack: a video's numbers change every frame and proportional digits vary.
  const lossCol = Math.max(measure(lossHeading, 'column', px('column')), ...rows.map((r) => widest(r.losses, 'number'))) + 0.15 * px('number');
  const statusCol = rows.reduce((w, r) => Math.max(w, r.statuses.length > 0 ? lead + widest(r.statuses, 'status') : 0), 0);
  const headingWidth = measure(heading, 'heading', px('heading'));
  const width = Math.max(nameCol + gap + stepCol + gap + lossCol, statusCol, headingWidth + gap + stepCol + gap + lossCol);
  const headLine = px('heading') * 1.9;
  const rowLine = px('run') * 1.55;
  const statusLine = px('status') * 1.3;
  const height = headLine + rows.reduce((h, r) => h + rowLine + (r.statuses.length > 0 ? statusLine : 0), 0);

  const place = (x: number, y: number): LegendLayout => {
    const lossRight = x + width;
    const stepRight = lossRight - lossCol - gap;
    const headBase = y + px('heading') * 1.2;
    const slot = (text: string, role: FontRole, sx: number, sy: number, align: 'left' | 'right' = 'left'): TextSlot => ({ text, role, px: px(role), x: sx, y: sy, align });
    let top = y + headLine;
    const placed = rows.map((r, i): LegendRowLayout => {
      // Text is centred on its capitals: the baseline sits 0.36 em under the line's middle.
      const middle = top + rowLine / 2;
      const baseline = middle + px('run') * 0.36;
      const swatchY = middle - swatch / 2;
      const row: LegendRowLayout = {
        swatch: { x, y: swatchY, width: swatchWidth, height: swatch },
        name: slot(r.name, 'run', x + lead, baseline),
        tag: tagTexts[i] ? slot(tagTexts[i], 'tag', x + lead + nameWidths[i], baseline) : null,
        stepRight,
        lossRight,
        numberPx: px('number'),
        baseline,
        // Tucked under the name, as on screen.
        status: r.statuses.length > 0 ? { x: x + lead, y: top + rowLine + statusLine * 0.35 + px('status') * 0.36, px: px('status') } : null,
      };
      top += rowLine + (r.statuses.length > 0 ? statusLine : 0);
      return row;
    });
    return {
      box: { x, y, width, height },
      heading: slot(heading, 'heading', x, headBase),
      stepHeading: slot(stepHeading, 'column', stepRight, headBase, 'right'),
      lossHeading: slot(lossHeading, 'column', lossRight, headBase, 'right'),
      rows: placed,
      fit,
    };
  };
  return { width, height, place };
}

interface TitleMetrics {
  readonly height: number;
  readonly place: (y: number) => { readonly title: TextSlot[]; readonly step: TextSlot };
}

function titleMetrics(input: FrameLayoutInput, measure: Measure, frameWidth: number, pad: number): TitleMetrics {
  const R = input.rem * input.scale;
  const px = (role: FontRole) => FRAME_FONTS[role].size * R;
  const avail = Math.max(1, frameWidth - 2 * pad);
  const stepWidth = measure(input.stepText, 'step', px('step'));
  const firstLimit = Math.max(avail * 0.4, avail - stepWidth - R);
  const { name, formula } = input.title;
  const head = name === null ? '' : `${name} — `;
  const headWidth = head ? measure(head, 'name', px('name')) : 0;
  // Each line: its runs of text with their x offsets.
  const lines: { role: FontRole; text: string; dx: number }[][] = [];
  if (headWidth + measure(formula, 'formula', px('formula')) <= firstLimit) {
    lines.push([...(head ? [{ role: 'name' as const, text: head, dx: 0 }] : []), { role: 'formula', text: formula, dx: headWidth }]);
  } else {
    if (name !== null) lines.push([{ role: 'name', text: name, dx: 0 }]);
    const wrapped = wrapText(formula, (line, i) => measure(line, 'formula', px('formula')) <= (lines.length + i === 0 ? firstLimit : avail));
    for (const text of wrapped) lines.push([{ role: 'formula', text, dx: 0 }]);
  }
  const lineHeights = lines.map((runs) => LINE * Math.max(...runs.map((r) => px(r.role))));
  const top = pad * 0.8;
  const bottom = pad * 0.55;
  const height = top + lineHeights.reduce((a, b) => a + b, 0) + bottom;
  const place = (y: number) => {
    const title: TextSlot[] = [];
    let lineTop = y + top;
    let firstBaseline = 0;
    lines.forEach((runs, i) => {
      const baseline = lineTop + lineHeights[i] * 0.74;
      if (i === 0) firstBaseline = baseline;
      for (const r of runs) title.push({ text: r.text, role: r.role, px: px(r.role), x: pad + r.dx, y: baseline, align: 'left' });
      lineTop += lineHeights[i];
    });
    return { title, step: { text: input.stepText, role: 'step' as const, px: px('step'), x: frameWidth - pad, y: firstBaseline, align: 'right' as const } };
  };
  return { height, place };
}

/**
 * Lays out a frame around a view of the given size. The legend's panel goes beside the view when
 * it takes at most BESIDE_MAX_SHARE of the view's width, else under it, shrunk (down to
 * MIN_LEGEND_FIT) to the view's width.
 */
export function layoutFrame(input: FrameLayoutInput, measure: Measure): FrameLayout {
  const R = input.rem * input.scale;
  const pad = 0.75 * R;
  const view = input.view;
  const hasLegend = input.legend.rows.length > 0;
  const full = legendMetrics(input, measure, 1);
  const besidePanel = full.width + 2 * pad;
  const placement = !hasLegend || besidePanel <= BESIDE_MAX_SHARE * view.width ? 'beside' : 'below';
  let legend = full;
  if (placement === 'below' && full.width > view.width - 2 * pad) {
    legend = legendMetrics(input, measure, Math.max(MIN_LEGEND_FIT, (view.width - 2 * pad) / full.width));
  }
  const panelWidth = !hasLegend ? 0 : placement === 'beside' ? besidePanel : view.width;
  const frameWidth = placement === 'beside' ? view.width + panelWidth : view.width;
  const title = titleMetrics(input, measure, frameWidth, pad);
  const viewRect: Rect = { x: 0, y: title.height, width: view.width, height: view.height };
  let panel: Rect | null = null;
  let legendLayout: LegendLayout | null = null;
  let height = title.height + view.height;
  if (hasLegend && placement === 'beside') {
    height = Math.max(height, title.height + legend.height + 2 * pad);
    panel = { x: view.width, y: title.height, width: panelWidth, height: height - title.height };
    legendLayout = legend.place(view.width + pad, title.height + pad);
  } else if (hasLegend) {
    panel = { x: 0, y: height, width: view.width, height: legend.height + 2 * pad };
    legendLayout = legend.place(pad, height + pad);
    height += panel.height;
  }
  const width = even(frameWidth);
  const evenHeight = even(height);
  if (panel) panel = { ...panel, width: width - panel.x, height: evenHeight - panel.y };
  const placed = title.place(0);
  return {
    width,
    height: evenHeight,
    view: viewRect,
    stage: { x: 0, y: 0, width: placement === 'beside' ? view.width : width, height: title.height + view.height },
    panel,
    placement,
    title: placed.title,
    step: placed.step,
    legend: legendLayout,
  };
}

/**
 * The layout at the largest scale whose frame has at most `maxPixels` pixels: a video of a
 * high-density 1080p screen would be 4K, more than a browser's encoder keeps up with.
 */
export function layoutFrameWithin(input: FrameLayoutInput, measure: Measure, maxPixels: number): { readonly layout: FrameLayout; readonly factor: number } {
  let factor = 1;
  let layout = layoutFrame(input, measure);
  for (let i = 0; i < 4 && layout.width * layout.height > maxPixels; i++) {
    factor *= Math.sqrt(maxPixels / (layout.width * layout.height)) * 0.995;
    const view = { width: Math.floor(input.view.width * factor), height: Math.floor(input.view.height * factor) };
    layout = layoutFrame({ ...input, view, scale: input.scale * factor }, measure);
  }
  return { layout, factor };
}
