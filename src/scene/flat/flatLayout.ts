// Where the 2D drawing puts the plot: the domain fitted into the canvas with its aspect ratio kept,
// leaving room on the left and at the bottom for the axes' numbers, as the WebGL 2D view's camera
// does (CameraRig.tsx with PlotAxes' room). Pure: the drawing, the clicks and the tests share it.
import type { Domain, Vec2 } from '../../engine';

/** Room for the axes' numbers (PlotAxes' AXIS_ROOM_LEFT_REM and AXIS_ROOM_BOTTOM_REM), in rem. */
const ROOM_LEFT_REM = 2.8;
const ROOM_BOTTOM_REM = 1.7;

export interface FlatLayout {
  /** The canvas's size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The plotted domain's box on the canvas, in CSS pixels. */
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** CSS pixels per unit of x and of y (the same: the aspect ratio is kept). */
  readonly scale: number;
  readonly domain: Domain;
}

/** The plot's box in a canvas of width × height CSS pixels, `rem` pixels to the rem. */
export function flatLayout(domain: Domain, width: number, height: number, rem: number): FlatLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  // The same margin as the WebGL view's fit: a little less on a tall phone screen.
  const gap = Math.round((w / h >= 1 ? 0.9 : 0.6) * rem);
  const freeLeft = gap + ROOM_LEFT_REM * rem;
  const freeTop = gap;
  const freeRight = w - gap;
  const freeBottom = h - gap - ROOM_BOTTOM_REM * rem;
  const spanX = domain.x[1] - domain.x[0];
  const spanY = domain.y[1] - domain.y[0];
  const scale = Math.max(1e-9, Math.min((freeRight - freeLeft) / spanX, (freeBottom - freeTop) / spanY));
  const cx = (freeLeft + freeRight) / 2;
  const cy = (freeTop + freeBottom) / 2;
  return {
    width: w,
    height: h,
    left: cx - (spanX * scale) / 2,
    right: cx + (spanX * scale) / 2,
    top: cy - (spanY * scale) / 2,
    bottom: cy + (spanY * scale) / 2,
    scale,
    domain,
  };
}

/** The canvas point (CSS pixels) of the plane's point (x, y). */
export function toCanvas(layout: FlatLayout, x: number, y: number): Vec2 {
  return [layout.left + (x - layout.domain.x[0]) * layout.scale, layout.bottom - (y - layout.domain.y[0]) * layout.scale];
}

/** The plane's point under a canvas point, or null outside the plotted domain. */
export function fromCanvas(layout: FlatLayout, px: number, py: number): Vec2 | null {
  if (px < layout.left || px > layout.right || py < layout.top || py > layout.bottom) return null;
  return [layout.domain.x[0] + (px - layout.left) / layout.scale, layout.domain.y[0] + (layout.bottom - py) / layout.scale];
}

