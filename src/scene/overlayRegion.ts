/**
 * The part of the canvas that the HTML overlays (toolbar, legend, the arrows' key) leave free,
 * so that the fitted view puts the surface where it can be seen: the start of the paths is
 * often in a corner of the domain, just where the legend sits.
 */

/** A rectangle in CSS pixels, relative to the canvas's top-left corner. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Overlays {
  /** The buttons over the top-right corner. */
  readonly toolbar: Box | null;
  /** The runs' legend in the top-left corner (open or folded). */
  readonly legend: Box | null;
  /** What sits over the bottom of the canvas: the arrows' key and an open lesson's caption. */
  readonly key: Box | null;
}

const NONE: Overlays = { toolbar: null, legend: null, key: null };

/** Where the overlays are now, or none (outside a browser, or in an embed, which has none). */
export function measureOverlays(canvas: Element | null | undefined): Overlays {
  if (!canvas || typeof document === 'undefined') return NONE;
  const stage = canvas.closest('.stage');
  if (!stage) return NONE;
  const origin = canvas.getBoundingClientRect();
  const box = (selector: string): Box | null => {
    const el = stage.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  };
  // Of the overlays along the bottom, the one reaching highest bounds the view.
  const bottoms = ['.vector-toggles', '.lesson-caption', '.lesson-caption-tab'].map(box).filter((b): b is Box => b !== null);
  const key = bottoms.length ? bottoms.reduce((a, b) => (b.top < a.top ? b : a)) : null;
  return { toolbar: box('.toolbar'), legend: box('.legend'), key };
}

/**
 * The free rectangles a view may be fitted into, best first for a plot of the given aspect
 * (width / height): one under every overlay at the top, and one right of the legend, under
 * the toolbar. With no overlays, the whole canvas less a small gap.
 */
export function freeRegions(width: number, height: number, overlays: Overlays, plotAspect: number, gap = 12): Box[] {
  const { toolbar, legend, key } = overlays;
  const bottom = Math.max(gap * 2, (key ? key.top : height) - gap);
  const underToolbar = toolbar ? toolbar.bottom + gap : gap;
  const underAll = Math.max(underToolbar, legend ? legend.bottom + gap : gap);
  const candidates: Box[] = [{ left: gap, top: Math.min(underAll, bottom - gap), right: width - gap, bottom }];
  if (legend && legend.right + gap < width - gap * 4) {
    candidates.push({ left: legend.right + gap, top: Math.min(underToolbar, bottom - gap), right: width - gap, bottom });
  }
  // The plot's scale in each: the smaller of the two ratios of room to need.
  const scale = (b: Box) => Math.min((b.right - b.left) / plotAspect, b.bottom - b.top);
  return candidates.sort((a, b) => scale(b) - scale(a));
}

/** A box in CSS pixels as normalized device coordinates (−1 … 1, y up). */
export function toNdc(b: Box, width: number, height: number): { left: number; right: number; bottom: number; top: number } {
  return {
    left: -1 + (2 * b.left) / width,
    right: -1 + (2 * b.right) / width,
    top: 1 - (2 * b.top) / height,
    bottom: 1 - (2 * b.bottom) / height,
  };
}
