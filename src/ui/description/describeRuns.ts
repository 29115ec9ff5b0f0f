// What a screen reader hears about the scene (issue 15): per run, at the step shown, where it is
// and what it did: reached a minimum (which, where, from which step on), diverged or left the plot
// (at which step), stalled somewhere that is not a minimum, zig-zags, or is still on its way, with
// its loss. Plain data here; the words are the description table's (messages/description.ts).
import type { Minimum, Surface, Trajectory } from '../../engine';

type RunFate =
  | { readonly kind: 'minimum'; readonly which: 'global' | 'local'; readonly x: number; readonly y: number; readonly since: number }
  | { readonly kind: 'diverged' | 'singular' | 'lineSearchFailed' | 'left'; readonly at: number }
  | { readonly kind: 'stalled' }
  | { readonly kind: 'saddle'; readonly x: number; readonly y: number }
  | { readonly kind: 'zigzag' }
  | { readonly kind: 'moving' };

export interface RunReading {
  readonly fate: RunFate;
  /** The step described (the playhead's, or the run's last when it stopped before). */
  readonly step: number;
  readonly x: number;
  readonly y: number;
  readonly loss: number;
}

/** Within this share of the plot's larger side of a minimum, a run has reached it. */
const REACHED = 2e-3;
/** Moving less than this share of the plot over the last steps is standing still. */
const STILL = 1e-4;
const RECENT = 20;

/** The known minimum nearest (x, y) within `radius`, or null. */
function minimumNear(minima: readonly Minimum[], x: number, y: number, radius: number): Minimum | null {
  let best: Minimum | null = null;
  let bestD = radius;
  for (const m of minima) {
    const d = Math.hypot(m.x - x, m.y - y);
    if (d <= bestD) [best, bestD] = [m, d];
  }
  return best;
}

/**
 * A run at whole step `step` of its path, with its first step outside the plot (-1 if never):
 * fates that have happened by then (a divergence ahead of the playhead is not told yet).
 */
export function readRun(surface: Surface, path: Trajectory, leftAt: number, step: number): RunReading {
  const k = Math.max(0, Math.min(step, path.steps));
  const x = path.x[k];
  const y = path.y[k];
  const loss = path.loss[k];
  const reading = (fate: RunFate): RunReading => ({ fate, step: k, x, y, loss });
  if (path.status !== 'ok' && step >= path.steps) return reading({ kind: path.status, at: path.steps + 1 });
  if (leftAt >= 0 && k >= leftAt) return reading({ kind: 'left', at: leftAt });

  const span = Math.max(surface.domain.x[1] - surface.domain.x[0], surface.domain.y[1] - surface.domain.y[0]);
  const near = minimumNear(surface.minima, x, y, REACHED * span);
  if (near) {
    let since = k;
    while (since > 0 && Math.hypot(path.x[since - 1] - near.x, path.y[since - 1] - near.y) <= REACHED * span) since--;
    return reading({ kind: 'minimum', which: near.kind === 'global' ? 'global' : 'local', x: near.x, y: near.y, since });
  }
  if (k >= RECENT) {
    const from = k - RECENT;
    const moved = Math.hypot(x - path.x[from], y - path.y[from]);
    if (moved < STILL * span) {
      const saddle = (surface.saddles ?? []).find(([sx, sy]) => Math.hypot(sx - x, sy - y) <= REACHED * span);
      return reading(saddle ? { kind: 'saddle', x: saddle[0], y: saddle[1] } : { kind: 'stalled' });
    }
    // Zig-zag: most recent steps turn back against the one before (a negative dot product),
    // while the run still gets somewhere.
    let turns = 0;
    for (let t = from + 2; t <= k; t++) {
      const ax = path.x[t - 1] - path.x[t - 2];
      const ay = path.y[t - 1] - path.y[t - 2];
      const bx = path.x[t] - path.x[t - 1];
      const by = path.y[t] - path.y[t - 1];
      if (ax * bx + ay * by < 0) turns++;
    }
    if (turns >= 0.6 * (RECENT - 1)) return reading({ kind: 'zigzag' });
  }
  return reading({ kind: 'moving' });
}
