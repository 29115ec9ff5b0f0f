import { describe, expect, it } from 'vitest';
import { getSurface, simulateRun } from '../../src/engine';
import { planTrace } from '../../src/ui/audio/tracePlan';

// The audio trace's plan (issue 15): what a blind student hears of a run.

describe('the audio trace of a run', () => {
  const ravine = getSurface('ravine');
  if (!ravine) throw new Error('ravine');

  it('falls in pitch as Adam settles, and pans from left to right as x crosses the plot', () => {
    const path = simulateRun({ surface: ravine, optimizer: 'adam', params: { lr: 0.1 }, steps: 300 });
    const plan = planTrace({ surface: ravine, path, leftAt: -1, epochSteps: 0 });
    expect(plan.duration).toBe(3);
    expect(plan.frequency).toHaveLength(301);
    expect(plan.frequency[0]).toBeCloseTo(880, 3);
    expect(plan.frequency[300]).toBeLessThan(300);
    // Starting at x = −4 of [−5, 5]: left of centre; the minimum at x = 0 is the middle.
    expect(plan.pan[0]).toBeCloseTo(-0.8, 6);
    expect(Math.abs(plan.pan[300])).toBeLessThan(0.05);
    expect(plan.clicks).toEqual([]);
  });

  it('swings left and right where SGD zig-zags across the rotated ravine', () => {
    const rotated = getSurface('rotated-ravine');
    if (!rotated) throw new Error('rotated-ravine');
    const path = simulateRun({ surface: rotated, optimizer: 'sgd', params: { lr: 0.48 }, steps: 60 });
    const pan = planTrace({ surface: rotated, path, leftAt: -1, epochSteps: 0 }).pan;
    let turns = 0;
    for (let k = 2; k < 30; k++) if ((pan[k] - pan[k - 1]) * (pan[k - 1] - pan[k - 2]) < 0) turns++;
    expect(turns).toBeGreaterThan(20);
  });

  it('clicks at each epoch, and where a run diverges', () => {
    const path = simulateRun({ surface: ravine, optimizer: 'sgd', params: { lr: 2 }, steps: 400 });
    const plan = planTrace({ surface: ravine, path, leftAt: -1, epochSteps: 0 });
    expect(path.status).toBe('diverged');
    expect(plan.clicks).toEqual([plan.duration]);
    const steady = simulateRun({ surface: ravine, optimizer: 'sgd', params: { lr: 0.1 }, steps: 400 });
    expect(planTrace({ surface: ravine, path: steady, leftAt: -1, epochSteps: 100 }).clicks).toEqual([1, 2, 3, 4]);
  });
});
