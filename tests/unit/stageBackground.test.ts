import { describe, expect, it } from 'vitest';
import { isTransparent, parseStageBackground, radialGeometry, type StagePaint } from '../../src/ui/shell/stageBackground';

// What Chromium reports as the stage's computed style in each look (read from the built app).
const DARK = 'radial-gradient(at 50% 30%, rgb(26, 35, 48) 0%, rgb(13, 17, 23) 75%)';
const LIGHT = 'radial-gradient(at 50% 30%, rgb(255, 255, 255) 0%, rgb(243, 245, 248) 75%)';
const NONE = 'rgba(0, 0, 0, 0)';

type Radial = Extract<StagePaint, { kind: 'radial' }>;

describe('the stage background', () => {
  it('reads the dark and light themes’ radial gradients, over the theme’s colour', () => {
    expect(parseStageBackground(DARK, NONE, '#0d1117')).toEqual({
      kind: 'radial',
      at: [0.5, 0.3],
      shape: 'ellipse',
      stops: [
        { color: 'rgb(26, 35, 48)', offset: 0 },
        { color: 'rgb(13, 17, 23)', offset: 0.75 },
      ],
      base: '#0d1117',
    });
    const light = parseStageBackground(LIGHT, NONE, '#f3f5f8') as Radial;
    expect(light.stops.map((s) => s.color)).toEqual(['rgb(255, 255, 255)', 'rgb(243, 245, 248)']);
  });

  it('reads presentation mode’s solid colour', () => {
    expect(parseStageBackground('none', 'rgb(0, 0, 0)', '#000')).toEqual({ kind: 'solid', color: 'rgb(0, 0, 0)' });
    expect(parseStageBackground('none', 'rgb(255, 255, 255)', '#fff')).toEqual({ kind: 'solid', color: 'rgb(255, 255, 255)' });
  });

  it('falls back to the theme colour for what it does not draw', () => {
    expect(parseStageBackground('none', NONE, '#0d1117')).toEqual({ kind: 'solid', color: '#0d1117' });
    expect(parseStageBackground('url("x.png")', 'rgb(1, 2, 3)', '#0d1117')).toEqual({ kind: 'solid', color: 'rgb(1, 2, 3)' });
    expect(parseStageBackground('linear-gradient(red, blue)', NONE, '#0d1117')).toEqual({ kind: 'solid', color: '#0d1117' });
    expect(parseStageBackground('radial-gradient(rgb(1, 2, 3))', NONE, '#0d1117')).toEqual({ kind: 'solid', color: '#0d1117' });
  });

  it('spreads stops without positions, places "at" keywords, and knows circles', () => {
    const p = parseStageBackground('radial-gradient(circle at right top, red, rgb(0 128 0 / 0.5), blue)', NONE, '#000') as Radial;
    expect(p.shape).toBe('circle');
    expect(p.at).toEqual([1, 0]);
    expect(p.stops.map((s) => s.offset)).toEqual([0, 0.5, 1]);
    expect(p.stops[1].color).toBe('rgb(0 128 0 / 0.5)');
    const q = parseStageBackground('radial-gradient(red 10%, green, blue 90%)', NONE, '#000') as Radial;
    expect(q.at).toEqual([0.5, 0.5]);
    expect(q.stops.map((s) => s.offset)).toEqual([0.1, 0.5, 0.9]);
  });

  it('tells transparent colours from opaque ones', () => {
    expect(['transparent', 'rgba(0, 0, 0, 0)', 'rgb(0 0 0 / 0)', ''].every(isTransparent)).toBe(true);
    expect(['rgb(0, 0, 0)', '#000', 'rgba(0, 0, 0, 0.5)', 'rgb(13, 17, 23)'].some(isTransparent)).toBe(false);
  });

  it('sizes the ellipse as CSS does by default: through the farthest corner, in farthest-side proportions', () => {
    const paint = parseStageBackground(DARK, NONE, '#0d1117') as Radial;
    const box = { x: 0, y: 40, width: 1000, height: 500 };
    const g = radialGeometry(paint, box);
    expect(g.cx).toBe(500);
    expect(g.cy).toBe(40 + 150);
    expect(g.rx / g.ry).toBeCloseTo(500 / 350, 9);
    // The farthest corners (bottom left and right) lie on the ending shape.
    const at = (x: number, y: number) => ((x - g.cx) / g.rx) ** 2 + ((y - g.cy) / g.ry) ** 2;
    expect(at(0, 540)).toBeCloseTo(1, 9);
    expect(at(1000, 540)).toBeCloseTo(1, 9);
    // The stage's corners are past the last stop (75%): the theme's colour, as on screen.
    expect(Math.sqrt(at(0, 40))).toBeGreaterThan(0.75);
    const circle = radialGeometry({ ...paint, shape: 'circle' }, box);
    expect(circle.rx).toBeCloseTo(Math.hypot(500, 350), 9);
  });
});
