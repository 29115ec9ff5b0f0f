// The surface a link shows: a built-in surface (surface=rosenbrock) or a typed formula
// (expr=…&domain=…), and what the surface decides about every other default (each surface has its
// own start, length and step sizes).
import { SURFACES, SURFACE_IDS, getSurface, resolveParams, type Domain, type Surface, type Vec2 } from '../../engine';
import { isDataSurfaceId } from '../../engine/data/dataIds';
import { lessonScene } from '../lessons';
import { CUSTOM_ID, DEFAULT_SURFACE, type SceneData } from '../store';
import type { Link, LinkExtras } from './linkScene';
import { ok, refuse, type Codec, type IgnoreReason, type SurfaceDefaults } from './urlRow';
import { numberTuple } from './valueCodecs';

/** The plot domain a typed formula gets when the link gives none (formula/index.ts's DEFAULT_FORMULA_DOMAIN, which lives in the lazy chunk). */
export const DEFAULT_FORMULA_DOMAIN: Domain = { x: [-3, 3], y: [-3, 3] };
/** Steps a typed formula runs by default (compileFormula's). */
export const FORMULA_STEPS = 300;
/** The formula compiler's own limit (formula/grammar.ts's MAX_FORMULA_LENGTH). */
export const MAX_EXPR_LENGTH = 2000;
/** The rows of a typed formula, left unread while the formula compiles (ReadOptions.withoutFormula). */
export const FORMULA_ROWS: readonly string[] = ['expr', 'domain'];


// resolveParams reads only `defaults`: a typed formula has no demo defaults, so PyTorch's apply.
const NO_DEMO_DEFAULTS: Surface = { ...SURFACES[0], id: CUSTOM_ID, defaults: {} };

/** Where compileFormula starts a typed formula on this domain. */
export function formulaStart(domain: Domain): Vec2 {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return [x0 + 0.2 * (x1 - x0), y0 + 0.8 * (y1 - y0)];
}

export function surfaceDefaults(link: Pick<Link, 'surfaceId' | 'expr' | 'domain'>): SurfaceDefaults {
  if (link.expr !== null) {
    return { start: formulaStart(link.domain), domain: link.domain, steps: FORMULA_STEPS, logLoss: false, params: (o) => resolveParams(NO_DEMO_DEFAULTS, o) };
  }
  const surface = getSurface(link.surfaceId) ?? getSurface(DEFAULT_SURFACE) ?? SURFACES[0];
  return { start: surface.start, domain: surface.domain, steps: surface.steps, logLoss: surface.minima.length > 0, params: (o) => resolveParams(surface, o) };
}

/** The surface a link shows when it names none: its lesson's, else the app's default. */
export function defaultSurfaceId(link: Pick<Link, 'expr' | 'lessonId'>): string {
  if (link.expr !== null) return CUSTOM_ID;
  return (link.lessonId && lessonScene(link.lessonId)?.surfaceId) || DEFAULT_SURFACE;
}

/**
 * The store's scene with what a link says beside it: the step, and the typed formula's text and
 * domain where the scene shows one. "custom" without a formula is the default surface.
 */
export function linkFromScene<S extends Pick<SceneData, 'surfaceId' | 'custom'>>(scene: S, step: number): S & LinkExtras {
  const custom = scene.surfaceId === CUSTOM_ID ? scene.custom : null;
  const surfaceId = scene.surfaceId === CUSTOM_ID && !custom ? DEFAULT_SURFACE : scene.surfaceId;
  return { ...scene, surfaceId, step, expr: custom ? custom.expr : null, domain: custom ? custom.domain : DEFAULT_FORMULA_DOMAIN };
}

export const surfaceCodec: Codec<string> = {
  maxLength: 64,
  parse(text) {
    const id = text.trim().toLowerCase();
    if (id === '') return refuse('empty');
    // A data surface is named before its chunk has loaded (urlSync loads it before it reads the rest).
    return id === CUSTOM_ID || SURFACE_IDS.includes(id) || isDataSurfaceId(id) ? ok(id) : refuse('unknownSurface');
  },
  format: (v) => v,
  equals: (a, b) => a === b,
};

export const exprCodec: Codec<string | null> = {
  maxLength: MAX_EXPR_LENGTH,
  parse: (text) => (text.trim() === '' ? refuse('empty') : ok(text)),
  format: (v) => v ?? '',
  equals: (a, b) => a === b,
};

export const domainCodec: Codec<Domain> = numberTuple<Domain>({
  count: 4,
  form: 'xmin,xmax,ymin,ymax',
  maxLength: 200,
  toValue: (n) => (n[0] < n[1] && n[2] < n[3] ? ok({ x: [n[0], n[1]], y: [n[2], n[3]] }) : refuse('outOfRange', 'xmin < xmax, ymin < ymax')),
  toNumbers: (d) => [d.x[0], d.x[1], d.y[0], d.y[1]],
});

/** What the reader knows of the surface rows: their text, and which of them it could use. */
export interface SurfaceRowsRead {
  text(name: string): string | undefined;
  readonly used: ReadonlySet<string>;
  note(name: string, value: string, reason: IgnoreReason): void;
  /** Read as if the link had no formula (its "custom" is then no mistake). */
  readonly withoutFormula: boolean;
}

/**
 * One surface out of the lesson, surface, expr and domain rows as read: a formula wins over a
 * built-in surface named beside it (which is listed as a conflict), "custom" without a formula and
 * a domain without one are listed, and a link that names no surface gets its lesson's.
 */
export function settleSurface(link: Link, read: SurfaceRowsRead): void {
  const surfaceText = read.text('surface');
  if (!read.used.has('surface')) link.surfaceId = defaultSurfaceId(link);
  if (link.expr !== null) {
    if (surfaceText !== undefined && read.used.has('surface') && link.surfaceId !== CUSTOM_ID) read.note('surface', surfaceText, 'conflict');
    link.surfaceId = CUSTOM_ID;
    return;
  }
  if (link.surfaceId === CUSTOM_ID) {
    if (!read.withoutFormula) read.note('surface', surfaceText ?? CUSTOM_ID, 'needsFormula');
    link.surfaceId = defaultSurfaceId(link);
  }
  const domainText = read.text('domain');
  if (domainText !== undefined && read.used.has('domain')) read.note('domain', domainText, 'needsFormula');
  link.domain = DEFAULT_FORMULA_DOMAIN;
}
