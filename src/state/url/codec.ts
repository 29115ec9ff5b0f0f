// Reads and writes the scene as a query string, by walking the schema table (schema.ts) and
// nothing else. Reading never throws: whatever a link says, the answer is a whole scene, with
// every value that could not be used listed in `ignored` (and the default in its place).
import { HYPERPARAM_KEYS, type Domain, type HyperparamKey } from '../../engine';
import { CUSTOM_ID, DEFAULT_SURFACE, preferredLang, type Lang, type RunConfig, type SceneData } from '../store';
import {
  DEFAULT_FORMULA_DOMAIN,
  URL_SCHEMA,
  surfaceDefaults,
  type FieldContext,
  type IgnoreReason,
  type Ignored,
  type SurfaceDefaults,
  type UrlField,
  type UrlScene,
} from './schema';

export type { Ignored, IgnoreReason } from './schema';

export interface ReadResult {
  /** Every property a link controls, defaults filled in; the surface only when it is built in. */
  readonly scene: Partial<SceneData>;
  /** The step shown, when the link gives one. */
  readonly step?: number;
  readonly ignored: Ignored[];
  /** A typed formula: compiled (lazily, asynchronously) before it can become the surface. */
  readonly expr?: { readonly expr: string; readonly domain: Domain };
}

export interface ReadOptions {
  /** The language when the link names none (default: the browser's). */
  readonly preferredLang?: Lang;
  /** Read as if the link had no formula: the scene to show while the formula compiles, or if it fails. */
  readonly withoutFormula?: boolean;
}

export interface WriteOptions {
  readonly preferredLang?: Lang;
  /** Write `lang` even when it is the browser's own choice (an embed should not change language with its reader). */
  readonly alwaysLang?: boolean;
}

/** The parts of the scene a link carries. */
export type LinkedScene = Pick<
  SceneData,
  'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'speed' | 'view' | 'logLoss' | 'lang' | 'theme' | 'presentation' | 'embed' | 'camera' | 'noise' | 'penalty' | 'vectors'
>;

/** Long values are cut in `ignored`: a notice should name a value, not reprint a pasted page. */
const MAX_SHOWN = 80;
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN - 1)}…` : v);

const FIELDS = new Map<string, UrlField<unknown>>(URL_SCHEMA.map((f) => [f.name.toLowerCase(), f]));
const FORMULA_FIELDS = new Set(['expr', 'domain']);
const byName = (name: string) => FIELDS.get(name) as UrlField<unknown>;

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

function blankScene(): UrlScene {
  return {
    surfaceId: DEFAULT_SURFACE,
    expr: null,
    domain: DEFAULT_FORMULA_DOMAIN,
    start: [0, 0],
    steps: 1,
    runs: [],
    speed: 1,
    step: 0,
    view: '3d',
    logLoss: false,
    lang: 'en',
    theme: 'dark',
    presentation: false,
    embed: false,
    controls: [],
    camera: null,
    sigma: 0,
    seed: 0,
    penalty: 'l2',
    lambda: 0,
    vectors: { gradient: false, momentum: false, step: false },
  };
}

let nextRunId = 1;

function toSceneData(s: UrlScene): Partial<SceneData> {
  const runs: RunConfig[] = s.runs.map((r) => ({
    // Not the store's "r1, r2, …": ids from a link must never collide with runs added later.
    id: `u${nextRunId++}`,
    optimizer: r.optimizer,
    params: { ...r.params },
    visible: r.visible,
    color: r.color,
    biasCorrection: r.biasCorrection,
    schedule: r.schedule,
  }));
  return {
    ...(s.expr === null && { surfaceId: s.surfaceId }),
    start: [s.start[0], s.start[1]],
    steps: s.steps,
    runs,
    speed: s.speed,
    view: s.view,
    logLoss: s.logLoss,
    lang: s.lang,
    theme: s.theme,
    presentation: s.presentation,
    embed: { enabled: s.embed, controls: [...s.controls] },
    camera: s.camera,
    noise: { sigma: s.sigma, seed: s.seed },
    penalty: { kind: s.penalty, lambda: s.lambda },
    vectors: { ...s.vectors },
  };
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

  const given = new Map<UrlField<unknown>, string>();
  const seen = new Set<UrlField<unknown>>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined) {
      note(name ?? rawName, rawValue, 'badEncoding');
      continue;
    }
    const field = FIELDS.get(name.trim().toLowerCase());
    if (!field) {
      note(name, value, 'unknown');
    } else if (seen.has(field)) {
      note(field.name, value, 'duplicate');
    } else {
      seen.add(field);
      if (value.length > field.maxLength) note(field.name, value, 'tooLong', `≤ ${field.maxLength}`);
      else given.set(field, value);
    }
  }

  const lang = options.preferredLang ?? preferredLang();
  const scene = blankScene();
  const context = (defaults: SurfaceDefaults, field: UrlField<unknown>): FieldContext => ({
    defaults,
    preferredLang: lang,
    ignore: (value, reason, accepts) => note(field.name, value, reason, accepts),
  });
  /** Sets the field from the link or its default; true when the link's value was used. */
  const readField = (field: UrlField<unknown>, defaults: SurfaceDefaults): boolean => {
    const text = given.get(field);
    const ctx = context(defaults, field);
    if (text !== undefined) {
      const before = ignored.length;
      const parsed = field.parse(text, ctx);
      if (parsed.ok) {
        field.set(scene, parsed.value);
        return true;
      }
      // A list whose every item was refused has named each already.
      if (ignored.length === before) note(field.name, text, parsed.reason, parsed.accepts);
    }
    field.set(scene, field.fallback(ctx, scene));
    return false;
  };

  // The surface first: it decides the defaults of the start, the steps and the runs' hyperparameters.
  const surfaceFields = URL_SCHEMA.filter((f) => f.surface);
  const formulaOff = options.withoutFormula === true;
  const provisional = surfaceDefaults(scene);
  const used = new Set<string>();
  for (const field of surfaceFields) {
    if (formulaOff && FORMULA_FIELDS.has(field.name)) given.delete(field);
    if (given.has(field) && readField(field, provisional)) used.add(field.name);
  }
  const surfaceText = given.get(byName('surface'));
  if (scene.expr !== null) {
    if (surfaceText !== undefined && used.has('surface') && scene.surfaceId !== CUSTOM_ID) note('surface', surfaceText, 'conflict');
    scene.surfaceId = CUSTOM_ID;
  } else {
    if (scene.surfaceId === CUSTOM_ID) {
      // Read without its formula on purpose, the link's "custom" is no mistake.
      if (!formulaOff) note('surface', surfaceText ?? CUSTOM_ID, 'needsFormula');
      scene.surfaceId = DEFAULT_SURFACE;
    }
    const domainText = given.get(byName('domain'));
    if (domainText !== undefined && used.has('domain')) note('domain', domainText, 'needsFormula');
    scene.domain = DEFAULT_FORMULA_DOMAIN;
  }

  const defaults = surfaceDefaults(scene);
  for (const field of URL_SCHEMA) if (!field.surface) readField(field, defaults);

  return {
    scene: toSceneData(scene),
    ...(given.has(byName('step')) && { step: scene.step }),
    ignored,
    ...(scene.expr !== null && { expr: { expr: scene.expr, domain: scene.domain } }),
  };
}

/**
 * The scene a query string describes, with defaults for what it leaves out and a list of what
 * it said that could not be used. Never throws.
 */
export function readUrl(search: string, options: ReadOptions = {}): ReadResult {
  try {
    return readQuery(typeof search === 'string' ? search : '', options);
  } catch {
    // A bug here must not cost a student the page: the default scene, and the whole link named.
    const fallback = readQuery('', options);
    return { ...fallback, ignored: [{ name: '?', value: shorten(String(search)), reason: 'unknown' }] };
  }
}

function toUrlScene(state: LinkedScene, step: number): UrlScene {
  const custom = state.surfaceId === CUSTOM_ID ? state.custom : null;
  return {
    surfaceId: custom ? CUSTOM_ID : state.surfaceId === CUSTOM_ID ? DEFAULT_SURFACE : state.surfaceId,
    expr: custom ? custom.expr : null,
    domain: custom ? custom.domain : DEFAULT_FORMULA_DOMAIN,
    start: state.start,
    steps: state.steps,
    runs: state.runs.map((r) => ({ optimizer: r.optimizer, params: r.params, visible: r.visible, color: r.color, biasCorrection: r.biasCorrection, schedule: r.schedule })),
    speed: state.speed,
    step: Number.isFinite(step) && step > 0 ? step : 0,
    view: state.view,
    logLoss: state.logLoss,
    lang: state.lang,
    theme: state.theme,
    presentation: state.presentation,
    embed: state.embed.enabled,
    controls: state.embed.controls.filter((k): k is HyperparamKey => (HYPERPARAM_KEYS as readonly string[]).includes(k)),
    camera: state.camera,
    sigma: state.noise.sigma,
    seed: state.noise.seed,
    penalty: state.penalty.kind,
    lambda: state.penalty.lambda,
    vectors: state.vectors,
  };
}

/**
 * The query string ("?surface=…&runs=…", or "" for the default scene) that restores this scene
 * at this step. Properties equal to their defaults are left out.
 */
export function writeUrl(state: LinkedScene, step: number, options: WriteOptions = {}): string {
  const scene = toUrlScene(state, step);
  const defaults = surfaceDefaults(scene);
  const ctx: FieldContext = { defaults, preferredLang: options.preferredLang ?? preferredLang(), ignore: () => {} };
  const parts: string[] = [];
  for (const field of URL_SCHEMA) {
    const value = field.get(scene);
    const always = field.name === 'lang' && options.alwaysLang === true;
    if (!always && field.equals(value, field.fallback(ctx, scene))) continue;
    parts.push(`${field.name}=${encode(field.format(value, ctx))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
