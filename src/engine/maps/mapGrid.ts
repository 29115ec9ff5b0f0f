// A map's cells as they arrive: coarse first (every 4th row and column, then every 2nd, then the
// rest), so that the whole map shows at once and sharpens while the workers go on.

import { CELL_OK, CELL_PENDING, type CellBatch } from './mapCells';

/** The strides of the passes, coarsest first; a map of fewer cells skips the ones it lacks. */
const STRIDES = [4, 2, 1] as const;

function passOf(i: number, j: number): number {
  if (i % 4 === 0 && j % 4 === 0) return 0;
  if (i % 2 === 0 && j % 2 === 0) return 1;
  return 2;
}

/** Every cell index once: the coarse pass's cells first, then the finer passes'. */
export function cellOrder(nx: number, ny: number): Int32Array {
  const order = new Int32Array(nx * ny);
  let k = 0;
  for (let pass = 0; pass < STRIDES.length; pass++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) if (passOf(i, j) === pass) order[k++] = j * nx + i;
    }
  }
  return order;
}

/** How many cells the coarse pass has: the preview that shows first. */
export function coarseCells(nx: number, ny: number): number {
  return Math.ceil(nx / 4) * Math.ceil(ny / 4);
}

/**
 * The outcomes of every cell of one map, filled batch by batch. Outcomes only, never paths:
 * a 512 × 512 map holds about 9 MB with the basin map's end points, 3.4 MB without.
 */
export class MapOutcomes {
  readonly loss: Float64Array;
  readonly reached: Int32Array;
  readonly status: Uint8Array;
  /** The end points and last step lengths, kept for basin maps only. */
  readonly endX: Float64Array | null;
  readonly endY: Float64Array | null;
  readonly lastMove: Float64Array | null;
  done = 0;
  /** The lowest and highest final loss among the runs that went the distance (a colour scale's ends). */
  lossMin = Infinity;
  lossMax = -Infinity;

  constructor(
    readonly nx: number,
    readonly ny: number,
    withEnds: boolean,
  ) {
    const n = nx * ny;
    this.loss = new Float64Array(n);
    this.reached = new Int32Array(n);
    this.status = new Uint8Array(n);
    this.endX = withEnds ? new Float64Array(n) : null;
    this.endY = withEnds ? new Float64Array(n) : null;
    this.lastMove = withEnds ? new Float64Array(n) : null;
  }

  get complete(): boolean {
    return this.done === this.nx * this.ny;
  }

  add(batch: CellBatch): void {
    for (let k = 0; k < batch.indices.length; k++) {
      const c = batch.indices[k];
      if (this.status[c] === CELL_PENDING) this.done++;
      this.loss[c] = batch.loss[k];
      this.reached[c] = batch.reached[k];
      this.status[c] = batch.status[k];
      if (batch.status[k] === CELL_OK) {
        if (batch.loss[k] < this.lossMin) this.lossMin = batch.loss[k];
        if (batch.loss[k] > this.lossMax) this.lossMax = batch.loss[k];
      }
      if (this.endX && this.endY && this.lastMove) {
        this.endX[c] = batch.endX[k];
        this.endY[c] = batch.endY[k];
        this.lastMove[c] = batch.lastMove[k];
      }
    }
  }

  /**
   * The cell whose outcome stands for cell (i, j) while the map fills: itself once computed,
   * else the nearest coarser cell computed above and to its left; −1 when none is yet.
   */
  shownCell(i: number, j: number): number {
    // Unrolled (strides 1, 2, 4): a view asks this of every cell of a 512 × 512 map each frame.
    const nx = this.nx;
    let c = j * nx + i;
    if (this.status[c] !== CELL_PENDING) return c;
    c = (j - (j & 1)) * nx + (i - (i & 1));
    if (this.status[c] !== CELL_PENDING) return c;
    c = (j - (j & 3)) * nx + (i - (i & 3));
    return this.status[c] !== CELL_PENDING ? c : -1;
  }
}
