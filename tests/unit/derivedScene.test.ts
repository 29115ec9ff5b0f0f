import { describe, expect, it } from 'vitest';
import { simulateRun } from '../../src/engine';
import { computeScene, derivedOf, traceOf } from '../../src/state/paths';
import { runSpec } from '../../src/state/runSpec';
import { createSceneStore } from '../../src/state/store';

// One derived-data cache per store: paths recomputed only when their inputs change, traces
// computed once per recompute and shared by every reader, and two stores never mixed up.

describe('the derived data of a store', () => {
  it('recomputes paths only when an input changes, into the same arrays', () => {
    const store = createSceneStore();
    const a = computeScene(store.getState(), store);
    expect(computeScene(store.getState(), store)).toBe(a);
    const x = a.runs[0].path.x;
    store.getState().setParam(store.getState().runs[0].id, 'lr', 0.2);
    const b = computeScene(store.getState(), store);
    expect(b).not.toBe(a);
    expect(b.version).toBeGreaterThan(a.version);
    expect(b.runs[0].path.x).toBe(x);
  });

  it('recomputes only the run whose settings changed, and every run when the scene changes', () => {
    const store = createSceneStore();
    const [a, b] = store.getState().runs;
    const traceB = traceOf(store.getState(), b.id, store);
    const traceA = traceOf(store.getState(), a.id, store);
    store.getState().setParam(a.id, 'lr', 0.2);
    const state = store.getState();
    expect(traceOf(state, b.id, store)).toBe(traceB);
    expect(traceOf(state, a.id, store)).not.toBe(traceA);
    for (const c of computeScene(state, store).runs) {
      const fresh = simulateRun(runSpec(state, c.run));
      expect(Array.from(c.path.x.subarray(0, c.path.steps + 1))).toEqual(Array.from(fresh.x.subarray(0, fresh.steps + 1)));
    }
    state.setSteps(40);
    expect(traceOf(store.getState(), b.id, store)).not.toBe(traceB);
    expect(computeScene(store.getState(), store).runs.every((c) => c.path.steps === 40)).toBe(true);
  });

  it('draws exactly the path runSpec describes (the exports and the CLI start from the same spec)', () => {
    const store = createSceneStore();
    store.getState().setNoise({ sigma: 0.2, seed: 5 });
    store.getState().setPenalty({ kind: 'l2', lambda: 0.1 });
    const state = store.getState();
    const scene = computeScene(state, store);
    for (const c of scene.runs) {
      const again = simulateRun(runSpec(state, c.run));
      expect(Array.from(again.x.subarray(0, again.steps + 1))).toEqual(Array.from(c.path.x.subarray(0, c.path.steps + 1)));
    }
  });

  it('computes a trace once per recompute: the arrows and the update-rule panel read the same one', () => {
    const store = createSceneStore();
    const id = store.getState().runs[0].id;
    const t1 = traceOf(store.getState(), id, store);
    expect(t1).not.toBeNull();
    expect(traceOf(store.getState(), id, store)).toBe(t1);
    store.getState().setSteps(50);
    const t2 = traceOf(store.getState(), id, store);
    expect(t2?.steps).toBe(50);
    expect(traceOf(store.getState(), 'no-such-run', store)).toBeNull();
  });

  it('keeps one cache per store', () => {
    const one = createSceneStore();
    const two = createSceneStore();
    expect(derivedOf(one)).not.toBe(derivedOf(two));
    two.getState().setSteps(10);
    expect(computeScene(one.getState(), one).lastStep).not.toBe(computeScene(two.getState(), two).lastStep);
  });
});
