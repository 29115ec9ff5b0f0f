// A finished map as text, the command line's JSON and CSV: every cell's outcome, exact (numbers
// as String(n) writes them, which read back as the same double).

import { classifyBasins, type Basins } from './basins';
import { CELL_DIVERGED, CELL_OK, CELL_PENDING } from './mapCells';
import type { MapOutcomes } from './mapGrid';
import { axisValue, basinStart, mapSize, type MapRequest } from './mapRequest';
import type { Surface } from '../types';
import { jsonNumber, csvNumber } from '../export';

function statusName(status: number): string {
  return status === CELL_OK ? 'ok' : status === CELL_DIVERGED ? 'diverged' : status === CELL_PENDING ? 'pending' : 'stopped';
}

function list(values: ArrayLike<number>, write: (v: number) => string = jsonNumber): string {
  const out: string[] = new Array<string>(values.length);
  for (let k = 0; k < values.length; k++) out[k] = write(values[k]);
  return `[${out.join(',')}]`;
}

/** The basins of a basin map on `surface`, as the app's legend groups them. */
function mapBasins(request: MapRequest, outcomes: MapOutcomes, surface: Surface): Basins | null {
  return request.kind === 'basin' ? classifyBasins(outcomes, surface.minima, request.domain) : null;
}

/**
 * One JSON object: the request's axes with each cell's value, then per cell (row by row, y
 * outer): `loss` (f at the last point), `reached` (first step within the tolerance of f*, or
 * null), `status`; a basin map adds `end` ([x, y] per cell), `basin` (a class index per cell)
 * and `classes`.
 */
export function mapJson(request: MapRequest, outcomes: MapOutcomes, surface: Surface, fStar: number): string {
  const { nx, ny } = mapSize(request);
  const fields: string[] = [`"kind":${JSON.stringify(request.kind)}`, `"surface":${JSON.stringify('id' in request.surface ? request.surface.id : 'custom')}`];
  if ('expr' in request.surface) fields.push(`"expr":${JSON.stringify(request.surface.expr)}`);
  fields.push(`"optimizer":${JSON.stringify(request.run.optimizer)}`, `"steps":${request.run.steps}`, `"tolerance":${jsonNumber(request.tolerance)}`, `"fStar":${fStar === fStar ? jsonNumber(fStar) : 'null'}`);
  if (request.kind === 'hyper') {
    for (const [name, axis] of [['x', request.x], ['y', request.y]] as const) {
      const values = Array.from({ length: axis.cells }, (_, i) => axisValue(axis, i));
      fields.push(`"${name}":{"param":${JSON.stringify(axis.param)},"from":${jsonNumber(axis.from)},"to":${jsonNumber(axis.to)},"cells":${axis.cells},"values":${list(values)}}`);
    }
  } else {
    const { x, y } = request.domain;
    fields.push(`"domain":${list([x[0], x[1], y[0], y[1]])}`, `"cellsX":${nx}`, `"cellsY":${ny}`);
  }
  fields.push(`"loss":${list(outcomes.loss)}`);
  fields.push(`"reached":[${Array.from(outcomes.reached, (r) => (r < 0 ? 'null' : String(r))).join(',')}]`);
  fields.push(`"status":[${Array.from(outcomes.status, (s) => JSON.stringify(statusName(s))).join(',')}]`);
  const basins = mapBasins(request, outcomes, surface);
  if (basins && outcomes.endX && outcomes.endY) {
    const ends: string[] = [];
    for (let c = 0; c < nx * ny; c++) ends.push(`[${jsonNumber(outcomes.endX[c])},${jsonNumber(outcomes.endY[c])}]`);
    fields.push(`"end":[${ends.join(',')}]`, `"basin":${list(basins.cellClass)}`);
    const classes = basins.classes.map(
      (c) => `{"kind":${JSON.stringify(c.kind)},"at":${c.at ? list(c.at) : 'null'},"count":${c.count}${c.minimum ? `,"minimum":${JSON.stringify(c.minimum.kind)},"f":${jsonNumber(c.minimum.f)}` : ''}}`,
    );
    fields.push(`"classes":[${classes.join(',')}]`);
  }
  return `{${fields.join(',')}}\n`;
}

/** One row per cell: its column and row, the settings or start, and its outcome. */
export function mapCsv(request: MapRequest, outcomes: MapOutcomes, surface: Surface): string {
  const { nx, ny } = mapSize(request);
  const basins = mapBasins(request, outcomes, surface);
  const head = request.kind === 'hyper' ? `i,j,${request.x.param},${request.y.param},loss,reached,status` : 'i,j,x0,y0,x,y,loss,reached,status,basin';
  const lines = [head];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      const reached = outcomes.reached[c] < 0 ? '' : String(outcomes.reached[c]);
      const tail = `${csvNumber(outcomes.loss[c])},${reached},${statusName(outcomes.status[c])}`;
      if (request.kind === 'hyper') {
        lines.push(`${i},${j},${csvNumber(axisValue(request.x, i))},${csvNumber(axisValue(request.y, j))},${tail}`);
      } else {
        const [x0, y0] = basinStart(request, i, j);
        const ex = outcomes.endX ? csvNumber(outcomes.endX[c]) : '';
        const ey = outcomes.endY ? csvNumber(outcomes.endY[c]) : '';
        lines.push(`${i},${j},${csvNumber(x0)},${csvNumber(y0)},${ex},${ey},${tail},${basins ? basins.cellClass[c] : ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
