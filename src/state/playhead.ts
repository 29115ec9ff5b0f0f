// Where playback is, as a plain mutable object: it moves every animation frame, so it must
// not live in the store (a store change re-renders React). Views that show it (the legend's
// numbers, the timeline, the chart's cursor) subscribe here and write to the DOM directly.

type Listener = (step: number) => void;

const listeners = new Set<Listener>();
let requestFrame: () => void = () => {};

export const playhead = {
  /** The step shown, fractional while playing (the particle moves between points). */
  step: 0,
};

/** Moves the playhead and tells every view; the scene is asked for a new frame. */
export function seek(step: number): void {
  playhead.step = Math.max(0, step);
  for (const l of listeners) l(playhead.step);
  requestFrame();
}

export function onPlayhead(listener: Listener): () => void {
  listeners.add(listener);
  listener(playhead.step);
  return () => listeners.delete(listener);
}

/** The scene registers how to ask for a frame (R3F's invalidate) while it is mounted. */
export function setFrameRequester(fn: () => void): void {
  requestFrame = fn;
}
