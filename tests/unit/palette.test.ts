import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS } from '../../src/engine';
import { OPTIMIZER_MARKERS } from '../../src/state/markers';
import { canvasDash, OPTIMIZER_COLORS, OPTIMIZER_LINE_STYLES, pickColor } from '../../src/state/palette';

type Rgb = readonly [number, number, number];
type Lab = [number, number, number];

/** Linear RGB (0…1) of an sRGB #rrggbb colour. */
function linear(hex: string): Rgb {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return [r, g, b];
}

/** CIELAB (D65) of an sRGB #rrggbb colour. */
function lab(hex: string): Lab {
  return labOfLinear(linear(hex));
}

/** CIELAB (D65) of a linear RGB colour, clipped to the gamut first. */
function labOfLinear(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map((c) => Math.min(1, Math.max(0, c)));
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

/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1. */
function ciede2000(p: Lab, q: Lab): number {
  const deg = Math.PI / 180;
  const [l1, a1, b1] = p;
  const [l2, a2, b2] = q;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / deg + 360) % 360);
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = c1 * c2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * deg);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) hBar = Math.abs(h1 - h2) <= 180 ? hBar / 2 : hBar < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2;
  const t = 1 - 0.17 * Math.cos((hBar - 30) * deg) + 0.24 * Math.cos(2 * hBar * deg) + 0.32 * Math.cos((3 * hBar + 6) * deg) - 0.2 * Math.cos((4 * hBar - 63) * deg);
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7)) * Math.sin(60 * Math.exp(-(((hBar - 275) / 25) ** 2)) * deg);
  const [x, y, z] = [(l2 - l1) / sl, (c2 - c1) / sc, dH / sh];
  return Math.sqrt(x * x + y * y + z * z + rt * y * z);
}

/**
 * Machado, Oliveira and Fernandes (2009), severity 1.0: the dichromat's view of a colour, as a
 * matrix on linear RGB.
 */
const DICHROMACY: Readonly<Record<string, readonly Rgb[]>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** A colour as seen with normal vision or one of the dichromacies, in CIELAB. */
function seen(hex: string, vision: string): Lab {
  const rgb = linear(hex);
  const m = DICHROMACY[vision];
  if (!m) return labOfLinear(rgb);
  return labOfLinear([0, 1, 2].map((i) => m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]) as unknown as Rgb);
}

const VISIONS = ['normal', ...Object.keys(DICHROMACY)];

// Pairs on the dichromats' confusion lines: a brown-red and an olive green (protan, deutan), a
// sky blue and a sea green (tritan).
const RED = '#962d00';
const GREEN = '#2d5a00';
const BLUE = '#00b4e1';
const GREEN_BLUE = '#5ac387';

/**
 * Closer than this (CIEDE2000), two colours are taken for one at a glance on a thin line or a
 * small particle over the colour map: such runs must differ in line style or marker shape.
 */
const CLOSE = 20;

describe('colour-vision deficiencies', () => {
  it('measures CIEDE2000 as Sharma, Wu and Dalal’s test pairs', () => {
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(ciede2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    // Hues either side of 0°, whose mean must be taken the short way round.
    expect(ciede2000([50, 2.49, -0.001], [50, -2.49, 0.0009])).toBeCloseTo(7.1792, 4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(ciede2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
  });

  it('simulates the dichromacies: greys stay, and the confusions each is known for appear', () => {
    for (const vision of Object.keys(DICHROMACY)) expect(ciede2000(seen('#808080', vision), seen('#808080', 'normal')), vision).toBeLessThan(0.5);
    // A red and a green far apart for normal vision are one colour to protanopes and deuteranopes,
    // not to tritanopes; a blue and a green the other way round.
    const far = (a: string, b: string, vision: string) => ciede2000(seen(a, vision), seen(b, vision));
    expect(far(RED, GREEN, 'normal')).toBeGreaterThan(40);
    expect(far(RED, GREEN, 'protanopia')).toBeLessThan(8);
    expect(far(RED, GREEN, 'deuteranopia')).toBeLessThan(8);
    expect(far(RED, GREEN, 'tritanopia')).toBeGreaterThan(25);
    expect(far(BLUE, GREEN_BLUE, 'normal')).toBeGreaterThan(25);
    expect(far(BLUE, GREEN_BLUE, 'deuteranopia')).toBeGreaterThan(25);
    expect(far(BLUE, GREEN_BLUE, 'tritanopia')).toBeLessThan(8);
  });

  it(`tells apart without colour every two optimizers closer than ΔE₀₀ ${CLOSE} for normal vision or any dichromacy`, () => {
    const clashes: string[] = [];
    let close = 0;
    for (const [i, a] of OPTIMIZER_IDS.entries()) {
      for (const b of OPTIMIZER_IDS.slice(i + 1)) {
        for (const vision of VISIONS) {
          const d = ciede2000(seen(OPTIMIZER_COLORS[a], vision), seen(OPTIMIZER_COLORS[b], vision));
          if (d >= CLOSE) continue;
          close++;
          if (OPTIMIZER_LINE_STYLES[a] === OPTIMIZER_LINE_STYLES[b] && OPTIMIZER_MARKERS[a] === OPTIMIZER_MARKERS[b]) clashes.push(`${a} ~ ${b} for ${vision} (ΔE₀₀ ${d.toFixed(1)})`);
        }
      }
    }
    // Twenty-two colours bright enough for the dark stage crowd together for dichromats: many
    // pairs are close, and the styles and shapes carry them.
    expect(close).toBeGreaterThan(100);
    expect(clashes).toEqual([]);
  });
});

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
