import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group } from 'three';
import type { RunTrace } from '../engine';
import { getLesson } from '../state/lessons';
import { computeScene, traceOf } from '../state/paths';
import { playhead } from '../state/playhead';
import { runSpec } from '../state/runSpec';
import { sceneStore, sceneSurface, type VectorToggles } from '../state/store';
import type { BatchSpread } from './batchSpread';
import { layer } from './arrowLayer';
import { scalesFor, type Scales } from './arrowScale';
import { ARROW_LINES, drawRunArrows, SEGMENTS_PER_RUN, type ArrowFrame, type ArrowLayers, type SpreadFrame } from './particleArrows';
import { surfaceGridFor, type SurfaceGrid } from './surfaceGrid';

// The teaching arrows at each particle (particleArrows.ts computes them), drawn over everything
// (see arrowLayer.ts).

type SpreadModule = typeof import('./batchSpread');
/** The spread's code, loaded the first time a scene in mini-batches shows its gradient arrows. */
let spreadModule: SpreadModule | null = null;
let spreadLoading: Promise<SpreadModule> | null = null;

/**
 * The arrows of every visible run, redrawn in useFrame when the playhead's whole step, the
 * paths or the toggles change; traces (the optimizer's inner state) are computed only while
 * some arrow is on, once per recompute of the paths, into recycled arrays.
 */
export function VectorArrows({ flat }: { flat: boolean }) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const { root, layers, all } = useMemo(() => {
    const line = (kind: keyof ArrowLayers, order: number) => layer(ARROW_LINES[kind].width, order, ARROW_LINES[kind].dashed);
    const layers = { momentum: line('momentum', 30), gradient: line('gradient', 32), step: line('step', 34), spread: line('spread', 28) };
    const all = [layers.spread, layers.momentum, layers.gradient, layers.step];
    const root = new Group();
    for (const l of all) root.add(l.halo, l.line);
    root.visible = false;
    return { root, layers, all };
  }, []);
  const cache = useMemo(
    () => ({
      traces: new Map<string, RunTrace>(),
      tracedVersion: -1,
      scales: { gradient: 0, typical: 0 } as Scales,
      drawn: { version: -1, step: -1, flat, vectors: null as VectorToggles | null, grid: null as SurfaceGrid | null, selected: null as string | null, spread: false },
      spreader: null as BatchSpread | null,
    }),
    [],
  );

  useEffect(
    () => () => {
      for (const l of all) l.dispose();
      cache.traces.clear();
    },
    [all, cache],
  );

  useFrame(() => {
    const state = sceneStore.getState();
    const on = state.vectors;
    root.visible = on.gradient || on.momentum || on.step;
    if (!root.visible) return;
    const scene = computeScene(state);
    const grid = surfaceGridFor(scene.surface);
    if (cache.tracedVersion !== scene.version) {
      // The store's derived cache computes each trace once per recompute (the update-rule
      // panel reads the same ones).
      cache.traces.clear();
      for (const c of scene.runs) {
        const trace = c.run.visible ? traceOf(state, c.run.id) : null;
        if (trace) cache.traces.set(c.run.id, trace);
      }
      cache.scales = scalesFor(cache.traces.values(), scene.surface, grid);
      cache.tracedVersion = scene.version;
    }
    for (const l of all) l.setResolution(size.width, size.height);
    const step = Math.max(0, Math.floor(playhead.step + 1e-9));
    // A scene in mini-batches shows, with −g, where the other batches' gradients would point.
    const data = on.gradient ? sceneSurface(state).data : undefined;
    const spec = data && scene.runs.length > 0 ? runSpec(state, scene.runs[0].run).batch : undefined;
    let spread: SpreadFrame | null = null;
    if (data && spec) {
      // The frame loop runs on demand: ask for the frame that draws the spread once it is here.
      if (!spreadModule)
        spreadLoading ??= import('./batchSpread').then((m) => {
          spreadModule = m;
          invalidate();
          return m;
        });
      else {
        cache.spreader ??= new spreadModule.BatchSpread();
        cache.spreader.prepare(data, spec, state.steps);
        spread = { spreader: cache.spreader, data, spec };
      }
    }
    const d = cache.drawn;
    if (d.version === scene.version && d.step === step && d.flat === flat && d.vectors === on && d.grid === grid && d.selected === state.selectedRunId && d.spread === (spread !== null)) return;
    d.spread = spread !== null;
    d.selected = state.selectedRunId;
    d.version = scene.version;
    d.step = step;
    d.flat = flat;
    d.vectors = on;
    d.grid = grid;

    const frame: ArrowFrame = { surface: scene.surface, grid, flat, scales: cache.scales };
    for (const l of all) {
      l.reserve(SEGMENTS_PER_RUN * scene.runs.length);
      l.begin();
    }
    if (spread) layers.spread.reserve(spread.spreader.segments() * scene.runs.length);
    // A lesson about one run's arrows (Nesterov's look-ahead) draws only the selected run's, so
    // that a second run's arrows at nearly the same point do not hide them.
    const only = getLesson(state.lessonId)?.arrowsForSelectedOnly ? state.selectedRunId : null;
    for (const c of scene.runs) {
      if (c.run.visible && (only === null || c.run.id === only)) drawRunArrows(layers, frame, c, cache.traces.get(c.run.id), step, on, spread);
    }
    for (const l of all) l.commit();
  });

  return <primitive object={root} />;
}
