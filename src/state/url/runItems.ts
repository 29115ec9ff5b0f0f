// The runs in a link: runs=RUN,RUN,… with RUN = optimizer[:ITEM;ITEM;…], where an item is a
// hyperparameter that differs from the surface's default for that optimizer (key=number), hidden,
// nobc, color=rrggbb (only when the palette would not give that colour anyway), or a schedule
// (scheduleItems.ts). "none" is no runs at all.
import { HYPERPARAM_KEYS, isOptimizerId, type Hyperparams, type OptimizerId } from '../../engine';
import { pickColor } from '../palette';
import { newRunId } from '../runIds';
import { DEFAULT_OPTIMIZERS, type RunConfig } from '../store';
import { hyperparamAccepts, hyperparamChoice, hyperparamChoiceValue, hyperparamKey, validHyperparam } from './hyperparamNames';
import type { LinkRun } from './linkScene';
import { CONSTANT, ScheduleItems, formatScheduleItems, sameSchedule } from './scheduleItems';
import { ok, refuse, type Codec, type Place, type RowContext, type SurfaceDefaults } from './urlRow';
import { formatNumber, parseNumber } from './valueCodecs';

/** More runs than any lesson needs; each one costs a full simulation on every change. */
const MAX_URL_RUNS = 32;

/** The colours runs get in this order when nobody chose one: the store's own rule. */
function paletteColor(optimizer: OptimizerId, before: readonly { readonly color: string }[]): string {
  return pickColor(optimizer, new Set(before.map((r) => r.color)));
}

/** The store's default runs on a surface, as a link leaves them out. */
export function defaultRuns(defaults: SurfaceDefaults): LinkRun[] {
  const runs: LinkRun[] = [];
  for (const optimizer of DEFAULT_OPTIMIZERS) {
    runs.push({ optimizer, params: defaults.params(optimizer), visible: true, color: paletteColor(optimizer, runs), biasCorrection: true, schedule: CONSTANT });
  }
  return runs;
}

/** Same link, whatever the ids. */
function sameRun(a: LinkRun, b: LinkRun): boolean {
  return (
    a.optimizer === b.optimizer &&
    a.visible === b.visible &&
    a.color === b.color &&
    a.biasCorrection === b.biasCorrection &&
    HYPERPARAM_KEYS.every((k) => a.params[k] === b.params[k]) &&
    sameSchedule(a.schedule, b.schedule)
  );
}

const sameRuns = (a: readonly LinkRun[], b: readonly LinkRun[]) => a.length === b.length && a.every((r, i) => sameRun(r, b[i]));

function formatRun(run: LinkRun, before: readonly LinkRun[], ctx: RowContext): string {
  const defaults = ctx.surface.params(run.optimizer);
  const items: string[] = [];
  for (const key of HYPERPARAM_KEYS) {
    if (run.params[key] !== defaults[key]) items.push(`${key}=${hyperparamChoice(key, run.params[key]) ?? formatNumber(run.params[key])}`);
  }
  if (!run.visible) items.push('hidden');
  if (!run.biasCorrection) items.push('nobc');
  items.push(...formatScheduleItems(run.schedule));
  // A colour the link cannot spell (not #rrggbb) is left to the palette rather than garbled.
  if (run.color !== paletteColor(run.optimizer, before) && /^#[0-9a-f]{6}$/i.test(run.color)) items.push(`color=${run.color.slice(1)}`);
  return items.length ? `${run.optimizer}:${items.join(';')}` : run.optimizer;
}

/** One run, or undefined (and a notice) for one that cannot be used; a bad item costs only itself. */
function parseRun(text: string, before: readonly LinkRun[], ctx: RowContext): LinkRun | undefined {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  if (!isOptimizerId(name)) {
    ctx.ignore(text, name === '' ? 'badRun' : 'unknownOptimizer');
    return undefined;
  }
  const params: Hyperparams = { ...ctx.surface.params(name) };
  let visible = true;
  let biasCorrection = true;
  let color: string | undefined;
  const schedule = new ScheduleItems();
  const items = colon < 0 ? [] : text.slice(colon + 1).split(';');
  for (const raw of items) {
    const item = raw.trim();
    if (item === '') continue;
    const at = `${name}:${item}`;
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1);
    const lower = key.toLowerCase();
    if (eq < 0 && lower === 'hidden') visible = false;
    else if (eq < 0 && lower === 'nobc') biasCorrection = false;
    else if (eq >= 0 && lower === 'color') {
      const hex = value.trim().replace(/^#/, '');
      if (/^[0-9a-f]{6}$/i.test(hex)) color = `#${hex}`;
      else ctx.ignore(at, 'badColor', 'rrggbb');
    } else if (eq >= 0 && schedule.take(lower, item, value, at, ctx)) {
      continue;
    } else {
      const hk = hyperparamKey(lower);
      if (!hk || eq < 0) {
        ctx.ignore(at, hk ? 'badRun' : 'unknownHyperparameter');
        continue;
      }
      const n = hyperparamChoiceValue(hk, value) ?? parseNumber(value);
      if (n === undefined) ctx.ignore(at, 'notNumber');
      else if (!validHyperparam(hk, n)) ctx.ignore(at, 'outOfRange', hyperparamAccepts(hk));
      else params[hk] = n;
    }
  }
  return { optimizer: name, params, visible, biasCorrection, color: color ?? paletteColor(name, before), schedule: schedule.build(name, ctx) };
}

export const runsCodec: Codec<readonly LinkRun[]> = {
  maxLength: 8000,
  parse(text, ctx) {
    const t = text.trim();
    if (t.toLowerCase() === 'none') return ok<readonly LinkRun[]>([]);
    if (t === '') return refuse('empty');
    const runs: LinkRun[] = [];
    for (const item of t.split(',')) {
      if (item.trim() === '') continue;
      if (runs.length >= MAX_URL_RUNS) {
        ctx.ignore(item, 'tooMany', `≤ ${MAX_URL_RUNS}`);
        continue;
      }
      const run = parseRun(item, runs, ctx);
      if (run) runs.push(run);
    }
    // Every run was refused (and listed): the default runs are better than an empty scene.
    return runs.length ? ok<readonly LinkRun[]>(runs) : refuse('badRun');
  },
  format(runs, ctx) {
    if (runs.length === 0) return 'none';
    return runs.map((r, i) => formatRun(r, runs.slice(0, i), ctx)).join(',');
  },
  equals: sameRuns,
};

/**
 * The runs, and the run whose update rule is shown: a lesson's own runs keep their ids, so that
 * its selected run still names one; any other list is new runs, none of them selected.
 */
export const runsPlace: Place<readonly LinkRun[], 'runs' | 'selectedRunId'> = {
  keys: ['runs', 'selectedRunId'],
  get: (link) => link.runs,
  set(link, runs, { base }) {
    const kept = sameRuns(runs, base.runs);
    link.runs = kept ? base.runs : runs;
    link.selectedRunId = kept ? base.selectedRunId : null;
  },
};

const hasId = (r: LinkRun): r is RunConfig => r.id !== undefined;

/** The runs as the store holds them: a run a link described gets an id of its own. */
export function storeRuns(runs: readonly LinkRun[]): RunConfig[] {
  // From the one counter: ids from a link never collide with runs added later. Spelled out so
  // that a run read from a link is the same object, key for key, as the store's own runs.
  return runs.map((r) =>
    hasId(r) ? r : { id: newRunId(), optimizer: r.optimizer, params: { ...r.params }, visible: r.visible, color: r.color, biasCorrection: r.biasCorrection, schedule: r.schedule },
  );
}
