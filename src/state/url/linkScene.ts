// The scene as the URL table's rows see it: the store's own fields (SceneData), plus the three
// things a link carries beside them. Each row names its place here, so reading a link fills this
// shape and writing one reads it.
import type { Domain } from '../../engine';
import type { RunConfig, SceneData } from '../store';
import type { Place } from './urlRow';

/** A run as a link holds it: a run the link describes gets its id when it reaches the store. */
export type LinkRun = Omit<RunConfig, 'id'> & { readonly id?: string };

/** What a link carries that is not a field of the store's scene. */
export interface LinkExtras {
  /** The step shown (the playhead lives outside the store); undefined while the link names none. */
  step?: number;
  /** A typed formula's text, or null; its compiled surface never travels in a link. */
  expr: string | null;
  /** The typed formula's plot domain. */
  domain: Domain;
}

export const EXTRA_KEYS: readonly (keyof LinkExtras)[] = ['step', 'expr', 'domain'];

export type Link = { -readonly [K in keyof SceneData]: K extends 'runs' ? readonly LinkRun[] : SceneData[K] } & LinkExtras;
export type LinkKey = keyof Link;

/** A place that is a field of the link scene, or a field of one of its objects (noise.sigma). */
export function at<K extends LinkKey>(key: K): Place<Link[K], K>;
export function at<K extends LinkKey, F extends keyof Link[K]>(key: K, field: F): Place<Link[K][F], K>;
export function at(key: LinkKey, field?: string): Place<unknown, LinkKey> {
  // Untyped inside: the overloads above give every use its own types.
  return {
    keys: [key],
    get(link) {
      const value: unknown = link[key];
      return field === undefined ? value : (value as Readonly<Record<string, unknown>>)[field];
    },
    set(link, value) {
      // A new object, never a change to the one there: it may be a lesson's or the store's default.
      const record = link as Record<LinkKey, unknown>;
      record[key] = field === undefined ? value : { ...(record[key] as object), [field]: value };
    },
  };
}

/** The playhead: a step that is not a finite number above 0 is step 0. */
export const stepPlace: Place<number, 'step'> = {
  keys: ['step'],
  get: (link) => (link.step !== undefined && Number.isFinite(link.step) && link.step > 0 ? link.step : 0),
  set(link, step) {
    link.step = step;
  },
};
