// What the legend says about a run at a given playhead step. The whole path is always drawn, ring
// and all, so the legend tells its fate from the start too: "diverges at step 37" ahead of the
// playhead, "diverged at step 37" once it has got there.
import type { RunStatus } from '../../engine';

export type RunNote =
  | { readonly kind: 'diverged' | 'singular' | 'lineSearchFailed' | 'left'; readonly at: number; readonly ahead: boolean }
  | { readonly kind: 'ok' };

export interface RunOutcome {
  readonly path: { readonly steps: number; readonly status: RunStatus };
  /** First step outside the plotted domain, -1 if never. */
  readonly leftAt: number;
}

/**
 * The note for a run at whole step `step`. A run that stopped early (diverged, or Newton met a
 * singular Hessian) did so while taking step `steps + 1`, which is the step named; that is its
 * fate, and outranks leaving the plot on the way. `ahead` until the playhead reaches the last
 * point drawn (or the step it left the plot).
 */
export function runNoteAt(run: RunOutcome, step: number): RunNote {
  const { steps, status } = run.path;
  if (status !== 'ok') return { kind: status, at: steps + 1, ahead: step < steps };
  if (run.leftAt >= 0) return { kind: 'left', at: run.leftAt, ahead: step < run.leftAt };
  return { kind: 'ok' };
}

/** The point shown for a run at playhead `step` (fractional while playing). */
export function pointIndex(step: number, steps: number): number {
  return Math.max(0, Math.min(Math.floor(step + 1e-9), steps));
}
