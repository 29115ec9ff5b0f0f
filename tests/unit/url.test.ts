import { describe, expect, it } from 'vitest';
import {
  HYPERPARAMS,
  HYPERPARAM_KEYS,
  OPTIMIZER_IDS,
  SCHEDULE_KINDS,
  SURFACE_IDS,
  createUniform,
  getOptimizer,
  getSurface,
  resolveParams,
  type HyperparamKey,
  type Hyperparams,
  type OptimizerId,
  type ScheduleSpec,
} from '../../src/engine';
import { DEFAULT_FORMULA_DOMAIN as ENGINE_FORMULA_DOMAIN, MAX_FORMULA_LENGTH, compileFormula } from '../../src/engine/formula';
import { LESSONS, lessonScene } from '../../src/state/lessons';
import { MAP_CELL_CHOICES, MAP_DEFAULTS, MAP_SAMPLE_CHOICES, type MapSettings } from '../../src/state/mapSettings';
import { OPTIMIZER_COLORS, pickColor } from '../../src/state/palette';
import { CUSTOM_ID, MAX_APP_STEPS, defaultScene, type RunConfig, type SceneData } from '../../src/state/store';
import { readUrl, writeUrl, type LinkedScene, type ReadResult } from '../../src/state/url/codec';
import { DEFAULT_FORMULA_DOMAIN, FORMULA_STEPS, MAX_EXPR_LENGTH, URL_SCHEMA, formulaStart } from '../../src/state/url/schema';
import { ignoredList } from '../../src/state/urlSync';
import { share } from '../../src/i18n/messages/share';
import { parseSize } from '../../src/ui/toolbar/shareLinks';

// A seeded generator (the engine's), so a failure names a scene that can be replayed.
function rng(seed: number) {
  const next = createUniform(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rng>;

// Full-precision doubles as well as the round numbers people type, and the extremes.
function value(r: Rng, key: HyperparamKey): number {
  const unit = () => r.pick([0, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.999999, r.next(), 1 - 10 ** -r.int(1, 12), r.next() * 0.9999]);
  switch (key) {
    case 'lr':
      return r.pick([1e-7, 1e-5, 0.001, 0.45, 1, 3, 1e3, 10 ** (r.next() * 8 - 6), r.next() + Number.EPSILON]);
    case 'rho':
    case 'decay':
    case 'beta1':
    case 'beta2':
      return unit();
    case 'eps':
      return r.pick([0, 1e-12, 1e-10, 1e-8, 1e-6, 10 ** -(r.next() * 14), r.next()]);
    case 'weightDecay':
    case 'momentumDecay':
    case 'dampening':
      return unit();
    case 'centered':
    case 'lineSearch':
      return r.pick([0, 1]);
    case 'historySize':
    case 'maxIter':
      return r.int(1, 200);
    case 'inner':
      return r.int(0, 4);
    case 'syncPeriod':
      return r.int(1, 50);
    case 'radius':
    case 'slowStep':
      return r.pick([0.05, 0.5, 1, r.next() + Number.EPSILON]);
    case 'tolGrad':
    case 'tolChange':
      return r.pick([0, 1e-12, 1e-9, 1e-7, r.next()]);
    case 'lrDecay':
    case 'initialAccumulator':
    case 'stepMin':
    case 'lambd':
    case 'power':
    case 't0':
      return r.pick([0, 0.004, 0.01, 0.5, r.next(), r.next() * 100]);
    case 'stepMax':
      return r.pick([1e-3, 0.5, 50, r.next() + Number.EPSILON, r.next() * 100 + 1e-9]);
    case 'etaMinus':
      return r.pick([0.5, 0.25, 0.999, r.next() * 0.98 + 0.01]);
    case 'etaPlus':
      return r.pick([1.2, 1.5, 3, 1 + r.next() + Number.EPSILON]);
  }
}

function schedule(r: Rng): ScheduleSpec {
  switch (r.pick(SCHEDULE_KINDS)) {
    case 'constant':
      return { kind: 'constant' };
    case 'step':
      return { kind: 'step', every: r.int(1, 500), gamma: r.pick([0.5, 0.1, r.next() + 1e-9]) };
    case 'exponential':
      return { kind: 'exponential', gamma: r.pick([0.99, 0.9999, r.next() + 1e-9]) };
    case 'cosine':
      return { kind: 'cosine', period: r.int(1, 5000), minFactor: r.pick([0, 0.1, 1, r.next()]) };
    case 'warmup':
      return { kind: 'warmup', steps: r.int(1, 300) };
  }
}

const FORMULAS = ['x^2 + 3*y^2', 'sin(x) * cos(y) + 0.1*(x^2 + y^2)', '(1 - x)^2 + 100*(y - x^2)^2', 'x^4 - 2x^2 + y^2'];
const compiled = new Map<string, ReturnType<typeof compileFormula>>();

const LESSON_IDS = LESSONS.flatMap((l) => [l.id, ...l.variants.map((v) => `${l.id}.${v.id}`)]);

function randomScene(r: Rng): { scene: LinkedScene; step: number } {
  const base = defaultScene();
  if (r.chance(0.1)) {
    // A lesson as it opens, sometimes with a change or two on top.
    const lessonId = r.pick(LESSON_IDS);
    const preset = { ...base, ...lessonScene(lessonId), lessonId } as SceneData;
    const changed = r.chance(0.5) ? { ...preset, steps: r.int(1, MAX_APP_STEPS), theme: 'light' as const } : preset;
    return { scene: changed, step: r.pick([0, r.int(0, 100)]) };
  }
  const custom = r.chance(0.2);
  const surfaceId = custom ? CUSTOM_ID : r.pick(SURFACE_IDS);
  let customSurface: SceneData['custom'] = null;
  if (custom) {
    const expr = r.pick(FORMULAS);
    const domain = r.chance(0.5)
      ? DEFAULT_FORMULA_DOMAIN
      : { x: [-r.next() * 10 - 0.1, r.next() * 10 + 0.1] as const, y: [-r.next() * 5 - 1e-3, r.next() * 5 + 1e-3] as const };
    if (!compiled.has(expr)) compiled.set(expr, compileFormula(expr));
    customSurface = { expr, domain, surface: (compiled.get(expr) as ReturnType<typeof compileFormula>).surface };
  } else if (r.chance(0.1)) {
    // A formula typed earlier and kept while a built-in surface is shown: not part of the link.
    customSurface = { expr: 'x^2', domain: DEFAULT_FORMULA_DOMAIN, surface: compileFormula('x^2').surface };
  }
  const surface = getSurface(surfaceId);
  const runs: RunConfig[] = [];
  const count = r.int(1, 12);
  for (let i = 0; i < count; i++) {
    const optimizer = r.pick(OPTIMIZER_IDS) as OptimizerId;
    const params: Hyperparams = resolveParams(surface ?? { ...(getSurface('ravine') as NonNullable<ReturnType<typeof getSurface>>), defaults: {} }, optimizer);
    for (const key of HYPERPARAM_KEYS) {
      // Mostly the optimizer's own keys, sometimes any key (the store keeps all eight).
      const reads = (getOptimizer(optimizer)?.params ?? []).includes(key);
      if (r.chance(reads ? 0.6 : 0.05)) params[key] = value(r, key);
    }
    const taken = new Set(runs.map((x) => x.color));
    const color = r.chance(0.15) ? `#${r.int(0, 0xffffff).toString(16).padStart(6, '0')}` : r.chance(0.1) ? r.pick(Object.values(OPTIMIZER_COLORS)) : pickColor(optimizer, taken);
    runs.push({ id: `t${i}`, optimizer, params, visible: r.chance(0.8), color, biasCorrection: r.chance(0.8), schedule: r.chance(0.7) ? { kind: 'constant' } : schedule(r) });
  }
  const num = () => r.pick([0, -1.5, 2, 1e-300, -123.456, r.next() * 20 - 10, (r.next() - 0.5) * 1e6]);
  // A link's start lies in the plotted domain (startCodec): its edges, a point between, a few round numbers in it.
  const domain = customSurface && surfaceId === CUSTOM_ID ? customSurface.domain : (surface ?? (getSurface('ravine') as NonNullable<ReturnType<typeof getSurface>>)).domain;
  const coord = ([lo, hi]: readonly [number, number]) => r.pick([lo, hi, lo + r.next() * (hi - lo), ...[0, -1.5, 2, 1e-300].map((v) => Math.min(hi, Math.max(lo, v)))]);
  const scene: LinkedScene = {
    ...base,
    surfaceId,
    custom: customSurface,
    start: [coord(domain.x), coord(domain.y)],
    steps: r.pick([1, 200, 300, MAX_APP_STEPS, r.int(1, MAX_APP_STEPS)]),
    runs: r.chance(0.05) ? [] : runs,
    speed: r.pick([1, 60, 1000, 1 + r.next() * 999]),
    view: r.pick(['3d', '2d'] as const),
    logLoss: r.chance(0.5),
    lang: r.pick(['en', 'ko'] as const),
    theme: r.pick(['dark', 'light'] as const),
    presentation: r.chance(0.3),
    embed: { enabled: r.chance(0.3), controls: HYPERPARAM_KEYS.filter(() => r.chance(0.3)) },
    camera: r.chance(0.5) ? null : { position: [num(), num(), num()], target: [num(), num(), num()] },
    noise: { sigma: r.pick([0, 0.1, r.next() * 3]), seed: r.pick([0, 1, r.int(0, 2 ** 31)]) },
    penalty: { kind: r.pick(['l1', 'l2'] as const), lambda: r.pick([0, 0.01, r.next()]) },
    vectors: { gradient: r.chance(0.3), momentum: r.chance(0.3), step: r.chance(0.3) },
    map: r.chance(0.3) ? randomMap(r, runs) : MAP_DEFAULTS,
    batch: r.chance(0.3) ? { size: r.int(1, 200), dropLast: r.chance(0.5) } : { size: null, dropLast: false },
    lessonId: r.chance(0.1) ? r.pick(LESSON_IDS) : null,
  };
  const step = r.pick([0, r.int(0, MAX_APP_STEPS), r.int(0, 2000) / 1000, r.int(0, 200000) / 1000]);
  return { scene, step };
}

/** A shown map with random settings, of one of the runs or of the explained one. */
function randomMap(r: Rng, runs: readonly RunConfig[]): MapSettings {
  const axis = (): [HyperparamKey | null, readonly [number, number] | null] => {
    if (r.chance(0.3)) return [null, null];
    const info = r.pick(HYPERPARAMS.filter((h) => h.max > h.min));
    if (r.chance(0.5)) return [info.key, null];
    const a = info.min + r.next() * (info.max - info.min) * 0.5;
    const b = a + r.next() * (info.max - a);
    return [info.key, b > a && info.valid(a) && info.valid(b) ? [a, b] : null];
  };
  const [xParam, xRange] = axis();
  let [yParam, yRange] = axis();
  if (yParam === xParam) [yParam, yRange] = [null, null];
  return {
    open: true,
    kind: r.pick(['hyper', 'basin'] as const),
    runId: runs.length && r.chance(0.5) ? r.pick(runs).id : null,
    xParam,
    yParam,
    xRange,
    yRange,
    cells: r.pick(MAP_CELL_CHOICES),
    view: r.pick(['gap', 'reached'] as const),
    tolerance: r.pick([1e-3, 1e-6, r.next()]),
    onSurface: r.chance(0.7),
    samples: r.pick(MAP_SAMPLE_CHOICES),
    sampleSeed: r.pick([1, r.int(0, 2 ** 32 - 1)]),
  };
}

function mapRunPosition(s: LinkedScene): number | null {
  const i = s.runs.findIndex((r) => r.id === s.map.runId);
  return i < 0 ? null : i;
}

/** What a link must carry, in comparable form: run ids are the app's own, the surface of a formula comes later. */
function linked(s: LinkedScene) {
  const isCustom = s.surfaceId === CUSTOM_ID;
  return {
    surface: isCustom ? { expr: s.custom?.expr, domain: s.custom?.domain } : s.surfaceId,
    start: s.start,
    steps: s.steps,
    runs: s.runs.map(({ optimizer, params, visible, color, biasCorrection, schedule }) => ({ optimizer, params, visible, color, biasCorrection, schedule })),
    speed: s.speed,
    view: s.view,
    logLoss: s.logLoss,
    lang: s.lang,
    theme: s.theme,
    presentation: s.presentation,
    embed: s.embed,
    camera: s.camera,
    noise: s.noise,
    penalty: s.penalty,
    vectors: s.vectors,
    // The map's run by position (ids are the app's own); an id no run has is the explained run.
    map: s.map.open ? { ...s.map, runId: mapRunPosition(s) } : { open: false },
    batch: s.batch,
    lesson: s.lessonId,
  };
}

const PLACEHOLDER = compileFormula('x').surface;

function restored(read: ReadResult, base: LinkedScene): LinkedScene {
  const scene = { ...base, ...read.scene } as LinkedScene;
  // The surface itself comes from the compiler (urlSync's job); the link carries the text and domain.
  if (read.expr) return { ...scene, surfaceId: CUSTOM_ID, custom: { ...read.expr, surface: PLACEHOLDER } };
  return { ...scene, custom: null };
}

describe('the URL round trip', () => {
  it('restores 300 random scenes exactly, every number bit for bit', () => {
    const r = rng(20240611);
    for (let i = 0; i < 300; i++) {
      const { scene, step } = randomScene(r);
      const query = writeUrl(scene, step, { preferredLang: 'en' });
      const read = readUrl(query, { preferredLang: 'en' });
      expect(read.ignored, `scene ${i}: ${query}`).toEqual([]);
      const back = restored(read, defaultScene());
      expect(linked(back), `scene ${i}: ${query}`).toEqual(linked(scene));
      expect(read.step ?? 0, query).toBe(Math.round(step * 1000) / 1000);
      // And the link is canonical: writing what was read gives the same link.
      expect(writeUrl(back, read.step ?? 0, { preferredLang: 'en' })).toBe(query);
    }
  });

  it('writes nothing for the default scene, and only what differs otherwise', () => {
    const d = defaultScene();
    expect(writeUrl({ ...d, lang: 'en' }, 0, { preferredLang: 'en' })).toBe('');
    expect(writeUrl({ ...d, lang: 'ko' }, 0, { preferredLang: 'ko' })).toBe('');
    expect(writeUrl({ ...d, lang: 'ko' }, 0, { preferredLang: 'en' })).toBe('?lang=ko');
    expect(writeUrl({ ...d, lang: 'en' }, 0, { preferredLang: 'en', alwaysLang: true })).toBe('?lang=en');
    const runs = d.runs.map((run, i) => (i === 1 ? { ...run, params: { ...run.params, rho: 0.95 } } : i === 5 ? { ...run, visible: false, biasCorrection: false } : run));
    expect(writeUrl({ ...d, lang: 'en', runs, view: '2d' }, 42, { preferredLang: 'en' })).toBe(
      '?runs=sgd,momentum:rho=0.95,nesterov,adagrad,rmsprop,adam:hidden;nobc&step=42&view=2d',
    );
    expect(writeUrl({ ...d, lang: 'en', runs: [] }, 0, { preferredLang: 'en' })).toBe('?runs=none');
  });

  it('reads the grammar by hand, leniently', () => {
    const read = readUrl('?Surface=Rosenbrock&runs=SGD:LR=0.001,adam:lr=1e-7;beta2=0.9999;hidden;sched=step;every=50;gamma=0.5&steps=500&lang=ko&embed&controls=lr,beta2', { preferredLang: 'en' });
    expect(read.ignored).toEqual([]);
    expect(read.scene.surfaceId).toBe('rosenbrock');
    expect(read.scene.steps).toBe(500);
    expect(read.scene.lang).toBe('ko');
    expect(read.scene.embed).toEqual({ enabled: true, controls: ['lr', 'beta2'] });
    const [sgd, adam] = read.scene.runs ?? [];
    expect(sgd.params.lr).toBe(0.001);
    expect(adam.params).toMatchObject({ lr: 1e-7, beta2: 0.9999 });
    expect(adam.visible).toBe(false);
    expect(adam.schedule).toEqual({ kind: 'step', every: 50, gamma: 0.5 });
    // Left out: the surface's own defaults for that optimizer.
    expect(adam.params.beta1).toBe(resolveParams(getSurface('rosenbrock') as NonNullable<ReturnType<typeof getSurface>>, 'adam').beta1);
    expect(read.scene.start).toEqual(getSurface('rosenbrock')?.start);
  });

  it('hands a typed formula over for compiling, with the formula’s own defaults', () => {
    const read = readUrl('?expr=x%5E2+%2B+3*y%5E2&domain=-2,2,-1,1&runs=sgd:lr=0.3', { preferredLang: 'en' });
    expect(read.ignored).toEqual([]);
    expect(read.expr).toEqual({ expr: 'x^2 + 3*y^2', domain: { x: [-2, 2], y: [-1, 1] } });
    expect(read.scene.surfaceId).toBeUndefined();
    const surface = compileFormula('x^2 + 3*y^2', { domain: { x: [-2, 2], y: [-1, 1] } }).surface;
    expect(read.scene.start).toEqual(surface.start);
    expect(read.scene.steps).toBe(surface.steps);
    // While it compiles, the same link read without its formula is an ordinary scene.
    const interim = readUrl('?expr=x%5E2&domain=-2,2,-1,1&surface=custom', { preferredLang: 'en', withoutFormula: true });
    expect(interim.ignored).toEqual([]);
    expect(interim.scene.surfaceId).toBe('ravine');
  });

  it('agrees with the formula compiler on its defaults (they live in its lazy chunk)', () => {
    expect(DEFAULT_FORMULA_DOMAIN).toEqual(ENGINE_FORMULA_DOMAIN);
    expect(MAX_EXPR_LENGTH).toBe(MAX_FORMULA_LENGTH);
    const domain = { x: [-7, 2], y: [0.5, 3] } as const;
    const s = compileFormula('x*y', { domain }).surface;
    expect(formulaStart(domain)).toEqual(s.start);
    expect(FORMULA_STEPS).toBe(s.steps);
  });

  it('opens a lesson from its id alone, and writes an unchanged lesson as its id alone', () => {
    for (const id of LESSON_IDS) {
      const read = readUrl(`?lesson=${id}`, { preferredLang: 'en' });
      expect(read.ignored).toEqual([]);
      const preset = lessonScene(id) ?? {};
      expect(read.scene.lessonId).toBe(id);
      for (const key of ['surfaceId', 'start', 'steps', 'runs', 'speed', 'view', 'noise', 'penalty', 'vectors', 'selectedRunId'] as const) {
        expect(read.scene[key], `${id}.${key}`).toEqual(preset[key]);
      }
      expect(writeUrl({ ...defaultScene(), ...preset, lessonId: id, lang: 'en' }, 0, { preferredLang: 'en' })).toBe(`?lesson=${id}`);
    }
    expect(readUrl('?lesson=nope', { preferredLang: 'en' }).ignored.map((i) => [i.name, i.reason])).toEqual([['lesson', 'unknownLesson']]);
  });

  it('lists each property once in the schema', () => {
    const names = URL_SCHEMA.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['lesson', 'surface', 'expr', 'domain', 'start', 'steps', 'runs', 'speed', 'step', 'view', 'cam', 'seed', 'sigma', 'penalty', 'lambda', 'lang', 'theme', 'present', 'embed', 'controls', 'log']) {
      expect(names).toContain(name);
    }
  });
});

describe('bad links', () => {
  const defaults = readUrl('', { preferredLang: 'en' });
  const without = (s: ReadResult['scene']) => ({ ...s, runs: s.runs?.map(({ id: _id, ...rest }) => rest) });

  const cases: readonly [string, readonly string[]][] = [
    ['?steps=abc', ['steps']],
    ['?runs=foo:lr=-1', ['runs']],
    ['?surface=nope', ['surface']],
    ['?start=1', ['start']],
    ['?start=1e300,1e300', ['start']],
    ['?start=5.01,0', ['start']],
    ['?lr=NaN', ['lr']],
    ['?steps=0', ['steps']],
    ['?steps=1.5', ['steps']],
    ['?steps=1e999', ['steps']],
    ['?speed=-3', ['speed']],
    ['?speed=0x10', ['speed']],
    ['?speed=Infinity', ['speed']],
    ['?view=4d', ['view']],
    ['?lang=fr', ['lang']],
    ['?present=maybe', ['present']],
    ['?cam=1,2,3', ['cam']],
    ['?domain=1,0,0,1', ['domain']],
    ['?surface=custom', ['surface']],
    ['?seed=-1', ['seed']],
    ['?sigma=-0.1', ['sigma']],
    ['?penalty=l3', ['penalty']],
    ['?step=-1', ['step']],
    ['?runs=', ['runs']],
    ['?expr=', ['expr']],
    ['?%E0%A4%A', ['%E0%A4%A']],
    ['?steps=%E0%A4%A', ['steps']],
    ['?steps=100&steps=200', ['steps']],
  ];

  for (const [query, names] of cases) {
    it(`${query} → the defaults, naming ${names.join(', ')}`, () => {
      const read = readUrl(query, { preferredLang: 'en' });
      expect(read.ignored.map((i) => i.name)).toEqual(names);
      if (!query.includes('steps=100')) expect(without(read.scene)).toEqual(without(defaults.scene));
      expect(read.expr).toBeUndefined();
    });
  }

  it('?steps=abc&surface=nope&runs=zzz names all three and keeps the default scene', () => {
    const read = readUrl('?steps=abc&surface=nope&runs=zzz', { preferredLang: 'en' });
    expect(read.ignored.map((i) => `${i.name}=${i.value}`).sort()).toEqual(['runs=zzz', 'steps=abc', 'surface=nope']);
    expect(without(read.scene)).toEqual(without(defaults.scene));
    expect(ignoredList(read.ignored)).toContain('“steps=abc”');
  });

  it('keeps the good runs and hyperparameters of a half-bad list', () => {
    const read = readUrl('?runs=sgd:lr=-1;rho=0.5;foo=2,zzz,adam:lr=0.2;beta2=1;sched=cosine;period=0;minFactor=0.1;color=red', { preferredLang: 'en' });
    expect(read.scene.runs?.map((r) => r.optimizer)).toEqual(['sgd', 'adam']);
    const [sgd, adam] = read.scene.runs ?? [];
    expect(sgd.params.lr).toBe(resolveParams(getSurface('ravine') as NonNullable<ReturnType<typeof getSurface>>, 'sgd').lr);
    expect(sgd.params.rho).toBe(0.5);
    expect(adam.params.lr).toBe(0.2);
    expect(adam.schedule).toEqual({ kind: 'constant' });
    expect(read.ignored.map((i) => [i.value, i.reason])).toEqual([
      ['sgd:lr=-1', 'outOfRange'],
      ['sgd:foo=2', 'unknownHyperparameter'],
      ['zzz', 'unknownOptimizer'],
      ['adam:beta2=1', 'outOfRange'],
      ['adam:color=red', 'badColor'],
      ['adam:sched=cosine;period=0;minFactor=0.1', 'badSchedule'],
    ]);
    expect(read.ignored[0].accepts).toBe('> 0');
    expect(read.ignored[3].accepts).toBe('[0, 1)');
  });

  it('keeps the good settings of a half-bad map, and names its run by position', () => {
    const read = readUrl('?runs=sgd,adam:lr=0.2&map=hyper;run=2;x=lr:1:0.1;y=beta1:0.5:0.99;cells=100;show=nope;tol=-1;samples=16;zap=1', { preferredLang: 'en' });
    const map = read.scene.map as MapSettings;
    expect(map).toMatchObject({ open: true, kind: 'hyper', xParam: null, xRange: null, yParam: 'beta1', yRange: [0.5, 0.99], cells: 128, view: 'gap', tolerance: 1e-3, samples: 16 });
    // The second run of the link, under the id the store will keep.
    expect(map.runId).toBe(read.scene.runs?.[1].id);
    expect(read.ignored.map((i) => [i.value, i.reason])).toEqual([
      ['x=lr:1:0.1', 'outOfRange'],
      ['cells=100', 'notChoice'],
      ['show=nope', 'notChoice'],
      ['tol=-1', 'outOfRange'],
      ['zap=1', 'unknown'],
    ]);
    // A run the link does not have is named; the map shows the explained run instead.
    const far = readUrl('?map=basin;run=9', { preferredLang: 'en' });
    expect(far.scene.map).toMatchObject({ open: true, kind: 'basin', runId: null });
    expect(far.ignored.map((i) => [i.value, i.reason, i.accepts])).toEqual([['run=9', 'outOfRange', '1 … 6']]);
    expect(readUrl('?map=sideways', { preferredLang: 'en' }).ignored.map((i) => [i.name, i.reason])).toEqual([['map', 'notChoice']]);
    // A hidden map is one property, whatever it was set to.
    const d = defaultScene();
    expect(writeUrl({ ...d, lang: 'en', map: { ...MAP_DEFAULTS, cells: 32 } }, 0, { preferredLang: 'en' })).toBe('');
    expect(writeUrl({ ...d, lang: 'en', map: { ...MAP_DEFAULTS, open: true, kind: 'basin', runId: d.runs[5].id } }, 0, { preferredLang: 'en' })).toBe('?map=basin;run=6');
  });

  it('refuses a typed formula that names a built-in surface too, and a domain without a formula', () => {
    const a = readUrl('?surface=saddle&expr=x%5E2', { preferredLang: 'en' });
    expect(a.expr?.expr).toBe('x^2');
    expect(a.ignored.map((i) => [i.name, i.reason])).toEqual([['surface', 'conflict']]);
    const c = readUrl('?surface=nope&expr=x%5E2', { preferredLang: 'en' });
    expect(c.ignored.map((i) => [i.name, i.reason])).toEqual([['surface', 'unknownSurface']]);
    const b = readUrl('?domain=-1,1,-1,1', { preferredLang: 'en' });
    expect(b.ignored.map((i) => [i.name, i.reason])).toEqual([['domain', 'needsFormula']]);
  });

  it('caps what a link can ask for', () => {
    const many = Array.from({ length: 40 }, () => 'sgd').join(',');
    const read = readUrl(`?runs=${many}`, { preferredLang: 'en' });
    expect(read.scene.runs).toHaveLength(32);
    expect(read.ignored).toHaveLength(8);
    const long = readUrl(`?expr=${'x+'.repeat(5000)}x&foo=${'a'.repeat(100000)}`, { preferredLang: 'en' });
    expect(long.ignored.map((i) => [i.name, i.reason])).toEqual([
      ['expr', 'tooLong'],
      ['foo', 'unknown'],
    ]);
    expect(long.ignored[1].value.length).toBeLessThanOrEqual(80);
  });

  it('never throws on garbage, and what it reads always writes back as a clean link', () => {
    const r = rng(7);
    const alphabet = ['&', '=', '?', '#', ',', ';', ':', '%', '%2', '%E0%A4%A', '%C3%A9', '+', ' ', '\u0000', '한', '😀', 'e', '1', '-', '.', 'lr', 'runs', 'steps', 'surface', 'adam', 'sgd', 'expr', 'cam', 'nan', 'Infinity', '__proto__', 'constructor', 'hidden', 'sched', 'x'];
    for (let i = 0; i < 2000; i++) {
      const length = r.int(0, 60);
      let text = r.chance(0.5) ? '?' : '';
      for (let k = 0; k < length; k++) text += r.pick(alphabet);
      let read: ReadResult | undefined;
      expect(() => {
        read = readUrl(text, { preferredLang: 'en' });
      }, text).not.toThrow();
      if (!read) continue;
      const scene = restored(read, defaultScene());
      for (const run of scene.runs) {
        for (const h of HYPERPARAMS) expect(h.valid(run.params[h.key]), `${text}: ${run.optimizer}.${h.key}`).toBe(true);
      }
      expect(Number.isFinite(scene.start[0]) && Number.isFinite(scene.start[1])).toBe(true);
      expect(scene.steps >= 1 && scene.steps <= MAX_APP_STEPS).toBe(true);
      const again = readUrl(writeUrl(scene, read.step ?? 0, { preferredLang: 'en' }), { preferredLang: 'en' });
      expect(again.ignored, text).toEqual([]);
    }
    for (const odd of ['%', '%%%', '?&&&', '?=', '?==', '?a=%ZZ', 'http://x/?steps=5#runs=zzz', '\uD800', '?' + '&'.repeat(100000)]) {
      expect(() => readUrl(odd), odd).not.toThrow();
    }
    expect(() => readUrl(undefined as unknown as string)).not.toThrow();
  });
});

describe('the share messages and the embed snippet', () => {
  it('are in both languages, with no English words in the Korean', () => {
    for (const [key, { en, ko }] of Object.entries(share)) {
      expect(en.length, key).toBeGreaterThan(0);
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => w !== 'Descent'), `${key}: ${ko}`).toEqual([]);
      expect(/[\uac00-\ud7a3]/.test(ko), key).toBe(true);
    }
  });

  it('checks the sizes an author types', () => {
    expect(parseSize('100%')).toBe('100%');
    expect(parseSize(' 640px ')).toBe('640');
    expect(parseSize('520')).toBe('520');
    expect(parseSize('0')).toBeNull();
    expect(parseSize('120%')).toBeNull();
    expect(parseSize('abc')).toBeNull();
  });
});
