// One step of a run in words, in English or Korean: what the gradient was, what the optimizer
// did with it, where the particle went and what the loss did. Pure (numbers in, a sentence out)
// so that every family's wording is unit-tested; the panel shows it under the update rule.
//
// Each optimizer family says the thing its lecture stresses: momentum keeps a share of the
// velocity; AdaGrad, RMSProp and AdaDelta give each coordinate its own step size; Adam corrects
// the bias of moments that start at 0; Newton divides by the curvature.
import { getOptimizer, INNER_OPTIMIZERS, type OptimizerId, type StateKey, type StepExplanation, type Vec2 } from '../../engine';
import type { Lang } from '../../state/store';
import { formatNumber } from '../../i18n/numberFormat';
import { sentences } from '../../i18n/messages/sentences';

type SayKey = keyof typeof sentences;

export type SentenceInput =
  | { readonly kind: 'start'; readonly x: Vec2; readonly loss: number }
  | {
      readonly kind: 'step';
      readonly e: StepExplanation;
      readonly biasCorrection: boolean;
      /** Gradient noise was on, so g is not the surface's own gradient. */
      readonly noisy: boolean;
      /** The playhead is past the run's end: say why it stopped, then explain its last step. */
      readonly ended?: { readonly at: number; readonly why: 'diverged' | 'singular' | 'lineSearchFailed' };
    };

/** A number for a sentence: three significant digits, no trailing zeros, a real minus sign. */
export function sayNumber(v: number): string {
  const text = formatNumber(v, 3);
  // Trailing zeros keep table columns steady; in a sentence they are only noise.
  return text.replace(/^([^e]*\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
}

export function sayVector(v: Vec2): string {
  return `(${sayNumber(v[0])}, ${sayNumber(v[1])})`;
}

// Korean reads digits aloud: 영, 삼, 육 end in a consonant other than ㄹ and take 으로; the
// others (일, 이, 사, 오, 칠, 팔, 구 and 무한대) take 로.
const EURO = new Set(['0', '3', '6']);

/** 로 or 으로 after a number written in digits. */
export function roParticle(text: string): string {
  const last = text.trim().slice(-1);
  return EURO.has(last) ? '으로' : '로';
}

/** A message with {name} filled in; {name|로} becomes the particle the value of {name} takes. */
export function fill(lang: Lang, key: SayKey, vars: Readonly<Record<string, string>> = {}): string {
  return sentences[key][lang].replace(/\{(\w+)(\|로)?\}/g, (m, name: string, particle: string | undefined) => {
    if (!(name in vars)) return m;
    return particle ? roParticle(vars[name]) : vars[name];
  });
}

function lossChange(lang: Lang, before: number, after: number): string {
  const a = sayNumber(before);
  const b = sayNumber(after);
  if (a === b) return fill(lang, 'say.same', { a });
  return fill(lang, after < before ? 'say.fell' : 'say.rose', { a, b });
}

function percent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(4)));
}

const ADAPTIVE: ReadonlySet<OptimizerId> = new Set(['adagrad', 'rmsprop', 'adadelta', 'adam', 'amsgrad', 'adamw', 'adamax', 'nadam', 'radam']);

/** How much larger one coordinate's step size is, when the difference is worth a remark. */
function ratioClause(lang: Lang, eff: Vec2): string | null {
  const [ex, ey] = eff;
  if (!(ex > 0 && ey > 0) || !Number.isFinite(ex) || !Number.isFinite(ey)) return null;
  const big = Math.max(ex, ey);
  const small = Math.min(ex, ey);
  if (big / small < 1.5) return null;
  const x = ex > ey;
  return fill(lang, 'say.effRatio', { a: x ? 'x' : 'y', b: x ? 'y' : 'x', r: sayNumber(big / small) });
}

/**
 * What a run without bias correction does differently at step t: its step is about
 * (1 − β₁ᵗ)/√(1 − β₂ᵗ) times the corrected one (ε aside), or (1 − β₁ᵗ) for Adamax, whose u
 * has no bias. Null once that factor is within 5% of 1.
 */
export function uncorrectedFactor(optimizer: OptimizerId, t: number, beta1: number, beta2: number): number | null {
  const bc1 = 1 - Math.pow(beta1, t);
  const k = optimizer === 'adamax' ? bc1 : bc1 / Math.sqrt(1 - Math.pow(beta2, t));
  return Math.abs(k - 1) > 0.05 ? k : null;
}

/** The clauses that say what this optimizer did with the gradient (family by family). */
function ruleClauses(lang: Lang, e: StepExplanation, biasCorrection: boolean): string[] {
  const p = e.params;
  const after = (key: StateKey) => {
    const v = e.after[key];
    return v ? sayVector(v) : '—';
  };
  const out: string[] = [];
  // torch's coupled weight decay comes first in every rule that has it.
  if (e.decayedG) out.push(fill(lang, 'say.l2', { g: sayVector(e.decayedG) }));
  switch (e.optimizer) {
    case 'sgd':
      out.push(fill(lang, 'say.sgd', { eta: sayNumber(e.lr) }));
      break;
    case 'momentum':
    case 'nesterov':
      if ((p.dampening ?? 0) > 0 && e.t > 1) out.push(fill(lang, 'say.dampening', { keep: percent(1 - (p.dampening ?? 0)) }));
      out.push(fill(lang, 'say.momentum', { keep: percent(p.rho ?? 0), v: after('v') }));
      if (e.optimizer === 'nesterov') out.push(fill(lang, 'say.nesterov'));
      break;
    case 'adagrad':
      out.push(fill(lang, 'say.adagrad', { s: after('s') }));
      if (e.t === 1 && (p.initialAccumulator ?? 0) > 0) out.push(fill(lang, 'say.adagradStart', { s0: sayNumber(p.initialAccumulator ?? 0) }));
      if ((p.lrDecay ?? 0) > 0) out.push(fill(lang, 'say.adagradDecay', { eta: sayNumber(e.lr) }));
      break;
    case 'rmsprop': {
      const d = p.decay ?? 0;
      out.push(fill(lang, 'say.rmsprop', { keep: percent(d), mix: percent(1 - d), s: after('s') }));
      if (e.after.gAvg) out.push(fill(lang, 'say.rmspropCentered', { gAvg: after('gAvg') }));
      if (e.after.v) out.push(fill(lang, 'say.rmspropMomentum', { keep: percent(p.rho ?? 0), v: after('v') }));
      break;
    }
    case 'adadelta':
      out.push(fill(lang, 'say.adadelta', { delta: e.delta ? sayVector(e.delta) : '—' }));
      break;
    case 'adam':
    case 'amsgrad':
    case 'adamw':
      if (e.optimizer === 'adamw' && e.shrink !== undefined) out.push(fill(lang, 'say.adamw', { shrink: formatShrink(e.shrink) }));
      out.push(fill(lang, 'say.moments', { m: after('m'), v: after('v') }));
      if (e.optimizer === 'amsgrad') out.push(fill(lang, 'say.amsgrad', { w: after('w') }));
      out.push(biasClause(lang, e, biasCorrection, true));
      break;
    case 'adamax':
      out.push(fill(lang, 'say.adamax', { m: after('m'), u: after('u') }));
      out.push(biasClause(lang, e, biasCorrection, false));
      break;
    case 'nadam':
      out.push(fill(lang, 'say.moments', { m: after('m'), v: after('v') }));
      out.push(
        fill(lang, 'say.nadam', {
          mu: sayNumber(e.mu ?? NaN),
          muNext: sayNumber(e.muNext ?? NaN),
          D: e.denom ? sayVector(e.denom) : '—',
        }),
      );
      break;
    case 'radam': {
      out.push(fill(lang, 'say.moments', { m: after('m'), v: after('v') }));
      const rho = sayNumber(e.rhoT ?? NaN);
      out.push(e.rhoT !== undefined && e.rhoT > 5 ? fill(lang, 'say.radam', { rho, rect: sayNumber(e.rect ?? NaN) }) : fill(lang, 'say.radamPlain', { rho }));
      break;
    }
    case 'rprop':
      out.push(fill(lang, 'say.rprop', { h: after('stepSize') }));
      break;
    case 'asgd':
      out.push(fill(lang, 'say.asgd', { eta: sayNumber(e.lr) }));
      out.push(e.mu === 1 ? fill(lang, 'say.asgdNoAverage', { t0: sayNumber(p.t0 ?? NaN), avg: after('avg') }) : fill(lang, 'say.asgdAverage', { mu: sayNumber(e.mu ?? NaN), avg: after('avg') }));
      break;
    case 'lion':
      out.push(fill(lang, 'say.lion', { c: e.blend ? sayVector(e.blend) : '—', m: after('m') }));
      break;
    case 'signum':
      out.push(
        (p.rho ?? 0) === 0 ? fill(lang, 'say.signSgd', { eta: sayNumber(e.lr) }) : fill(lang, 'say.signum', { m: after('m'), eta: sayNumber(e.lr) }),
      );
      break;
    case 'shampoo': {
      const [a, b, c] = e.precond ?? [NaN, NaN, NaN];
      out.push(fill(lang, 'say.shampoo', { a: sayNumber(a), b: sayNumber(b), c: sayNumber(c), d: e.direction ? sayVector(e.direction) : '—' }));
      break;
    }
    case 'schedule-free-adamw':
      out.push(fill(lang, 'say.scheduleFree', { y: e.look ? sayVector(e.look) : '—', z: after('z'), c: sayNumber(e.avgWeight ?? NaN) }));
      break;
    case 'sam':
    case 'lookahead': {
      const inner = INNER_OPTIMIZERS[p.inner ?? 0] ?? 'sgd';
      const name = getOptimizer(inner)?.name ?? inner;
      // The inner rule's own clauses first (SAM's g is the probe's gradient), then the wrapper's.
      const own = ruleClauses(lang, { ...e, optimizer: inner, decayedG: undefined }, biasCorrection);
      if (e.optimizer === 'sam') {
        out.push(fill(lang, 'say.sam', { r: sayNumber(p.radius ?? NaN), probe: e.probe ? sayVector(e.probe) : '—', inner: name }), ...own);
        break;
      }
      const k = p.syncPeriod ?? 1;
      out.push(...own);
      if (e.t % k === 0) out.push(fill(lang, 'say.lookaheadSync', { k: String(k), alpha: sayNumber(p.slowStep ?? NaN), fast: e.fast ? sayVector(e.fast) : '—', slow: sayVector(e.xNext) }));
      else out.push(fill(lang, 'say.lookaheadFast', { inner: name, i: String(e.t % k), k: String(k) }));
      break;
    }
    case 'lbfgs': {
      const k = e.iterations ?? 0;
      if (k === 0) out.push(fill(lang, 'say.lbfgsStill'));
      else {
        out.push(
          fill(lang, 'say.lbfgs', {
            d: e.direction ? sayVector(e.direction) : '—',
            m: String(e.memory ?? 0),
            gamma: sayNumber(e.hDiag ?? NaN),
            t: sayNumber(e.stepLength ?? NaN),
          }),
        );
        if (k > 1) out.push(fill(lang, 'say.lbfgsIterations', { k: String(k) }));
      }
      out.push(fill(lang, 'say.lbfgsEvals', { n: String(e.evals ?? 1) }));
      break;
    }
    case 'newton': {
      const [a, b, c] = e.hessian ?? [NaN, NaN, NaN];
      out.push(
        fill(lang, 'say.newton', {
          hxx: sayNumber(a),
          hxy: sayNumber(b),
          hyy: sayNumber(c),
          dir: e.direction ? sayVector(e.direction) : '—',
        }),
      );
      // The smaller eigenvalue of the symmetric 2 × 2 Hessian: negative means a saddle or a cap.
      const lmin = (a + c) / 2 - Math.hypot((a - c) / 2, b);
      if (lmin < 0) out.push(fill(lang, 'say.newtonNegative', { lmin: sayNumber(lmin) }));
      break;
    }
  }
  if (ADAPTIVE.has(e.optimizer) && e.effLr) {
    out.push(fill(lang, 'say.eff', { eff: sayVector(e.effLr) }));
    const ratio = ratioClause(lang, e.effLr);
    if (ratio) out.push(ratio);
  }
  return out;
}

/** 1 − ηλ is within a hair of 1: show enough digits to see that it is not. */
function formatShrink(shrink: number): string {
  const gap = 1 - shrink;
  if (gap === 0 || !Number.isFinite(gap)) return sayNumber(shrink);
  const digits = Math.min(15, Math.max(3, Math.ceil(-Math.log10(Math.abs(gap))) + 2));
  return String(Number(shrink.toPrecision(digits))).replace('-', '\u2212');
}

function biasClause(lang: Lang, e: StepExplanation, on: boolean, both: boolean): string {
  if (on) {
    return both
      ? fill(lang, 'say.bias', { bc1: sayNumber(e.bc1 ?? NaN), bc2: sayNumber(e.bc2 ?? NaN) })
      : fill(lang, 'say.bias1', { bc1: sayNumber(e.bc1 ?? NaN) });
  }
  const k = uncorrectedFactor(e.optimizer, e.t, e.params.beta1 ?? 0.9, e.params.beta2 ?? 0.999);
  if (k === null) return fill(lang, 'say.noBiasLate');
  return fill(lang, both ? 'say.noBias' : 'say.noBiasM', { k: sayNumber(k) });
}

/** Clauses joined the way each language joins them: "; " in English, whole sentences in Korean. */
function join(lang: Lang, head: string, clauses: readonly string[]): string {
  if (lang === 'ko') return `${head} ${clauses.join(' ')}`;
  return `${head} ${clauses.join('; ')}.`;
}

/** What happened in one step (or, at step 0, where the particle starts), in one language. */
export function stepSentence(input: SentenceInput, lang: Lang): string {
  if (input.kind === 'start') {
    return fill(lang, 'say.start', { x: sayVector(input.x), loss: sayNumber(input.loss) });
  }
  const { e } = input;
  const clauses: string[] = [fill(lang, input.noisy ? 'say.noisyGradient' : 'say.gradient', { g: sayVector(e.g) })];
  const base = e.params.lr;
  if (base !== undefined && e.lr !== base && e.optimizer !== 'sgd' && e.optimizer !== 'asgd') clauses.push(fill(lang, 'say.eta', { eta: sayNumber(e.lr) }));
  clauses.push(...ruleClauses(lang, e, input.biasCorrection));
  clauses.push(fill(lang, 'say.move', { dx: sayVector(e.step), change: lossChange(lang, e.loss, e.lossNext) }));
  const sentence = join(lang, fill(lang, 'say.head', { t: String(e.t) }), clauses);
  if (!input.ended) return sentence;
  const why = fill(lang, `say.why.${input.ended.why}`);
  return `${fill(lang, 'say.ended', { n: String(input.ended.at), why })} ${sentence}`;
}
