/** Where a dropdown opens relative to its button. */
export interface MenuPlacement {
  /** Above the button (no room below). */
  readonly up: boolean;
  /** Aligned to the button's right edge rather than its left. */
  readonly end: boolean;
  /** Pixels to move it sideways so that it stays inside the window (a phone's narrow width). */
  readonly shift: number;
}

export const INITIAL_PLACEMENT: MenuPlacement = { up: false, end: false, shift: 0 };

interface Rect {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Below the button unless there is no room, on the side with more room, and never past the
 * window's edges: a menu wider than the room on either side of its button is moved sideways.
 */
export function placeMenu(button: Rect, menu: { width: number; height: number }, viewport: { width: number; height: number }, margin = 8): MenuPlacement {
  const up = button.bottom + menu.height > viewport.height && button.top > menu.height;
  const end = viewport.width - button.left < button.right || button.left + menu.width > viewport.width - margin;
  const left = end ? button.right - menu.width : button.left;
  const lo = margin;
  const hi = viewport.width - margin - menu.width;
  const clamped = hi < lo ? lo : Math.min(hi, Math.max(lo, left));
  return { up, end, shift: Math.round(clamped - left) };
}

export function samePlacement(a: MenuPlacement, b: MenuPlacement): boolean {
  return a.up === b.up && a.end === b.end && a.shift === b.shift;
}

/** The attributes that put a menu where `placeMenu` decided (the stylesheets read data-up and data-end). */
export function placementAttributes(p: MenuPlacement): { 'data-up'?: true; 'data-end'?: true; style?: { transform: string } } {
  return {
    ...(p.up && { 'data-up': true as const }),
    ...(p.end && { 'data-end': true as const }),
    ...(p.shift !== 0 && { style: { transform: `translateX(${p.shift}px)` } }),
  };
}
