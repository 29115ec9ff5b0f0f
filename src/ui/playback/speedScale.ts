// The speed slider runs over a ladder of round numbers spaced evenly on a log scale (about nine
// a decade, 1 … 1000 steps/s). Round numbers because a lecturer says "ten steps a second"; a
// ladder rather than a continuous log slider because rounding a continuous position to a round
// number and back can leave the thumb stuck under the arrow keys.
import { MAX_SPEED, MIN_SPEED } from '../../state/store';

const MANTISSAS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

export const SPEED_LADDER: readonly number[] = (() => {
  const ladder: number[] = [];
  for (let decade = 1; decade < MAX_SPEED; decade *= 10) {
    for (const m of MANTISSAS) {
      const v = m * decade;
      if (v >= MIN_SPEED && v < MAX_SPEED) ladder.push(v);
    }
  }
  ladder.push(MAX_SPEED);
  return ladder;
})();

/** The ladder position nearest to `speed` in ratio (so 75 is nearer 80 than 60). */
export function speedToIndex(speed: number): number {
  if (!(speed > 0)) return 0;
  let best = 0;
  let bestDistance = Infinity;
  const target = Math.log(speed);
  SPEED_LADDER.forEach((v, i) => {
    const d = Math.abs(Math.log(v) - target);
    if (d < bestDistance - 1e-12) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

export function indexToSpeed(index: number): number {
  const i = Math.min(SPEED_LADDER.length - 1, Math.max(0, Math.round(index)));
  return SPEED_LADDER[i];
}

/**
 * Whether the bar shows the rate played beside the speed set: when it is more than a tenth
 * short. Playback advances by the time each frame took, so the two agree wherever frames come
 * at least once a second (MAX_FRAME_SECONDS); the end of the timeline aside, a rate further
 * short means the device is slower than that.
 */
export function showsActualRate(speed: number, rate: number): boolean {
  return Number.isFinite(rate) && rate >= 0 && rate < 0.9 * speed;
}
