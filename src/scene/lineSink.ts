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
  segment(ax: number, ay: number, az: number, bx: number, by: number, bz: number, color: LineColor, dashed?: boolean): void;
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

/** sRGB's transfer function undone: the linear value three.js keeps for a colour channel. */
function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * A line's colour as both views need it: linear RGB for WebGL's buffers (as three.js's Color
 * keeps it) and the sRGB text for Canvas 2D. Not three's Color: the 2D drawing loads without
 * WebGL, and importing three there would split three's core out of the first download into a
 * chunk of its own, a few KB more to fetch for every reader.
 */
export class LineColor {
  r = 1;
  g = 1;
  b = 1;
  private css = '#ffffff';

  constructor(css?: string) {
    if (css !== undefined) this.set(css);
  }

  /** A colour written #rgb or #rrggbb (the palette's); anything else draws white. */
  set(css: string): this {
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
    if (!hex) {
      this.r = this.g = this.b = 1;
      this.css = '#ffffff';
      return this;
    }
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    const channel = (i: number) => Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16) / 255;
    this.r = toLinear(channel(0));
    this.g = toLinear(channel(1));
    this.b = toLinear(channel(2));
    this.css = `#${digits.toLowerCase()}`;
    return this;
  }

  /** The sRGB colour, for a canvas's strokeStyle. */
  getStyle(): string {
    return this.css;
  }
}
