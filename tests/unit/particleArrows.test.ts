import type { LineColor } from '../../src/scene/lineSink';
import { afterEach, describe, expect, it } from 'vitest';
import { computeScene, traceOf } from '../../src/state/paths';
import { defaultScene, sceneStore } from '../../src/state/store';
import { scalesFor } from '../../src/scene/arrowScale';
import type { LineSink } from '../../src/scene/lineSink';
import { drawRunArrows, type ArrowLayers } from '../../src/scene/particleArrows';
import { surfaceGridFor } from '../../src/scene/surfaceGrid';

// The arrows at a particle, computed once for the WebGL view and the 2D drawing alike: written
// into recording layers, as flat x, z segments in world units.

interface Segment {
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly color: string;
  readonly dashed: boolean;
}

class Recorder implements LineSink {
  readonly segments: Segment[] = [];
  reserve(): void {}
  segment(ax: number, _ay: number, az: number, bx: number, _by: number, bz: number, color: LineColor, dashed = true): void {
    this.segments.push({ a: [ax, az], b: [bx, bz], color: color.getStyle().slice(1), dashed });
  }
}

function layers(): ArrowLayers & Record<keyof ArrowLayers, Recorder> {
  return { momentum: new Recorder(), gradient: new Recorder(), step: new Recorder(), spread: new Recorder() };
}

const length = (s: Segment) => Math.hypot(s.b[0] - s.a[0], s.b[1] - s.a[1]);

/** The arrows of run `index` of the scene in the store at `step`, and what they were drawn from. */
function arrowsAt(index: number, step: number, on = { gradient: true, momentum: true, step: true }) {
  const state = sceneStore.getState();
  const scene = computeScene(state);
  const grid = surfaceGridFor(scene.surface);
  const traces = scene.runs.map((c) => traceOf(state, c.run.id)).filter((t) => t !== null);
  const scales = scalesFor(traces, scene.surface, grid);
  const c = scene.runs[index];
  const trace = traceOf(state, c.run.id) ?? undefined;
  const out = layers();
  drawRunArrows(out, { surface: scene.surface, grid, flat: true, scales }, c, trace, step, on, null);
  const m = grid.mapping;
  const at = (k: number): [number, number] => [m.toWorldX(c.path.x[k]), m.toWorldZ(c.path.y[k])];
  return { out, c, trace, scales, mapping: m, at };
}

afterEach(() => sceneStore.setState({ ...defaultScene(), lang: 'en' }));

describe('the arrows at a particle', () => {
  it('draw −g in white from the particle, scaled by the scene’s gradient scale and at most 0.35 world units long', () => {
    sceneStore.setState({ ...defaultScene('rosenbrock'), lang: 'en', runs: defaultScene('rosenbrock').runs.slice(0, 1) });
    for (const step of [0, 5, 40]) {
      const { out, trace, scales, mapping, at } = arrowsAt(0, step);
      if (!trace) throw new Error('no trace');
      const [shaft, ...head] = out.gradient.segments;
      expect(head).toHaveLength(2);
      expect(shaft.color).toBe('ffffff');
      expect(shaft.a[0]).toBeCloseTo(at(step)[0], 12);
      expect(shaft.a[1]).toBeCloseTo(at(step)[1], 12);
      // Along −g of the step about to be taken (world z is −y).
      const gx = trace.gx[step + 1];
      const gy = trace.gy[step + 1];
      const dir = [shaft.b[0] - shaft.a[0], shaft.b[1] - shaft.a[1]];
      expect(Math.atan2(dir[1], dir[0])).toBeCloseTo(Math.atan2(gy, -gx), 9);
      const full = Math.hypot(gx, gy) * scales.gradient * mapping.scale;
      expect(length(shaft)).toBeCloseTo(Math.min(full, 0.35), 9);
      // The head's two strokes meet at the tip.
      for (const h of head) expect(h.a).toEqual(shaft.b);
    }
  });

  it('draw the step in the run’s colour with its tip on the next point, lengthened to 0.07 world units when shorter, left out when standing still', () => {
    sceneStore.setState({ ...defaultScene('rosenbrock'), lang: 'en' });
    const seen = { still: 0, lengthened: 0, exact: 0 };
    for (let index = 0; index < sceneStore.getState().runs.length; index++) {
      for (let step = 0; step < 60; step += 3) {
        const { out, c, at } = arrowsAt(index, step, { gradient: false, momentum: false, step: true });
        expect(out.gradient.segments).toHaveLength(0);
        expect(out.momentum.segments).toHaveLength(0);
        const here = at(step);
        const next = at(step + 1);
        const taken = Math.hypot(next[0] - here[0], next[1] - here[1]);
        if (taken < 0.001) {
          expect(out.step.segments).toHaveLength(0);
          seen.still++;
          continue;
        }
        const [shaft] = out.step.segments;
        expect(shaft.color).toBe(c.run.color.replace('#', '').toLowerCase());
        expect(length(shaft)).toBeCloseTo(Math.min(0.5, Math.max(0.07, taken)), 9);
        if (taken < 0.07) seen.lengthened++;
        else if (taken <= 0.5) {
          expect(shaft.b[0]).toBeCloseTo(next[0], 9);
          expect(shaft.b[1]).toBeCloseTo(next[1], 9);
          seen.exact++;
        }
      }
    }
    // Rosenbrock's three default runs show each case.
    expect(seen.still).toBeGreaterThan(0);
    expect(seen.lengthened).toBeGreaterThan(0);
    expect(seen.exact).toBeGreaterThan(0);
  });

  it('draw the remembered gradient, dashed, only for a rule that has one', () => {
    sceneStore.setState({ ...defaultScene('rosenbrock'), lang: 'en' });
    const runs = sceneStore.getState().runs;
    const sgd = runs.findIndex((r) => r.optimizer === 'sgd');
    const momentum = runs.findIndex((r) => r.optimizer === 'momentum');
    expect(sgd).toBeGreaterThanOrEqual(0);
    expect(momentum).toBeGreaterThanOrEqual(0);
    expect(arrowsAt(sgd, 10).out.momentum.segments).toHaveLength(0);
    const { out, trace } = arrowsAt(momentum, 10);
    const [shaft] = out.momentum.segments;
    expect(shaft.dashed).toBe(true);
    expect(out.momentum.segments.slice(1).every((s) => !s.dashed)).toBe(true);
    // −(1 − ρ)·v: against the velocity the rule remembers.
    const v = trace?.state.v;
    if (!v) throw new Error('momentum keeps no velocity');
    const dir = [shaft.b[0] - shaft.a[0], shaft.b[1] - shaft.a[1]];
    expect(Math.atan2(dir[1], dir[0])).toBeCloseTo(Math.atan2(v[1][10], -v[0][10]), 9);
  });
});
