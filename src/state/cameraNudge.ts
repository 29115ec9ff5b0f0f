// The camera moved from the keyboard. The keys are read by the UI (useKeyboardShortcuts.ts) and
// the camera lives in the scene (CameraRig.tsx), which neither imports the other: a move is
// announced here, and the rig that is mounted carries it out.

/** Radians to turn around the vertical axis and to tilt, and a zoom factor's exponent (+1 closer). */
export interface CameraNudge {
  readonly turn: number;
  readonly tilt: number;
  readonly zoom: number;
}

let carryOut: ((nudge: CameraNudge) => void) | null = null;

/** The rig's way to carry out moves; returns the way to stop. */
export function onCameraNudge(apply: (nudge: CameraNudge) => void): () => void {
  carryOut = apply;
  return () => {
    if (carryOut === apply) carryOut = null;
  };
}

export function nudgeCamera(nudge: CameraNudge): void {
  carryOut?.(nudge);
}
