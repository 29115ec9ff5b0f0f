// The basins of the current basin map, classified once per version (a module of its own, loaded
// with the map's views: the classifier and the cells' codes stay out of the page's first download).
import type { Minimum } from '../engine';
import { classifyBasins, type Basins } from '../engine/maps/basins';
import type { MapOutcomes } from '../engine/maps/mapGrid';
import type { MapState } from './maps';

let basinsCache: { outcomes: MapOutcomes; version: number; minima: readonly Minimum[]; basins: Basins } | null = null;

/**
 * The basins of the current basin map, or null for any other map. The panel's legend and the
 * surface's overlay both read them each time cells arrive: classified once per version, not once
 * per view (a 256 × 256 map takes a few milliseconds to classify).
 */
export function basinsOf(state: MapState, minima: readonly Minimum[]): Basins | null {
  const { request, outcomes, version } = state;
  if (request?.kind !== 'basin' || !outcomes) return null;
  const hit = basinsCache;
  if (hit && hit.outcomes === outcomes && hit.version === version && hit.minima === minima) return hit.basins;
  const basins = classifyBasins(outcomes, minima, request.domain);
  basinsCache = { outcomes, version, minima, basins };
  return basins;
}
