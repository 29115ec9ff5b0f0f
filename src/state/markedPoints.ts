// Which of a surface's known minima and saddles the scene marks. A surface with a handful of
// minima shows them all; one with a lattice of them (Rastrigin has 121, Ackley 81) shows the
// global minimum and only the local minima where a visible run ends, so the rings explain the
// paths instead of burying them. The scene's markers and the key under it share this choice.
import type { Minimum, Surface, Vec2 } from '../engine';
import type { ComputedScene } from './paths';

/** Up to this many local minima are all marked; past it, only those a run ends in. */
export const MAX_ALL_LOCAL_MINIMA = 8;

/** How close a run's last point must be to a minimum to count as ending in it, as a share of the plot's diagonal. */
const REACHED_RADIUS = 0.03;

export interface MarkedPoints {
  readonly minima: readonly Minimum[];
  readonly saddles: readonly Vec2[];
  /** How many local minima the surface has that are not marked. */
  readonly hiddenLocal: number;
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

export function markedPoints(surface: Surface, scene: Pick<ComputedScene, 'runs'>): MarkedPoints {
  const saddles = surface.saddles ?? [];
  const local = surface.minima.filter((m) => m.kind !== 'global');
  if (local.length <= MAX_ALL_LOCAL_MINIMA) return { minima: surface.minima, saddles, hiddenLocal: 0 };
  const { x, y } = surface.domain;
  const radius = REACHED_RADIUS * Math.hypot(x[1] - x[0], y[1] - y[0]);
  const reached = new Set<Minimum>();
  for (const { run, path } of scene.runs) {
    if (!run.visible || path.status !== 'ok') continue;
    const m = nearestMinimum(local, path.x[path.steps], path.y[path.steps], radius);
    if (m) reached.add(m);
  }
  const minima = surface.minima.filter((m) => m.kind === 'global' || reached.has(m));
  return { minima, saddles, hiddenLocal: local.length - reached.size };
}

/** A short key that changes only when the marked points do: lets React skip identical results. */
export function markedKey(points: MarkedPoints): string {
  return points.minima.map((m) => `${m.x},${m.y}`).join(';') + `|${points.saddles.length}`;
}
