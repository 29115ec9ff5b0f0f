// The URL's one schema table (in the spirit of TensorFlow Playground's state.ts): every property a
// link can carry is listed once below, with its name, type, default, what it accepts, and how it is
// read and written. src/state/url/codec.ts walks this table and nothing else, so adding a property
// to the scene means adding one row here.
//
// Grammar (query string; values are percent-encoded except , : ; = which stay readable):
//
//   lesson=saddle-escape.ridge    a lesson (or lesson.variant): the rest of the link is written
//                                 against its scene, so an unchanged lesson is this one property
//   surface=rosenbrock            a built-in surface id (default: ravine). A typed formula is given
//   expr=x^2+%2B+3*y^2            by `expr` instead (surface then reads as `custom` and is not written)
//   domain=-3,3,-3,3              plot domain of the formula: xmin,xmax,ymin,ymax (only with expr)
//   start=-1.5,2                  x,y
//   steps=500  speed=120  step=42 step: the playhead (up to 3 decimals; fractional while between points)
//   view=2d  log=0  lang=ko  theme=light  present=1  embed=1  controls=lr,rho
//   cam=px,py,pz,tx,ty,tz         the 3D camera position and target (absent: the fitted view)
//   sigma=0.5  seed=7             gradient noise σ and its seed
//   penalty=l1  lambda=0.1        penalty kind and strength
//   runs=RUN,RUN,…                or runs=none for no runs at all, where
//     RUN  = optimizer[:ITEM;ITEM;…]
//     ITEM = key=number           a hyperparameter (lr, rho, decay, beta1, beta2, eps, weightDecay,
//                                 momentumDecay) that differs from the surface's default for that
//                                 optimizer; only those are written, so links stay short
//          | hidden               the run is hidden
//          | nobc                 Adam-family bias correction off (the CS231n "first step" lesson)
//          | color=rrggbb         only when the colour is not the one the palette would give anyway
//          | sched=KIND;FIELD=number;…   a learning-rate schedule, with the fields of its kind
//                                 (engine/schedules.ts): sched=step;every=50;gamma=0.5,
//                                 sched=exponential;gamma=0.99, sched=cosine;period=200;minFactor=0.1,
//                                 sched=warmup;steps=20 (absent: constant η)
//     e.g. runs=sgd:lr=0.45,momentum:lr=0.04;rho=0.95,adam:lr=0.1;hidden;nobc
//   vectors=gradient,momentum,step  the arrows drawn at each particle
//
// A property equal to its default is never written: the default scene is the bare address. The
// default of `lang` is the browser's own choice, so a shared link opens in the reader's language
// unless its author had switched away from theirs (the Embed dialog always writes it).
// Reading never fails: an unknown property, or a value that is malformed or out of range, is
// listed (see Ignored) and its default used instead; a bad run or hyperparameter costs only itself.
// Defaults of start, steps, log and the runs' hyperparameters are the surface's own (each surface
// has its own scale), so they are decided after the surface properties are read.
// Numbers are written in JavaScript's shortest round-trip form ("1e-7", "0.9999"), so every value
// reads back bit for bit; "e+" is written "e" because a "+" in a query means a space.
import {
  HYPERPARAMS,
  HYPERPARAM_KEYS,
  SCHEDULE_KINDS,
  SURFACES,
  SURFACE_IDS,
  checkSchedule,
  getSurface,
  isOptimizerId,
  resolveParams,
  type Domain,
  type HyperparamKey,
  type Hyperparams,
  type OptimizerId,
  type ScheduleKind,
  type ScheduleSpec,
  type Surface,
  type Vec2,
  type PenaltySpec,
  SEED_MAX,
  parseDecimal,
} from '../../engine';
import { lessonScene, resolveLesson } from '../lessons';
import { pickColor } from '../palette';
import {
  CUSTOM_ID,
  DEFAULT_OPTIMIZERS,
  DEFAULT_SURFACE,
  MAX_APP_STEPS,
  MAX_SPEED,
  MIN_SPEED,
  defaultScene,
  type CameraPose,
  type Lang,
  type RunConfig,
  type SceneData,
  type Theme,
  type VectorToggles,
  type ViewMode,
} from '../store';

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

/** A run as a link describes it: everything but the id, which is the app's own business. */
export interface UrlRun {
  readonly optimizer: OptimizerId;
  readonly params: Hyperparams;
  readonly visible: boolean;
  readonly color: string;
  readonly biasCorrection: boolean;
  readonly schedule: ScheduleSpec;
}

/** Everything a link restores, flattened to one value per property. */
export interface UrlScene {
  /** A lesson (src/state/lessons/) whose scene the rest of the link is written against. */
  lesson: string | null;
  /** A built-in surface id, or CUSTOM_ID when `expr` is set. */
  surfaceId: string;
  expr: string | null;
  domain: Domain;
  start: Vec2;
  steps: number;
  runs: readonly UrlRun[];
  speed: number;
  step: number;
  view: ViewMode;
  logLoss: boolean;
  lang: Lang;
  theme: Theme;
  presentation: boolean;
  embed: boolean;
  controls: readonly HyperparamKey[];
  camera: CameraPose | null;
  sigma: number;
  seed: number;
  penalty: PenaltySpec['kind'];
  lambda: number;
  vectors: VectorToggles;
}

/** What the surface decides about the other defaults. */
export interface SurfaceDefaults {
  readonly start: Vec2;
  readonly steps: number;
  readonly logLoss: boolean;
  params(optimizer: OptimizerId): Hyperparams;
}

export interface FieldContext {
  /** The link's surface's defaults: the runs' hyperparameters are written as differences from them. */
  readonly defaults: SurfaceDefaults;
  /** What every property is when the link leaves it out (see baseScene). */
  readonly base: UrlScene;
  /** Records a problem inside a value that was otherwise used (one bad run among good ones). */
  ignore(value: string, reason: IgnoreReason, accepts?: string): void;
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: IgnoreReason; readonly accepts?: string };

type FieldType = 'enum' | 'text' | 'number' | 'int' | 'bool' | 'numbers' | 'list' | 'runs';

/**
 * One property of the link. Methods (not function-valued properties) so that a field of numbers
 * and a field of runs fit in the same table.
 */
export interface UrlField<T> {
  readonly name: string;
  readonly type: FieldType;
  /** What it means and accepts, for people reading this table. */
  readonly doc: string;
  /** Read before the others: the surface decides the other defaults. */
  readonly surface?: true;
  /** Longest value read at all: a guard against pasted garbage, far above any real value. */
  readonly maxLength: number;
  parse(text: string, ctx: FieldContext): Parsed<T>;
  format(value: T, ctx: FieldContext): string;
  equals(a: T, b: T): boolean;
  get(scene: UrlScene): T;
  set(scene: UrlScene, value: T): void;
}

// ---------------------------------------------------------------------------------------------
// Values

/** The plot domain a typed formula gets when the link gives none (formula/index.ts's DEFAULT_FORMULA_DOMAIN, which lives in the lazy chunk). */
export const DEFAULT_FORMULA_DOMAIN: Domain = { x: [-3, 3], y: [-3, 3] };
/** Steps a typed formula runs by default (compileFormula's). */
export const FORMULA_STEPS = 300;
/** The formula compiler's own limit (formula/grammar.ts's MAX_FORMULA_LENGTH). */
export const MAX_EXPR_LENGTH = 2000;
/** More runs than any lesson needs; each one costs a full simulation on every change. */
const MAX_URL_RUNS = 32;

const VECTOR_NAMES = ['gradient', 'momentum', 'step'] as const;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = <T>(reason: IgnoreReason, accepts?: string): Parsed<T> => (accepts === undefined ? { ok: false, reason } : { ok: false, reason, accepts });

/** Shortest text that reads back as the same double; "1e21" rather than "1e+21" (a "+" reads as a space). */
function formatNumber(n: number): string {
  return (Object.is(n, -0) ? '0' : String(n)).replace('e+', 'e');
}

/** A decimal number, or undefined: no hex, no "Infinity", no empty string (Number('') is 0). */
function parseNumber(text: string): number | undefined {
  // A hand-typed "1e+21" arrives as "1e 21": the query's "+" was decoded as a space.
  const t = text.trim().replace(/e (?=\d)/i, 'e+');
  const n = parseDecimal(t);
  if (n === null) return undefined;
  return n === 0 ? 0 : n;
}

function parseNumbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    const n = parseNumber(p);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  // A bare flag (`?embed`) means on.
  if (t === '' || t === '1' || t === 'true' || t === 'yes' || t === 'on') return true;
  if (t === '0' || t === 'false' || t === 'no' || t === 'off') return false;
  return undefined;
}

const KEY_BY_LOWER = new Map<string, HyperparamKey>(HYPERPARAM_KEYS.map((k) => [k.toLowerCase(), k]));
const INFO = new Map(HYPERPARAMS.map((h) => [h.key, h]));

/** "a number in [0, 1)" → "[0, 1)": the engine's wording without its English words. */
function hyperparamAccepts(key: HyperparamKey): string | undefined {
  const words = INFO.get(key)?.accepts ?? '';
  const math = words.replace(/^a (?:finite )?number (?:in )?/, '');
  return /[a-z]{2,}/i.test(math) ? undefined : math;
}

// ---------------------------------------------------------------------------------------------
// Defaults that depend on the surface

let storeDefault: SceneData | null = null;
/** The store's default scene, once: the single source of every default that is not the surface's. */
function storeDefaults(): SceneData {
  storeDefault ??= defaultScene(DEFAULT_SURFACE);
  return storeDefault;
}

// resolveParams reads only `defaults`: a typed formula has no demo defaults, so PyTorch's apply.
const NO_DEMO_DEFAULTS: Surface = { ...SURFACES[0], id: CUSTOM_ID, defaults: {} };

/** Where compileFormula starts a typed formula on this domain. */
export function formulaStart(domain: Domain): Vec2 {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return [x0 + 0.2 * (x1 - x0), y0 + 0.8 * (y1 - y0)];
}

export function surfaceDefaults(scene: Pick<UrlScene, 'surfaceId' | 'expr' | 'domain'>): SurfaceDefaults {
  if (scene.expr !== null) {
    return { start: formulaStart(scene.domain), steps: FORMULA_STEPS, logLoss: false, params: (o) => resolveParams(NO_DEMO_DEFAULTS, o) };
  }
  const surface = getSurface(scene.surfaceId) ?? getSurface(DEFAULT_SURFACE) ?? SURFACES[0];
  return { start: surface.start, steps: surface.steps, logLoss: surface.minima.length > 0, params: (o) => resolveParams(surface, o) };
}

/** The colours runs get in this order when nobody chose one: the store's own rule. */
function paletteColor(optimizer: OptimizerId, before: readonly { readonly color: string }[]): string {
  return pickColor(optimizer, new Set(before.map((r) => r.color)));
}

/** A run as the link sees it: without the id, which is the app's own business. */
export function urlRun(r: RunConfig): UrlRun {
  return { optimizer: r.optimizer, params: r.params, visible: r.visible, color: r.color, biasCorrection: r.biasCorrection, schedule: r.schedule };
}

/** The surface a link shows when it names none: its lesson's, else the app's default. */
export function defaultSurfaceId(link: Pick<UrlScene, 'expr' | 'lesson'>): string {
  if (link.expr !== null) return CUSTOM_ID;
  return (link.lesson && lessonScene(link.lesson)?.surfaceId) || DEFAULT_SURFACE;
}

/**
 * The scene a link is written against: every property it leaves out has this value. It is the
 * store's default scene on the link's surface (each surface has its own start, length and step
 * sizes) or, for a link to a lesson, that lesson's scene; so `?lesson=saddle-escape` alone opens
 * the lesson, and a lesson someone changed is the lesson plus its changes.
 */
export function baseScene(link: Pick<UrlScene, 'surfaceId' | 'expr' | 'domain' | 'lesson'>, lang: Lang): UrlScene {
  const d = surfaceDefaults(link);
  const s = storeDefaults();
  const base: UrlScene = {
    lesson: null,
    surfaceId: defaultSurfaceId(link),
    expr: null,
    domain: DEFAULT_FORMULA_DOMAIN,
    start: d.start,
    steps: d.steps,
    runs: defaultRuns(d),
    speed: s.speed,
    step: 0,
    view: s.view,
    logLoss: d.logLoss,
    lang,
    theme: s.theme,
    presentation: s.presentation,
    embed: s.embed.enabled,
    controls: [],
    camera: s.camera,
    sigma: s.noise.sigma,
    seed: s.noise.seed,
    penalty: s.penalty.kind,
    lambda: s.penalty.lambda,
    vectors: s.vectors,
  };
  const preset = link.lesson ? lessonScene(link.lesson) : null;
  if (!preset) return base;
  return {
    ...base,
    start: preset.start ?? base.start,
    steps: preset.steps ?? base.steps,
    runs: preset.runs?.map(urlRun) ?? base.runs,
    speed: preset.speed ?? base.speed,
    view: preset.view ?? base.view,
    logLoss: preset.logLoss ?? base.logLoss,
    lang: preset.lang ?? base.lang,
    theme: preset.theme ?? base.theme,
    presentation: preset.presentation ?? base.presentation,
    camera: preset.camera !== undefined ? preset.camera : base.camera,
    sigma: preset.noise?.sigma ?? base.sigma,
    seed: preset.noise?.seed ?? base.seed,
    penalty: preset.penalty?.kind ?? base.penalty,
    lambda: preset.penalty?.lambda ?? base.lambda,
    vectors: preset.vectors ?? base.vectors,
  };
}

function defaultRuns(defaults: SurfaceDefaults): UrlRun[] {
  const runs: UrlRun[] = [];
  for (const optimizer of DEFAULT_OPTIMIZERS) {
    runs.push({ optimizer, params: defaults.params(optimizer), visible: true, color: paletteColor(optimizer, runs), biasCorrection: true, schedule: CONSTANT });
  }
  return runs;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function sameRun(a: UrlRun, b: UrlRun): boolean {
  return (
    a.optimizer === b.optimizer &&
    a.visible === b.visible &&
    a.color === b.color &&
    a.biasCorrection === b.biasCorrection &&
    HYPERPARAM_KEYS.every((k) => a.params[k] === b.params[k]) &&
    formatSchedule(a.schedule).join(';') === formatSchedule(b.schedule).join(';')
  );
}

// ---------------------------------------------------------------------------------------------
// Learning-rate schedules inside a run: sched=KIND then the kind's fields, named as in the engine.

const CONSTANT: ScheduleSpec = { kind: 'constant' };

const SCHEDULE_FIELDS: Readonly<Record<ScheduleKind, readonly string[]>> = {
  constant: [],
  step: ['every', 'gamma'],
  exponential: ['gamma'],
  cosine: ['period', 'minFactor'],
  warmup: ['steps'],
};
const SCHEDULE_FIELD_BY_LOWER = new Map<string, string>(Object.values(SCHEDULE_FIELDS).flat().map((f) => [f.toLowerCase(), f]));

function scheduleValues(s: ScheduleSpec): readonly number[] {
  switch (s.kind) {
    case 'constant':
      return [];
    case 'step':
      return [s.every, s.gamma];
    case 'exponential':
      return [s.gamma];
    case 'cosine':
      return [s.period, s.minFactor];
    case 'warmup':
      return [s.steps];
  }
}

function formatSchedule(s: ScheduleSpec): string[] {
  if (s.kind === 'constant') return [];
  const values = scheduleValues(s);
  return [`sched=${s.kind}`, ...SCHEDULE_FIELDS[s.kind].map((f, i) => `${f}=${formatNumber(values[i])}`)];
}

/** The schedule these items describe, or why not (a field missing, or refused by the engine). */
function buildSchedule(kind: ScheduleKind, fields: ReadonlyMap<string, number>): ScheduleSpec | undefined {
  const need = (f: string) => fields.get(f) ?? NaN;
  let spec: ScheduleSpec;
  switch (kind) {
    case 'constant':
      spec = CONSTANT;
      break;
    case 'step':
      spec = { kind, every: need('every'), gamma: need('gamma') };
      break;
    case 'exponential':
      spec = { kind, gamma: need('gamma') };
      break;
    case 'cosine':
      spec = { kind, period: need('period'), minFactor: need('minFactor') };
      break;
    case 'warmup':
      spec = { kind, steps: need('steps') };
      break;
  }
  try {
    checkSchedule(spec);
  } catch {
    return undefined;
  }
  return spec;
}

const scheduleForm = (kind: ScheduleKind) => ['sched=' + kind, ...SCHEDULE_FIELDS[kind].map((f) => `${f}=…`)].join(';');

// ---------------------------------------------------------------------------------------------
// Runs: RUN,RUN,… with RUN = optimizer[:key=value;hidden;nobc;color=rrggbb]

function formatRun(run: UrlRun, before: readonly UrlRun[], ctx: FieldContext): string {
  const defaults = ctx.defaults.params(run.optimizer);
  const items: string[] = [];
  for (const key of HYPERPARAM_KEYS) {
    if (run.params[key] !== defaults[key]) items.push(`${key}=${formatNumber(run.params[key])}`);
  }
  if (!run.visible) items.push('hidden');
  if (!run.biasCorrection) items.push('nobc');
  items.push(...formatSchedule(run.schedule));
  // A colour the link cannot spell (not #rrggbb) is left to the palette rather than garbled.
  if (run.color !== paletteColor(run.optimizer, before) && /^#[0-9a-f]{6}$/i.test(run.color)) items.push(`color=${run.color.slice(1)}`);
  return items.length ? `${run.optimizer}:${items.join(';')}` : run.optimizer;
}

function parseRun(text: string, before: readonly UrlRun[], ctx: FieldContext): UrlRun | undefined {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  if (!isOptimizerId(name)) {
    ctx.ignore(text, name === '' ? 'badRun' : 'unknownOptimizer');
    return undefined;
  }
  const params: Hyperparams = { ...ctx.defaults.params(name) };
  let visible = true;
  let biasCorrection = true;
  let color: string | undefined;
  let schedKind: ScheduleKind | undefined;
  const schedFields = new Map<string, number>();
  const schedText: string[] = [];
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
    } else if (eq >= 0 && lower === 'sched') {
      const kind = SCHEDULE_KINDS.find((k) => k === value.trim().toLowerCase());
      schedText.push(item);
      if (kind) schedKind = kind;
      else ctx.ignore(at, 'badSchedule', SCHEDULE_KINDS.join(' | '));
    } else if (eq >= 0 && SCHEDULE_FIELD_BY_LOWER.has(lower) && !KEY_BY_LOWER.has(lower)) {
      schedText.push(item);
      schedFields.set(SCHEDULE_FIELD_BY_LOWER.get(lower) ?? lower, parseNumber(value) ?? NaN);
    } else {
      const hk = KEY_BY_LOWER.get(lower);
      if (!hk || eq < 0) {
        ctx.ignore(at, hk ? 'badRun' : 'unknownHyperparameter');
        continue;
      }
      const n = parseNumber(value);
      const info = INFO.get(hk);
      if (n === undefined) ctx.ignore(at, 'notNumber');
      else if (info && !info.valid(n)) ctx.ignore(at, 'outOfRange', hyperparamAccepts(hk));
      else params[hk] = n;
    }
  }
  let schedule = CONSTANT;
  if (schedKind) {
    const spec = buildSchedule(schedKind, schedFields);
    const extra = [...schedFields.keys()].some((f) => !SCHEDULE_FIELDS[schedKind].includes(f));
    if (spec && !extra) schedule = spec;
    else ctx.ignore(`${name}:${schedText.join(';')}`, 'badSchedule', scheduleForm(schedKind));
  } else if (schedText.length) {
    ctx.ignore(`${name}:${schedText.join(';')}`, 'badSchedule', 'sched=' + SCHEDULE_KINDS.join(' | '));
  }
  return { optimizer: name, params, visible, biasCorrection, color: color ?? paletteColor(name, before), schedule };
}

// ---------------------------------------------------------------------------------------------
// Builders for the common kinds of row

interface Common<T> {
  readonly name: string;
  readonly doc: string;
  readonly surface?: true;
  readonly maxLength?: number;
  get(scene: UrlScene): T;
  set(scene: UrlScene, value: T): void;
}

function numberField(spec: Common<number> & { readonly integer?: boolean; readonly min: number; readonly max: number; readonly minOpen?: boolean; readonly decimals?: number }): UrlField<number> {
  const accepts = spec.integer
    ? `${formatNumber(spec.min)} … ${formatNumber(spec.max)}`
    : `${spec.minOpen ? '(' : '['}${formatNumber(spec.min)}, ${spec.max === Number.MAX_VALUE ? '∞)' : `${formatNumber(spec.max)}]`}`;
  const round = (v: number) => (spec.decimals === undefined ? v : Math.round(v * 10 ** spec.decimals) / 10 ** spec.decimals);
  return {
    maxLength: 64,
    ...spec,
    type: spec.integer ? 'int' : 'number',
    parse(text) {
      const n = parseNumber(text);
      if (n === undefined) return refuse(text.trim() === '' ? 'empty' : 'notNumber', accepts);
      if (spec.integer && !Number.isInteger(n)) return refuse('notInteger', accepts);
      if (n < spec.min || n > spec.max || (spec.minOpen && n === spec.min)) return refuse('outOfRange', accepts);
      return ok(n);
    },
    format: (v) => formatNumber(round(v)),
    equals: (a, b) => round(a) === round(b),
  };
}

function enumField<T extends string>(spec: Common<T> & { readonly values: readonly T[] }): UrlField<T> {
  return {
    maxLength: 64,
    ...spec,
    type: 'enum',
    parse(text) {
      const t = text.trim().toLowerCase();
      const v = spec.values.find((c) => c.toLowerCase() === t);
      return v === undefined ? refuse(t === '' ? 'empty' : 'notChoice', spec.values.join(' | ')) : ok(v);
    },
    format: (v) => v,
    equals: (a, b) => a === b,
  };
}

function boolField(spec: Common<boolean>): UrlField<boolean> {
  return {
    maxLength: 16,
    ...spec,
    type: 'bool',
    parse(text) {
      const b = parseBool(text);
      return b === undefined ? refuse('notBool', '0 | 1') : ok(b);
    },
    format: (v) => (v ? '1' : '0'),
    equals: (a, b) => a === b,
  };
}

// ---------------------------------------------------------------------------------------------
// The table

// Methods are compared bivariantly, so rows of numbers, runs and text share one element type.
export const URL_SCHEMA: readonly UrlField<unknown>[] = [
  {
    name: 'lesson',
    type: 'enum',
    doc: 'A lesson (or lesson.variant) of src/state/lessons/: its caption is shown, and its scene is what the rest of the link changes.',
    surface: true,
    maxLength: 100,
    parse(text) {
      const ref = resolveLesson(text.trim());
      return ref ? ok<string | null>(ref.id) : refuse(text.trim() === '' ? 'empty' : 'unknownLesson');
    },
    format: (v) => v ?? '',
    equals: (a, b) => a === b,
    get: (s) => s.lesson,
    set: (s, v) => {
      s.lesson = v;
    },
  } satisfies UrlField<string | null>,
  {
    name: 'surface',
    type: 'enum',
    doc: 'A built-in surface id (engine/surfaces). A typed formula (expr) needs none; "custom" is accepted beside it.',
    surface: true,
    maxLength: 64,
    parse(text) {
      const id = text.trim().toLowerCase();
      if (id === '') return refuse('empty');
      return id === CUSTOM_ID || SURFACE_IDS.includes(id) ? ok(id) : refuse('unknownSurface');
    },
    format: (v) => v,
    equals: (a, b) => a === b,
    get: (s) => s.surfaceId,
    set: (s, v) => {
      s.surfaceId = v;
    },
  } satisfies UrlField<string>,
  {
    name: 'expr',
    type: 'text',
    doc: 'A typed formula f(x, y), compiled by the lazily loaded formula compiler; it makes the surface custom.',
    surface: true,
    maxLength: MAX_EXPR_LENGTH,
    parse: (text) => (text.trim() === '' ? refuse('empty') : ok(text)),
    format: (v) => v ?? '',
    equals: (a, b) => a === b,
    get: (s) => s.expr,
    set: (s, v) => {
      s.expr = v;
    },
  } satisfies UrlField<string | null>,
  {
    name: 'domain',
    type: 'numbers',
    doc: 'The formula’s plot domain: xmin,xmax,ymin,ymax, finite, with min < max. Only with expr.',
    surface: true,
    maxLength: 200,
    parse(text) {
      const n = parseNumbers(text, 4);
      if (!n) return refuse('notNumber', 'xmin,xmax,ymin,ymax');
      if (!(n[0] < n[1] && n[2] < n[3])) return refuse('outOfRange', 'xmin < xmax, ymin < ymax');
      return ok({ x: [n[0], n[1]], y: [n[2], n[3]] });
    },
    format: (d) => [d.x[0], d.x[1], d.y[0], d.y[1]].map(formatNumber).join(','),
    equals: (a, b) => sameNumbers([...a.x, ...a.y], [...b.x, ...b.y]),
    get: (s) => s.domain,
    set: (s, v) => {
      s.domain = v;
    },
  } satisfies UrlField<Domain>,
  {
    name: 'start',
    type: 'numbers',
    doc: 'Where every run starts: x,y (default: the surface’s own start).',
    maxLength: 200,
    parse(text) {
      const n = parseNumbers(text, 2);
      return n ? ok<Vec2>([n[0], n[1]]) : refuse('notNumber', 'x,y');
    },
    format: (v) => v.map(formatNumber).join(','),
    equals: (a, b) => sameNumbers(a, b),
    get: (s) => s.start,
    set: (s, v) => {
      s.start = v;
    },
  } satisfies UrlField<Vec2>,
  numberField({
    name: 'steps',
    doc: 'Steps each run takes (default: the surface’s own).',
    integer: true,
    min: 1,
    max: MAX_APP_STEPS,
    get: (s) => s.steps,
    set: (s, v) => {
      s.steps = v;
    },
  }),
  {
    name: 'runs',
    type: 'runs',
    doc: 'The runs, in order: optimizer[:key=value;hidden;nobc;color=rrggbb], comma-separated; "none" for no runs.',
    maxLength: 8000,
    parse(text, ctx) {
      const t = text.trim();
      if (t.toLowerCase() === 'none') return ok<readonly UrlRun[]>([]);
      if (t === '') return refuse('empty');
      const runs: UrlRun[] = [];
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
      return runs.length ? ok<readonly UrlRun[]>(runs) : refuse('badRun');
    },
    format(runs, ctx) {
      if (runs.length === 0) return 'none';
      return runs.map((r, i) => formatRun(r, runs.slice(0, i), ctx)).join(',');
    },
    equals: (a, b) => a.length === b.length && a.every((r, i) => sameRun(r, b[i])),
    get: (s) => s.runs,
    set: (s, v) => {
      s.runs = v;
    },
  } satisfies UrlField<readonly UrlRun[]>,
  numberField({
    name: 'speed',
    doc: 'Playback speed in steps per second.',
    min: MIN_SPEED,
    max: MAX_SPEED,
    get: (s) => s.speed,
    set: (s, v) => {
      s.speed = v;
    },
  }),
  numberField({
    name: 'step',
    doc: 'The step shown (the playhead), kept to 3 decimals; clamped to the longest run when the scene loads.',
    min: 0,
    max: MAX_APP_STEPS,
    decimals: 3,
    get: (s) => s.step,
    set: (s, v) => {
      s.step = v;
    },
  }),
  enumField<ViewMode>({
    name: 'view',
    doc: '3d: the surface in perspective; 2d: contours seen from above.',
    values: ['3d', '2d'],
    get: (s) => s.view,
    set: (s, v) => {
      s.view = v;
    },
  }),
  {
    name: 'cam',
    type: 'numbers',
    doc: 'The 3D camera: position and target, px,py,pz,tx,ty,tz (absent: the fitted view).',
    maxLength: 400,
    parse(text) {
      const n = parseNumbers(text, 6);
      return n ? ok<CameraPose | null>({ position: [n[0], n[1], n[2]], target: [n[3], n[4], n[5]] }) : refuse('notNumber', 'px,py,pz,tx,ty,tz');
    },
    format: (c) => (c ? [...c.position, ...c.target].map(formatNumber).join(',') : ''),
    equals: (a, b) => (a === null || b === null ? a === b : sameNumbers([...a.position, ...a.target], [...b.position, ...b.target])),
    get: (s) => s.camera,
    set: (s, v) => {
      s.camera = v;
    },
  } satisfies UrlField<CameraPose | null>,
  numberField({
    name: 'seed',
    doc: `Seed of the gradient noise: a whole number from 0 to ${SEED_MAX}.`,
    integer: true,
    min: 0,
    max: SEED_MAX,
    get: (s) => s.seed,
    set: (s, v) => {
      s.seed = v;
    },
  }),
  numberField({
    name: 'sigma',
    doc: 'Gradient noise σ (0: off).',
    min: 0,
    max: Number.MAX_VALUE,
    get: (s) => s.sigma,
    set: (s, v) => {
      s.sigma = v;
    },
  }),
  enumField<PenaltySpec['kind']>({
    name: 'penalty',
    doc: 'The penalty added to the surface: l2 (λ·(x² + y²)) or l1 (λ·(|x| + |y|)).',
    values: ['l2', 'l1'],
    get: (s) => s.penalty,
    set: (s, v) => {
      s.penalty = v;
    },
  }),
  numberField({
    name: 'lambda',
    doc: 'Penalty strength λ (0: off).',
    min: 0,
    max: Number.MAX_VALUE,
    get: (s) => s.lambda,
    set: (s, v) => {
      s.lambda = v;
    },
  }),
  enumField<Lang>({
    name: 'lang',
    doc: 'Language of the interface; written only when it differs from what the browser would choose.',
    values: ['en', 'ko'],
    get: (s) => s.lang,
    set: (s, v) => {
      s.lang = v;
    },
  }),
  enumField<Theme>({
    name: 'theme',
    doc: 'Colour theme.',
    values: ['dark', 'light'],
    get: (s) => s.theme,
    set: (s, v) => {
      s.theme = v;
    },
  }),
  boolField({
    name: 'present',
    doc: 'Lecture-hall presentation mode.',
    get: (s) => s.presentation,
    set: (s, v) => {
      s.presentation = v;
    },
  }),
  boolField({
    name: 'embed',
    doc: 'Embed mode: the canvas first, and only the controls listed in `controls`.',
    get: (s) => s.embed,
    set: (s, v) => {
      s.embed = v;
    },
  }),
  {
    name: 'controls',
    type: 'list',
    doc: 'Hyperparameter sliders an embed shows: keys such as lr,rho (unknown keys are dropped one by one).',
    maxLength: 400,
    parse(text, ctx) {
      const keys: HyperparamKey[] = [];
      for (const raw of text.split(',')) {
        const item = raw.trim();
        if (item === '') continue;
        const key = KEY_BY_LOWER.get(item.toLowerCase());
        if (!key) ctx.ignore(item, 'unknownHyperparameter', HYPERPARAM_KEYS.join(','));
        else if (!keys.includes(key)) keys.push(key);
      }
      return ok<readonly HyperparamKey[]>(keys);
    },
    format: (v) => v.join(','),
    equals: (a, b) => a.length === b.length && a.every((k, i) => k === b[i]),
    get: (s) => s.controls,
    set: (s, v) => {
      s.controls = v;
    },
  } satisfies UrlField<readonly HyperparamKey[]>,
  boolField({
    name: 'log',
    doc: 'Logarithmic loss axis (default: on where the surface has a known minimum to measure from).',
    get: (s) => s.logLoss,
    set: (s, v) => {
      s.logLoss = v;
    },
  }),
  {
    name: 'vectors',
    type: 'list',
    doc: 'Arrows drawn at each particle: any of gradient, momentum, step.',
    maxLength: 200,
    parse(text, ctx) {
      const on = { gradient: false, momentum: false, step: false };
      for (const raw of text.split(',')) {
        const item = raw.trim().toLowerCase();
        if (item === 'gradient' || item === 'momentum' || item === 'step') on[item] = true;
        else if (item !== '') ctx.ignore(item, 'notChoice', VECTOR_NAMES.join(' | '));
      }
      return ok<VectorToggles>(on);
    },
    format: (v) => VECTOR_NAMES.filter((k) => v[k]).join(','),
    equals: (a, b) => VECTOR_NAMES.every((k) => a[k] === b[k]),
    get: (s) => s.vectors,
    set: (s, v) => {
      s.vectors = v;
    },
  } satisfies UrlField<VectorToggles>,
];
