// What one row of the URL table (schema.ts) is made of: the key in the link, the place in the
// scene it stands for, the codec between the two, and the notices a bad value gets. The codec
// (codec.ts) knows rows only through this file, so any row fits its two loops.
import type { Domain, Hyperparams, OptimizerId, Vec2 } from '../../engine';
import type { Link, LinkKey } from './linkScene';

/** Why a value in a link was not used (each has a message, url.reason.*, in both languages). */
export type IgnoreReason =
  | 'unknown'
  | 'duplicate'
  | 'badEncoding'
  | 'tooLong'
  | 'empty'
  | 'notNumber'
  | 'notInteger'
  | 'outOfRange'
  | 'notChoice'
  | 'notBool'
  | 'unknownSurface'
  | 'unknownLesson'
  | 'needsFormula'
  | 'conflict'
  | 'unknownOptimizer'
  | 'unknownHyperparameter'
  | 'badRun'
  | 'tooMany'
  | 'badColor'
  | 'badSchedule'
  | 'formula';

export interface Ignored {
  /** The property, as written in the link (runs for a problem inside one run). */
  readonly name: string;
  /** What the link said, shortened if it was long. */
  readonly value: string;
  readonly reason: IgnoreReason;
  /** What would have been accepted, in notation that needs no translation: "1 … 1000", "[0, 1)". */
  readonly accepts?: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: IgnoreReason; readonly accepts?: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refuse = <T>(reason: IgnoreReason, accepts?: string): Parsed<T> => (accepts === undefined ? { ok: false, reason } : { ok: false, reason, accepts });

export interface WriteOptions {
  /** The language the reader's browser would choose (default: this browser's). */
  readonly preferredLang?: Link['lang'];
  /** Write `lang` even when it is the browser's own choice (an embed should not change language with its reader). */
  readonly alwaysLang?: boolean;
}

/** What the link's surface decides about the other defaults (surfaceLink.ts works it out). */
export interface SurfaceDefaults {
  readonly start: Vec2;
  /** The plotted domain: where a start may lie (as the panel's start fields and a click on the surface allow). */
  readonly domain: Domain;
  readonly steps: number;
  readonly logLoss: boolean;
  params(optimizer: OptimizerId): Hyperparams;
}

/** What a codec or a place may consult besides the value itself. */
export interface RowContext {
  /** The scene the link is written against: every row it leaves out has its value here (baseLink.ts). */
  readonly base: Readonly<Link>;
  /** The link's surface's defaults: the runs' hyperparameters are written as differences from them. */
  readonly surface: SurfaceDefaults;
  /** Records a problem inside a value that was otherwise used (one bad run among good ones). */
  ignore(value: string, reason: IgnoreReason, accepts?: string): void;
}

// Methods rather than function-valued properties throughout: methods are compared bivariantly,
// so a row of numbers and a row of runs fit in one table (AnyRow) without a cast per row.

/** How a value is spelled in a link, and what of it is refused. */
export interface Codec<T> {
  /** Longest value read at all: a guard against pasted garbage, far above any real value. */
  readonly maxLength: number;
  parse(text: string, ctx: RowContext): Parsed<T>;
  format(value: T, ctx: RowContext): string;
  /** Whether two values write the same link (so a value equal to its default is left out). */
  equals(a: T, b: T): boolean;
}

/** Where a row's value lives in the link scene (linkScene.ts): the fields it touches, and how. */
export interface Place<T, K extends LinkKey> {
  readonly keys: readonly K[];
  get(link: Readonly<Pick<Link, K>>): T;
  set(link: Pick<Link, K>, value: T, ctx: RowContext): void;
}

export interface UrlRow<T, K extends LinkKey = LinkKey> {
  /** The key in the link (read case-insensitively, written as here). */
  readonly name: string;
  /** What it means and accepts, for people reading the table. */
  readonly doc: string;
  readonly place: Place<T, K>;
  readonly codec: Codec<T>;
  /**
   * Read before every other row, because the others' defaults depend on it (the lesson and the
   * surface rows: each surface has its own start, length and step sizes).
   */
  readonly decidesDefaults?: true;
  /** Written even when it equals its default, when this says so; otherwise only when it differs. */
  alwaysWrittenIf?(options: WriteOptions): boolean;
}

/** Any row, as the codec's loops see it. */
export type AnyRow = UrlRow<unknown, LinkKey>;

/** A row, with its value type checked once between its place and its codec. */
export function row<T, K extends LinkKey>(r: UrlRow<T, K>): UrlRow<T, K> {
  return r;
}

/** The fields of the link scene a table's rows touch. */
export type RowKeys<R> = R extends { readonly place: { readonly keys: readonly (infer K)[] } } ? K : never;
