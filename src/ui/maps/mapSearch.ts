// CS231n's advice made visible: N runs on a grid against N runs at random points of the same
// ranges (seeded), each an exact run with its own values (not the nearest map cell), and the best
// of each. When one hyperparameter matters more, the grid wastes its runs on √N values of it.

import { createUniform, simulateRun, type RunSpec } from '../../engine';
import { fromAxisUnit, toAxisUnit, type HyperMapRequest } from '../../engine/maps/mapRequest';
import { knownMinimum, paramSpecs } from '../../engine/maps/mapCells';
import type { Surface } from '../../engine';

interface SearchSample {
  readonly x: number;
  readonly y: number;
  /** f − f* at the end (f where f* is unknown); Infinity for a run that diverged. */
  readonly score: number;
}

export interface SearchResult {
  readonly grid: readonly SearchSample[];
  readonly random: readonly SearchSample[];
  /** Index of the best sample of each. */
  readonly bestGrid: number;
  readonly bestRandom: number;
}

function score(specAt: (x: number, y: number) => RunSpec, x: number, y: number, fStar: number): number {
  const path = simulateRun(specAt(x, y));
  if (path.status !== 'ok') return Infinity;
  const f = path.loss[path.steps];
  return fStar === fStar ? f - fStar : f;
}

function best(samples: readonly SearchSample[]): number {
  let at = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i].score < samples[at].score) at = i;
  return at;
}

/** `count` (a square) grid samples at the centres of a k × k grid, and `count` uniform random ones, in the slider's scale. */
export function searchSamples(request: HyperMapRequest, surface: Surface, count: number, seed: number): SearchResult {
  const k = Math.round(Math.sqrt(count));
  const fStar = knownMinimum(surface);
  // The same spec as the map's cells, at the sample's own values.
  const specAt = paramSpecs(request, surface);
  const ux = [toAxisUnit(request.x.param, request.x.from), toAxisUnit(request.x.param, request.x.to)];
  const uy = [toAxisUnit(request.y.param, request.y.from), toAxisUnit(request.y.param, request.y.to)];
  const at = (axis: 'x' | 'y', t: number) => {
    const [a, b] = axis === 'x' ? ux : uy;
    return fromAxisUnit(request[axis].param, a + t * (b - a));
  };
  const grid: SearchSample[] = [];
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      const x = at('x', (i + 0.5) / k);
      const y = at('y', (j + 0.5) / k);
      grid.push({ x, y, score: score(specAt, x, y, fStar) });
    }
  }
  const uniform = createUniform(seed);
  const random: SearchSample[] = [];
  for (let n = 0; n < k * k; n++) {
    const x = at('x', uniform());
    const y = at('y', uniform());
    random.push({ x, y, score: score(specAt, x, y, fStar) });
  }
  return { grid, random, bestGrid: best(grid), bestRandom: best(random) };
}
