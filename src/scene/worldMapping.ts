import type { Domain } from '../engine';

/** The height of the tallest point of the surface, in world units (the domain spans 2). */
export const SURFACE_HEIGHT = 0.65;

/**
 * Maps the math plane to the world: x to the right (world X), y away from the viewer
 * (world −Z), the loss upward (world Y). The longer side of the domain spans 2 world units
 * and the aspect ratio is kept, so a ravine looks as narrow as it is.
 */
export interface WorldMapping {
  readonly scale: number;
  readonly cx: number;
  readonly cy: number;
  /** World half-extents of the domain along X and Z. */
  readonly halfX: number;
  readonly halfZ: number;
  toWorldX(x: number): number;
  toWorldZ(y: number): number;
  fromWorld(wx: number, wz: number): [number, number];
}

export function worldMapping(domain: Domain): WorldMapping {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const scale = 2 / Math.max(x1 - x0, y1 - y0);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    scale,
    cx,
    cy,
    halfX: ((x1 - x0) * scale) / 2,
    halfZ: ((y1 - y0) * scale) / 2,
    toWorldX: (x) => (x - cx) * scale,
    toWorldZ: (y) => -(y - cy) * scale,
    fromWorld: (wx, wz) => [wx / scale + cx, -wz / scale + cy],
  };
}
