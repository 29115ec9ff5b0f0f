// Which basin each start of a basin map belongs to: the known minimum its run ends at, another
// point where runs gather (a typed formula's minima are not known in advance), a run that was
// still moving when its steps ran out, or one that diverged.

import type { Domain, Minimum } from '../types';
import { CELL_OK, CELL_PENDING } from './mapCells';
import type { MapOutcomes } from './mapGrid';

type BasinKind = 'minimum' | 'gathering' | 'elsewhere' | 'moving' | 'diverged';

/** One class of the basin map, as its legend names it. */
export interface BasinClass {
  readonly kind: BasinKind;
  /** Where the class's runs end: the minimum, or the first end point of a gathering. */
  readonly at: readonly [number, number] | null;
  /** For a known minimum, its kind and f. */
  readonly minimum: Minimum | null;
  /** Starts in the class. */
  count: number;
}

/** A run ends at a point when within this share of the domain's larger side of it. */
const NEAR_SHARE = 0.02;
/** A run is still moving when its last step is longer than this share of the larger side. */
const MOVING_SHARE = 1e-4;
/** Other gathering points beyond the known minima, at most: the rest read "elsewhere". */
const MAX_GATHERINGS = 6;

export interface Basins {
  /** Per cell, the index into `classes`; −1 for a cell not computed yet. */
  readonly cellClass: Int16Array;
  readonly classes: readonly BasinClass[];
}

/**
 * Classifies every computed cell: the known minima first (in the surface's order, global ones
 * first), then gathering points found among the other ends, then still moving, elsewhere and
 * diverged (a run stopped otherwise, Newton at a singular Hessian say, counts as diverged).
 */
export function classifyBasins(map: MapOutcomes, minima: readonly Minimum[], domain: Domain): Basins {
  if (!map.endX || !map.endY || !map.lastMove) throw new Error('a basin map keeps its runs’ end points');
  const span = Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
  const near = NEAR_SHARE * span;
  const moving = MOVING_SHARE * span;
  const classes: BasinClass[] = minima.map((m) => ({ kind: 'minimum', at: [m.x, m.y], minimum: m, count: 0 }));
  const gatherings: number[] = [];
  let elsewhere = -1;
  let still = -1;
  let diverged = -1;
  const add = (c: BasinClass) => classes.push(c) - 1;
  const cellClass = new Int16Array(map.nx * map.ny).fill(-1);
  for (let c = 0; c < cellClass.length; c++) {
    const status = map.status[c];
    if (status === CELL_PENDING) continue;
    let cls = -1;
    const x = map.endX[c];
    const y = map.endY[c];
    if (status !== CELL_OK) {
      cls = diverged < 0 ? (diverged = add({ kind: 'diverged', at: null, minimum: null, count: 0 })) : diverged;
    } else {
      for (let m = 0; m < minima.length && cls < 0; m++) {
        if (Math.hypot(x - minima[m].x, y - minima[m].y) <= near) cls = m;
      }
      if (cls < 0 && map.lastMove[c] > moving) {
        cls = still < 0 ? (still = add({ kind: 'moving', at: null, minimum: null, count: 0 })) : still;
      }
      for (let g = 0; g < gatherings.length && cls < 0; g++) {
        const at = classes[gatherings[g]].at;
        if (at && Math.hypot(x - at[0], y - at[1]) <= near) cls = gatherings[g];
      }
      if (cls < 0 && gatherings.length < MAX_GATHERINGS) {
        cls = add({ kind: 'gathering', at: [x, y], minimum: null, count: 0 });
        gatherings.push(cls);
      }
      if (cls < 0) cls = elsewhere < 0 ? (elsewhere = add({ kind: 'elsewhere', at: null, minimum: null, count: 0 })) : elsewhere;
    }
    cellClass[c] = cls;
    classes[cls].count++;
  }
  return { cellClass, classes };
}
