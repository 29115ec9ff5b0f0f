import type { Color } from 'three';

/**
 * Where the teaching overlays (the arrows at the particles, the curvature axes, the step-size
 * crosses, the mini-batch spread) write their lines, in world units: the WebGL view's ArrowLayer
 * (arrowLayer.ts) draws them with three.js, the 2D drawing's FlatLineLayer (flat/flatLines.ts)
 * with Canvas 2D, so that both views draw the same vectors from one computation.
 */
export interface LineSink {
  /** Room for this many segments; growing may drop what was written since begin. */
  reserve(segments: number): void;
  /** One segment; `dashed` false keeps it solid even in a dashed layer (arrowheads, rings). */
  segment(ax: number, ay: number, az: number, bx: number, by: number, bz: number, color: Color, dashed?: boolean): void;
}

/** How both views draw these lines (a layer's width is its own, in CSS pixels). */
export const LINE_LOOK = {
  /** A dashed layer's dashes and gaps, in world units (the plot's longer side spans 2). */
  dash: 0.028,
  gap: 0.02,
  /** The halo under every line: this much wider (CSS pixels), this dark, this opaque. */
  haloExtra: 3,
  halo: '#05070a',
  haloOpacity: 0.55,
} as const;
