// Playback: moves the playhead through the computed paths in real time while the store says
// `playing`. A requestAnimationFrame loop of its own, so the legend, timeline and chart keep
// moving even if the WebGL view is unavailable.
//
// The playhead advances by speed × the time since the last frame, however many whole steps
// that is: a machine that draws 5 frames a second still plays 60 steps/s, 12 steps a frame.
// Only a frame slower than MAX_FRAME_SECONDS (a long task, a modal dialog) is counted as that
// long, and the time a tab spends hidden is not counted at all, so coming back to it does not
// jump to the end. Where frames come slower still, the bar shows the rate actually played
// (measured here over the last second, published through onPlaybackRate).
import { computeScene } from './paths';
import { playhead, seek } from './playhead';
import { sceneStore } from './store';

/** The longest frame that is counted in full; a longer one is a pause, not the machine's pace. */
export const MAX_FRAME_SECONDS = 1;
/** The span over which the rate played is measured. */
export const RATE_WINDOW_MS = 1000;

/**
 * Steps per second actually played over the last RATE_WINDOW_MS of playback: the change of the
 * playhead between the newest sample and the newest one at least a window older (or the oldest
 * there is), divided by the time between them. Plain numbers in, so tests drive it with any clock.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private readonly steps: number[] = [];

  reset(): void {
    this.times.length = 0;
    this.steps.length = 0;
  }

  add(timeMs: number, step: number): void {
    this.times.push(timeMs);
    this.steps.push(step);
    // Keep one sample at or before the window's start, so the span covers the whole window.
    while (this.times.length > 2 && this.times[1] <= timeMs - RATE_WINDOW_MS) {
      this.times.shift();
      this.steps.shift();
    }
  }

  /** Steps per second, or null before half a window of samples (a rate from one frame is noise). */
  rate(): number | null {
    const n = this.times.length;
    if (n < 2) return null;
    const span = this.times[n - 1] - this.times[0];
    if (span < RATE_WINDOW_MS / 2) return null;
    return ((this.steps[n - 1] - this.steps[0]) * 1000) / span;
  }
}

type RateListener = (rate: number | null) => void;

let frame = 0;
let last = 0;
const meter = new RateMeter();
const rateListeners = new Set<RateListener>();
let lastRate: number | null = null;

function publishRate(rate: number | null): void {
  if (rate === lastRate) return;
  lastRate = rate;
  for (const l of rateListeners) l(rate);
}

/** The rate played (steps/s over the last second) while playing; null when paused or not yet known. */
export function onPlaybackRate(listener: RateListener): () => void {
  rateListeners.add(listener);
  listener(lastRate);
  return () => rateListeners.delete(listener);
}

function stop(): void {
  frame = 0;
  meter.reset();
  publishRate(null);
}

function tick(now: number): void {
  const state = sceneStore.getState();
  if (!state.playing) {
    stop();
    return;
  }
  const dt = Math.min(MAX_FRAME_SECONDS, Math.max(0, (now - last) / 1000));
  last = now;
  const end = computeScene(state).lastStep;
  const next = playhead.step + state.speed * dt;
  if (next >= end) {
    seek(end);
    state.setPlaying(false);
    stop();
    return;
  }
  seek(next);
  meter.add(now, next);
  publishRate(meter.rate());
  frame = requestAnimationFrame(tick);
}

/** Back from a hidden tab: the time away is not playback time, and the measured rate starts over. */
function onVisibilityChange(): void {
  if (document.visibilityState !== 'visible') return;
  last = performance.now();
  meter.reset();
}

/** Starts the driver: follows the store's `playing` flag from now on. Returns a stop function. */
export function startPlayback(): () => void {
  const unsubscribe = sceneStore.subscribe((s, prev) => {
    if (s.playing && !prev.playing) {
      // Play from the end means play again from the start.
      if (playhead.step >= computeScene(s).lastStep) seek(0);
      last = performance.now();
      meter.reset();
      meter.add(last, playhead.step);
      if (!frame) frame = requestAnimationFrame(tick);
    }
    // A change of speed is a new rate to measure.
    if (s.speed !== prev.speed) {
      meter.reset();
      meter.add(performance.now(), playhead.step);
      publishRate(null);
    }
    // Shorter paths (fewer steps, an earlier divergence) pull the playhead back inside.
    if (s.steps !== prev.steps || s.runs !== prev.runs || s.surfaceId !== prev.surfaceId || s.custom !== prev.custom || s.noise !== prev.noise || s.penalty !== prev.penalty || s.start !== prev.start) {
      const end = computeScene(s).lastStep;
      if (playhead.step > end) seek(end);
    }
  });
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    unsubscribe();
    if (hasDocument) document.removeEventListener('visibilitychange', onVisibilityChange);
    cancelAnimationFrame(frame);
    stop();
  };
}

/** Pauses and moves one whole step forward or back. */
export function stepBy(delta: number): void {
  const state = sceneStore.getState();
  state.setPlaying(false);
  const end = computeScene(state).lastStep;
  const base = delta > 0 ? Math.floor(playhead.step + 1e-9) : Math.ceil(playhead.step - 1e-9);
  seek(Math.min(end, Math.max(0, base + delta)));
}

/** Pauses on the last step: where every run ended up. */
export function jumpToEnd(): void {
  const state = sceneStore.getState();
  state.setPlaying(false);
  seek(computeScene(state).lastStep);
}

/** Pauses and goes back to step 0. */
export function rewind(): void {
  sceneStore.getState().setPlaying(false);
  seek(0);
}

export function togglePlaying(): void {
  const state = sceneStore.getState();
  state.setPlaying(!state.playing);
}
