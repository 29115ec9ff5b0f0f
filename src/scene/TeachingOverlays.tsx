import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group } from 'three';
import { computeScene } from '../state/paths';
import { playhead } from '../state/playhead';
import { sceneStore } from '../state/store';
import { layer } from './arrowLayer';
import { surfaceGridFor } from './surfaceGrid';

// The curvature axes and the step-size crosses. Their drawing code (curvatureAxes.ts,
// stepSizeCrosses.ts) loads when each is first turned on: most visits never draw them, and the
// first download has no room to spare. This component only owns the lines and says when to
// redraw (the paths, the playhead's whole step, the view or the overlays changed).

type DrawAxes = typeof import('./curvatureAxes').drawCurvatureAxes;
type DrawCrosses = typeof import('./stepSizeCrosses').drawStepSizeCrosses;

let drawAxes: DrawAxes | null = null;
let drawCrosses: DrawCrosses | null = null;
let axesLoading: Promise<void> | null = null;
let crossesLoading: Promise<void> | null = null;

export function TeachingOverlays({ flat }: { flat: boolean }) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const lines = useMemo(() => {
    // The crosses under the arrows (an arrow along a cross's arm stays readable), the axes over them.
    const crosses = layer(2, 28, false);
    const solid = layer(3.5, 36, false);
    const dashed = layer(3.5, 36, true);
    const root = new Group();
    for (const l of [crosses, solid, dashed]) root.add(l.halo, l.line);
    return { root, crosses, axes: { solid, dashed }, all: [crosses, solid, dashed] };
  }, []);
  const drawn = useMemo(() => ({ key: '' }), []);

  useEffect(
    () => () => {
      for (const l of lines.all) l.dispose();
    },
    [lines],
  );

  useFrame(() => {
    const state = sceneStore.getState();
    const { curvature, effLr } = state.overlays;
    if (curvature && !drawAxes) {
      axesLoading ??= import('./curvatureAxes').then(({ drawCurvatureAxes }) => {
        drawAxes = drawCurvatureAxes;
      });
      void axesLoading.then(() => invalidate());
    }
    if (effLr && !drawCrosses) {
      crossesLoading ??= import('./stepSizeCrosses').then(({ drawStepSizeCrosses }) => {
        drawCrosses = drawStepSizeCrosses;
      });
      void crossesLoading.then(() => invalidate());
    }
    const axes = curvature ? drawAxes : null;
    const crosses = effLr ? drawCrosses : null;
    lines.root.visible = axes !== null || crosses !== null;
    if (!lines.root.visible) {
      drawn.key = '';
      return;
    }
    for (const l of lines.all) l.setResolution(size.width, size.height);
    const scene = computeScene(state);
    const step = Math.max(0, Math.floor(playhead.step + 1e-9));
    const key = `${scene.version}|${step}|${flat}|${axes !== null}|${crosses !== null}|${state.curvatureAt}|${state.selectedRunId}`;
    if (key === drawn.key) return;
    drawn.key = key;
    const grid = surfaceGridFor(scene.surface);
    for (const l of lines.all) l.begin();
    axes?.(lines.axes, state, scene.surface, grid, flat, state.curvatureAt === 'start' ? 0 : step);
    crosses?.(lines.crosses, state, scene, grid, flat, step);
    for (const l of lines.all) l.commit();
  });

  return <primitive object={lines.root} />;
}
