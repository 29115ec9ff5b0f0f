// What a lesson's check is: statements about its computed paths, each with whether the paths
// bear it out and the numbers behind the verdict. The checks live here, in the tests, so that
// none of this ships: they keep a caption honest when an engine default or a surface changes.
import type { Vec2 } from '../../../src/engine';
import type { ComputedScene } from '../../../src/state/paths';

/** One statement a lesson makes about its paths, and whether the paths bear it out. */
export interface LessonClaim {
  readonly claim: string;
  readonly holds: boolean;
  /** The numbers behind the verdict, for a failing test's message. */
  readonly detail: string;
}

/** The computed paths of a lesson: its main scene and each variant's, by variant id. */
export interface LessonPaths {
  readonly main: ComputedScene;
  readonly variants: Readonly<Record<string, ComputedScene>>;
}

/** The lesson's defining behaviour, stated on its computed paths. Pure. */
export type LessonCheck = (paths: LessonPaths) => readonly LessonClaim[];

export function claim(text: string, holds: boolean, detail: string): LessonClaim {
  return { claim: text, holds, detail };
}

export const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));

export const pt = (p: Vec2) => `(${fmt(p[0])}, ${fmt(p[1])})`;
