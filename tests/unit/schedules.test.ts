import { describe, expect, it } from 'vitest';
import { getSurface, scheduleFactor, simulateRun, type ScheduleSpec } from '../../src/engine';

const ravine = getSurface('ravine');
if (!ravine) throw new Error('ravine missing');

describe('learning-rate schedules (PyTorch semantics: step t uses epoch t − 1)', () => {
  it('gives the factor of each kind', () => {
    expect([1, 2, 3, 4, 5].map((t) => scheduleFactor({ kind: 'step', every: 2, gamma: 0.5 }, t))).toEqual([1, 1, 0.5, 0.5, 0.25]);
    expect([1, 2, 3].map((t) => scheduleFactor({ kind: 'exponential', gamma: 0.9 }, t))).toEqual([1, 0.9, 0.9 ** 2]);
    const cos: ScheduleSpec = { kind: 'cosine', period: 10, minFactor: 0.1 };
    expect(scheduleFactor(cos, 1)).toBe(1);
    expect(scheduleFactor(cos, 6)).toBeCloseTo(0.55, 15);
    expect(scheduleFactor(cos, 11)).toBeCloseTo(0.1, 15);
    expect([1, 2, 4, 8].map((t) => scheduleFactor({ kind: 'warmup', steps: 4 }, t))).toEqual([0.25, 0.5, 1, 1]);
  });

  it('scales each step of SGD by its factor', () => {
    // ravine: ∂f/∂x = 0.2x, so with y = 0: x ← x·(1 − 0.2·η·factor).
    const t = simulateRun({ surface: ravine, optimizer: 'sgd', params: { lr: 1 }, start: [1, 0], steps: 3, schedule: { kind: 'exponential', gamma: 0.5 } });
    expect(t.x[1]).toBeCloseTo(1 - 0.2, 15);
    expect(t.x[2]).toBeCloseTo(0.8 * (1 - 0.2 * 0.5), 15);
    expect(t.x[3]).toBeCloseTo(0.8 * 0.9 * (1 - 0.2 * 0.25), 15);
  });

  it('a constant schedule changes nothing, bit for bit', () => {
    const a = simulateRun({ surface: ravine, optimizer: 'adam', params: { lr: 0.1 }, steps: 200 });
    const b = simulateRun({ surface: ravine, optimizer: 'adam', params: { lr: 0.1 }, steps: 200, schedule: { kind: 'constant' } });
    expect(Array.from(b.x.subarray(0, 201))).toEqual(Array.from(a.x.subarray(0, 201)));
  });

  it('AdamW decays with the η of the same step', () => {
    const t = simulateRun({ surface: ravine, optimizer: 'adamw', params: { lr: 0.1, weightDecay: 0.5 }, start: [1, 0], steps: 2, schedule: { kind: 'warmup', steps: 2 } });
    // Step 1: η = 0.05; x ← 1·(1 − 0.05·0.5) − 0.05·g/(|g| + ε) with g = 0.2.
    expect(t.x[1]).toBeCloseTo(1 - 0.025 - 0.05 * (0.2 / (0.2 + 1e-8)), 12);
  });

  it('refuses a malformed schedule with a message', () => {
    expect(() => simulateRun({ surface: ravine, optimizer: 'sgd', schedule: { kind: 'step', every: 0, gamma: 0.5 } })).toThrow(/every/);
    expect(() => simulateRun({ surface: ravine, optimizer: 'sgd', schedule: { kind: 'exponential', gamma: -1 } })).toThrow(/γ/);
  });
});
