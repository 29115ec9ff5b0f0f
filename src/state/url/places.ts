// Places in the link scene that rows name: a field (or a field of one of its objects), and the
// playhead's step. Apart from linkScene.ts, which is only the shape, so that the row types
// (urlRow.ts) and the scene's shape depend on each other in one direction only.
import type { Link, LinkKey } from './linkScene';
import type { Place } from './urlRow';

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
