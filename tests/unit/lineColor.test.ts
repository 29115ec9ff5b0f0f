import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { LineColor } from '../../src/scene/lineSink';
import { OPTIMIZER_COLORS } from '../../src/state/palette';

describe('LineColor', () => {
  it('holds the linear RGB of three.js’s Color (to 1e-9; the buffers are 32-bit floats) for every colour the overlays draw with, and the same sRGB text', () => {
    const colours = [...Object.values(OPTIMIZER_COLORS), '#ffa03a', '#5fe0ff', '#c9d6e6', '#ff7ab6', '#fff', '#000000', '#8D99AE'];
    for (const css of colours) {
      const ours = new LineColor(css);
      const theirs = new Color(css);
      expect(ours.r).toBeCloseTo(theirs.r, 9);
      expect(ours.g).toBeCloseTo(theirs.g, 9);
      expect(ours.b).toBeCloseTo(theirs.b, 9);
      expect(ours.getStyle()).toBe(`#${theirs.getHexString()}`);
    }
  });

  it('draws white for what it cannot read, rather than throwing in a frame', () => {
    for (const css of ['', 'red', 'rgb(1, 2, 3)', '#12345', '#ggg']) {
      const c = new LineColor('#123456').set(css);
      expect([c.r, c.g, c.b, c.getStyle()]).toEqual([1, 1, 1, '#ffffff']);
    }
  });
});
