// The map of many runs that the Maps section shows: its settings (plain data), and the outcomes
// its workers send back (typed arrays, mutated in place, announced by a version number). A map is
// recomputed whenever the scene changes under it while the section is open: the old one is
// cancelled, the new one shows its coarse pass within a frame or two and then sharpens.

import { createStore } from 'zustand/vanilla';
import type { HyperparamKey } from '../engine';
import type { MapRequest } from '../engine/maps/mapRequest';
import type { MapOutcomes } from '../engine/maps/mapGrid';
import type { MapThread } from '../engine/maps/mapProtocol';

type MapKind = 'hyper' | 'basin';
/** What a hyperparameter map's colour shows. */
export type MapView = 'gap' | 'reached';

export const MAP_CELL_CHOICES = [32, 64, 128, 256] as const;

export interface MapSettings {
  /** Whether the Maps section is open: a closed one computes nothing. */
  readonly open: boolean;
  readonly kind: MapKind;
  /** The run whose settings the map varies; null: the run the update-rule panel explains. */
  readonly runId: string | null;
  readonly xParam: HyperparamKey | null;
  readonly yParam: HyperparamKey | null;
  /** Each axis's range; null: the slider's whole range. */
  readonly xRange: readonly [number, number] | null;
  readonly yRange: readonly [number, number] | null;
  readonly cells: number;
  readonly view: MapView;
  readonly tolerance: number;
  /** The basin map drawn on the surface too. */
  readonly onSurface: boolean;
  /** Grid and random search samples drawn on the map: 0 (none), 9, 16 or 25 of each. */
  readonly samples: number;
  readonly sampleSeed: number;
}

export interface MapState extends MapSettings {
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
  set(settings: Partial<MapSettings>): void;
}

export const MAP_DEFAULTS: MapSettings = {
  open: false,
  kind: 'hyper',
  runId: null,
  xParam: null,
  yParam: null,
  xRange: null,
  yRange: null,
  cells: 128,
  view: 'gap',
  tolerance: 1e-3,
  onSurface: true,
  samples: 0,
  sampleSeed: 1,
};

export const mapStore = createStore<MapState>()((set) => ({
  ...MAP_DEFAULTS,
  request: null,
  outcomes: null,
  version: 0,
  computing: false,
  error: null,
  elapsed: null,
  set: (settings) => set(settings),
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
