import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS } from '../../src/engine';
import { canvasDash, OPTIMIZER_COLORS, OPTIMIZER_LINE_STYLES, pickColor } from '../../src/state/palette';

/** CIELAB (D65) of an sRGB #rrggbb colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('colours and line styles', () => {
  it('gives every optimizer its own pair of colour and line style', () => {
    const pairs = OPTIMIZER_IDS.map((id) => `${OPTIMIZER_COLORS[id]} ${OPTIMIZER_LINE_STYLES[id]}`);
    expect(new Set(pairs).size).toBe(OPTIMIZER_IDS.length);
  });

  it('strokes any two optimizers of close colours (ΔE < 30) differently', () => {
    const clashes: string[] = [];
    for (const [i, a] of OPTIMIZER_IDS.entries()) {
      for (const b of OPTIMIZER_IDS.slice(i + 1)) {
        const d = deltaE(OPTIMIZER_COLORS[a], OPTIMIZER_COLORS[b]);
        if (d < 30 && OPTIMIZER_LINE_STYLES[a] === OPTIMIZER_LINE_STYLES[b]) clashes.push(`${a} ~ ${b} (ΔE ${d.toFixed(1)})`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps the rules that draw dashed companions solid, so the two never read alike', () => {
    for (const id of ['asgd', 'schedule-free-adamw', 'lookahead'] as const) expect(OPTIMIZER_LINE_STYLES[id]).toBe('solid');
  });

  it('keeps every colour apart from the dark stage (L* ≥ 55)', () => {
    for (const id of OPTIMIZER_IDS) expect(lab(OPTIMIZER_COLORS[id])[0], id).toBeGreaterThanOrEqual(55);
  });

  it('turns a style into a canvas dash pattern that round caps close into the intended marks', () => {
    expect(canvasDash('solid', 3)).toEqual([]);
    // Dashes 3 widths long (2 plus two half-width caps) with 2-width gaps; dots one width across.
    expect(canvasDash('dashed', 2)).toEqual([4, 6]);
    expect(canvasDash('dotted', 2)).toEqual([0, 4]);
  });

  it('gives a second run of the same optimizer a spare colour', () => {
    const own = OPTIMIZER_COLORS.adam;
    expect(pickColor('adam', new Set())).toBe(own);
    expect(pickColor('adam', new Set([own]))).not.toBe(own);
  });
});
