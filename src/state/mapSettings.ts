// What the map of many runs shows: part of the scene (sceneStore's `map`), so that a link, an
// embed, a lesson and a postMessage carry it like every other setting. What the map's workers
// send back lives apart, in maps.ts.
import type { HyperparamKey } from '../engine';

type MapKind = 'hyper' | 'basin';
/** What a hyperparameter map's colour shows. */
export type MapView = 'gap' | 'reached';

export const MAP_CELL_CHOICES = [32, 64, 128, 256] as const;
/** Grid and random search samples drawn on a hyperparameter map, of each. */
export const MAP_SAMPLE_CHOICES = [0, 9, 16, 25] as const;

export interface MapSettings {
  /** Whether the map is shown (the panel's Maps section is open): a closed one computes nothing. */
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
  /** The distance to f* within which a run counts as arrived (positive). */
  readonly tolerance: number;
  /** The basin map drawn on the surface too. */
  readonly onSurface: boolean;
  /** Grid and random search samples drawn on the map: one of MAP_SAMPLE_CHOICES, of each. */
  readonly samples: number;
  readonly sampleSeed: number;
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

/** The largest sample seed a link or the Reseed button gives (the seed is a uint32). */
export const MAP_SEED_MAX = 2 ** 32 - 1;
