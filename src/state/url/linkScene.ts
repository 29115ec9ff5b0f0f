// The scene as the URL table's rows see it: the store's own fields (SceneData), plus the three
// things a link carries beside them. Each row names its place here, so reading a link fills this
// shape and writing one reads it. (The places themselves, at() and the step's, are in places.ts.)
import type { Domain } from '../../engine';
import type { RunConfig, SceneData } from '../store';

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
