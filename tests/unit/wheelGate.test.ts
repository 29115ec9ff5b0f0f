import { describe, expect, it } from 'vitest';
import { IDLE_RELEASE_MS, createWheelGate } from '../../src/embed/wheelGate';

const plain = { ctrlKey: false, metaKey: false };

describe('the embed’s wheel gate', () => {
  it('lets a plain wheel scroll the page, and zooms with Ctrl or ⌘', () => {
    const gate = createWheelGate();
    expect(gate.zooms(plain, 0)).toBe(false);
    expect(gate.zooms({ ctrlKey: true, metaKey: false }, 10)).toBe(true);
    expect(gate.zooms({ ctrlKey: false, metaKey: true }, 20)).toBe(true);
    expect(gate.zooms(plain, 30)).toBe(false);
  });

  it('zooms with a plain wheel after a click into the scene, until the pointer leaves', () => {
    const gate = createWheelGate();
    gate.engage(0);
    expect(gate.zooms(plain, 100)).toBe(true);
    gate.moved(200);
    expect(gate.zooms(plain, 300)).toBe(true);
    gate.release();
    expect(gate.zooms(plain, 400)).toBe(false);
  });

  it('takes a pointer that was silent for a while to have left the frame', () => {
    const gate = createWheelGate();
    gate.engage(0);
    // Wheeling or moving keeps it engaged, however long in all.
    for (let t = 1000; t <= 3 * IDLE_RELEASE_MS; t += 1000) expect(gate.zooms(plain, t)).toBe(true);
    // Coming back after a silence: the first move already counts as a return from outside.
    gate.moved(4 * IDLE_RELEASE_MS + 1);
    expect(gate.zooms(plain, 4 * IDLE_RELEASE_MS + 2)).toBe(false);
    expect(gate.zooms({ ctrlKey: true, metaKey: false }, 4 * IDLE_RELEASE_MS + 3)).toBe(true);
  });
});
