import { describe, expect, it } from 'vitest';
import { decimate } from '../../src/ui/chart/decimate';
import { pointIndex, runNoteAt } from '../../src/ui/runs/runStatus';
import { indexToSpeed, SPEED_LADDER, speedToIndex } from '../../src/ui/playback/speedScale';

describe('speed ladder', () => {
  it('runs from 1 to 1000 steps/s through round numbers, increasing', () => {
    expect(SPEED_LADDER[0]).toBe(1);
    expect(SPEED_LADDER[SPEED_LADDER.length - 1]).toBe(1000);
    for (let i = 1; i < SPEED_LADDER.length; i++) expect(SPEED_LADDER[i]).toBeGreaterThan(SPEED_LADDER[i - 1]);
    expect(SPEED_LADDER).toContain(60);
    expect(SPEED_LADDER).toContain(10);
  });
  it('is log-spaced: neighbours differ by at most a factor of two', () => {
    for (let i = 1; i < SPEED_LADDER.length; i++) expect(SPEED_LADDER[i] / SPEED_LADDER[i - 1]).toBeLessThanOrEqual(2);
  });
  it('round-trips every rung, so arrow keys never get stuck', () => {
    SPEED_LADDER.forEach((v, i) => {
      expect(speedToIndex(v)).toBe(i);
      expect(indexToSpeed(i)).toBe(v);
    });
  });
  it('finds the nearest rung for any speed and clamps out-of-range input', () => {
    expect(indexToSpeed(speedToIndex(75))).toBe(80);
    expect(indexToSpeed(speedToIndex(0.2))).toBe(1);
    expect(indexToSpeed(speedToIndex(5000))).toBe(1000);
    expect(indexToSpeed(-3)).toBe(1);
    expect(indexToSpeed(999)).toBe(1000);
  });
});

describe('run notes', () => {
  const ok = { path: { steps: 100, status: 'ok' as const }, leftAt: -1 };
  const diverged = { path: { steps: 36, status: 'diverged' as const }, leftAt: 30 };
  const singular = { path: { steps: 4, status: 'singular' as const }, leftAt: -1 };
  it('says nothing about a run that is fine', () => {
    expect(runNoteAt(ok, 0)).toEqual({ kind: 'ok' });
    expect(runNoteAt(ok, 100)).toEqual({ kind: 'ok' });
  });
  it('tells a run that leaves the plot ahead of the playhead, and as done once it is there', () => {
    const left = { path: { steps: 100, status: 'ok' as const }, leftAt: 30 };
    expect(runNoteAt(left, 29)).toEqual({ kind: 'left', at: 30, ahead: true });
    expect(runNoteAt(left, 30)).toEqual({ kind: 'left', at: 30, ahead: false });
  });
  it('names the step that diverges from the start (the ring is drawn), as done from the last point on', () => {
    expect(runNoteAt(diverged, 0)).toEqual({ kind: 'diverged', at: 37, ahead: true });
    // Diverging outranks leaving the plot on the way.
    expect(runNoteAt(diverged, 31)).toEqual({ kind: 'diverged', at: 37, ahead: true });
    expect(runNoteAt(diverged, 36)).toEqual({ kind: 'diverged', at: 37, ahead: false });
    expect(runNoteAt(diverged, 400)).toEqual({ kind: 'diverged', at: 37, ahead: false });
    expect(runNoteAt(singular, 4)).toEqual({ kind: 'singular', at: 5, ahead: false });
  });
  it('clamps the playhead into the path', () => {
    expect(pointIndex(12.9, 100)).toBe(12);
    expect(pointIndex(500, 36)).toBe(36);
    expect(pointIndex(-1, 36)).toBe(0);
    // A playhead a rounding error under a whole step counts as that step.
    expect(pointIndex(2.9999999999999996, 10)).toBe(3);
  });
});

describe('decimate', () => {
  it('keeps every point when each has its own column', () => {
    expect(decimate(5, (i) => i, (i) => i * i)).toEqual([0, 1, 2, 3, 4]);
  });
  it('keeps first, lowest, highest and last point of a crowded column, in order', () => {
    const values = [5, 9, 1, 4, 7, 3];
    expect(decimate(values.length, () => 0, (i) => values[i])).toEqual([0, 1, 2, 5]);
  });
  it('reduces a long path to at most four points per column', () => {
    const n = 20_000;
    const kept = decimate(n, (i) => Math.floor((i / (n - 1)) * 800), (i) => Math.sin(i));
    expect(kept.length).toBeLessThanOrEqual(4 * 801);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
    for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
  });
  it('returns nothing for no points', () => {
    expect(decimate(0, (i) => i, (i) => i)).toEqual([]);
  });
});
