import { describe, expect, it } from 'vitest';
import {
  chooseLossTransform,
  knownMinimum,
  linearAxis,
  linearMap,
  logAxis,
  logMap,
  niceStep,
  stepTicks,
  transformLoss,
} from '../../src/ui/chart/chartScale';
import { getSurface } from '../../src/engine';

describe('ticks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 4)).toBe(0.5);
    expect(niceStep(0.037, 4)).toBeCloseTo(0.01, 12);
    expect(niceStep(700, 4)).toBe(200);
    expect(niceStep(0, 4)).toBe(1);
  });
  it('widens a linear axis to whole ticks without float noise', () => {
    const axis = linearAxis(0.03, 0.97, 4);
    expect(axis.min).toBe(0);
    expect(axis.max).toBe(1);
    expect(axis.ticks).toEqual([0, 0.5, 1]);
    expect(linearAxis(-2.82, 30.5, 4).ticks).toEqual([-10, 0, 10, 20, 30, 40]);
    expect(linearAxis(0.1, 0.3, 2).ticks).toEqual([0.1, 0.2, 0.3]);
  });
  it('opens a flat range', () => {
    const axis = linearAxis(5, 5, 4);
    expect(axis.min).toBeLessThan(5);
    expect(axis.max).toBeGreaterThan(5);
    expect(linearAxis(0, 0, 4).ticks.length).toBeGreaterThan(1);
  });
  it('labels steps with whole numbers only', () => {
    expect(stepTicks(500, 5)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(stepTicks(3, 10)).toEqual([0, 1, 2, 3]);
    expect(stepTicks(0, 5)).toEqual([0, 1]);
  });
  it('covers whole decades on a log axis and thins the labels of a long one', () => {
    expect(logAxis(0.002, 30, 6)).toMatchObject({ minExp: -3, maxExp: 2, ticks: [-3, -2, -1, 0, 1, 2], between: [] });
    expect(logAxis(1e-3, 1, 6)).toMatchObject({ minExp: -3, maxExp: 0, ticks: [-3, -2, -1, 0], between: [0.003, 0.03, 0.3] });
    expect(logAxis(3, 7, 4)).toEqual({ minExp: 0, maxExp: 1, ticks: [0, 1], between: [2, 5] });
    expect(logAxis(0.05, 7, 4)).toMatchObject({ minExp: -2, maxExp: 1, between: [] });
    const long = logAxis(1e-15, 1e3, 4);
    expect(long.minExp).toBe(-15);
    expect(long.maxExp).toBe(3);
    expect(long.ticks).toEqual([-15, -10, -5, 0]);
  });
});

describe('mappings', () => {
  it('maps linearly, also onto a decreasing screen range', () => {
    const y = linearMap(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
    expect(linearMap(1, 1, 0, 10)(1)).toBe(0);
  });
  it('maps decades evenly on a log scale', () => {
    const y = logMap(-2, 2, 100, 0);
    expect(y(1e-2)).toBeCloseTo(100, 9);
    expect(y(1)).toBeCloseTo(50, 9);
    expect(y(100)).toBeCloseTo(0, 9);
  });
});

describe('loss transform', () => {
  it('plots f itself on a linear scale', () => {
    const t = chooseLossTransform(false, 0, -3, 5);
    expect(t.mode).toBe('linear');
    expect(transformLoss(t, -2.5)).toBe(-2.5);
  });
  it('plots f − f* when the global minimum is known, even when f* is negative', () => {
    const localMinima = getSurface('local-minima');
    expect(localMinima).toBeDefined();
    const fStar = knownMinimum(localMinima!.minima);
    expect(fStar).toBeLessThan(0);
    const t = chooseLossTransform(true, fStar, fStar! + 0.5, 10);
    expect(t.mode).toBe('known');
    expect(t.ref).toBe(fStar);
    expect(transformLoss(t, fStar! + 0.5)).toBeCloseTo(0.5, 12);
    expect(transformLoss(t, 10)).toBeCloseTo(10 - fStar!, 12);
  });
  it('puts exact convergence and rounding below f* on a small positive floor', () => {
    const t = chooseLossTransform(true, 0, -1e-17, 100);
    expect(t.mode).toBe('known');
    expect(t.floor).toBeGreaterThan(0);
    expect(t.floor).toBeLessThan(1e-10);
    expect(transformLoss(t, 0)).toBe(t.floor);
    expect(transformLoss(t, -1e-17)).toBe(t.floor);
  });
  it('falls back to the data minimum when there is no known minimum (saddle, unbounded below)', () => {
    const saddle = getSurface('saddle');
    expect(knownMinimum(saddle!.minima)).toBeUndefined();
    const t = chooseLossTransform(true, undefined, -1e6, 0.5);
    expect(t.mode).toBe('min');
    expect(t.ref).toBeLessThan(-1e6);
    const lowest = transformLoss(t, -1e6);
    const highest = transformLoss(t, 0.5);
    expect(lowest).toBeGreaterThan(0);
    // The lowest point sits about three decades under the highest, not at a floor far below.
    expect(Math.log10(highest / lowest)).toBeCloseTo(3, 1);
  });
  it('measures the margin from the start, so a run diverging upwards does not flatten the rest', () => {
    const t = chooseLossTransform(true, undefined, -123, 878_900, 2.25);
    expect(t.mode).toBe('min');
    const lowest = transformLoss(t, -123);
    expect(Math.log10(transformLoss(t, 2.25) / lowest)).toBeCloseTo(3, 1);
  });
  it('falls back to the data minimum when the data goes clearly below f*', () => {
    const t = chooseLossTransform(true, 0, -2, 3);
    expect(t.mode).toBe('min');
    expect(transformLoss(t, -2)).toBeGreaterThan(0);
  });
  it('ignores a minimum that is only local', () => {
    expect(knownMinimum([{ x: 0, y: 0, f: -1, kind: 'local' }])).toBeUndefined();
    expect(knownMinimum([])).toBeUndefined();
  });
  it('handles a single flat point', () => {
    const t = chooseLossTransform(true, undefined, 2, 2);
    expect(transformLoss(t, 2)).toBeGreaterThan(0);
  });
});
