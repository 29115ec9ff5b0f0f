// Reads and writes the scene as a query string with two loops over the schema table (schema.ts):
// a row is read into its place in the scene, and written from it when it differs from its
// default. Reading never throws: whatever a link says, the answer is a whole scene, with every
// value that could not be used listed in `ignored` (and the default in its place).
import type { Domain } from '../../engine';
import { DEFAULT_SURFACE, preferredLang, type Lang, type SceneData } from '../store';
import { baseLink } from './baseLink';
import { EXTRA_KEYS, type Link, type LinkExtras, type LinkKey } from './linkScene';
import { storeRuns } from './runItems';
import { URL_SCHEMA } from './schema';
import { DEFAULT_FORMULA_DOMAIN, FORMULA_ROWS, linkFromScene, settleSurface, surfaceDefaults } from './surfaceLink';
import type { AnyRow, IgnoreReason, Ignored, RowContext, RowKeys, SurfaceDefaults, WriteOptions } from './urlRow';

export type { Ignored } from './urlRow';

export interface ReadResult {
  /** Every property a link controls, defaults filled in; the surface only when it is built in. */
  readonly scene: Partial<SceneData>;
  /** The step shown, when the link gives one. */
  readonly step?: number;
  readonly ignored: Ignored[];
  /** A typed formula: compiled (lazily, asynchronously) before it can become the surface. */
  readonly expr?: { readonly expr: string; readonly domain: Domain };
}

interface ReadOptions {
  /** The language when the link names none (default: the browser's). */
  readonly preferredLang?: Lang;
  /** Read as if the link had no formula: the scene to show while the formula compiles, or if it fails. */
  readonly withoutFormula?: boolean;
}

/** The parts of the store's scene a table's rows carry, and the typed formula (a link carries its text). */
type LinkedSceneOf<R extends readonly AnyRow[]> = Pick<SceneData, Exclude<RowKeys<R[number]>, keyof LinkExtras> | 'surfaceId' | 'custom'>;
/** The parts of the scene a link carries. */
export type LinkedScene = LinkedSceneOf<typeof URL_SCHEMA>;

export interface UrlCodec<R extends readonly AnyRow[]> {
  /**
   * The scene a query string describes, with defaults for what it leaves out and a list of what
   * it said that could not be used. Never throws.
   */
  readUrl(search: string, options?: ReadOptions): ReadResult;
  /**
   * The query string ("?surface=…&runs=…", or "" for the default scene) that restores this scene
   * at this step. Properties equal to their defaults are left out.
   */
  writeUrl(state: LinkedSceneOf<R>, step: number, options?: WriteOptions): string;
}

/** Long values are cut in `ignored`: a notice should name a value, not reprint a pasted page. */
const MAX_SHOWN = 80;
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN - 1)}…` : v);

/** Form decoding ("+" is a space); undefined for broken percent-encoding such as "%E0%A4%A". */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// , : ; = are legal in a query value and make runs and lists readable; everything else is escaped.
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%3B/gi, ';').replace(/%3D/gi, '=').replace(/%20/g, '+');
}

const isSceneKey = (key: LinkKey): key is keyof SceneData => !(EXTRA_KEYS as readonly string[]).includes(key);

/** What a link with no lesson and no surface is read against while its own surface rows are read. */
const PLAIN: Pick<Link, 'lessonId' | 'surfaceId' | 'expr' | 'domain'> = { lessonId: null, surfaceId: DEFAULT_SURFACE, expr: null, domain: DEFAULT_FORMULA_DOMAIN };

/** The codec of a table: the app's is URL_SCHEMA's (readUrl and writeUrl below). */
export function urlCodec<const R extends readonly AnyRow[]>(rows: R): UrlCodec<R> {
  const byName = new Map<string, AnyRow>(rows.map((r) => [r.name.toLowerCase(), r]));
  const decided = rows.filter((r) => r.decidesDefaults);
  const others = rows.filter((r) => !r.decidesDefaults);
  const sceneKeys = [...new Set(rows.flatMap((r) => r.place.keys))].filter(isSceneKey);

  /** What the link says of the store's scene: the rows' fields, runs with ids, and no surface while a formula compiles. */
  function storeScene(link: Link): Partial<SceneData> {
    // Each key is a SceneData field holding its SceneData type, but for the runs' ids, given here.
    const scene = Object.fromEntries(sceneKeys.map((k) => [k, link[k]])) as { -readonly [K in keyof SceneData]?: SceneData[K] };
    if (scene.runs) scene.runs = storeRuns(link.runs);
    if (link.expr !== null) delete scene.surfaceId;
    return scene;
  }

  function readQuery(search: string, options: ReadOptions): ReadResult {
    const ignored: Ignored[] = [];
    const note = (name: string, value: string, reason: IgnoreReason, accepts?: string) => {
      ignored.push(accepts === undefined ? { name: shorten(name), value: shorten(value), reason } : { name: shorten(name), value: shorten(value), reason, accepts });
    };

    let query = search;
    const q = query.indexOf('?');
    if (q >= 0) query = query.slice(q + 1);
    const hash = query.indexOf('#');
    if (hash >= 0) query = query.slice(0, hash);

    const given = new Map<AnyRow, string>();
    const seen = new Set<AnyRow>();
    for (const part of query.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const rawName = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      const name = decode(rawName);
      const value = decode(rawValue);
      // "?=3" or "? =3": a notice names the whole part, as the name alone would be blank.
      const shown = (n: string) => (n.trim() === '' ? JSON.stringify(part) : n);
      if (name === undefined || value === undefined) {
        note(shown(name ?? rawName), rawValue, 'badEncoding');
        continue;
      }
      const row = byName.get(name.trim().toLowerCase());
      if (!row) {
        note(shown(name), value, 'unknown');
      } else if (seen.has(row)) {
        note(row.name, value, 'duplicate');
      } else {
        seen.add(row);
        if (value.length > row.codec.maxLength) note(row.name, value, 'tooLong', `≤ ${row.codec.maxLength}`);
        else given.set(row, value);
      }
    }
    if (options.withoutFormula === true) {
      for (const name of FORMULA_ROWS) given.delete(byName.get(name) as AnyRow);
    }

    const used = new Set<string>();
    /** Puts the link's value in the row's place, or its default where the link's cannot be used. */
    const readRow = (row: AnyRow, link: Link, base: Link, surface: SurfaceDefaults) => {
      const text = given.get(row);
      if (text === undefined) return;
      const ctx: RowContext = { base, surface, ignore: (value, reason, accepts) => note(row.name, value, reason, accepts) };
      const before = ignored.length;
      const parsed = row.codec.parse(text, ctx);
      if (parsed.ok) {
        row.place.set(link, parsed.value, ctx);
        used.add(row.name);
        return;
      }
      // A list whose every item was refused has named each already.
      if (ignored.length === before) note(row.name, text, parsed.reason, parsed.accepts);
      row.place.set(link, row.place.get(base), ctx);
    };

    // The lesson and the surface first: they decide what everything else defaults to.
    const lang = options.preferredLang ?? preferredLang();
    const plain = baseLink(PLAIN, lang);
    const settled: Link = { ...plain };
    for (const row of decided) readRow(row, settled, plain, surfaceDefaults(plain));
    settleSurface(settled, { text: (name) => given.get(byName.get(name) as AnyRow), used, note, withoutFormula: options.withoutFormula === true });

    // Then every other row, against the scene the link's lesson and surface give.
    const base = baseLink(settled, lang);
    const surface = surfaceDefaults(settled);
    const link: Link = { ...base };
    const ctx: RowContext = { base, surface, ignore: () => {} };
    for (const row of decided) row.place.set(link, row.place.get(settled), ctx);
    for (const row of others) readRow(row, link, base, surface);

    return {
      scene: storeScene(link),
      ...(link.step !== undefined && { step: link.step }),
      ignored,
      ...(link.expr !== null && { expr: { expr: link.expr, domain: link.domain } }),
    };
  }

  return {
    readUrl(search, options = {}) {
      try {
        return readQuery(typeof search === 'string' ? search : '', options);
      } catch {
        // A bug here must not cost a student the page: the default scene, and the whole link named.
        const fallback = readQuery('', options);
        return { ...fallback, ignored: [{ name: '?', value: shorten(String(search)), reason: 'unknown' }] };
      }
    },

    writeUrl(state, step, options = {}) {
      // The rows read only their own fields, and LinkedSceneOf<R> holds every one of them.
      const link = linkFromScene(state, step) as Link;
      const base = baseLink(link, options.preferredLang ?? preferredLang());
      const ctx: RowContext = { base, surface: surfaceDefaults(link), ignore: () => {} };
      const parts: string[] = [];
      for (const row of rows) {
        const value = row.place.get(link);
        if (row.alwaysWrittenIf?.(options) !== true && row.codec.equals(value, row.place.get(base))) continue;
        parts.push(`${row.name}=${encode(row.codec.format(value, ctx))}`);
      }
      return parts.length ? `?${parts.join('&')}` : '';
    },
  };
}

export const { readUrl, writeUrl } = urlCodec(URL_SCHEMA);
