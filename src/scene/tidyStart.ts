import type { Domain, Vec2 } from '../engine';

/**
 * A clicked start rounded to a tidy number at a resolution of 1/2000 of the plot: the 3D and 2D
 * views' clicks give the same start (and the same link).
 */
export function tidyStart([x, y]: Vec2, domain: Domain): Vec2 {
  const span = Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const step = Math.pow(10, Math.floor(Math.log10(span / 2000)));
  const tidy = (v: number) => Number((Math.round(v / step) * step).toPrecision(12));
  return [tidy(x), tidy(y)];
}
