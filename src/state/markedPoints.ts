// Which of a surface's known minima and saddles the scene marks. A surface with a handful of
// minima shows them all; one with a lattice of them (Rastrigin has 121, Ackley 81) shows the
// global minimum and only the local minima where a visible run ends, so the rings explain the
// paths instead of burying them. The scene's markers and the key under it share this choice.
import type { Minimum, Surface, Vec2 } from '../engine';
import { computeScene, type ComputedScene } from './paths';
import { sceneSurface, type SceneData } from './store';

/** Up to this many local minima are all marked; past it, only those a run ends in. */
const MAX_ALL_LOCAL_MINIMA = 8;

/** How close a run's last point must be to a minimum to count as ending in it, as a share of the plot's diagonal. */
const REACHED_RADIUS = 0.03;

export interface MarkedPoints {
  readonly minima: readonly Minimum[];
  readonly saddles: readonly Vec2[];
  /** How many local minima the surface has that are not marked. */
  readonly hiddenLocal: number;
  /**
   * Under a penalty: where the minima were before it (lesson 10's (1, 1)), and the origin it
   * pulls toward, so that the shift is seen. Empty without a penalty.
   */
  readonly unpenalized: readonly Minimum[];
  readonly origin: Vec2 | null;
}

/** The minimum nearest to a point, if it is within `radius`. */
function nearestMinimum(minima: readonly Minimum[], x: number, y: number, radius: number): Minimum | null {
  let best: Minimum | null = null;
  let bestDistance = radius;
  for (const m of minima) {
    const d = Math.hypot(m.x - x, m.y - y);
    if (d <= bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * `base` is the surface before the penalty (the same object when there is none): its global
 * minima are marked as where the penalty moved them from.
 */
function markedPoints(surface: Surface, scene: Pick<ComputedScene, 'runs'>, base: Surface = surface): MarkedPoints {
  const saddles = surface.saddles ?? [];
  const penalized = base !== surface;
  const unpenalized = penalized ? base.minima.filter((m) => m.kind === 'global') : [];
  const { x: dx, y: dy } = surface.domain;
  const origin: Vec2 | null = penalized && dx[0] <= 0 && dx[1] >= 0 && dy[0] <= 0 && dy[1] >= 0 ? [0, 0] : null;
  const local = surface.minima.filter((m) => m.kind !== 'global');
  if (local.length <= MAX_ALL_LOCAL_MINIMA) return { minima: surface.minima, saddles, hiddenLocal: 0, unpenalized, origin };
  const radius = REACHED_RADIUS * Math.hypot(dx[1] - dx[0], dy[1] - dy[0]);
  const reached = new Set<Minimum>();
  for (const { run, path } of scene.runs) {
    if (!run.visible || path.status !== 'ok') continue;
    const m = nearestMinimum(local, path.x[path.steps], path.y[path.steps], radius);
    if (m) reached.add(m);
  }
  const minima = surface.minima.filter((m) => m.kind === 'global' || reached.has(m));
  return { minima, saddles, hiddenLocal: local.length - reached.size, unpenalized, origin };
}

/** A short key that changes only when the marked points do: lets React skip identical results. */
export function markedKey(points: MarkedPoints): string {
  const where = (ms: readonly Minimum[]) => ms.map((m) => `${m.x},${m.y}`).join(';');
  return `${where(points.minima)}|${points.saddles.length}|${where(points.unpenalized)}|${points.origin ? 'o' : ''}`;
}

/** The marked points of the scene in the store: its surface (penalty included) and runs. */
export function sceneMarks(state: Parameters<typeof computeScene>[0] & Pick<SceneData, 'surfaceId' | 'custom'>): MarkedPoints {
  const scene = computeScene(state);
  return markedPoints(scene.surface, scene, sceneSurface(state));
}
