// The map of many runs that the scene's `map` settings describe (mapSettings.ts): the outcomes
// its workers send back (typed arrays, mutated in place, announced by a version number). A map is
// recomputed whenever the scene changes under it while it is open: the old one is cancelled, the
// new one shows its coarse pass within a frame or two and then sharpens.

import { createStore } from 'zustand/vanilla';
import type { MapRequest } from '../engine/maps/mapRequest';
import type { MapOutcomes } from '../engine/maps/mapGrid';
import type { MapThread } from '../engine/maps/mapProtocol';

export interface MapState {
  /** The request being computed or last computed; null when none (closed, or a bad request). */
  readonly request: MapRequest | null;
  readonly outcomes: MapOutcomes | null;
  /** Bumped as cells arrive, so that views redraw. */
  readonly version: number;
  readonly computing: boolean;
  /** Why there is no map: a request the engine refuses, or a worker that failed. */
  readonly error: string | null;
  /** Milliseconds from the request to its last cell, once complete. */
  readonly elapsed: number | null;
}

export const mapStore = createStore<MapState>()(() => ({
  request: null,
  outcomes: null,
  version: 0,
  computing: false,
  error: null,
  elapsed: null,
}));

/** How to start a map's workers, and how many to start. */
export interface MapThreads {
  readonly spawn: () => MapThread;
  readonly count: number;
}

let loadThreads: (() => Promise<MapThreads>) | null = null;

/**
 * The app hands in how to load its worker starter (src/workers, which only the app may name), once
 * at start; it is loaded with the Maps section, not with the page.
 */
export function provideMapThreads(load: () => Promise<MapThreads>): void {
  loadThreads = load;
}

/** The loader the app provided; null where it provided none. */
export function mapThreadLoader(): (() => Promise<MapThreads>) | null {
  return loadThreads;
}
