// The map of many runs in a link: map=KIND[;ITEM;ITEM;…], with KIND hyper or basin (the map is
// shown) or off (hidden where the link's lesson shows one), and each ITEM a setting that differs
// from its default:
//   run=2               the run it varies, by position (1 = the first run; absent: the explained run)
//   x=lr  x=lr:0.001:3  an axis's hyperparameter, and its range when it is not the slider's whole one
//   y=rho:0:0.99
//   cells=256  show=reached  tol=0.0001  overlay=0 (a basin map not drawn on the surface)
//   samples=16  sampleSeed=3
// e.g. map=hyper;run=3;x=lr:0.001:1;y=beta1;cells=64;samples=16
// A bad item is named in the notice and costs only itself, as a bad run's item does.
import { hyperparamInfo, type HyperparamKey } from '../../engine';
import { MAP_CELL_CHOICES, MAP_DEFAULTS, MAP_SAMPLE_CHOICES, MAP_SEED_MAX, type MapSettings } from '../mapSettings';
import { newRunId } from '../runIds';
import { hyperparamAccepts, hyperparamKey, validHyperparam } from './hyperparamNames';
import type { LinkRun } from './linkScene';
import { ok, refuse, type Codec, type Place, type RowContext } from './urlRow';
import { formatNumber, parseNumber } from './valueCodecs';

/** The map as a link holds it: its run by position (0-based here, 1-based in the link), not by id. */
export type LinkMap = Omit<MapSettings, 'runId'> & { readonly run: number | null };

type Axis = Pick<MapSettings, 'xParam' | 'xRange'>;

function formatAxis(param: HyperparamKey, range: readonly [number, number] | null): string {
  return range ? `${param}:${formatNumber(range[0])}:${formatNumber(range[1])}` : param;
}

/** x=lr or x=lr:0.001:3; undefined (and a notice) for one that cannot be used. */
function parseAxis(item: string, value: string, ctx: RowContext): Axis | undefined {
  const [name, ...bounds] = value.split(':');
  const key = hyperparamKey(name.trim());
  if (!key) {
    ctx.ignore(item, 'unknownHyperparameter');
    return undefined;
  }
  if (bounds.length === 0) return { xParam: key, xRange: null };
  const from = bounds.length === 2 ? parseNumber(bounds[0]) : undefined;
  const to = bounds.length === 2 ? parseNumber(bounds[1]) : undefined;
  const info = hyperparamInfo(key);
  if (from === undefined || to === undefined) {
    ctx.ignore(item, 'notNumber', `${key}:from:to`);
    return undefined;
  }
  // The slider's range, as the panel's range fields refuse a value outside it.
  if (!(from < to) || !validHyperparam(key, from) || !validHyperparam(key, to) || (info && (from < info.min || to > info.max))) {
    ctx.ignore(item, 'outOfRange', info ? `${formatNumber(info.min)} ≤ from < to ≤ ${formatNumber(info.max)}` : hyperparamAccepts(key));
    return undefined;
  }
  return { xParam: key, xRange: [from, to] };
}

/** A whole number from `min` to `max`, or undefined (and a notice). */
function parseWhole(item: string, value: string, min: number, max: number, ctx: RowContext): number | undefined {
  const n = parseNumber(value);
  const accepts = `${formatNumber(min)} … ${formatNumber(max)}`;
  if (n === undefined) ctx.ignore(item, 'notNumber', accepts);
  else if (!Number.isInteger(n)) ctx.ignore(item, 'notInteger', accepts);
  else if (n < min || n > max) ctx.ignore(item, 'outOfRange', accepts);
  else return n;
  return undefined;
}

/** One of a few numbers, or undefined (and a notice). */
function parseChoice(item: string, value: string, choices: readonly number[], ctx: RowContext): number | undefined {
  const n = parseNumber(value);
  if (n !== undefined && choices.includes(n)) return n;
  ctx.ignore(item, 'notChoice', choices.join(', '));
  return undefined;
}

const CLOSED: LinkMap = { ...MAP_DEFAULTS, run: null, open: false };

function sameRange(a: readonly [number, number] | null, b: readonly [number, number] | null): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** Same map shown: every hidden map is the same (a link does not keep a hidden map's settings). */
function sameMap(a: LinkMap, b: LinkMap): boolean {
  if (!a.open || !b.open) return a.open === b.open;
  return (
    a.kind === b.kind &&
    a.run === b.run &&
    a.xParam === b.xParam &&
    a.yParam === b.yParam &&
    sameRange(a.xRange, b.xRange) &&
    sameRange(a.yRange, b.yRange) &&
    a.cells === b.cells &&
    a.view === b.view &&
    a.tolerance === b.tolerance &&
    a.onSurface === b.onSurface &&
    a.samples === b.samples &&
    a.sampleSeed === b.sampleSeed
  );
}

export const mapCodec: Codec<LinkMap> = {
  maxLength: 500,
  parse(text, ctx) {
    const [head, ...items] = text.split(';');
    const kind = head.trim().toLowerCase();
    if (kind === 'off') return ok(CLOSED);
    if (kind !== 'hyper' && kind !== 'basin') return refuse(kind === '' ? 'empty' : 'notChoice', 'hyper, basin, off');
    const map: { -readonly [K in keyof LinkMap]: LinkMap[K] } = { ...MAP_DEFAULTS, run: null, open: true, kind };
    for (const raw of items) {
      const item = raw.trim();
      if (item === '') continue;
      const eq = item.indexOf('=');
      const key = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (key === 'run') {
        const n = parseWhole(item, value, 1, 1000, ctx);
        if (n !== undefined) map.run = n - 1;
      } else if (key === 'x' || key === 'y') {
        const axis = parseAxis(item, value, ctx);
        if (axis && key === 'x') [map.xParam, map.xRange] = [axis.xParam, axis.xRange];
        if (axis && key === 'y') [map.yParam, map.yRange] = [axis.xParam, axis.xRange];
      } else if (key === 'cells') {
        map.cells = parseChoice(item, value, MAP_CELL_CHOICES, ctx) ?? map.cells;
      } else if (key === 'show') {
        if (value === 'gap' || value === 'reached') map.view = value;
        else ctx.ignore(item, 'notChoice', 'gap, reached');
      } else if (key === 'tol') {
        const n = parseNumber(value);
        // f − f* below the tolerance: a positive number, and one a double can still resolve.
        if (n !== undefined && n > 0 && Number.isFinite(n)) map.tolerance = n;
        else ctx.ignore(item, n === undefined ? 'notNumber' : 'outOfRange', '(0, ∞)');
      } else if (key === 'overlay') {
        if (value === '0' || value === '1') map.onSurface = value === '1';
        else ctx.ignore(item, 'notBool', '0, 1');
      } else if (key === 'samples') {
        map.samples = parseChoice(item, value, MAP_SAMPLE_CHOICES, ctx) ?? map.samples;
      } else if (key === 'sampleseed') {
        map.sampleSeed = parseWhole(item, value, 0, MAP_SEED_MAX, ctx) ?? map.sampleSeed;
      } else {
        ctx.ignore(item, 'unknown');
      }
    }
    if (map.xParam !== null && map.xParam === map.yParam) {
      ctx.ignore(`y=${map.yParam}`, 'conflict');
      [map.yParam, map.yRange] = [null, null];
    }
    return ok<LinkMap>(map);
  },
  format(map) {
    if (!map.open) return 'off';
    const d = MAP_DEFAULTS;
    const items: string[] = [map.kind];
    if (map.run !== null) items.push(`run=${map.run + 1}`);
    if (map.xParam !== null) items.push(`x=${formatAxis(map.xParam, map.xRange)}`);
    if (map.yParam !== null) items.push(`y=${formatAxis(map.yParam, map.yRange)}`);
    if (map.cells !== d.cells) items.push(`cells=${map.cells}`);
    if (map.view !== d.view) items.push(`show=${map.view}`);
    if (map.tolerance !== d.tolerance) items.push(`tol=${formatNumber(map.tolerance)}`);
    if (map.onSurface !== d.onSurface) items.push(`overlay=${map.onSurface ? 1 : 0}`);
    if (map.samples !== d.samples) items.push(`samples=${map.samples}`);
    if (map.sampleSeed !== d.sampleSeed) items.push(`sampleSeed=${map.sampleSeed}`);
    return items.join(';');
  },
  equals: sameMap,
};

/**
 * The map and the runs: a link names the map's run by its position, the scene by its id. A run a
 * link describes has no id until it reaches the store, so the map's run gets its id here (the
 * store keeps an id a run already has).
 */
export const mapPlace: Place<LinkMap, 'map' | 'runs'> = {
  keys: ['map', 'runs'],
  get(link) {
    const { runId, ...settings } = link.map;
    const run = runId === null ? -1 : link.runs.findIndex((r) => r.id === runId);
    return { ...settings, run: run < 0 ? null : run };
  },
  set(link, value, ctx) {
    const { run, ...settings } = value;
    let runId: string | null = null;
    if (run !== null && run < link.runs.length) {
      const chosen = link.runs[run];
      const id = chosen.id ?? newRunId();
      if (chosen.id === undefined) link.runs = link.runs.map((r, i): LinkRun => (i === run ? { ...r, id } : r));
      runId = id;
    } else if (run !== null) {
      ctx.ignore(`run=${run + 1}`, 'outOfRange', `1 … ${link.runs.length}`);
    }
    link.map = { ...settings, runId };
  },
};
