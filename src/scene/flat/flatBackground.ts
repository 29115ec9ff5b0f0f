// What of the 2D drawing changes only with the surface, the size or the theme: the surface as a
// colour map (the mesh's own viridis colours, from its grid), its contour lines (the mesh's
// marching squares), a frame and the axes with their numbers. Painted once into an offscreen
// canvas; every frame starts by copying it.
import { formatPlotTick } from '../../i18n/numberFormat';
import { tickStep, ticksBetween } from '../plotTicks';
import { contourSegments, type SurfaceGrid } from '../surfaceGrid';
import type { FlatLayout } from './flatLayout';

/** As many lines as the mesh draws (SurfaceMesh's CONTOUR_LEVELS), in its colour. */
const CONTOUR_LEVELS = 20;
const CONTOUR_COLOR = 'rgba(5, 8, 12, 0.38)';
/** The least space between two numbers on an axis, in CSS pixels (as PlotAxes). */
const MIN_GAP_X = 64;
const MIN_GAP_Y = 36;

/** The theme's colours and type, read from the page's styles. */
export interface FlatInk {
  readonly text: string;
  readonly dim: string;
  readonly line: string;
  readonly font: string;
  /** CSS pixels to the rem (grows in presentation mode). */
  readonly rem: number;
}

const images = new WeakMap<SurfaceGrid, HTMLCanvasElement>();
const contours = new WeakMap<SurfaceGrid, Float32Array>();

/** The grid's colours as an image, one pixel a node, y up; holes (f undefined) transparent. */
function colourImage(grid: SurfaceGrid): HTMLCanvasElement {
  let image = images.get(grid);
  if (image) return image;
  const side = grid.n + 1;
  image = document.createElement('canvas');
  image.width = side;
  image.height = side;
  const ctx = image.getContext('2d');
  if (ctx) {
    const pixels = ctx.createImageData(side, side);
    for (let j = 0; j < side; j++) {
      // Row j of the grid is y0 + j·dy: the image's bottom row first.
      const row = side - 1 - j;
      for (let i = 0; i < side; i++) {
        const k = j * side + i;
        const o = 4 * (row * side + i);
        const hole = Number.isNaN(grid.unit[k]);
        pixels.data[o] = Math.round(grid.colors[3 * k] * 255);
        pixels.data[o + 1] = Math.round(grid.colors[3 * k + 1] * 255);
        pixels.data[o + 2] = Math.round(grid.colors[3 * k + 2] * 255);
        pixels.data[o + 3] = hole ? 0 : 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
  }
  images.set(grid, image);
  return image;
}

function contourLines(grid: SurfaceGrid): Float32Array {
  let lines = contours.get(grid);
  if (!lines) {
    lines = contourSegments(grid, CONTOUR_LEVELS, 0);
    contours.set(grid, lines);
  }
  return lines;
}

/** Paints the background of a `layout` drawing into `ctx` (already scaled to CSS pixels). */
export function paintBackground(ctx: CanvasRenderingContext2D, grid: SurfaceGrid, layout: FlatLayout, ink: FlatInk): void {
  const { left, top, right, bottom, domain } = layout;
  const plotW = right - left;
  const plotH = bottom - top;

  // The colour map: node i sits at the centre of image pixel i, so the image reaches half a cell
  // past the domain on each side; the clip cuts that back to the domain's edge.
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, plotW, plotH);
  ctx.clip();
  const halfX = plotW / grid.n / 2;
  const halfY = plotH / grid.n / 2;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(colourImage(grid), left - halfX, top - halfY, plotW + 2 * halfX, plotH + 2 * halfY);

  // Contours, from the mesh's world coordinates: x to the right, z toward the viewer (y down).
  const lines = contourLines(grid);
  const { mapping } = grid;
  const k = layout.scale / mapping.scale;
  const ox = left + mapping.halfX * k;
  const oy = top + mapping.halfZ * k;
  ctx.beginPath();
  for (let s = 0; s < lines.length; s += 6) {
    ctx.moveTo(ox + lines[s] * k, oy + lines[s + 2] * k);
    ctx.lineTo(ox + lines[s + 3] * k, oy + lines[s + 5] * k);
  }
  ctx.strokeStyle = CONTOUR_COLOR;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();

  // The frame, and the axes along its bottom and left edges.
  ctx.strokeStyle = ink.line;
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(left) - 0.5, Math.round(top) - 0.5, Math.round(plotW) + 1, Math.round(plotH) + 1);
  paintAxes(ctx, layout, ink, domain);
}

function paintAxes(ctx: CanvasRenderingContext2D, layout: FlatLayout, ink: FlatInk, domain: FlatLayout['domain']): void {
  const { left, top, right, bottom, scale, width } = layout;
  const { rem } = ink;
  const mark = 0.3 * rem;
  const size = 0.8 * rem;
  ctx.font = `${size}px ${ink.font}`;
  ctx.fillStyle = ink.dim;
  ctx.strokeStyle = ink.dim;
  ctx.lineWidth = 1;

  // The axes' names sit at their far ends (x at the right, y at the top), clear of the numbers.
  const xNameAt = Math.min(width - 1.2 * rem, right + 0.4 * rem);
  const xs = ticksBetween(domain.x[0], domain.x[1], tickStep(scale, MIN_GAP_X));
  const ys = ticksBetween(domain.y[0], domain.y[1], tickStep(scale, MIN_GAP_Y));
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xs) {
    const px = Math.round(left + (v - domain.x[0]) * scale) + 0.5;
    if (px > xNameAt - 1.2 * rem) continue;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + mark);
    ctx.fillText(formatPlotTick(v), px, bottom + 0.45 * rem);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ys) {
    const py = Math.round(bottom - (v - domain.y[0]) * scale) + 0.5;
    if (py < top + 1.4 * rem) continue;
    ctx.moveTo(left - mark, py);
    ctx.lineTo(left, py);
    ctx.fillText(formatPlotTick(v), left - 0.5 * rem, py);
  }
  ctx.stroke();

  ctx.font = `italic 600 ${size}px ${ink.font}`;
  ctx.fillStyle = ink.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('x', xNameAt, bottom + 0.45 * rem);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('y', left - 0.5 * rem, top + 0.5 * rem);
}
