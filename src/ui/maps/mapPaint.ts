// Drawing a map on a canvas: the cells (each computed cell, or while the map fills the coarse
// cell standing for it), the axes in the sliders' scales, the run's own setting, the search
// samples, and the keyboard's cell. Pure drawing: the component decides when.

import { hyperparamInfo, type HyperparamKey } from '../../engine';
import { CELL_OK, CELL_PENDING } from '../../engine/maps/mapCells';
import type { MapOutcomes } from '../../engine/maps/mapGrid';
import { toAxisUnit, type MapRequest } from '../../engine/maps/mapRequest';
import type { Basins } from '../../engine/maps/basins';
import { formatTick } from '../../i18n/numberFormat';
import type { MapView } from '../../state/mapSettings';
import type { SearchResult } from './mapSearch';
import type { MomentumTheory } from './momentumTheory';

// Inferno (matplotlib), nine anchors: not the surface's viridis, so a map never reads as a surface.
const INFERNO: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 4],
  [31, 12, 72],
  [85, 15, 109],
  [136, 34, 106],
  [186, 54, 85],
  [227, 89, 51],
  [249, 140, 10],
  [249, 201, 50],
  [252, 255, 164],
];
const DIVERGED: readonly [number, number, number] = [140, 45, 60];
const NOT_REACHED: readonly [number, number, number] = [48, 53, 62];

export function inferno(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (INFERNO.length - 1);
  const i = Math.min(INFERNO.length - 2, Math.floor(u));
  const f = u - i;
  const a = INFERNO[i];
  const b = INFERNO[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export const DIVERGED_CSS = `rgb(${DIVERGED.join(' ')})`;
export const NOT_REACHED_CSS = `rgb(${NOT_REACHED.join(' ')})`;

/** The range of log₁₀ of the gap over the computed cells that went the distance. */
export interface GapScale {
  readonly lo: number;
  readonly hi: number;
}

/** log₁₀ of a cell's gap, floored where rounding leaves f a hair below f*. */
function logGap(loss: number, fStar: number): number {
  const gap = fStar === fStar ? loss - fStar : loss;
  if (fStar === fStar) return Math.log10(Math.max(gap, 1e-16));
  // Without f*, the loss itself (it may be negative): a signed log keeps the order.
  return Math.sign(gap) * Math.log10(1 + Math.abs(gap));
}

/** The scale's ends, from the outcomes' running extremes (log of the gap rises with the loss). */
export function gapScale(outcomes: MapOutcomes, fStar: number): GapScale {
  if (!(outcomes.lossMin <= outcomes.lossMax)) return { lo: 0, hi: 1 };
  const lo = logGap(outcomes.lossMin, fStar);
  const hi = logGap(outcomes.lossMax, fStar);
  return hi - lo < 1e-9 ? { lo: lo - 0.5, hi: hi + 0.5 } : { lo, hi };
}

/** Each map's log-gaps, worked out once per cell (a cell's loss never changes): NaN until then. */
const logGaps = new WeakMap<MapOutcomes, Float32Array>();

function cachedLogGap(outcomes: MapOutcomes, c: number, fStar: number): number {
  let cache = logGaps.get(outcomes);
  if (!cache) logGaps.set(outcomes, (cache = new Float32Array(outcomes.loss.length).fill(Number.NaN)));
  let v = cache[c];
  if (v !== v) v = cache[c] = logGap(outcomes.loss[c], fStar);
  return v;
}

/** Inferno at 256 levels, so that painting 65,536 cells a frame allocates nothing. */
const INFERNO_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) lut.set(inferno(k / 255).map(Math.round), 3 * k);
  return lut;
})();

/** Writes a cell's colour at data[o…o+3]; false for a cell without one (not computed). */
export type CellPainter = (c: number, data: Uint8ClampedArray, o: number) => boolean;

/** How each computed cell is coloured: by basin, or brighter for better (a lower gap, fewer steps). */
export function cellPainter(outcomes: MapOutcomes, view: MapView, scale: GapScale, fStar: number, steps: number, basinRgb: readonly (readonly [number, number, number])[] | null, basins: Basins | null): CellPainter {
  const put = (data: Uint8ClampedArray, o: number, r: number, g: number, b: number) => {
    data[o] = r;
    data[o + 1] = g;
    data[o + 2] = b;
    data[o + 3] = 255;
    return true;
  };
  const level = (t: number) => 3 * Math.round(255 * Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)));
  const span = scale.hi - scale.lo;
  return (c, data, o) => {
    const status = outcomes.status[c];
    if (status === CELL_PENDING) return false;
    if (basins && basinRgb) {
      const k = basins.cellClass[c];
      return k >= 0 ? put(data, o, basinRgb[k][0], basinRgb[k][1], basinRgb[k][2]) : false;
    }
    if (status !== CELL_OK) return put(data, o, DIVERGED[0], DIVERGED[1], DIVERGED[2]);
    let at: number;
    if (view === 'reached') {
      const r = outcomes.reached[c];
      if (r < 0) return put(data, o, NOT_REACHED[0], NOT_REACHED[1], NOT_REACHED[2]);
      at = level(1 - r / Math.max(1, steps));
    } else {
      at = level(1 - (cachedLogGap(outcomes, c, fStar) - scale.lo) / span);
    }
    return put(data, o, INFERNO_LUT[at], INFERNO_LUT[at + 1], INFERNO_LUT[at + 2]);
  };
}

/** Where the plot sits in the canvas, in CSS pixels: room for tick labels left and below. */
export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly plot: number;
}

export function mapLayout(width: number, rem: number): MapLayout {
  const left = 3.1 * rem;
  const bottom = 2.3 * rem;
  const top = 0.5 * rem;
  const plot = Math.max(120, Math.min(width - left - 0.6 * rem, 26 * rem));
  return { width: left + plot + 0.6 * rem, height: top + plot + bottom, left, top, plot };
}

export interface MapColors {
  readonly text: string;
  readonly dim: string;
  readonly line: string;
  readonly pending: string;
  readonly mark: string;
  readonly font: string;
}

export interface MapMarks {
  /** The run's own setting, in the axes' values (hyperparameter maps), or its start (basin maps). */
  readonly current: readonly [number, number] | null;
  /** The keyboard's (or pointer's) cell. */
  readonly cursor: number | null;
  readonly search: SearchResult | null;
  /** Momentum's theory on a quadratic (Distill's regions), drawn over a map of η and ρ. */
  readonly theory: MomentumTheory | null;
}

/** Fraction along an axis (0 left/bottom, 1 right/top) of value v. */
function axisFraction(request: MapRequest, axis: 'x' | 'y', v: number): number {
  if (request.kind === 'basin') {
    const [a, b] = request.domain[axis];
    return (v - a) / (b - a);
  }
  const ax = request[axis];
  const a = toAxisUnit(ax.param, ax.from);
  const b = toAxisUnit(ax.param, ax.to);
  return (toAxisUnit(ax.param, v) - a) / (b - a);
}

/** Tick values along an axis: decades on a log slider, 0.9, 0.99, … on a 1 − β slider, round steps otherwise. */
function axisTicks(request: MapRequest, axis: 'x' | 'y'): { values: number[]; step: number } {
  let from: number;
  let to: number;
  let scale: string = 'linear';
  let param: HyperparamKey | null = null;
  if (request.kind === 'basin') {
    [from, to] = request.domain[axis];
  } else {
    ({ from, to, param } = request[axis]);
    scale = hyperparamInfo(param)?.scale ?? 'linear';
  }
  if (scale === 'log' || scale === 'one-minus-log') {
    const ua = param ? toAxisUnit(param, from) : 0;
    const ub = param ? toAxisUnit(param, to) : 1;
    const [lo, hi] = ua < ub ? [ua, ub] : [ub, ua];
    const ticks: number[] = [];
    const stride = Math.max(1, Math.ceil((hi - lo) / 5));
    for (let k = Math.ceil(lo); k <= Math.floor(hi); k += stride) ticks.push(scale === 'log' ? 10 ** k : 1 - 10 ** k);
    return { values: ticks, step: 0 };
  }
  const span = to - from;
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { values: ticks, step };
}

function tickText(v: number, scale: string, step: number): string {
  if (scale === 'log') {
    const k = Math.round(Math.log10(v));
    return k < -2 || k > 3 ? `1e${k}`.replace('-', '−') : String(10 ** k);
  }
  if (scale === 'one-minus-log') return String(Number(v.toPrecision(6)));
  return formatTick(v, step);
}

function axisScale(request: MapRequest, axis: 'x' | 'y'): string {
  return request.kind === 'basin' ? 'linear' : (hyperparamInfo(request[axis].param)?.scale ?? 'linear');
}

/**
 * Paints the map into `ctx` (already scaled to CSS pixels). `image` holds one pixel per cell,
 * filled here; it is drawn scaled up without smoothing, so cells stay crisp squares.
 */
export function paintMap(
  ctx: CanvasRenderingContext2D,
  image: ImageData,
  scratch: HTMLCanvasElement,
  layout: MapLayout,
  request: MapRequest,
  outcomes: MapOutcomes,
  paintCell: CellPainter,
  colors: MapColors,
  marks: MapMarks,
): void {
  const { nx, ny } = outcomes;
  const data = image.data;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      // Row 0 is the bottom of the plot: the image's rows run top down.
      const o = 4 * ((ny - 1 - j) * nx + i);
      const shown = outcomes.shownCell(i, j);
      if (shown < 0 || !paintCell(shown, data, o)) data[o + 3] = 0;
    }
  }
  const sctx = scratch.getContext('2d');
  if (!sctx) return;
  sctx.putImageData(image, 0, 0);
  const { left, top, plot } = layout;
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = colors.pending;
  ctx.fillRect(left, top, plot, plot);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, nx, ny, left, top, plot, plot);
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1;
  ctx.strokeRect(left - 0.5, top - 0.5, plot + 1, plot + 1);

  // Ticks and their labels.
  ctx.font = colors.font;
  ctx.fillStyle = colors.dim;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = axisTicks(request, 'x');
  for (const v of xTicks.values) {
    const px = left + axisFraction(request, 'x', v) * plot;
    ctx.fillRect(px - 0.5, top + plot, 1, 4);
    ctx.fillText(tickText(v, axisScale(request, 'x'), xTicks.step), px, top + plot + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yTicks = axisTicks(request, 'y');
  for (const v of yTicks.values) {
    const py = top + (1 - axisFraction(request, 'y', v)) * plot;
    ctx.fillRect(left - 4, py - 0.5, 4, 1);
    ctx.fillText(tickText(v, axisScale(request, 'y'), yTicks.step), left - 6, py);
  }

  const point = (x: number, y: number): [number, number] => [left + axisFraction(request, 'x', x) * plot, top + (1 - axisFraction(request, 'y', y)) * plot];
  if (marks.theory && request.kind === 'hyper') {
    const lrAcross = request.x.param === 'lr';
    const at = (p: readonly [number, number]) => (lrAcross ? point(p[0], p[1]) : point(p[1], p[0]));
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, plot, plot);
    ctx.clip();
    const line = (pts: ReadonlyArray<readonly [number, number]>, dash: number[]) => {
      ctx.beginPath();
      pts.forEach((p, k) => {
        const [px, py] = at(p);
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.setLineDash(dash);
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = 'rgb(0 0 0 / 0.55)';
      ctx.stroke();
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      ctx.setLineDash([]);
    };
    line(marks.theory.divergence, []);
    line(marks.theory.critical, [5, 4]);
    const [ox, oy] = at(marks.theory.optimum);
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? 8 : 3.4;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      if (k === 0) ctx.moveTo(ox + r * Math.cos(a), oy + r * Math.sin(a));
      else ctx.lineTo(ox + r * Math.cos(a), oy + r * Math.sin(a));
    }
    ctx.closePath();
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = '#000000';
    ctx.stroke();
    ctx.restore();
  }
  if (marks.search) {
    const { grid, random, bestGrid, bestRandom } = marks.search;
    const dot = (s: { x: number; y: number }, best: boolean, shape: 'square' | 'circle') => {
      const [px, py] = point(s.x, s.y);
      const r = best ? 6 : 3.5;
      ctx.beginPath();
      if (shape === 'square') ctx.rect(px - r, py - r, 2 * r, 2 * r);
      else ctx.arc(px, py, r, 0, Math.PI * 2);
      ctx.fillStyle = shape === 'square' ? '#ffffff' : '#4cc9f0';
      ctx.fill();
      ctx.lineWidth = best ? 2.5 : 1.2;
      ctx.strokeStyle = best ? colors.mark : '#000000';
      ctx.stroke();
    };
    grid.forEach((s, k) => dot(s, k === bestGrid, 'square'));
    random.forEach((s, k) => dot(s, k === bestRandom, 'circle'));
  }
  if (marks.current) {
    const [px, py] = point(marks.current[0], marks.current[1]);
    ctx.beginPath();
    ctx.arc(px, py, 7, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#000000';
    ctx.stroke();
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  if (marks.cursor !== null) {
    const i = marks.cursor % nx;
    const j = (marks.cursor - i) / nx;
    const w = plot / nx;
    const h = plot / ny;
    ctx.lineWidth = 2;
    ctx.strokeStyle = colors.mark;
    ctx.strokeRect(left + i * w, top + (ny - 1 - j) * h, Math.max(w, 3), Math.max(h, 3));
  }
}
