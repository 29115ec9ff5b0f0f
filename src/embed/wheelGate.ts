// An embed sits in someone else's page: a reader scrolling past it must scroll that page, not
// zoom the scene (Google Maps' embeds behave so). The wheel zooms only with Ctrl or ⌘ held (a
// trackpad's pinch arrives as Ctrl + wheel), or once the reader has clicked or tapped into the
// scene, until the pointer leaves the frame. Touch pinch is not a wheel and is left alone.

/**
 * A pointer that has not moved (nor wheeled) inside the frame for this long is taken to have left
 * it. Browsers tell a frame that the pointer left it, but not every one does so for a frame from
 * another site (headless Chromium does not), and a frame hears nothing while the pointer is away.
 */
export const IDLE_RELEASE_MS = 4000;

interface WheelKeys {
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

export interface WheelGate {
  /** The reader clicked or tapped into the scene. */
  engage(now: number): void;
  /** The pointer moved inside the frame. */
  moved(now: number): void;
  /** The pointer left the frame, or the frame lost focus. */
  release(): void;
  /** Whether this wheel zooms the scene; otherwise it scrolls the page around the frame. */
  zooms(keys: WheelKeys, now: number): boolean;
}

/** The gate's rule, without the DOM (times in milliseconds, any clock). */
export function createWheelGate(): WheelGate {
  let engaged = false;
  let lastSeen = Number.NEGATIVE_INFINITY;
  const seen = (now: number) => {
    if (now - lastSeen > IDLE_RELEASE_MS) engaged = false;
    lastSeen = now;
  };
  return {
    engage(now) {
      engaged = true;
      lastSeen = now;
    },
    moved: seen,
    release() {
      engaged = false;
    },
    zooms(keys, now) {
      seen(now);
      return keys.ctrlKey || keys.metaKey || engaged;
    },
  };
}

/**
 * Gates the wheel over `stage` (the element around the canvas). A wheel that should scroll is
 * stopped in the capture phase, before it reaches the camera's controls, which would call
 * preventDefault on it: unprevented, the browser scrolls the frame's page and, at its end, the
 * host page. `onPassedOn` runs for each such wheel (to show a hint). Returns the stop function.
 */
export function startWheelGate(stage: HTMLElement, onPassedOn: () => void): () => void {
  const doc = stage.ownerDocument;
  const win = doc.defaultView;
  const gate = createWheelGate();
  const now = () => performance.now();

  const onWheel = (e: WheelEvent) => {
    if (gate.zooms(e, now())) return;
    e.stopPropagation();
    onPassedOn();
  };
  const onDown = () => gate.engage(now());
  const onMove = () => gate.moved(now());
  // A touch pointer "leaves" as the finger lifts: only a mouse or a pen leaving means the reader moved on.
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') gate.release();
  };
  // Coming in from outside the frame (no element it came from) means it had left.
  const onOver = (e: PointerEvent) => {
    if (e.relatedTarget === null && e.pointerType !== 'touch') gate.release();
  };
  const onBlur = () => gate.release();

  stage.addEventListener('wheel', onWheel, { capture: true, passive: true });
  stage.addEventListener('pointerdown', onDown, { capture: true });
  doc.addEventListener('pointermove', onMove, { capture: true, passive: true });
  doc.addEventListener('pointerover', onOver, { capture: true });
  doc.documentElement.addEventListener('pointerleave', onLeave);
  win?.addEventListener('blur', onBlur);
  return () => {
    stage.removeEventListener('wheel', onWheel, { capture: true });
    stage.removeEventListener('pointerdown', onDown, { capture: true });
    doc.removeEventListener('pointermove', onMove, { capture: true });
    doc.removeEventListener('pointerover', onOver, { capture: true });
    doc.documentElement.removeEventListener('pointerleave', onLeave);
    win?.removeEventListener('blur', onBlur);
  };
}
