// Where a point of the plane lands on screen, as the scene draws it now: for tests and the
// benchmark (window.__descent.project), which check that the start and the end of every path are
// in view. Registered by the scene while it is mounted; null without a WebGL view.

/** Page (client) coordinates in CSS pixels. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

type Projector = (x: number, y: number, f: number) => ScreenPoint | null;

let projector: Projector | null = null;

export function setProjector(fn: Projector | null): void {
  projector = fn;
}

/** The point (x, y) at height f (its loss) as drawn, or null where nothing is drawn. */
export function projectToScreen(x: number, y: number, f: number): ScreenPoint | null {
  return projector ? projector(x, y, f) : null;
}
