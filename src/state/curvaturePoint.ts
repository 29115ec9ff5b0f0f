// Where the curvature overlay reads the Hessian, shared by the axes in the scene and the readout
// under it, so that both always describe the same point.
import { curvatureAt, type Curvature } from '../engine';
import { computeScene } from './paths';
import { explainedRunId } from './explainedRun';
import type { SceneState } from './store';

export interface CurvaturePoint {
  readonly x: number;
  readonly y: number;
  /** The explained run's id and colour where the point is its particle; null at the start. */
  readonly runId: string | null;
  readonly color: string | null;
  /** The whole step the particle is at (0 at the start). */
  readonly step: number;
  readonly curvature: Curvature;
}

/**
 * The curvature at the start, or at the explained run's particle at whole step `step` (its last
 * point once it has stopped). The surface is the one the runs descend: a penalty's curvature
 * is part of it.
 */
export function curvaturePoint(state: SceneState, step: number): CurvaturePoint {
  const scene = computeScene(state);
  const id = state.curvatureAt === 'particle' ? explainedRunId(state) : null;
  const run = id === null ? undefined : scene.runs.find((c) => c.run.id === id);
  if (!run) {
    const [x, y] = state.start;
    return { x, y, runId: null, color: null, step: 0, curvature: curvatureAt(scene.surface, x, y) };
  }
  const k = Math.max(0, Math.min(Math.floor(step + 1e-9), run.path.steps));
  const x = run.path.x[k];
  const y = run.path.y[k];
  return { x, y, runId: run.run.id, color: run.run.color, step: k, curvature: curvatureAt(scene.surface, x, y) };
}
