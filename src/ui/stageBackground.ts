// The stage's background, read from its computed style, so that an exported frame has the
// same backdrop as the screen in every theme and in presentation mode (the WebGL view itself
// is transparent: what the user sees behind the surface is CSS). Only what the app's styles
// use is understood (a solid colour, a radial gradient); anything else falls back to a colour.

interface ColorStop {
  readonly color: string;
  /** 0 … 1 along the gradient ray. */
  readonly offset: number;
}

export type StagePaint =
  | { readonly kind: 'solid'; readonly color: string }
  | {
      readonly kind: 'radial';
      /** The centre as fractions of the box. */
      readonly at: readonly [number, number];
      readonly shape: 'ellipse' | 'circle';
      readonly stops: readonly ColorStop[];
      /** An opaque colour under the gradient (its stops may be translucent). */
      readonly base: string;
    };

/** True for a colour that paints nothing: `transparent`, `rgba(…, 0)`, `rgb(… / 0)`. */
export function isTransparent(color: string): boolean {
  const c = color.trim().toLowerCase();
  if (c === '' || c === 'transparent') return true;
  const alpha = /[,/]\s*([\d.]+)(%?)\s*\)$/.exec(c);
  if (!alpha || !/^(rgba?|hsla?)\(/.test(c)) return false;
  // rgb(1, 2, 3) has a comma before its last number too: only a fourth value is an alpha.
  const values = c.slice(c.indexOf('(') + 1, -1).split(/[\s,/]+/).filter(Boolean);
  return values.length === 4 && Number(alpha[1]) === 0;
}

/** Splits at commas that are not inside parentheses. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const KEYWORD_POSITION: Readonly<Record<string, number>> = { left: 0, top: 0, center: 0.5, right: 1, bottom: 1 };

function positionValue(token: string | undefined): number {
  if (token === undefined) return 0.5;
  if (token in KEYWORD_POSITION) return KEYWORD_POSITION[token];
  const percent = /^(-?[\d.]+)%$/.exec(token);
  return percent ? Number(percent[1]) / 100 : 0.5;
}

function parseStops(parts: readonly string[]): ColorStop[] | null {
  const raw = parts.map((part) => {
    // The colour is everything before a trailing position ("rgb(1, 2, 3) 75%").
    const m = /^(.*?)(?:\s+(-?[\d.]+)%)?(?:\s+-?[\d.]+%)?$/.exec(part);
    return m ? { color: m[1].trim(), offset: m[2] === undefined ? null : Number(m[2]) / 100 } : null;
  });
  if (raw.length < 2 || raw.some((s) => s === null || s.color === '' || /px|em/.test(s.color))) return null;
  const stops = raw as { color: string; offset: number | null }[];
  // Stops without a position are spread evenly between their neighbours, as CSS does.
  if (stops[0].offset === null) stops[0].offset = 0;
  if (stops[stops.length - 1].offset === null) stops[stops.length - 1].offset = 1;
  let last = 0;
  for (let i = 0; i < stops.length; i++) {
    if (stops[i].offset !== null) {
      last = i;
      continue;
    }
    let next = i;
    while (stops[next].offset === null) next++;
    const from = stops[last].offset as number;
    const to = stops[next].offset as number;
    for (let k = i; k < next; k++) stops[k].offset = from + ((to - from) * (k - last)) / (next - last);
    i = next - 1;
  }
  let floor = 0;
  return stops.map((s) => {
    // A stop before an earlier one sits on it (CSS clamps the same way).
    floor = Math.max(floor, Math.min(1, s.offset as number));
    return { color: s.color, offset: floor };
  });
}

/**
 * What to paint behind the view, from the stage's computed `background-image` and
 * `background-color`; `fallback` (an opaque colour, the theme's --bg) where the stage has none.
 */
export function parseStageBackground(image: string, color: string, fallback: string): StagePaint {
  const base = isTransparent(color) ? fallback : color;
  const solid: StagePaint = { kind: 'solid', color: base };
  const m = /^radial-gradient\((.*)\)$/.exec(image.trim());
  if (!m) return solid;
  const parts = topLevelParts(m[1]);
  let shape: 'ellipse' | 'circle' = 'ellipse';
  let at: [number, number] = [0.5, 0.5];
  if (/^(circle|ellipse|closest-|farthest-|at\s)/.test(parts[0])) {
    const prelude = parts.shift() as string;
    if (/\bcircle\b/.test(prelude)) shape = 'circle';
    // Only the default size (farthest-corner) is drawn as such; other sizes come out close.
    const position = /\bat\s+(.*)$/.exec(prelude);
    if (position) {
      const tokens = position[1].trim().split(/\s+/);
      // "at top" / "at left": one keyword names one axis.
      if (tokens.length === 1 && (tokens[0] === 'top' || tokens[0] === 'bottom')) at = [0.5, positionValue(tokens[0])];
      else at = [positionValue(tokens[0]), positionValue(tokens[1])];
    }
  }
  const stops = parseStops(parts);
  if (!stops) return solid;
  return { kind: 'radial', at, shape, stops, base };
}

export interface RadialGeometry {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

/**
 * The gradient's ending shape in a box, for CSS's default size (farthest-corner): a circle
 * through the farthest corner, or an ellipse with farthest-side's proportions scaled by √2
 * so that it passes through that corner.
 */
export function radialGeometry(paint: Extract<StagePaint, { kind: 'radial' }>, box: { x: number; y: number; width: number; height: number }): RadialGeometry {
  const cx = box.x + paint.at[0] * box.width;
  const cy = box.y + paint.at[1] * box.height;
  const dx = Math.max(Math.abs(cx - box.x), Math.abs(box.x + box.width - cx));
  const dy = Math.max(Math.abs(cy - box.y), Math.abs(box.y + box.height - cy));
  if (paint.shape === 'circle') {
    const r = Math.hypot(dx, dy);
    return { cx, cy, rx: r, ry: r };
  }
  return { cx, cy, rx: dx * Math.SQRT2, ry: dy * Math.SQRT2 };
}
