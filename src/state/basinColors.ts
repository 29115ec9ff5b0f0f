// The colours of a basin map, shared by the Maps section and the surface it is drawn on: the
// Okabe–Ito set (told apart under the common colour-vision deficiencies) for the places runs end,
// greys for still moving and elsewhere, a dark red for diverged.
import type { BasinClass } from '../engine/maps/basins';

const PLACES = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff', '#a6761d', '#66a61e'];

/** Each class's colour, in class order: places in turn, then the fixed ones. */
export function basinColors(classes: readonly BasinClass[]): string[] {
  let place = 0;
  return classes.map((c) => {
    if (c.kind === 'moving') return '#9aa3ad';
    if (c.kind === 'elsewhere') return '#4d5561';
    if (c.kind === 'diverged') return '#8c2d3c';
    return PLACES[place++ % PLACES.length];
  });
}
