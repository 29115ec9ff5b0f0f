// The built-in surfaces, in menu order: the four the course requires first.

import type { Surface } from '../types';
import {
  ackley,
  beale,
  booth,
  bowl,
  goldsteinPrice,
  himmelblau,
  matyas,
  monkeySaddle,
  plateau,
  rastrigin,
  rotatedRavine,
  sixHumpCamel,
  styblinskiTang,
  threeHumpCamel,
} from './classic';
import { localMinima, ravine, rosenbrock, saddle } from './required';

export const SURFACES: readonly Surface[] = [
  saddle,
  ravine,
  rosenbrock,
  localMinima,
  bowl,
  rotatedRavine,
  booth,
  matyas,
  beale,
  himmelblau,
  threeHumpCamel,
  sixHumpCamel,
  styblinskiTang,
  rastrigin,
  ackley,
  goldsteinPrice,
  monkeySaddle,
  plateau,
];

export const SURFACE_IDS: readonly string[] = SURFACES.map((s) => s.id);

const BY_ID = new Map<string, Surface>(SURFACES.map((s) => [s.id, s]));

export function getSurface(id: string): Surface | undefined {
  return BY_ID.get(id);
}

/** Surfaces that arrive later (the data sets' chunk, data/loadData.ts) join the lookup by id. */
export function registerSurfaces(list: readonly Surface[]): void {
  for (const s of list) BY_ID.set(s.id, s);
}
