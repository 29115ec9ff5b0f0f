// Playback: moves the playhead through the computed paths in real time while the store says
// `playing`. A requestAnimationFrame loop of its own, so the legend, timeline and chart keep
// moving even if the WebGL view is unavailable.
import { computeScene } from './paths';
import { playhead, seek } from './playhead';
import { sceneStore } from './store';

let frame = 0;
let last = 0;

function tick(now: number): void {
  const state = sceneStore.getState();
  if (!state.playing) {
    frame = 0;
    return;
  }
  // Clamp the time step so a tab that was in the background does not jump to the end.
  const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
  last = now;
  const end = computeScene(state).lastStep;
  const next = playhead.step + state.speed * dt;
  if (next >= end) {
    seek(end);
    state.setPlaying(false);
    frame = 0;
    return;
  }
  seek(next);
  frame = requestAnimationFrame(tick);
}

/** Starts the driver: follows the store's `playing` flag from now on. Returns a stop function. */
export function startPlayback(): () => void {
  const unsubscribe = sceneStore.subscribe((s, prev) => {
    if (s.playing && !prev.playing) {
      // Play from the end means play again from the start.
      if (playhead.step >= computeScene(s).lastStep) seek(0);
      last = performance.now();
      if (!frame) frame = requestAnimationFrame(tick);
    }
    // Shorter paths (fewer steps, an earlier divergence) pull the playhead back inside.
    if (s.steps !== prev.steps || s.runs !== prev.runs || s.surfaceId !== prev.surfaceId || s.custom !== prev.custom || s.noise !== prev.noise || s.penalty !== prev.penalty || s.start !== prev.start) {
      const end = computeScene(s).lastStep;
      if (playhead.step > end) seek(end);
    }
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
    frame = 0;
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
