// An audio trace of a run (issue 15): its loss over the steps as pitch, so that a student who
// cannot see the chart hears SGD's zig-zag (a warble) and Adam's settle (a falling glide that
// goes quiet). Higher loss, higher pitch, on a log scale of the loss above the surface's minimum
// (the loss chart's own axis); stereo pan follows x across the plot; a click marks each epoch's
// end (mini-batches) and the step where the run left the plot or diverged. Pure: the Web Audio
// side (traceSound.ts) only plays the plan.
import type { Surface, Trajectory } from '../../engine';

export interface TracePlan {
  /** Seconds the whole path takes. */
  readonly duration: number;
  /** Frequency (Hz) at evenly spaced times over `duration`: one value per step. */
  readonly frequency: Float32Array;
  /** Stereo pan (−1 left … 1 right) at the same times. */
  readonly pan: Float32Array;
  /** Times (s) of the clicks: epochs, an exit or a divergence. */
  readonly clicks: readonly number[];
}

const LOW_HZ = 220;
const HIGH_HZ = 880;
/** About a hundred steps a second, within bounds a listener can follow. */
const STEPS_PER_SECOND = 100;
const MIN_SECONDS = 2;
const MAX_SECONDS = 8;

export interface TraceInput {
  readonly surface: Pick<Surface, 'domain' | 'minima'>;
  readonly path: Pick<Trajectory, 'x' | 'loss' | 'steps' | 'status'>;
  /** First step outside the plot, −1 for none. */
  readonly leftAt: number;
  /** Steps in an epoch of mini-batches; 0 for none. */
  readonly epochSteps: number;
}

export function planTrace({ surface, path, leftAt, epochSteps }: TraceInput): TracePlan {
  const n = path.steps + 1;
  const duration = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, path.steps / STEPS_PER_SECOND));
  const floor = surface.minima.length > 0 ? Math.min(...surface.minima.map((m) => m.f)) : Math.min(...Array.from(path.loss.subarray(0, n)).filter(Number.isFinite));
  // log10 of the loss above the floor; the floor itself would be −∞, so a tiny margin under it.
  const level = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const gap = path.loss[k] - floor;
    const v = Number.isFinite(gap) ? Math.log10(Math.max(gap, 1e-12)) : Number.NaN;
    level[k] = v;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const span = hi > lo ? hi - lo : 1;
  const frequency = new Float32Array(n);
  const pan = new Float32Array(n);
  const [x0, x1] = surface.domain.x;
  let last = LOW_HZ;
  for (let k = 0; k < n; k++) {
    // Exponential in pitch: equal steps of the log loss sound as equal musical intervals.
    const u = Number.isFinite(level[k]) ? (level[k] - lo) / span : 1;
    last = Number.isFinite(level[k]) ? LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, u) : last;
    frequency[k] = last;
    const x = path.x[k];
    pan[k] = Number.isFinite(x) ? Math.max(-1, Math.min(1, (2 * (x - x0)) / (x1 - x0) - 1)) : 0;
  }
  const at = (step: number) => (duration * step) / Math.max(1, path.steps);
  const clicks: number[] = [];
  if (epochSteps > 0) for (let s = epochSteps; s <= path.steps; s += epochSteps) clicks.push(at(s));
  if (leftAt >= 0) clicks.push(at(leftAt));
  if (path.status !== 'ok') clicks.push(at(path.steps));
  clicks.sort((a, b) => a - b);
  return { duration, frequency, pan, clicks };
}
