import { describe, expect, it } from 'vitest';
import { getSurface, simulateRun, type RunSpec } from '../../src/engine';
import { readRun } from '../../src/ui/description/describeRuns';

// The scene told to a screen reader (issue 15): each run's fate read off its path, as a sighted
// student reads it off the picture.

function read(spec: Omit<RunSpec, 'surface'> & { surface: string }, step = spec.steps ?? 100) {
  const surface = getSurface(spec.surface);
  if (!surface) throw new Error(spec.surface);
  const path = simulateRun({ ...spec, surface });
  return readRun(surface, path, -1, step);
}

describe('reading a run for the scene description', () => {
  it('names the minimum a run reached, and the step from which it stayed there', () => {
    const r = read({ surface: 'bowl', optimizer: 'sgd', params: { lr: 0.1 }, steps: 300 });
    expect(r.fate).toEqual({ kind: 'minimum', which: 'global', x: 0, y: 0, since: 25 });
    expect(r.step).toBe(300);
  });

  it('tells a divergence only once the playhead has reached it', () => {
    expect(read({ surface: 'bowl', optimizer: 'sgd', params: { lr: 50 }, steps: 300 }).fate).toEqual({ kind: 'diverged', at: 2 });
    expect(read({ surface: 'bowl', optimizer: 'sgd', params: { lr: 50 }, steps: 300 }, 0).fate.kind).toBe('moving');
  });

  it('hears SGD zig-zag across the ravine, and a run stuck at the saddle point', () => {
    expect(read({ surface: 'ravine', optimizer: 'sgd', params: { lr: 0.48 }, steps: 100 }, 30).fate.kind).toBe('zigzag');
    expect(read({ surface: 'saddle', optimizer: 'sgd', params: { lr: 0.1 }, steps: 200, start: [0.5, 0] }).fate).toEqual({ kind: 'saddle', x: 0, y: 0 });
  });

  it('a run still on its way is moving, with its point and loss', () => {
    const r = read({ surface: 'rosenbrock', optimizer: 'adam', params: { lr: 0.01 }, steps: 300 });
    expect(r.fate.kind).toBe('moving');
    expect(Number.isFinite(r.loss) && Number.isFinite(r.x) && Number.isFinite(r.y)).toBe(true);
  });
});
