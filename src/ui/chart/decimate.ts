// A path of 20 000 steps on a chart 800 pixels wide would stroke 25 points per pixel column.
// Keeping, per column, the first, lowest, highest and last point (the "M4" reduction) draws the
// same picture from at most four points a column, so a redraw stays well under a millisecond.

/**
 * Indices of the points to draw, in order. `columnOf(i)` is the pixel column of point i and must
 * not decrease with i; `valueOf(i)` is what is compared for lowest and highest.
 */
export function decimate(count: number, columnOf: (i: number) => number, valueOf: (i: number) => number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  let column = columnOf(0);
  let first = 0;
  let low = 0;
  let high = 0;
  let lowValue = valueOf(0);
  let highValue = lowValue;
  let last = 0;
  const flush = () => {
    const a = Math.min(low, high);
    const b = Math.max(low, high);
    for (const i of [first, a, b, last]) if (out.length === 0 || out[out.length - 1] < i) out.push(i);
  };
  for (let i = 1; i < count; i++) {
    const c = columnOf(i);
    const v = valueOf(i);
    if (c !== column) {
      flush();
      column = c;
      first = low = high = last = i;
      lowValue = highValue = v;
      continue;
    }
    if (v < lowValue) {
      lowValue = v;
      low = i;
    }
    if (v > highValue) {
      highValue = v;
      high = i;
    }
    last = i;
  }
  flush();
  return out;
}
