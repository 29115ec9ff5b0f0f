// What the legend says about a run at a given playhead step. The news is told when the playhead
// gets there, not before: the class watches the particle fly off before reading that it did.
import type { RunStatus } from '../engine';

export type RunNote =
  | { readonly kind: 'diverged' | 'singular' | 'left'; readonly at: number }
  | { readonly kind: 'ok' };

export interface RunOutcome {
  readonly path: { readonly steps: number; readonly status: RunStatus };
  /** First step outside the plotted domain, -1 if never. */
  readonly leftAt: number;
}

/**
 * The note for a run at whole step `step`. A run that stopped early (diverged, or Newton met a
 * singular Hessian) did so while taking step `steps + 1`, which is the step named; it is told
 * once the playhead reaches the last point drawn.
 */
export function runNoteAt(run: RunOutcome, step: number): RunNote {
  const { steps, status } = run.path;
  if (status !== 'ok' && step >= steps) return { kind: status, at: steps + 1 };
  if (run.leftAt >= 0 && step >= run.leftAt) return { kind: 'left', at: run.leftAt };
  return { kind: 'ok' };
}

/** The point shown for a run at playhead `step` (fractional while playing). */
export function pointIndex(step: number, steps: number): number {
  return Math.max(0, Math.min(Math.floor(step + 1e-9), steps));
}
