/** A rectangle in CSS pixels, relative to the canvas's top-left corner. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A box in CSS pixels as normalized device coordinates (−1 … 1, y up). */
export function toNdc(b: Box, width: number, height: number): { left: number; right: number; bottom: number; top: number } {
  return {
    left: -1 + (2 * b.left) / width,
    right: -1 + (2 * b.right) / width,
    top: 1 - (2 * b.top) / height,
    bottom: 1 - (2 * b.bottom) / height,
  };
}
