// Reads and writes the scene as a query string, by walking the schema table (schema.ts) and
// nothing else. Reading never throws: whatever a link says, the answer is a whole scene, with
// every value that could not be used listed in `ignored` (and the default in its place).
import { newRunId } from '../runIds';
import { HYPERPARAM_KEYS, type Domain, type HyperparamKey } from '../../engine';
import { CUSTOM_ID, DEFAULT_SURFACE, preferredLang, type Lang, type RunConfig, type SceneData } from '../store';
import { lessonScene, resolveLesson } from '../lessons';
import {
  DEFAULT_FORMULA_DOMAIN,
  URL_SCHEMA,
  baseScene,
  defaultSurfaceId,
  surfaceDefaults,
  urlRun,
  type FieldContext,
  type IgnoreReason,
  type Ignored,
  type SurfaceDefaults,
  type UrlField,
  type UrlScene,
} from './schema';

export type { Ignored } from './schema';

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
  'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'speed' | 'view' | 'logLoss' | 'lang' | 'theme' | 'presentation' | 'embed' | 'camera' | 'noise' | 'penalty' | 'vectors' | 'lessonId'
>;

/** Long values are cut in `ignored`: a notice should name a value, not reprint a pasted page. */
const MAX_SHOWN = 80;
const shorten = (v: string) => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN - 1)}…` : v);

const FIELDS = new Map<string, UrlField<unknown>>(URL_SCHEMA.map((f) => [f.name.toLowerCase(), f]));

function field(name: string): UrlField<unknown> {
  const f = FIELDS.get(name);
  if (!f) throw new Error(`the URL schema has no ${name}`);
  return f;
}
/** The rows the codec itself reasons about (the surface rules, the step it hands back). */
const URL_FIELDS = {
  surface: field('surface'),
  expr: field('expr'),
  domain: field('domain'),
  runs: field('runs'),
  step: field('step'),
  lang: field('lang'),
};

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
    lesson: null,
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

function toSceneData(s: UrlScene, base: UrlScene): Partial<SceneData> {
  const preset = s.lesson ? lessonScene(s.lesson) : null;
  // A lesson's own runs keep their ids, so that its selected run (the update rule shown) still names one.
  const keepPreset = preset?.runs !== undefined && URL_FIELDS.runs.equals(s.runs, base.runs);
  const runs: RunConfig[] =
    keepPreset && preset?.runs
      ? [...preset.runs]
      : s.runs.map((r) => ({
          // From the one counter: ids from a link never collide with runs added later.
          id: newRunId(),
          optimizer: r.optimizer,
          params: { ...r.params },
          visible: r.visible,
          color: r.color,
          biasCorrection: r.biasCorrection,
          schedule: r.schedule,
        }));
  return {
    ...(s.expr === null && { surfaceId: s.surfaceId }),
    lessonId: s.lesson,
    selectedRunId: keepPreset ? (preset?.selectedRunId ?? null) : null,
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
  if (options.withoutFormula === true) {
    given.delete(URL_FIELDS.expr);
    given.delete(URL_FIELDS.domain);
  }

  const lang = options.preferredLang ?? preferredLang();
  const scene = blankScene();
  /** Sets the field from the link, or from the base when the link's value is absent or unusable. */
  const readField = (field: UrlField<unknown>, ctx: FieldContext): boolean => {
    const text = given.get(field);
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
    field.set(scene, field.get(ctx.base));
    return false;
  };
  const contextFor = (field: UrlField<unknown>, defaults: SurfaceDefaults, base: UrlScene): FieldContext => ({
    defaults,
    base,
    ignore: (value, reason, accepts) => note(field.name, value, reason, accepts),
  });

  // The lesson and the surface first: they decide what everything else defaults to.
  const first = baseScene(scene, lang);
  const used = new Set<string>();
  for (const field of URL_SCHEMA) {
    if (field.surface && given.has(field) && readField(field, contextFor(field, surfaceDefaults(scene), first))) used.add(field.name);
  }
  const surfaceText = given.get(URL_FIELDS.surface);
  if (!used.has('surface')) scene.surfaceId = defaultSurfaceId(scene);
  if (scene.expr !== null) {
    if (surfaceText !== undefined && used.has('surface') && scene.surfaceId !== CUSTOM_ID) note('surface', surfaceText, 'conflict');
    scene.surfaceId = CUSTOM_ID;
  } else {
    if (scene.surfaceId === CUSTOM_ID) {
      // Read without its formula on purpose, the link's "custom" is no mistake.
      if (options.withoutFormula !== true) note('surface', surfaceText ?? CUSTOM_ID, 'needsFormula');
      scene.surfaceId = defaultSurfaceId(scene);
    }
    const domainText = given.get(URL_FIELDS.domain);
    if (domainText !== undefined && used.has('domain')) note('domain', domainText, 'needsFormula');
    scene.domain = DEFAULT_FORMULA_DOMAIN;
  }

  const defaults = surfaceDefaults(scene);
  const base = baseScene(scene, lang);
  for (const field of URL_SCHEMA) if (!field.surface) readField(field, contextFor(field, defaults, base));

  return {
    scene: toSceneData(scene, base),
    ...(given.has(URL_FIELDS.step) && { step: scene.step }),
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
    lesson: resolveLesson(state.lessonId) ? state.lessonId : null,
    surfaceId: custom ? CUSTOM_ID : state.surfaceId === CUSTOM_ID ? DEFAULT_SURFACE : state.surfaceId,
    expr: custom ? custom.expr : null,
    domain: custom ? custom.domain : DEFAULT_FORMULA_DOMAIN,
    start: state.start,
    steps: state.steps,
    runs: state.runs.map(urlRun),
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
  const base = baseScene(scene, options.preferredLang ?? preferredLang());
  const ctx: FieldContext = { defaults: surfaceDefaults(scene), base, ignore: () => {} };
  const parts: string[] = [];
  for (const field of URL_SCHEMA) {
    const value = field.get(scene);
    const always = field === URL_FIELDS.lang && options.alwaysLang === true;
    if (!always && field.equals(value, field.get(base))) continue;
    parts.push(`${field.name}=${encode(field.format(value, ctx))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
