// What the first frame does not need waits for it. The surface's first frame is the page's
// point: KaTeX (≈ 80 KB gzipped, its stylesheet and fonts), the update-rule panel and the Korean
// font's @font-face rules would otherwise be fetched, parsed and laid out while three.js
// compiles its shaders. They follow the first frame, in the next idle moment, or come at once
// when the user asks for one of them.
import { useSyncExternalStore } from 'react';

/** Without a first frame (no WebGL, the scene crashed), deferred work starts after this long. */
const NO_FRAME_FALLBACK_MS = 4000;
/** An idle moment may not come soon on a busy page (a long playback): the longest wait for one. */
const IDLE_TIMEOUT_MS = 1500;

let open = false;
let started = false;
const waiting = new Set<() => void>();

function openGate(): void {
  if (open) return;
  open = true;
  const callbacks = [...waiting];
  waiting.clear();
  for (const fn of callbacks) fn();
}

function idleThenOpen(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(openGate, { timeout: IDLE_TIMEOUT_MS });
  // Safari has no requestIdleCallback: soon after the frame.
  else setTimeout(openGate, 50);
}

/** Watches for the first frame: the scene sets data-ready on <html> with it (src/scene/SceneCanvas.tsx). */
function start(): void {
  if (started) return;
  started = true;
  const root = document.documentElement;
  if (root.dataset.ready === 'true') {
    idleThenOpen();
    return;
  }
  const observer = new MutationObserver(() => {
    if (root.dataset.ready === 'true') finish();
  });
  const timer = setTimeout(finish, NO_FRAME_FALLBACK_MS);
  function finish() {
    observer.disconnect();
    clearTimeout(timer);
    idleThenOpen();
  }
  observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
}

/** Runs fn once the first frame is drawn and the page has had an idle moment (at once after that). */
export function afterFirstFrame(fn: () => void): void {
  if (open) {
    fn();
    return;
  }
  waiting.add(fn);
  start();
}

/** The user asked for something deferred (a run's update rule): everything waiting starts now. */
export function stopDeferring(): void {
  openGate();
}

function subscribe(listener: () => void): () => void {
  afterFirstFrame(listener);
  return () => waiting.delete(listener);
}

/** For components: false until the first frame has been drawn (and the page has had an idle moment). */
export function useAfterFirstFrame(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
