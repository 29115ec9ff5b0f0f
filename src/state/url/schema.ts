// The URL's one schema table (in the spirit of TensorFlow Playground's state.ts): every property a
// link can carry is one row below, naming its key, its place in the scene, its codec and what it
// means. codec.ts reads and writes links by walking this table and nothing else.
//
// How to add a URL property: add one row, and its example link to EXAMPLES in
// tests/unit/urlSchema.test.ts (which reads it, writes it back, and checks it lands in its place).
//   name    the key in the link (read case-insensitively). Rows are written in table order, so
//           add a new one at the end to keep today's links as they are.
//   place   where the value lives in the scene (linkScene.ts: the store's SceneData plus the step
//           and a typed formula): at('field') or at('field', 'subfield') for a field as it is,
//           or a { keys, get, set } object where the link spells it otherwise (runs, controls).
//   codec   how it is spelled and what is refused, with the notice's reason and what it accepts:
//           decimal / integer / choice / flag / numberTuple (valueCodecs.ts), nameSet and
//           hyperparamList (listCodecs.ts), or a Codec of your own.
//   doc     what it means and accepts, for people reading this table.
// Its default is its value at its place in the base scene (baseLink.ts: the store's default scene
// on the link's surface, with the lesson's scene on top), and it is written only when it differs
// from that (alwaysWrittenIf can ask for more). Reading it, refusing a bad value with a notice,
// the type writeUrl takes (LinkedScene) and the scene readUrl returns all follow from the row.
// A row the other defaults depend on is marked decidesDefaults and read first.
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
//   overlays=curvature,effLr    the curvature axes and the step-size crosses
//   curvatureAt=start           where the curvature is read (default: the explained run's particle)
//   batch=10  dropLast=1         mini-batches of a data surface (iris-linear …), seeded by seed
//   map=hyper;run=2;x=lr:0.001:3;y=rho;cells=64   the map of many runs (mapItems.ts): hyper or
//                                 basin shows it (off hides a lesson's), then what differs from its defaults
//
// A property equal to its default is never written: the default scene is the bare address. The
// default of `lang` is the browser's own choice, so a shared link opens in the reader's language
// unless its author had switched away from theirs (the Embed dialog always writes it).
// Reading never fails: an unknown property, or a value that is malformed or out of range, is
// listed (see Ignored) and its default used instead; a bad run or hyperparameter costs only itself.
// Numbers are written in JavaScript's shortest round-trip form ("1e-7", "0.9999"), so every value
// reads back bit for bit; "e+" is written "e" because a "+" in a query means a space.
import { SEED_MAX, type PenaltySpec } from '../../engine';
import { MAX_APP_STEPS, MAX_SPEED, MIN_SPEED, type CameraPose, type Lang, type Theme, type ViewMode } from '../store';
import { lessonCodec, lessonPlace } from './lessonLink';
import { at, stepPlace } from './places';
import { controlsPlace, hyperparamList, nameSet } from './listCodecs';
import { mapCodec, mapPlace } from './mapItems';
import { batchSizeCodec } from './valueCodecs';
import { runsCodec, runsPlace } from './runItems';
import { domainCodec, exprCodec, surfaceCodec } from './surfaceLink';
import { ok, row } from './urlRow';
import { startCodec } from './startCodec';
import { choice, decimal, flag, integer, numberTuple } from './valueCodecs';

// The formula's defaults, which the tests hold against the formula compiler's.
export { DEFAULT_FORMULA_DOMAIN, FORMULA_STEPS, MAX_EXPR_LENGTH, formulaStart } from './surfaceLink';

export const URL_SCHEMA = [
  row({
    name: 'lesson',
    doc: 'A lesson (or lesson.variant) of src/state/lessons/: its caption is shown, and its scene is what the rest of the link changes.',
    place: lessonPlace,
    codec: lessonCodec,
    decidesDefaults: true,
  }),
  row({
    name: 'surface',
    doc: 'A built-in surface id (engine/surfaces). A typed formula (expr) needs none; "custom" is accepted beside it.',
    place: at('surfaceId'),
    codec: surfaceCodec,
    decidesDefaults: true,
  }),
  row({
    name: 'expr',
    doc: 'A typed formula f(x, y), compiled by the lazily loaded formula compiler; it makes the surface custom.',
    place: at('expr'),
    codec: exprCodec,
    decidesDefaults: true,
  }),
  row({
    name: 'domain',
    doc: 'The formula’s plot domain: xmin,xmax,ymin,ymax, finite, with min < max. Only with expr.',
    place: at('domain'),
    codec: domainCodec,
    decidesDefaults: true,
  }),
  row({
    name: 'start',
    doc: 'Where every run starts: x,y inside the plotted domain (default: the surface’s own start).',
    place: at('start'),
    codec: startCodec,
  }),
  row({
    name: 'steps',
    doc: 'Steps each run takes (default: the surface’s own).',
    place: at('steps'),
    codec: integer({ min: 1, max: MAX_APP_STEPS }),
  }),
  row({
    name: 'runs',
    doc: 'The runs, in order: optimizer[:key=value;hidden;nobc;color=rrggbb;sched=…], comma-separated; "none" for no runs (runItems.ts).',
    place: runsPlace,
    codec: runsCodec,
  }),
  row({
    name: 'speed',
    doc: 'Playback speed in steps per second.',
    place: at('speed'),
    codec: decimal({ min: MIN_SPEED, max: MAX_SPEED }),
  }),
  row({
    name: 'step',
    doc: 'The step shown (the playhead), kept to 3 decimals; clamped to the longest run when the scene loads.',
    place: stepPlace,
    codec: decimal({ min: 0, max: MAX_APP_STEPS, decimals: 3 }),
  }),
  row({
    name: 'view',
    doc: '3d: the surface in perspective; 2d: contours seen from above.',
    place: at('view'),
    codec: choice<ViewMode>(['3d', '2d']),
  }),
  row({
    name: 'cam',
    doc: 'The 3D camera: position and target, px,py,pz,tx,ty,tz (absent: the fitted view).',
    place: at('camera'),
    codec: numberTuple<CameraPose | null>({
      count: 6,
      form: 'px,py,pz,tx,ty,tz',
      maxLength: 400,
      toValue: (n) => ok<CameraPose | null>({ position: [n[0], n[1], n[2]], target: [n[3], n[4], n[5]] }),
      toNumbers: (c) => (c ? [...c.position, ...c.target] : []),
    }),
  }),
  row({
    name: 'seed',
    doc: `Seed of the gradient noise: a whole number from 0 to ${SEED_MAX}.`,
    place: at('noise', 'seed'),
    codec: integer({ min: 0, max: SEED_MAX }),
  }),
  row({
    name: 'sigma',
    doc: 'Gradient noise σ (0: off).',
    place: at('noise', 'sigma'),
    codec: decimal({ min: 0, max: Number.MAX_VALUE }),
  }),
  row({
    name: 'penalty',
    doc: 'The penalty added to the surface: l2 (λ·(x² + y²)) or l1 (λ·(|x| + |y|)).',
    place: at('penalty', 'kind'),
    codec: choice<PenaltySpec['kind']>(['l2', 'l1']),
  }),
  row({
    name: 'lambda',
    doc: 'Penalty strength λ (0: off).',
    place: at('penalty', 'lambda'),
    codec: decimal({ min: 0, max: Number.MAX_VALUE }),
  }),
  row({
    name: 'lang',
    doc: 'Language of the interface; written only when it differs from what the browser would choose, or for an embed.',
    place: at('lang'),
    codec: choice<Lang>(['en', 'ko']),
    alwaysWrittenIf: (options) => options.alwaysLang === true,
  }),
  row({
    name: 'theme',
    doc: 'Colour theme.',
    place: at('theme'),
    codec: choice<Theme>(['dark', 'light']),
  }),
  row({
    name: 'present',
    doc: 'Lecture-hall presentation mode.',
    place: at('presentation'),
    codec: flag(),
  }),
  row({
    name: 'embed',
    doc: 'Embed mode: the canvas first, and only the controls listed in `controls`.',
    place: at('embed', 'enabled'),
    codec: flag(),
  }),
  row({
    name: 'controls',
    doc: 'Hyperparameter sliders an embed shows: keys such as lr,rho (unknown keys are dropped one by one).',
    place: controlsPlace,
    codec: hyperparamList,
  }),
  row({
    name: 'log',
    doc: 'Logarithmic loss axis (default: on where the surface has a known minimum to measure from).',
    place: at('logLoss'),
    codec: flag(),
  }),
  row({
    name: 'vectors',
    doc: 'Arrows drawn at each particle: any of gradient, momentum, step.',
    place: at('vectors'),
    codec: nameSet(['gradient', 'momentum', 'step'] as const),
  }),
  row({
    name: 'overlays',
    doc: 'Overlays: any of curvature, effLr.',
    place: at('overlays'),
    codec: nameSet(['curvature', 'effLr'] as const),
  }),
  row({
    name: 'curvatureAt',
    doc: 'Where the curvature is read: particle or start.',
    place: at('curvatureAt'),
    codec: choice(['particle', 'start'] as const),
  }),
  row({
    name: 'batch',
    doc: 'Mini-batches of a data surface: examples per batch, a whole number from 1 (absent: the full batch; one as large as the data is the full batch too). The seed is `seed`.',
    place: at('batch', 'size'),
    codec: batchSizeCodec,
  }),
  row({
    name: 'dropLast',
    doc: 'With batch: leave out each epoch’s last, smaller batch (DataLoader’s drop_last).',
    place: at('batch', 'dropLast'),
    codec: flag(),
  }),
  row({
    name: 'map',
    doc: 'The map of many runs: hyper or basin (shown) or off, then ;run=N;x=param[:from:to];y=…;cells=N;show=gap|reached;tol=…;overlay=0|1;samples=N;sampleSeed=N where they differ from their defaults (mapItems.ts).',
    place: mapPlace,
    codec: mapCodec,
  }),
] as const;
