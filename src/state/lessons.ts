// The teaching layer's presets: ten scenes, each built to show one lesson of CS231n and
// Hands-On ML, with the words that explain it and a check that states, on the computed paths,
// the behaviour the words promise. The checks are what keep a caption honest when an engine
// default or a surface changes: tests/unit/lessons-presets.test.ts runs every one.
//
// A lesson's title and caption live here, beside the scene they describe (as a surface carries
// its own lesson sentence): they are data of the preset, not chrome of the UI.
import {
  getSurface,
  resolveParams,
  type Hyperparams,
  type OptimizerId,
  type ScheduleSpec,
  type Vec2,
} from '../engine';
import { OPTIMIZER_COLORS } from './palette';
import type { ComputedRun, ComputedScene } from './paths';
import { seek } from './playhead';
import {
  sceneStore,
  type Lang,
  type NoiseConfig,
  type PenaltyConfig,
  type RunConfig,
  type SceneData,
  type SceneStore,
  type VectorToggles,
  type ViewMode,
} from './store';

type LocalText = Readonly<Record<Lang, string>>;

/** A setting a lesson's caption shows a slider for: gradient noise σ, or the penalty λ. */
type LessonControl = 'noise' | 'penalty';

/** One statement a lesson makes about its paths, and whether the paths bear it out. */
interface LessonClaim {
  readonly claim: string;
  readonly holds: boolean;
  /** The numbers behind the verdict, for a failing test's message. */
  readonly detail: string;
}

/** The computed paths of a lesson: its main scene and each variant's, by variant id. */
export interface LessonPaths {
  readonly main: ComputedScene;
  readonly variants: Readonly<Record<string, ComputedScene>>;
}

/**
 * A second scene of the same lesson, for what one scene cannot hold: the start, the noise and
 * the surface are scene-wide in the store, so "the same run with and without noise" or "on the
 * ridge instead of beside it" is a variant, switched from the caption.
 */
interface LessonVariant {
  /** Written after the lesson's id and a dot: `saddle-escape.ridge`. */
  readonly id: string;
  readonly label: LocalText;
  /** What this variant changes, in a sentence shown under the caption. */
  readonly note: LocalText;
  readonly scene: Partial<SceneData>;
}

export interface Lesson {
  readonly id: string;
  /** 1 … 10, the order of the course. */
  readonly number: number;
  readonly title: LocalText;
  /** Two or three sentences a student understands without the lecture. */
  readonly caption: LocalText;
  readonly scene: Partial<SceneData>;
  /** The main scene's name beside its variants' (only lessons with variants have one). */
  readonly label?: LocalText;
  /**
   * The scene-wide settings the caption itself offers, beside the words that ask the reader to
   * move them (the panel may be hidden, or far down on a phone).
   */
  readonly controls?: readonly LessonControl[];
  /** Whether the arrows are drawn for the selected run alone (two runs' arrows would overlap). */
  readonly arrowsForSelectedOnly?: boolean;
  readonly variants: readonly LessonVariant[];
  /** The lesson's defining behaviour, stated on its computed paths. Pure. */
  check(paths: LessonPaths): readonly LessonClaim[];
}

// ---------------------------------------------------------------------------------------------
// Building scenes

const NO_VECTORS: VectorToggles = { gradient: false, momentum: false, step: false };
const NO_NOISE: NoiseConfig = { sigma: 0, seed: 1 };
const NO_PENALTY: PenaltyConfig = { kind: 'l2', lambda: 0 };
const CONSTANT: ScheduleSpec = { kind: 'constant' };

/** Colours for a second or third run of one optimizer, told apart in the captions by name. */
const GREEN = '#90be6d';
const YELLOW = '#f9c74f';
const PURPLE = '#c77dff';

interface RunOptions {
  readonly color?: string;
  readonly biasCorrection?: boolean;
  readonly schedule?: ScheduleSpec;
}

/**
 * A run with every hyperparameter it reads stated. Ids are fixed and unique across lessons and
 * variants: computeScene recycles a run's arrays by id, so two scenes computed one after the
 * other (a lesson and its variant, in the tests) must not share one.
 */
function run(surfaceId: string, id: string, optimizer: OptimizerId, params: Partial<Hyperparams>, options: RunOptions = {}): RunConfig {
  const surface = getSurface(surfaceId);
  if (!surface) throw new Error(`lesson preset: unknown surface ${surfaceId}`);
  return {
    id,
    optimizer,
    params: resolveParams(surface, optimizer, params),
    visible: true,
    color: options.color ?? OPTIMIZER_COLORS[optimizer],
    biasCorrection: options.biasCorrection ?? true,
    schedule: options.schedule ?? CONSTANT,
  };
}

interface SceneOptions {
  readonly start: Vec2;
  readonly steps: number;
  readonly runs: readonly RunConfig[];
  readonly speed: number;
  readonly view?: ViewMode;
  readonly noise?: NoiseConfig;
  readonly penalty?: PenaltyConfig;
  readonly vectors?: Partial<VectorToggles>;
  readonly selected?: string;
}

/**
 * Everything a lesson sets, so that opening it gives the same picture whatever came before;
 * what it leaves alone (language, theme, presentation, embed) is the reader's.
 */
function scene(surfaceId: string, o: SceneOptions): Partial<SceneData> {
  const surface = getSurface(surfaceId);
  if (!surface) throw new Error(`lesson preset: unknown surface ${surfaceId}`);
  return {
    surfaceId,
    start: o.start,
    steps: o.steps,
    runs: o.runs,
    speed: o.speed,
    view: o.view ?? '3d',
    noise: o.noise ?? NO_NOISE,
    penalty: o.penalty ?? NO_PENALTY,
    vectors: { ...NO_VECTORS, ...o.vectors },
    selectedRunId: o.selected ?? null,
    logLoss: surface.minima.length > 0,
    camera: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading paths, for the checks

function runOf(scene: ComputedScene, id: string): ComputedRun {
  const found = scene.runs.find((c) => c.run.id === id);
  if (!found) throw new Error(`lesson check: no run ${id}`);
  return found;
}

function claim(text: string, holds: boolean, detail: string): LessonClaim {
  return { claim: text, holds, detail };
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));

/** How many of steps 1 … n flip the sign of y. */
function signFlips(c: ComputedRun, n: number): number {
  const { y } = c.path;
  let flips = 0;
  for (let k = 1; k <= Math.min(n, c.path.steps); k++) if (Math.sign(y[k]) !== Math.sign(y[k - 1])) flips++;
  return flips;
}

/** The first step at which |y| exceeds the threshold; Infinity if it never does. */
function firstAbove(c: ComputedRun, threshold: number): number {
  for (let k = 0; k <= c.path.steps; k++) if (Math.abs(c.path.y[k]) > threshold) return k;
  return Infinity;
}

function minY(c: ComputedRun, n: number): number {
  let m = Infinity;
  for (let k = 0; k <= Math.min(n, c.path.steps); k++) m = Math.min(m, c.path.y[k]);
  return m;
}

function stepLength(c: ComputedRun, k: number): number {
  const { x, y } = c.path;
  return Math.hypot(x[k] - x[k - 1], y[k] - y[k - 1]);
}

function meanStep(c: ComputedRun, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k <= to; k++) sum += stepLength(c, k);
  return sum / (to - from + 1);
}

function endPoint(c: ComputedRun): Vec2 {
  return [c.path.x[c.path.steps], c.path.y[c.path.steps]];
}

function distance(p: Vec2, q: { readonly x: number; readonly y: number } | Vec2): number {
  const [qx, qy] = 'x' in q ? [q.x, q.y] : q;
  return Math.hypot(p[0] - qx, p[1] - qy);
}

/** Mean distance from a point over the last `n` points of the path. */
function tailDistance(c: ComputedRun, to: Vec2, n: number): number {
  let sum = 0;
  const last = c.path.steps;
  for (let k = last - n + 1; k <= last; k++) sum += Math.hypot(c.path.x[k] - to[0], c.path.y[k] - to[1]);
  return sum / n;
}

function lossRises(c: ComputedRun): number {
  let rises = 0;
  for (let k = 1; k <= c.path.steps; k++) if (c.path.loss[k] > c.path.loss[k - 1]) rises++;
  return rises;
}

function finished(c: ComputedRun, steps: number): boolean {
  return c.path.status === 'ok' && c.path.steps === steps;
}

const pt = (p: Vec2) => `(${fmt(p[0])}, ${fmt(p[1])})`;

// ---------------------------------------------------------------------------------------------
// The ten lessons

const RAVINE_START: Vec2 = [-4, 1];

const ravineZigzag: Lesson = {
  id: 'ravine-zigzag',
  number: 1,
  title: { en: 'SGD zig-zags across a ravine', ko: '협곡을 지그재그로 가로지르는 SGD' },
  caption: {
    en: 'In this long, narrow ravine the gradient points mostly across the valley rather than along it, so SGD bounces from wall to wall: y changes sign at every step. Momentum adds up successive gradients, so the back-and-forth parts cancel while the push along the valley builds up. Nesterov corrects its course one step earlier and overshoots even less.',
    ko: '길고 좁은 협곡에서는 기울기가 골짜기를 따라가는 쪽이 아니라 주로 가로지르는 쪽을 가리키므로, SGD는 양쪽 벽 사이를 튕기듯 오가며 매 스텝 y의 부호가 바뀝니다. 모멘텀은 연속된 기울기를 누적하므로 좌우로 오가는 성분은 서로 상쇄되고, 골짜기를 따라 미는 성분은 쌓입니다. Nesterov는 한 스텝 먼저 방향을 고치므로 훨씬 덜 넘어갑니다.',
  },
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 150,
    speed: 20,
    runs: [
      run('ravine', 'l1-sgd', 'sgd', { lr: 0.45 }),
      // ρ = 0.8 rather than torch's 0.9: on a ravine this mild (κ = 20) a heavier ball keeps
      // swinging for so long that well-tuned SGD would end lower, which is not the lesson.
      run('ravine', 'l1-momentum', 'momentum', { lr: 0.08, rho: 0.8 }),
      run('ravine', 'l1-nesterov', 'nesterov', { lr: 0.08, rho: 0.8 }),
    ],
    view: '2d',
    vectors: { gradient: true, step: true },
    selected: 'l1-sgd',
  }),
  variants: [],
  check({ main }) {
    const sgd = runOf(main, 'l1-sgd');
    const momentum = runOf(main, 'l1-momentum');
    const nesterov = runOf(main, 'l1-nesterov');
    const flips = [sgd, momentum, nesterov].map((c) => signFlips(c, 20));
    const overshoot = [momentum, nesterov].map((c) => minY(c, 40));
    return [
      claim('SGD’s y changes sign at every one of the first 20 steps', flips[0] === 20, `${flips[0]} of 20`),
      claim('Momentum’s y changes sign at most 4 times in those 20 steps', flips[1] <= 4, `${flips[1]} of 20`),
      claim('Nesterov’s y changes sign at most 4 times in those 20 steps', flips[2] <= 4, `${flips[2]} of 20`),
      claim('Nesterov overshoots the valley floor less than Momentum', overshoot[1] > overshoot[0] && overshoot[0] < 0, `lowest y: momentum ${fmt(overshoot[0])}, nesterov ${fmt(overshoot[1])}`),
      claim('every run finishes', [sgd, momentum, nesterov].every((c) => finished(c, 150)), [sgd, momentum, nesterov].map((c) => c.path.status).join(', ')),
      claim(
        'from step 40 on, Momentum and Nesterov are below SGD on the loss chart, Nesterov lowest at the end',
        [40, 60, 80, 100, 150].every((k) => momentum.path.loss[k] < sgd.path.loss[k] && nesterov.path.loss[k] < sgd.path.loss[k]) && nesterov.path.loss[150] < momentum.path.loss[150],
        [40, 150].map((k) => `step ${k}: SGD ${fmt(sgd.path.loss[k])}, momentum ${fmt(momentum.path.loss[k])}, nesterov ${fmt(nesterov.path.loss[k])}`).join('; '),
      ),
    ];
  },
};

const SADDLE_STEPS = 100;
const saddleRuns = (prefix: string) => [
  run('saddle', `${prefix}-sgd`, 'sgd', { lr: 0.05 }),
  run('saddle', `${prefix}-momentum`, 'momentum', { lr: 0.05, rho: 0.9 }),
  run('saddle', `${prefix}-adam`, 'adam', { lr: 0.05 }),
];
/** |y| past this has left the saddle for good: the slope away from the ridge then dominates. */
const ESCAPED = 0.5;

const saddleEscape: Lesson = {
  id: 'saddle-escape',
  number: 2,
  title: { en: 'Escaping a saddle point', ko: '안장점에서 빠져나오기' },
  caption: {
    en: 'At a saddle point the gradient is zero, so gradient descent crawls near it. Started 0.001 off the ridge, SGD needs dozens of steps to creep away, Momentum builds up speed and leaves sooner, and Adam leaves almost at once: it divides the tiny gradient by its own size. The other two scenes start exactly on the ridge, where only noise gets anyone out.',
    ko: '안장점에서는 기울기가 0이라서 경사 하강법은 그 근처에서 기어가듯 느려집니다. 능선에서 0.001만 벗어나 출발하면 SGD는 수십 스텝이 지나서야 겨우 빠져나가고, 모멘텀은 속도를 쌓아 더 일찍 벗어나며, Adam은 아주 작은 기울기를 그 크기로 나눠 키우므로 거의 곧바로 빠져나갑니다. 다른 두 장면은 정확히 능선 위에서 출발하는데, 그곳에서는 노이즈만이 빠져나오게 해 줍니다.',
  },
  label: { en: 'Just off the ridge', ko: '능선 바로 옆' },
  scene: scene('saddle', {
    start: [-1.5, 1e-3],
    steps: SADDLE_STEPS,
    speed: 20,
    runs: saddleRuns('l2'),
    selected: 'l2-adam',
  }),
  variants: [
    {
      id: 'ridge',
      label: { en: 'On the ridge', ko: '능선 위' },
      note: {
        en: 'Started exactly on the ridge (y = 0), the gradient has no y part at all: every optimizer slides into the saddle and stays there.',
        ko: '정확히 능선 위(y = 0)에서 출발하면 기울기에 y 성분이 전혀 없어서, 모든 옵티마이저가 안장점으로 미끄러져 들어가 그대로 머뭅니다.',
      },
      scene: scene('saddle', { start: [-1.5, 0], steps: SADDLE_STEPS, speed: 20, runs: saddleRuns('l2r'), selected: 'l2r-sgd' }),
    },
    {
      id: 'noise',
      label: { en: 'On the ridge, with noise', ko: '능선 위, 노이즈 추가' },
      note: {
        en: 'The same start with mini-batch noise (σ = 0.05): a random nudge off the ridge is all it takes, and every run escapes.',
        ko: '같은 출발점에 미니배치 노이즈(σ = 0.05)를 더했습니다. 능선에서 살짝 밀려나기만 하면 충분해서 모든 실행이 빠져나갑니다.',
      },
      scene: scene('saddle', {
        start: [-1.5, 0],
        steps: SADDLE_STEPS,
        speed: 20,
        runs: saddleRuns('l2n'),
        noise: { sigma: 0.05, seed: 1 },
        selected: 'l2n-sgd',
      }),
    },
  ],
  check({ main, variants }) {
    const [sgd, momentum, adam] = ['sgd', 'momentum', 'adam'].map((o) => firstAbove(runOf(main, `l2-${o}`), ESCAPED));
    const ridge = variants.ridge.runs;
    const ridgeMaxY = Math.max(...ridge.map((c) => Math.max(...Array.from(c.path.y.subarray(0, c.path.steps + 1), Math.abs))));
    const ridgeEnds = ridge.map((c) => distance(endPoint(c), [0, 0]));
    const noisy = variants.noise.runs.map((c) => firstAbove(c, ESCAPED));
    return [
      claim('off the ridge, SGD creeps for at least 50 steps before it escapes', sgd >= 50 && Number.isFinite(sgd), `SGD escapes at step ${sgd}`),
      claim('Momentum escapes in less than half SGD’s time', momentum < sgd / 2, `momentum ${momentum}, SGD ${sgd}`),
      claim('Adam escapes almost at once (within 15 steps), first of all', adam <= 15 && adam < momentum, `Adam ${adam}, momentum ${momentum}`),
      claim('on the ridge without noise, no run ever leaves y = 0', ridgeMaxY === 0, `largest |y| ${fmt(ridgeMaxY)}`),
      claim('on the ridge without noise, every run ends at the saddle', ridgeEnds.every((d) => d < 0.01), `distances ${ridgeEnds.map(fmt).join(', ')}`),
      claim('on the ridge with noise, every run escapes', noisy.every(Number.isFinite), `escape steps ${noisy.join(', ')}`),
    ];
  },
};

const LOCAL_START: Vec2 = [1.6, 1.6];

const localMinimum: Lesson = {
  id: 'local-minimum',
  number: 3,
  title: { en: 'Momentum rolls out of a local minimum', ko: '국소 최솟값을 넘어가는 모멘텀' },
  caption: {
    en: 'This surface has four valleys of different depths, and both runs start in the shallowest one. SGD (η = 0.02) rolls to the bottom of the nearest valley and stays there: a local minimum. Momentum (ρ = 0.95) gathers enough speed to roll over the ridges and settles in the deepest valley, the global minimum.',
    ko: '이 곡면에는 깊이가 서로 다른 골짜기 네 개가 있고, 두 실행 모두 가장 얕은 골짜기에서 출발합니다. SGD(η = 0.02)는 가장 가까운 골짜기 바닥으로 굴러가 그곳, 즉 국소 최솟값에 머뭅니다. 모멘텀(ρ = 0.95)은 능선을 넘을 만큼 속도가 붙어 가장 깊은 골짜기인 전역 최솟값에 자리 잡습니다.',
  },
  scene: scene('local-minima', {
    start: LOCAL_START,
    steps: 600,
    speed: 60,
    runs: [run('local-minima', 'l3-sgd', 'sgd', { lr: 0.02 }), run('local-minima', 'l3-momentum', 'momentum', { lr: 0.02, rho: 0.95 })],
    selected: 'l3-momentum',
  }),
  variants: [],
  check({ main }) {
    const minima = main.surface.minima;
    const global = minima.find((m) => m.kind === 'global');
    const local = minima.find((m) => m.kind === 'local' && m.x > 0 && m.y > 0);
    if (!global || !local) return [claim('the surface lists its global minimum and the local one at the start', false, JSON.stringify(minima))];
    const sgd = endPoint(runOf(main, 'l3-sgd'));
    const momentum = endPoint(runOf(main, 'l3-momentum'));
    return [
      claim('SGD ends in the local minimum near (0.93, 0.96)', distance(sgd, local) < 0.01, `SGD ends at ${pt(sgd)}`),
      claim('Momentum ends in the global minimum near (−1.06, −1.04)', distance(momentum, global) < 0.01, `momentum ends at ${pt(momentum)}`),
    ];
  },
};

const nesterovLookAhead: Lesson = {
  id: 'nesterov-look-ahead',
  number: 4,
  title: { en: 'Nesterov looks ahead', ko: '앞을 내다보는 Nesterov' },
  caption: {
    en: 'Momentum takes the gradient where it stands and adds its velocity. Nesterov first jumps ahead along its velocity to the look-ahead point (the pink ring) and takes the gradient there, so when it is about to overshoot, that gradient already points back. Step with → and compare the white arrow at Nesterov’s particle (the gradient where it stands) with the pink arrow at the ring (the gradient it uses).',
    ko: '모멘텀은 지금 서 있는 곳에서 기울기를 구한 뒤 속도를 더합니다. Nesterov는 먼저 속도 방향으로 앞서 나간 지점(분홍색 고리)에서 기울기를 구하므로, 곧 지나치려는 순간에는 그 기울기가 이미 뒤쪽을 가리킵니다. → 키로 한 스텝씩 넘기며 Nesterov 입자에 붙은 흰 화살표(서 있는 곳의 기울기)와 고리에 붙은 분홍색 화살표(실제로 쓰는 기울기)를 비교해 보세요.',
  },
  arrowsForSelectedOnly: true,
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 100,
    speed: 10,
    runs: [run('ravine', 'l4-momentum', 'momentum', { lr: 0.04, rho: 0.9 }), run('ravine', 'l4-nesterov', 'nesterov', { lr: 0.04, rho: 0.9 })],
    view: '2d',
    vectors: { gradient: true, step: true },
    selected: 'l4-nesterov',
  }),
  variants: [],
  check({ main }) {
    const momentum = runOf(main, 'l4-momentum');
    const nesterov = runOf(main, 'l4-nesterov');
    const low = [minY(momentum, 40), minY(nesterov, 40)];
    const loss = [momentum.path.loss[50], nesterov.path.loss[50]];
    return [
      claim('Nesterov overshoots the valley floor less than Momentum', low[1] > low[0] && low[0] < 0, `lowest y: momentum ${fmt(low[0])}, nesterov ${fmt(low[1])}`),
      claim('Nesterov’s loss after 50 steps is lower than Momentum’s', loss[1] < loss[0], `momentum ${fmt(loss[0])}, nesterov ${fmt(loss[1])}`),
    ];
  },
};

const BOOTH_MIN: Vec2 = [1, 3];

const adagradStalls: Lesson = {
  id: 'adagrad-vs-rmsprop',
  number: 5,
  title: { en: 'AdaGrad stalls, RMSProp keeps going', ko: '멈춰 버리는 AdaGrad, 계속 가는 RMSProp' },
  caption: {
    en: 'Both divide each step by the size of the gradients seen so far. AdaGrad adds up every squared gradient it has ever seen, so the sum only grows and its steps shrink until it all but stops, far from the minimum. RMSProp keeps a decaying average instead, which forgets old gradients, so its steps stay large enough to arrive.',
    ko: '두 방법 모두 지금까지 본 기울기의 크기로 각 스텝을 나눕니다. AdaGrad는 지금까지 본 기울기의 제곱을 전부 더하므로 그 합이 커지기만 하고, 스텝이 점점 줄어들어 최솟값에 한참 못 미친 곳에서 거의 멈춥니다. RMSProp은 대신 오래된 기울기를 점점 잊는 지수 이동 평균을 쓰므로, 끝까지 도착할 만큼 스텝이 유지됩니다.',
  },
  scene: scene('booth', {
    start: [-8, -6],
    steps: 300,
    speed: 30,
    runs: [run('booth', 'l5-adagrad', 'adagrad', { lr: 0.05, eps: 1e-10 }), run('booth', 'l5-rmsprop', 'rmsprop', { lr: 0.05, decay: 0.99, eps: 1e-8 })],
    selected: 'l5-adagrad',
  }),
  variants: [],
  check({ main }) {
    const adagrad = runOf(main, 'l5-adagrad');
    const rmsprop = runOf(main, 'l5-rmsprop');
    const late = [meanStep(adagrad, 101, 150), meanStep(rmsprop, 101, 150)];
    const own = [stepLength(adagrad, 10), stepLength(adagrad, 300)];
    const ends = [distance(endPoint(adagrad), BOOTH_MIN), distance(endPoint(rmsprop), BOOTH_MIN)];
    return [
      claim('over steps 101–150 AdaGrad’s steps are less than a third of RMSProp’s', late[0] < late[1] / 3, `mean step: AdaGrad ${fmt(late[0])}, RMSProp ${fmt(late[1])}`),
      claim('AdaGrad’s last step is less than half its 10th', own[1] < own[0] / 2, `step 10 ${fmt(own[0])}, step 300 ${fmt(own[1])}`),
      claim('RMSProp arrives (within 0.05 of the minimum)', ends[1] < 0.05, `${fmt(ends[1])} from (1, 3)`),
      claim('AdaGrad stalls more than 5 away from the minimum', ends[0] > 5, `${fmt(ends[0])} from (1, 3)`),
    ];
  },
};

const ADAM_LR = 0.3;

const adamBiasCorrection: Lesson = {
  id: 'adam-bias-correction',
  number: 6,
  title: { en: 'Adam’s first step and bias correction', ko: 'Adam의 첫 스텝과 편향 보정' },
  caption: {
    en: 'Adam’s running averages m and v start at zero, so in the first steps both are far too small, and v (decay 0.999) far more so than m (decay 0.9). Without bias correction (purple) the first step is about 3 times too large (0.1/√0.001 ≈ 3.16 × η), a jump that can throw a real network off course. Bias correction (orange) divides m and v by 1 − βᵗ, and the first step is exactly η in each coordinate.',
    ko: 'Adam의 이동 평균 m과 v는 0에서 시작하므로 처음 몇 스텝 동안은 둘 다 실제보다 훨씬 작고, 특히 v(감쇠 0.999)가 m(감쇠 0.9)보다 훨씬 더 작습니다. 편향 보정이 없으면(보라색) 첫 스텝이 약 3배(0.1/√0.001 ≈ 3.16 × η)나 커져서, 실제 신경망이라면 학습이 엉뚱한 곳으로 튈 수 있습니다. 편향 보정(주황색)은 m과 v를 1 − βᵗ로 나누어 첫 스텝을 좌표마다 정확히 η로 맞춥니다.',
  },
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 100,
    speed: 5,
    runs: [
      run('ravine', 'l6-adam', 'adam', { lr: ADAM_LR, beta1: 0.9, beta2: 0.999, eps: 1e-8 }),
      run('ravine', 'l6-adam-raw', 'adam', { lr: ADAM_LR, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, { biasCorrection: false, color: PURPLE }),
    ],
    view: '2d',
    vectors: { step: true },
    selected: 'l6-adam-raw',
  }),
  variants: [],
  check({ main }) {
    const corrected = runOf(main, 'l6-adam');
    const raw = runOf(main, 'l6-adam-raw');
    const first = [stepLength(corrected, 1), stepLength(raw, 1)];
    const ratio = first[1] / first[0];
    const { x, y } = corrected.path;
    const perCoordinate = [Math.abs(x[1] - x[0]), Math.abs(y[1] - y[0])];
    return [
      claim('without bias correction the first step is about 3 times larger (2.8–3.4)', ratio > 2.8 && ratio < 3.4, `first steps ${fmt(first[0])} and ${fmt(first[1])}, ratio ${fmt(ratio)}`),
      claim('with bias correction the first step is η in each coordinate', perCoordinate.every((d) => Math.abs(d - ADAM_LR) < 1e-6), `|Δx| ${fmt(perCoordinate[0])}, |Δy| ${fmt(perCoordinate[1])}`),
      claim('both runs finish', finished(corrected, 100) && finished(raw, 100), `${corrected.path.status}, ${raw.path.status}`),
    ];
  },
};

const NOISE_STEPS = 300;
const noiseRuns = (prefix: string) => [
  run('bowl', `${prefix}-sgd`, 'sgd', { lr: 0.1 }),
  run('bowl', `${prefix}-sgd-decay`, 'sgd', { lr: 0.1 }, { color: GREEN, schedule: { kind: 'step', every: 50, gamma: 0.5 } }),
];

const minibatchNoise: Lesson = {
  id: 'minibatch-noise',
  number: 7,
  title: { en: 'Mini-batch noise', ko: '미니배치 노이즈' },
  caption: {
    en: 'A mini-batch gradient is the true gradient plus noise. With noise (σ = 1), SGD with a constant η (red) gets near the minimum quickly but then keeps jittering around it, while the same SGD with η halved every 50 steps (green) settles down. Switch to σ = 0, or move σ, to compare with the clean paths.',
    ko: '미니배치 기울기는 실제 기울기에 노이즈가 더해진 것입니다. 노이즈(σ = 1)가 있으면 η가 일정한 SGD(빨간색)는 최솟값 근처까지는 빨리 가지만 그 주변에서 계속 흔들리고, 50스텝마다 η를 절반으로 줄이는 SGD(초록색)는 차분히 자리를 잡습니다. σ = 0으로 바꾸거나 σ를 움직여 노이즈 없는 경로와 비교해 보세요.',
  },
  label: { en: 'σ = 1', ko: 'σ = 1' },
  controls: ['noise'],
  scene: scene('bowl', {
    start: [-1.5, 1.2],
    steps: NOISE_STEPS,
    speed: 30,
    runs: noiseRuns('l7'),
    noise: { sigma: 1, seed: 3 },
    selected: 'l7-sgd',
  }),
  variants: [
    {
      id: 'clean',
      label: { en: 'σ = 0', ko: 'σ = 0' },
      note: {
        en: 'Without noise both runs glide to the minimum and the loss falls at every step; shrinking η only makes the green one a little slower.',
        ko: '노이즈가 없으면 두 실행 모두 최솟값까지 미끄러지듯 내려가고 손실은 매 스텝 줄어듭니다. η를 줄이면 초록색이 조금 느려질 뿐입니다.',
      },
      scene: scene('bowl', { start: [-1.5, 1.2], steps: NOISE_STEPS, speed: 30, runs: noiseRuns('l7c'), selected: 'l7c-sgd' }),
    },
  ],
  check({ main, variants }) {
    const clean = variants.clean;
    const cleanRises = clean.runs.map(lossRises);
    const cleanEnd = runOf(clean, 'l7c-sgd').path.loss[NOISE_STEPS];
    const noisy = runOf(main, 'l7-sgd');
    const decayed = runOf(main, 'l7-sgd-decay');
    const rises = lossRises(noisy);
    const hover = tailDistance(noisy, [0, 0], 50);
    const settled = tailDistance(decayed, [0, 0], 50);
    return [
      claim('without noise the loss never rises, for either run', cleanRises.every((r) => r === 0), `rises: ${cleanRises.join(', ')}`),
      claim('without noise constant-η SGD reaches the minimum (loss < 1e-8)', cleanEnd < 1e-8, `final loss ${fmt(cleanEnd)}`),
      claim('with noise the loss of constant-η SGD rises at a quarter of its steps or more', rises >= NOISE_STEPS / 4, `${rises} of ${NOISE_STEPS}`),
      claim('with noise constant-η SGD hovers near the minimum without settling (mean distance 0.1–0.5 over the last 50 steps)', hover > 0.1 && hover < 0.5, `mean distance ${fmt(hover)}`),
      claim('with noise the decaying η settles at less than half that distance', settled < hover / 2, `decayed ${fmt(settled)}, constant ${fmt(hover)}`),
    ];
  },
};

const newtonStep: Lesson = {
  id: 'newton',
  number: 8,
  title: { en: 'Newton’s method: one step on a quadratic', ko: '뉴턴 방법: 이차 함수는 한 스텝에' },
  caption: {
    en: 'Newton’s method divides the gradient by the curvature (the Hessian), so on a quadratic like this ravine it lands exactly on the minimum in a single step, however badly conditioned, while SGD zig-zags for many. But it heads for any point where the gradient is zero: on the saddle below it jumps straight onto the saddle point and stays there.',
    ko: '뉴턴 방법(Newton)은 기울기를 곡률(헤세 행렬)로 나누므로, 이 협곡 같은 이차 함수에서는 조건수가 아무리 나빠도 단 한 스텝 만에 정확히 최솟값에 도착합니다. 그동안 SGD는 여러 스텝에 걸쳐 지그재그로 갑니다. 하지만 뉴턴 방법은 기울기가 0인 곳이면 어디로든 향하므로, 아래의 안장점 장면에서는 안장점으로 곧장 뛰어들어 그대로 머뭅니다.',
  },
  label: { en: 'Ravine', ko: '협곡' },
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 60,
    speed: 10,
    runs: [run('ravine', 'l8-newton', 'newton', { lr: 1 }), run('ravine', 'l8-sgd', 'sgd', { lr: 0.45 })],
    selected: 'l8-newton',
  }),
  variants: [
    {
      id: 'saddle',
      label: { en: 'Saddle', ko: '안장점' },
      note: {
        en: 'On x² − y², one Newton step goes to (0, 0), the saddle point, and stays; SGD slides off downhill.',
        ko: 'x² − y²에서 뉴턴 방법은 한 스텝 만에 안장점 (0, 0)으로 가서 머물고, SGD는 내리막을 따라 미끄러져 내려갑니다.',
      },
      scene: scene('saddle', {
        start: [-1.5, 0.4],
        steps: 60,
        speed: 10,
        runs: [run('saddle', 'l8s-newton', 'newton', { lr: 1 }), run('saddle', 'l8s-sgd', 'sgd', { lr: 0.05 })],
        selected: 'l8s-newton',
      }),
    },
  ],
  check({ main, variants }) {
    const newton = runOf(main, 'l8-newton');
    const sgd = runOf(main, 'l8-sgd');
    const afterOne: Vec2 = [newton.path.x[1], newton.path.y[1]];
    const sgdAfterOne: Vec2 = [sgd.path.x[1], sgd.path.y[1]];
    const saddleNewton = runOf(variants.saddle, 'l8s-newton');
    const saddleSgd = runOf(variants.saddle, 'l8s-sgd');
    const onSaddle: Vec2 = [saddleNewton.path.x[1], saddleNewton.path.y[1]];
    return [
      claim('on the ravine Newton reaches the minimum (0, 0) in one step', distance(afterOne, [0, 0]) < 1e-12, `after one step ${pt(afterOne)}`),
      claim('SGD is still far away after one step', distance(sgdAfterOne, [0, 0]) > 1, `after one step ${pt(sgdAfterOne)}`),
      claim('on the saddle Newton jumps onto the saddle point in one step and stays', distance(onSaddle, [0, 0]) < 1e-12 && distance(endPoint(saddleNewton), [0, 0]) < 1e-12, `after one step ${pt(onSaddle)}, at the end ${pt(endPoint(saddleNewton))}`),
      claim('on the saddle SGD slides away from it', Math.abs(endPoint(saddleSgd)[1]) > 1, `SGD ends at ${pt(endPoint(saddleSgd))}`),
    ];
  },
};

const tooLarge: Lesson = {
  id: 'learning-rate-too-large',
  number: 9,
  title: { en: 'A learning rate too large', ko: '너무 큰 학습률' },
  caption: {
    en: 'Across the ravine the curvature is 4, so SGD is stable only for η below 2/4 = 0.5. At η = 0.3 (green) it converges; at exactly η = 0.5 (yellow) it bounces between the walls forever; at η = 0.55 (red) every bounce is 1.2 times higher than the last, until the loss blows up and the run is stopped and marked as diverged.',
    ko: '협곡을 가로지르는 방향의 곡률은 4이므로 SGD는 η가 2/4 = 0.5보다 작을 때만 안정합니다. η = 0.3(초록색)이면 수렴하고, 정확히 η = 0.5(노란색)이면 양쪽 벽 사이를 끝없이 오가며, η = 0.55(빨간색)이면 튕길 때마다 1.2배씩 높아지다가 손실이 폭발해 실행이 멈추고 발산으로 표시됩니다.',
  },
  scene: scene('ravine', {
    start: RAVINE_START,
    steps: 80,
    speed: 10,
    runs: [
      run('ravine', 'l9-stable', 'sgd', { lr: 0.3 }, { color: GREEN }),
      run('ravine', 'l9-edge', 'sgd', { lr: 0.5 }, { color: YELLOW }),
      run('ravine', 'l9-diverging', 'sgd', { lr: 0.55 }),
    ],
    vectors: {},
    selected: 'l9-diverging',
  }),
  variants: [],
  check({ main }) {
    const stable = runOf(main, 'l9-stable');
    const edge = runOf(main, 'l9-edge');
    const diverging = runOf(main, 'l9-diverging');
    let grows = true;
    for (let k = 1; k <= diverging.path.steps; k++) if (!(Math.abs(diverging.path.y[k]) > Math.abs(diverging.path.y[k - 1]))) grows = false;
    let bounces = true;
    for (let k = 0; k <= edge.path.steps; k++) if (Math.abs(edge.path.y[k]) !== 1) bounces = false;
    return [
      claim('η = 0.55 diverges and is stopped', diverging.path.status === 'diverged' && diverging.path.steps < 80, `${diverging.path.status} after ${diverging.path.steps} steps`),
      claim('η = 0.55 bounces higher at every step', grows, `|y| at the last step ${fmt(Math.abs(diverging.path.y[diverging.path.steps]))}`),
      claim('η = 0.5 bounces between y = 1 and y = −1 forever', bounces && finished(edge, 80), `${edge.path.status}, y at the end ${fmt(edge.path.y[edge.path.steps])}`),
      claim('η = 0.3 converges: its loss falls more than a thousandfold', finished(stable, 80) && stable.path.loss[80] < stable.path.loss[0] / 1000, `loss ${fmt(stable.path.loss[0])} → ${fmt(stable.path.loss[stable.path.steps])}`),
    ];
  },
};

const L2_LAMBDA = 0.5;

const l2Regularization: Lesson = {
  id: 'l2-regularization',
  number: 10,
  title: { en: 'L2 regularization pulls the minimum toward the origin', ko: '최솟값을 원점 쪽으로 당기는 L2 규제' },
  caption: {
    en: 'L2 regularization adds λ·(x² + y²) to the loss, a pull toward the origin that keeps the weights small. The minimum of the sum lies between the original minimum (1, 1) and the origin, and that is where the optimizers end. Move λ: toward 0 they head back to (1, 1); the larger λ, the nearer the origin they settle.',
    ko: 'L2 규제는 손실에 λ·(x² + y²)를 더해 가중치를 원점 쪽으로 당기고 작게 유지합니다. 이 합의 최솟값은 원래 최솟값 (1, 1)과 원점 사이에 있으므로, 옵티마이저도 그곳에서 멈춥니다. λ를 움직여 보세요. 0에 가까워지면 다시 (1, 1) 쪽으로 가고, λ가 클수록 원점에 더 가까이 자리 잡습니다.',
  },
  controls: ['penalty'],
  scene: scene('rosenbrock', {
    start: [-1.2, 1],
    steps: 600,
    speed: 60,
    runs: [
      run('rosenbrock', 'l10-momentum', 'momentum', { lr: 0.0015, rho: 0.9 }),
      run('rosenbrock', 'l10-nesterov', 'nesterov', { lr: 0.0015, rho: 0.9 }),
    ],
    penalty: { kind: 'l2', lambda: L2_LAMBDA },
    selected: 'l10-momentum',
  }),
  variants: [],
  check({ main }) {
    const original = getSurface('rosenbrock')?.minima[0];
    const moved = main.surface.minima[0];
    if (!original || !moved) return [claim('both surfaces list their minimum', false, `${JSON.stringify(original)} ${JSON.stringify(moved)}`)];
    const originalNorm = Math.hypot(original.x, original.y);
    return main.runs.flatMap((c) => {
      const end = endPoint(c);
      return [
        claim(`${c.run.optimizer} ends nearer the origin than the unpenalized minimum (1, 1)`, Math.hypot(end[0], end[1]) < originalNorm - 0.5, `ends at ${pt(end)}, |·| ${fmt(Math.hypot(end[0], end[1]))} vs ${fmt(originalNorm)}`),
        claim(`${c.run.optimizer} ends at the penalized minimum`, distance(end, moved) < 0.01, `ends at ${pt(end)}, minimum at (${fmt(moved.x)}, ${fmt(moved.y)})`),
      ];
    });
  },
};

export const LESSONS: readonly Lesson[] = [
  ravineZigzag,
  saddleEscape,
  localMinimum,
  nesterovLookAhead,
  adagradStalls,
  adamBiasCorrection,
  minibatchNoise,
  newtonStep,
  tooLarge,
  l2Regularization,
];

// ---------------------------------------------------------------------------------------------
// Opening a lesson

/** A lesson id as the store and the URL carry it: `lesson` or `lesson.variant`. */
export interface LessonRef {
  readonly lesson: Lesson;
  /** Null for the main scene. */
  readonly variant: LessonVariant | null;
  /** The full id, as written back to the store. */
  readonly id: string;
}

/** The lesson (and variant) an id names, or null for an id that names none. */
export function resolveLesson(id: string | null | undefined): LessonRef | null {
  if (!id) return null;
  const dot = id.indexOf('.');
  const lessonId = dot < 0 ? id : id.slice(0, dot);
  const lesson = LESSONS.find((l) => l.id === lessonId);
  if (!lesson) return null;
  if (dot < 0) return { lesson, variant: null, id };
  const variant = lesson.variants.find((v) => v.id === id.slice(dot + 1));
  return variant ? { lesson, variant, id } : null;
}

/** The lesson an id (with or without a variant) belongs to, or undefined. */
export function getLesson(id: string | null | undefined): Lesson | undefined {
  return resolveLesson(id)?.lesson;
}

/** The scene an id opens: the lesson's main scene or one of its variants. */
export function lessonScene(id: string): Partial<SceneData> | null {
  const ref = resolveLesson(id);
  if (!ref) return null;
  return ref.variant ? ref.variant.scene : ref.lesson.scene;
}

/**
 * The lesson before or after the open one (by number), for a presenter's clicker: from no
 * lesson, forward is the first and back the last. Null past either end.
 */
export function adjacentLesson(currentId: string | null | undefined, delta: 1 | -1): Lesson | null {
  const current = getLesson(currentId);
  if (!current) return LESSONS[delta > 0 ? 0 : LESSONS.length - 1] ?? null;
  return LESSONS[LESSONS.indexOf(current) + delta] ?? null;
}

type OpenListener = (id: string) => void;
const openListeners = new Set<OpenListener>();

/** Called after every openLesson, even of the lesson already open (its caption shows again). */
export function onLessonOpened(listener: OpenListener): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

/**
 * Replaces the scene with a lesson's (or one of its variants': `saddle-escape.ridge`), paused
 * at step 0 with the camera fitted again. Returns false, changing nothing, for an unknown id,
 * so that a caller reading a link can say so.
 */
export function openLesson(id: string, store: SceneStore = sceneStore): boolean {
  const ref = resolveLesson(id);
  if (!ref) return false;
  const state = store.getState();
  const preset = ref.variant ? ref.variant.scene : ref.lesson.scene;
  state.loadScene({ ...preset, lessonId: ref.id, playing: false, cameraResets: state.cameraResets + 1 });
  seek(0);
  for (const listener of openListeners) listener(ref.id);
  return true;
}
