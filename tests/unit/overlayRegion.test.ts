import { describe, expect, it } from 'vitest';
import { freeRegions, toNdc, type Box, type Overlays } from '../../src/scene/overlayRegion';

const overlap = (a: Box, b: Box | null) => b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('freeRegions', () => {
  const desk: Overlays = {
    legend: { left: 12, top: 12, right: 324, bottom: 187 },
    toolbar: { left: 519, top: 12, right: 946, bottom: 85 },
    key: { left: 662, top: 485, right: 946, bottom: 518 },
  };

  it('no overlays: the whole canvas less the gap', () => {
    expect(freeRegions(800, 600, { toolbar: null, legend: null, key: null }, 1, 10)).toEqual([{ left: 10, top: 10, right: 790, bottom: 590 }]);
  });

  it('every region it offers is clear of every overlay', () => {
    for (const aspect of [0.5, 1, 2, 4]) {
      for (const r of freeRegions(958, 530, desk, aspect)) {
        expect(overlap(r, desk.legend) || overlap(r, desk.toolbar) || overlap(r, desk.key)).toBe(false);
        expect(r.right).toBeGreaterThan(r.left);
        expect(r.bottom).toBeGreaterThan(r.top);
      }
    }
  });

  it('a square map goes beside the legend; a very wide one under it', () => {
    const [square] = freeRegions(958, 530, desk, 1);
    expect(square.left).toBeGreaterThan(desk.legend!.right);
    const [wide] = freeRegions(958, 530, desk, 6);
    expect(wide.top).toBeGreaterThan(desk.legend!.bottom);
    expect(wide.left).toBeLessThan(desk.legend!.left + 1);
  });

  it('toNdc maps the canvas corners to ±1 with y up', () => {
    expect(toNdc({ left: 0, top: 0, right: 200, bottom: 100 }, 200, 100)).toEqual({ left: -1, right: 1, top: 1, bottom: -1 });
    expect(toNdc({ left: 50, top: 25, right: 150, bottom: 75 }, 200, 100)).toEqual({ left: -0.5, right: 0.5, top: 0.5, bottom: -0.5 });
  });
});
