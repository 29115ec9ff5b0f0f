// Each optimizer's update rule as LaTeX: once with the lecture's symbols (spec/optimizers.md),
// once with the numbers of one step filled in. Pure, so that what the panel typesets is tested
// without a browser.
//
// Every number filled in is wrapped in \htmlData{symbol=…,value=…}: the rendered element then
// carries data-symbol and data-value (the exact double), and tests and curious students read
// the value the engine used rather than parse four rounded digits. KaTeX must be told to trust
// \htmlData (RULE_KATEX_OPTIONS) or it prints the command in red instead.
import type { KatexOptions } from 'katex';
import { getOptimizer, INNER_OPTIMIZERS, type Hyperparams, type OptimizerId, type StateKey, type StepExplanation, type Vec2 } from '../../engine';
import { formatParam } from '../../i18n/numberFormat';

/** One line of a rule: a whole equation or assignment, typeset on its own so that lines wrap. */
export type TexLine = string;

export interface RuleOptions {
  /** Adam-family bias correction (ignored by optimizers without it). */
  readonly biasCorrection: boolean;
  /**
   * The run's hyperparameters, for the terms a rule has only when they are on: torch's coupled
   * weight decay λ, momentum's dampening τ, AdaGrad's δ and s₀, RMSProp's centering and momentum
   * (absent: off, the rule as the lecture writes it).
   */
  readonly params?: Readonly<Partial<Hyperparams>>;
}

/** The options the panel renders rule lines with: \htmlData trusted, nothing else. */
export const RULE_KATEX_OPTIONS: KatexOptions = {
  throwOnError: false,
  output: 'htmlAndMathml',
  trust: (context) => context.command === '\\htmlData',
  // \htmlData is an "HTML extension": allowed here on purpose, so strict mode need not warn.
  strict: (code) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};

const ASSIGN = '\\leftarrow';
const EPS = '\\varepsilon';

/** The Adam family's step on x, with m over the denominator built from `second` (v or w). */
function adamStep(second: string, biasCorrection: boolean): TexLine {
  return biasCorrection
    ? `x ${ASSIGN} x - {\\dfrac{\\eta}{1-\\beta_1^{t}}\\cdot\\dfrac{m}{\\sqrt{${second}}\\,/\\sqrt{1-\\beta_2^{t}} + ${EPS}}}`
    : `x ${ASSIGN} x - \\eta\\,\\dfrac{m}{\\sqrt{${second}} + ${EPS}}`;
}

const FIRST_MOMENT = `m ${ASSIGN} \\beta_1 m + (1-\\beta_1)\\, g`;
const SECOND_MOMENT = `v ${ASSIGN} \\beta_2 v + (1-\\beta_2)\\, g^2`;
const SQUARES_AVERAGE = `s ${ASSIGN} d\\, s + (1-d)\\, g^2`;
const ADAGRAD_STEP = `x ${ASSIGN} x - \\eta\\,\\dfrac{g}{\\sqrt{s} + ${EPS}}`;

/**
 * The rule of `optimizer` with the lecture's symbols, one line per assignment, exactly as in
 * spec/optimizers.md (the order of operations too, so that the numbers below fill it in).
 */
export function ruleTex(optimizer: OptimizerId, options: RuleOptions): readonly TexLine[] {
  const bc = options.biasCorrection;
  const p = options.params ?? {};
  // torch's weight_decay: an L2 term added to the gradient (AdamW's decay is decoupled, its own line).
  // ASGD has a λ of its own (lambd): its weight decay is written λ_wd.
  const lambda = optimizer === 'asgd' ? '\\lambda_{\\mathrm{wd}}' : '\\lambda';
  const decayLine = optimizer !== 'adamw' && (p.weightDecay ?? 0) > 0 ? [`g ${ASSIGN} g + ${lambda}\\, x`] : [];
  const damped = (p.dampening ?? 0) > 0;
  switch (optimizer) {
    case 'sgd':
      return [...decayLine, `x ${ASSIGN} x - \\eta\\, g`];
    case 'momentum':
      return [
        ...decayLine,
        damped ? `v ${ASSIGN} \\rho\\, v + (1-\\tau)\\, g\\quad (v_1 = g)` : `v ${ASSIGN} \\rho\\, v + g`,
        `x ${ASSIGN} x - \\eta\\, v`,
      ];
    case 'nesterov':
      return [...decayLine, `v ${ASSIGN} \\rho\\, v + g`, `x ${ASSIGN} x - \\eta\\,(g + \\rho\\, v)`];
    case 'adagrad': {
      const decayed = (p.lrDecay ?? 0) > 0;
      return [
        ...decayLine,
        (p.initialAccumulator ?? 0) > 0 ? `s ${ASSIGN} s + g^2\\quad (s_0 = ${texParam(p.initialAccumulator ?? 0)})` : `s ${ASSIGN} s + g^2`,
        ...(decayed ? [`\\eta_t = \\dfrac{\\eta}{1 + (t-1)\\,\\delta}`] : []),
        decayed ? `x ${ASSIGN} x - \\eta_t\\,\\dfrac{g}{\\sqrt{s} + ${EPS}}` : ADAGRAD_STEP,
      ];
    }
    case 'rmsprop': {
      const centered = p.centered === 1;
      const momentum = (p.rho ?? 0) > 0;
      const q = centered ? `\\sqrt{s - \\bar{g}^2} + ${EPS}` : `\\sqrt{s} + ${EPS}`;
      return [
        ...decayLine,
        SQUARES_AVERAGE,
        ...(centered ? [`\\bar{g} ${ASSIGN} d\\, \\bar{g} + (1-d)\\, g`] : []),
        ...(momentum
          ? [`v ${ASSIGN} \\rho\\, v + \\dfrac{g}{${q}}`, `x ${ASSIGN} x - \\eta\\, v`]
          : [`x ${ASSIGN} x - \\eta\\,\\dfrac{g}{${q}}`]),
      ];
    }
    case 'adadelta':
      return [
        ...decayLine,
        SQUARES_AVERAGE,
        `\\Delta = \\dfrac{\\sqrt{u + ${EPS}}}{\\sqrt{s + ${EPS}}}\\, g`,
        `u ${ASSIGN} d\\, u + (1-d)\\, \\Delta^2`,
        `x ${ASSIGN} x - \\eta\\, \\Delta`,
      ];
    case 'adam':
      return [...decayLine, FIRST_MOMENT, SECOND_MOMENT, adamStep('v', bc)];
    case 'amsgrad':
      return [...decayLine, FIRST_MOMENT, SECOND_MOMENT, `w ${ASSIGN} \\max(w, v)`, adamStep('w', bc)];
    case 'adamw':
      return [`x ${ASSIGN} x\\,(1 - \\eta\\lambda)`, FIRST_MOMENT, SECOND_MOMENT, adamStep('v', bc)];
    case 'adamax':
      return [
        ...decayLine,
        FIRST_MOMENT,
        `u ${ASSIGN} \\max(\\beta_2 u,\\ |g| + ${EPS})`,
        bc ? `x ${ASSIGN} x - {\\dfrac{\\eta}{1-\\beta_1^{t}}\\cdot\\dfrac{m}{u}}` : `x ${ASSIGN} x - \\eta\\,\\dfrac{m}{u}`,
      ];
    case 'nadam':
      return [
        ...decayLine,
        `\\mu_t = \\beta_1\\bigl(1 - \\tfrac12\\, 0.96^{t\\psi}\\bigr)`,
        `\\Pi_t = \\mu_1 \\cdots \\mu_t`,
        FIRST_MOMENT,
        SECOND_MOMENT,
        `D = \\sqrt{v\\,/\\,(1-\\beta_2^{t})} + ${EPS}`,
        `x ${ASSIGN} x - {\\eta\\,\\dfrac{1-\\mu_t}{1-\\Pi_t}\\cdot\\dfrac{g}{D}} - {\\eta\\,\\dfrac{\\mu_{t+1}}{1-\\Pi_t\\,\\mu_{t+1}}\\cdot\\dfrac{m}{D}}`,
      ];
    case 'radam':
      return [
        ...decayLine,
        FIRST_MOMENT,
        SECOND_MOMENT,
        `\\rho_\\infty = \\dfrac{2}{1-\\beta_2} - 1`,
        `\\rho_t = \\rho_\\infty - \\dfrac{2t\\,\\beta_2^{t}}{1-\\beta_2^{t}}`,
        `r = \\sqrt{\\dfrac{(\\rho_t-4)(\\rho_t-2)\\,\\rho_\\infty}{(\\rho_\\infty-4)(\\rho_\\infty-2)\\,\\rho_t}}`,
        `x ${ASSIGN} x - \\begin{cases}\\dfrac{\\eta\\, m}{1-\\beta_1^{t}}\\cdot\\dfrac{\\sqrt{1-\\beta_2^{t}}}{\\sqrt{v} + ${EPS}}\\, r & \\rho_t > 5\\\\ \\dfrac{\\eta\\, m}{1-\\beta_1^{t}} & \\rho_t \\le 5\\end{cases}`,
      ];
    case 'rprop':
      return [
        `h ${ASSIGN} \\operatorname{clip}\\Bigl(h\\cdot\\begin{cases}\\eta_{+} & g\\,g_{-} > 0\\\\ \\eta_{-} & g\\,g_{-} < 0\\\\ 1 & g\\,g_{-} = 0\\end{cases},\\ h_{\\min},\\ h_{\\max}\\Bigr)`,
        // Iverson's bracket [·] is 1 where it holds, 0 elsewhere: words would need translating.
        `g ${ASSIGN} g\\,[\\,g\\,g_{-} \\ge 0\\,]`,
        `x ${ASSIGN} x - \\operatorname{sign}(g)\\, h`,
        `g_{-} ${ASSIGN} g,\\quad h_0 = \\eta`,
      ];
    case 'asgd':
      return [
        ...decayLine,
        `x ${ASSIGN} x\\,(1 - \\lambda\\,\\eta_t) - \\eta_t\\, g`,
        `\\bar{x} ${ASSIGN} \\bar{x} + \\mu_t\\,(x - \\bar{x})`,
        `\\eta_{t+1} = \\dfrac{\\eta}{(1 + \\lambda\\,\\eta\\, t)^{\\alpha}}`,
        `\\mu_{t+1} = \\dfrac{1}{\\max(1,\\ t - t_0)}`,
      ];
    case 'lbfgs':
      return [
        `s = t\\, d,\\quad y = g - g_{-},\\quad y^{\\top} s > 10^{-10}`,
        `\\gamma = \\dfrac{y^{\\top} s}{y^{\\top} y},\\quad H_0 = \\gamma I`,
        // H is never formed: the two-loop recursion applies it to g from the m pairs (sᵢ, yᵢ).
        `d = -H g,\\quad H = H\\bigl(H_0,\\ (s_i, y_i)_{i=1}^{m}\\bigr)`,
        p.lineSearch === 1 ? `x ${ASSIGN} x + t\\, d,\\quad t:\\ \\mathrm{Wolfe}\\ (t_0 = \\eta)` : `x ${ASSIGN} x + t\\, d,\\quad t = \\eta`,
        // Up to k iterations per step, each call stopping early as torch's does.
        `\\times\\, k,\\quad \\mathrm{stop}\\colon\\ \\|g\\|_\\infty \\le \\tau_g\\ \\lor\\ \\|t\\,d\\|_\\infty \\le \\tau_\\Delta\\ \\lor\\ |\\Delta f| < \\tau_\\Delta`,
      ];
    case 'lion':
      return [
        `c = \\beta_1 m + (1-\\beta_1)\\, g`,
        (p.weightDecay ?? 0) > 0
          ? `x ${ASSIGN} x\\,(1 - \\eta\\lambda) - \\eta\\, \\operatorname{sign}(c)`
          : `x ${ASSIGN} x - \\eta\\, \\operatorname{sign}(c)`,
        `m ${ASSIGN} \\beta_2 m + (1-\\beta_2)\\, g`,
      ];
    case 'signum':
      return [`m ${ASSIGN} \\rho\\, m + (1-\\rho)\\, g`, `x ${ASSIGN} x - \\eta\\, \\operatorname{sign}(m)`];
    case 'shampoo':
      return [`L ${ASSIGN} L + g\\, g^{\\top}\\quad (L_0 = ${EPS} I)`, `x ${ASSIGN} x - \\eta\\, L^{-1/2} g`];
    case 'schedule-free-adamw':
      return [
        `y = (1-\\beta_1)\\, z + \\beta_1 x,\\quad g = \\nabla f(y)`,
        SECOND_MOMENT,
        `\\gamma_t = \\eta\\,\\sqrt{1-\\beta_2^{t}}`,
        (p.weightDecay ?? 0) > 0
          ? `z ${ASSIGN} z - \\gamma_t \\dfrac{g}{\\sqrt{v} + ${EPS}} - \\gamma_t \\lambda\\, y`
          : `z ${ASSIGN} z - \\gamma_t \\dfrac{g}{\\sqrt{v} + ${EPS}}`,
        `c_{t+1} = \\dfrac{\\gamma_t^2}{\\sum_{i \\le t} \\gamma_i^2},\\quad x ${ASSIGN} (1 - c_{t+1})\\, x + c_{t+1}\\, z`,
      ];
    case 'sam':
      return [
        `\\hat{\\varepsilon} = r\\,\\dfrac{\\nabla f(x)}{\\|\\nabla f(x)\\|},\\quad g = \\nabla f(x + \\hat{\\varepsilon})`,
        ...ruleTex(innerOf(optimizer, p), options),
      ];
    case 'lookahead':
      return [
        ...ruleTex(innerOf(optimizer, p), options),
        `t \\equiv 0 \\pmod{k}\\colon\\quad \\phi ${ASSIGN} \\phi + \\alpha\\,(x - \\phi),\\quad x ${ASSIGN} \\phi`,
      ];
    case 'newton':
      return [`x ${ASSIGN} x - \\eta\\, H^{-1} g`];
  }
}

/** The rule `sam` or `lookahead` wraps, from the run's `inner` or the wrapper's default. */
function innerOf(wrapper: OptimizerId, p: Readonly<Partial<Hyperparams>>): OptimizerId {
  return INNER_OPTIMIZERS[p.inner ?? getOptimizer(wrapper)?.defaults.inner ?? 0] ?? 'sgd';
}

/**
 * A computed value as TeX: about four significant digits, trailing zeros kept so that a column
 * does not jitter from step to step; tiny and huge magnitudes as a × 10^k.
 */
export function texNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (v === Infinity) return '\\infty';
  if (v === -Infinity) return '-\\infty';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return scientific(v.toExponential(Math.max(0, digits - 1)));
  const text = v.toPrecision(digits);
  return text.includes('e') ? String(Math.round(v)) : text;
}

/** A hyperparameter as the user typed it: 0.9, 0.999, 10^{-8}, 3 × 10^{-4}. */
export function texParam(v: number): string {
  const text = formatParam(v);
  return text.includes('e') ? scientific(text) : text;
}

function scientific(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const e = String(Number(exponent));
  if (mantissa === '1') return `10^{${e}}`;
  if (mantissa === '-1') return `-10^{${e}}`;
  return `${mantissa}\\times 10^{${e}}`;
}

/** A number that carries its name and exact value into the rendered HTML. */
function tagged(symbol: string, value: number, text: string): string {
  return `\\htmlData{symbol=${symbol},value=${String(value)}}{${text}}`;
}

const num = (symbol: string, v: number) => tagged(symbol, v, texNumber(v));
/**
 * A product kept on one line: KaTeX wraps long inline math after a top-level + − = or ·, and
 * braces make a factor group one atom, so a line breaks between terms, never inside "(1 − β)".
 */
const term = (...factors: string[]) => `{${factors.join('\\,')}}`;
const par = (symbol: string, v: number) => tagged(symbol, v, texParam(v));

/** A 2-vector as a column, each entry tagged `${name}_x` / `${name}_y` (or `names`). */
function vec(name: string, v: Vec2, names: readonly [string, string] = [`${name}_x`, `${name}_y`]): string {
  return `\\begin{pmatrix}${num(names[0], v[0])}\\\\${num(names[1], v[1])}\\end{pmatrix}`;
}

const position = (v: Vec2) => vec('x', v, ['x', 'y']);
const positionBefore = (v: Vec2) => vec('x', v, ['x_prev', 'y_prev']);
const before = (key: string, v: Vec2) => vec(key, v, [`${key}_x_prev`, `${key}_y_prev`]);

export interface SubstituteOptions extends RuleOptions {
  /** Gradient noise was on: g is ∇f plus σ·ξ. */
  readonly noisy: boolean;
}

function missing(what: string): never {
  throw new RangeError(`the step explanation lacks ${what}`);
}

/**
 * The rule of e.optimizer with the numbers of step e.t filled in, one line per assignment
 * and in the rule's order, after a line with t, η and g. Each state's value before the step
 * is tagged `${key}_x_prev`, after it `${key}_x`; the position `x_prev`, `y_prev`, `x`, `y`;
 * scalars by name (eta, rho, d, beta1, beta2, eps, lambda, psi, bc1, bc2, mu, mu_next, pi,
 * shrink, loss_prev, loss).
 */
export function substitutedTex(e: StepExplanation, options: SubstituteOptions): readonly TexLine[] {
  if (e.optimizer === 'sam') return samTex(e, options);
  if (e.optimizer === 'lookahead') return lookaheadTex(e, options);
  return ruleWithNumbers(e, options);
}

/** SAM: the ascent probe, then the inner rule with the gradient taken there. */
function samTex(e: StepExplanation, options: SubstituteOptions): readonly TexLine[] {
  const probe = e.probe ?? missing('the probe');
  const lines = [...ruleWithNumbers({ ...e, optimizer: innerOf('sam', e.params) }, options, vec('probe', probe))];
  const r = par('r', e.params.radius ?? missing('r'));
  // After "t = …": where the gradient is taken, before "g = ∇f(x + ε̂) = …".
  lines.splice(1, 0, `x + \\hat{\\varepsilon} = ${positionBefore(e.x)} + ${r}\\,\\dfrac{\\nabla f(x)}{\\|\\nabla f(x)\\|} = ${vec('probe', probe)}`);
  return lines;
}

/** Lookahead: the inner rule's fast step, then at a pull-back the slow weights' move. */
function lookaheadTex(e: StepExplanation, options: SubstituteOptions): readonly TexLine[] {
  const k = e.params.syncPeriod ?? missing('k');
  const fast = e.fast ?? missing('the fast point');
  const inner = innerOf('lookahead', e.params);
  const slowNow = `\\phi = ${vec('slow', e.after.slow ?? missing('φ'))}`;
  if (e.t % k !== 0) return [...ruleWithNumbers({ ...e, optimizer: inner }, options), slowNow];
  // The inner step lands on θ (tagged fast_x, fast_y); the pull-back then gives x.
  const lines = [...ruleWithNumbers({ ...e, optimizer: inner, xNext: fast }, options, undefined, ['fast_x', 'fast_y'])];
  const slow = e.before.slow ?? missing('φ before');
  const phi = before('slow', slow);
  const alpha = par('alpha', e.params.slowStep ?? missing('α'));
  lines.push(
    `t = ${e.t} \\equiv 0 \\pmod{${k}}\\colon\\quad x ${ASSIGN} \\phi + ${alpha}\\,(\\theta - \\phi) = ${phi} + ${term(alpha, `\\Bigl(${vec('fast', fast)} - ${phi}\\Bigr)`)} = ${position(e.xNext)}`,
    slowNow,
  );
  return lines;
}

/**
 * The rule of e.optimizer with its numbers; `gradientPoint` is where g was taken (SAM: the probe),
 * `nextNames` the tags of the point the step reaches (Lookahead's fast point before a pull-back).
 */
function ruleWithNumbers(
  e: StepExplanation,
  options: SubstituteOptions,
  gradientPoint?: string,
  nextNames: readonly [string, string] = ['x', 'y'],
): readonly TexLine[] {
  const p = e.params;
  const get = (key: keyof StepExplanation['params']): number => p[key] ?? missing(key);
  const state = (key: StateKey) => ({
    prev: e.before[key] ?? missing(`${key} before`),
    next: e.after[key] ?? missing(key),
  });
  const eta = num('eta', e.lr);
  const x0 = positionBefore(e.x);
  // With torch's coupled weight decay the rule works on g + λ·x: shown once, then used as g.
  const gRaw = vec('g', e.g);
  const g = e.decayedG ? vec('gd', e.decayedG) : gRaw;
  const x1 = vec('x', e.xNext, nextNames);
  const bc = options.biasCorrection;

  const head: TexLine[] = [];
  const base = p.lr ?? e.lr;
  head.push(
    e.lr === base
      ? `t = ${tagged('t', e.t, String(e.t))},\\quad \\eta = ${eta}`
      : e.optimizer === 'asgd'
        ? `t = ${tagged('t', e.t, String(e.t))},\\quad \\eta_t = ${eta}`
        : `t = ${tagged('t', e.t, String(e.t))},\\quad \\eta_t = ${par('eta_base', base)}\\times ${texNumber(e.lr / base)} = ${eta}`,
  );
  // ∇f at x_{t−1}, written with the point itself so that "where" needs no words.
  // Schedule-free AdamW takes its gradient at y, between z and x, not at the path's point.
  const gradientAt = gradientPoint ?? (e.optimizer === 'schedule-free-adamw' ? vec('y', e.look ?? missing('y')) : x0);
  head.push(`g = \\nabla f${gradientAt}${options.noisy ? ' + \\sigma\\xi' : ''} = ${gRaw}`);
  const lambda = e.optimizer === 'asgd' ? 'lambda_wd' : 'lambda';
  if (e.decayedG) head.push(`g ${ASSIGN} ${gRaw} + ${term(par(lambda, get('weightDecay')), x0)} = ${g}`);

  const moments = (): TexLine[] => {
    const m = state('m');
    const beta1 = par('beta1', get('beta1'));
    const lines = [`m ${ASSIGN} ${term(beta1, before('m', m.prev))} + ${term(`(1-${beta1})`, g)} = ${vec('m', m.next)}`];
    return lines;
  };
  const secondMoment = (): TexLine => {
    const v = state('v');
    const beta2 = par('beta2', get('beta2'));
    return `v ${ASSIGN} ${term(beta2, before('v', v.prev))} + ${term(`(1-${beta2})`, `${g}^{2}`)} = ${vec('v', v.next)}`;
  };
  const corrections = (both: boolean): TexLine[] => {
    const lines = [`1-\\beta_1^{t} = 1-${par('beta1', get('beta1'))}^{${e.t}} = ${num('bc1', e.bc1 ?? missing('bc1'))}`];
    if (both) lines.push(`1-\\beta_2^{t} = 1-${par('beta2', get('beta2'))}^{${e.t}} = ${num('bc2', e.bc2 ?? missing('bc2'))}`);
    return lines;
  };
  const epsilon = () => par('eps', get('eps'));

  switch (e.optimizer) {
    case 'sgd':
    case 'momentum':
    case 'nesterov': {
      const lines = [...head];
      const gUsed = g;
      if (e.optimizer === 'sgd') return [...lines, `x ${ASSIGN} ${x0} - ${term(eta, gUsed)} = ${x1}`];
      const v = state('v');
      const rho = par('rho', get('rho'));
      const tau = p.dampening ?? 0;
      let update: TexLine;
      if (e.t === 1 && e.optimizer === 'momentum' && tau > 0) update = `v ${ASSIGN} ${gUsed}\\quad (t = 1) = ${vec('v', v.next)}`;
      else if (e.optimizer === 'momentum' && tau > 0)
        update = `v ${ASSIGN} ${term(rho, before('v', v.prev))} + ${term(`(1-${par('tau', tau)})`, gUsed)} = ${vec('v', v.next)}`;
      else update = `v ${ASSIGN} ${term(rho, before('v', v.prev))} + ${gUsed} = ${vec('v', v.next)}`;
      const step =
        e.optimizer === 'momentum'
          ? `x ${ASSIGN} ${x0} - ${term(eta, vec('v', v.next))} = ${x1}`
          : `x ${ASSIGN} ${x0} - ${term(eta, `\\Bigl[${gUsed} + ${rho}\\,${vec('v', v.next)}\\Bigr]`)} = ${x1}`;
      return [...lines, update, step];
    }
    case 'adagrad': {
      const s = state('s');
      return [
        ...head,
        `s ${ASSIGN} ${before('s', s.prev)} + ${g}^{2} = ${vec('s', s.next)}`,
        `x ${ASSIGN} ${x0} - ${term(eta, `\\dfrac{${g}}{\\sqrt{${vec('s', s.next)}} + ${epsilon()}}`)} = ${x1}`,
      ];
    }
    case 'rmsprop': {
      const s = state('s');
      const d = par('d', get('decay'));
      const lines = [...head, `s ${ASSIGN} ${term(d, before('s', s.prev))} + ${term(`(1-${d})`, `${g}^{2}`)} = ${vec('s', s.next)}`];
      let q = `\\sqrt{${vec('s', s.next)}} + ${epsilon()}`;
      if (e.after.gAvg) {
        const a = state('gAvg');
        lines.push(`\\bar{g} ${ASSIGN} ${term(d, before('gAvg', a.prev))} + ${term(`(1-${d})`, g)} = ${vec('gAvg', a.next)}`);
        q = `\\sqrt{${vec('s', s.next)} - ${vec('gAvg', a.next)}^{2}} + ${epsilon()}`;
      }
      if (e.after.v) {
        const v = state('v');
        lines.push(`v ${ASSIGN} ${term(par('rho', get('rho')), before('v', v.prev))} + \\dfrac{${g}}{${q}} = ${vec('v', v.next)}`);
        lines.push(`x ${ASSIGN} ${x0} - ${term(eta, vec('v', v.next))} = ${x1}`);
      } else {
        lines.push(`x ${ASSIGN} ${x0} - ${term(eta, `\\dfrac{${g}}{${q}}`)} = ${x1}`);
      }
      return lines;
    }
    case 'adadelta': {
      const s = state('s');
      const u = state('u');
      const d = par('d', get('decay'));
      const delta = e.delta ?? missing('Δ');
      return [
        ...head,
        `s ${ASSIGN} ${term(d, before('s', s.prev))} + ${term(`(1-${d})`, `${g}^{2}`)} = ${vec('s', s.next)}`,
        `\\Delta = \\dfrac{\\sqrt{${before('u', u.prev)} + ${epsilon()}}}{\\sqrt{${vec('s', s.next)} + ${epsilon()}}}\\,${g} = ${vec('Delta', delta)}`,
        `u ${ASSIGN} ${term(d, before('u', u.prev))} + ${term(`(1-${d})`, `${vec('Delta', delta)}^{2}`)} = ${vec('u', u.next)}`,
        `x ${ASSIGN} ${x0} - ${term(eta, vec('Delta', delta))} = ${x1}`,
      ];
    }
    case 'adam':
    case 'amsgrad':
    case 'adamw': {
      const lines = [...head];
      let from = x0;
      if (e.optimizer === 'adamw') {
        const shrink = e.shrink ?? missing('shrink');
        const decayed: Vec2 = [e.x[0] * shrink, e.x[1] * shrink];
        lines.push(`x ${ASSIGN} ${term(x0, `(1 - ${eta}\\cdot ${par('lambda', get('weightDecay'))})`)} = ${vec('x_decayed', decayed)}`);
        from = vec('x_decayed', decayed);
      }
      lines.push(...moments(), secondMoment());
      let second = vec('v', state('v').next);
      if (e.optimizer === 'amsgrad') {
        const w = state('w');
        lines.push(`w ${ASSIGN} \\max\\Bigl(${before('w', w.prev)},\\ ${vec('v', state('v').next)}\\Bigr) = ${vec('w', w.next)}`);
        second = vec('w', w.next);
      }
      const m = vec('m', state('m').next);
      if (bc) {
        lines.push(...corrections(true));
        lines.push(
          `x ${ASSIGN} ${from} - ${term(`\\dfrac{${eta}}{${num('bc1', e.bc1 ?? missing('bc1'))}}\\cdot\\dfrac{${m}}{\\sqrt{${second}}\\,/\\sqrt{${num('bc2', e.bc2 ?? missing('bc2'))}} + ${epsilon()}}`)} = ${x1}`,
        );
      } else {
        lines.push(`x ${ASSIGN} ${from} - ${term(eta, `\\dfrac{${m}}{\\sqrt{${second}} + ${epsilon()}}`)} = ${x1}`);
      }
      return lines;
    }
    case 'adamax': {
      const u = state('u');
      const m = vec('m', state('m').next);
      const lines = [
        ...head,
        ...moments(),
        `u ${ASSIGN} \\max\\Bigl(${par('beta2', get('beta2'))}\\,${before('u', u.prev)},\\ \\bigl|${g}\\bigr| + ${epsilon()}\\Bigr) = ${vec('u', u.next)}`,
      ];
      if (bc) {
        lines.push(...corrections(false));
        lines.push(`x ${ASSIGN} ${x0} - ${term(`\\dfrac{${eta}}{${num('bc1', e.bc1 ?? missing('bc1'))}}\\cdot\\dfrac{${m}}{${vec('u', u.next)}}`)} = ${x1}`);
      } else {
        lines.push(`x ${ASSIGN} ${x0} - ${term(eta, `\\dfrac{${m}}{${vec('u', u.next)}}`)} = ${x1}`);
      }
      return lines;
    }
    case 'nadam': {
      const mu = num('mu', e.mu ?? missing('μ'));
      const muNext = num('mu_next', e.muNext ?? missing('μₜ₊₁'));
      const pi = num('pi', e.muProduct ?? missing('Π'));
      const D = vec('D', e.denom ?? missing('D'));
      const m = vec('m', state('m').next);
      return [
        ...head,
        `\\mu_t = ${term(par('beta1', get('beta1')), `\\bigl(1 - \\tfrac12\\, 0.96^{${e.t}\\cdot ${par('psi', get('momentumDecay'))}}\\bigr)`)} = ${mu}`,
        `\\mu_{t+1} = ${muNext},\\quad \\Pi_t = \\mu_1 \\cdots \\mu_t = ${pi}`,
        ...moments(),
        secondMoment(),
        `D = \\sqrt{${vec('v', state('v').next)}\\,/\\,${num('bc2', e.bc2 ?? missing('bc2'))}} + ${epsilon()} = ${D}`,
        `x ${ASSIGN} ${x0} - ${term(eta, `\\dfrac{1-${mu}}{1-${pi}}\\cdot\\dfrac{${g}}{${D}}`)} - ${term(eta, `\\dfrac{${muNext}}{1-${pi}\\cdot ${muNext}}\\cdot\\dfrac{${m}}{${D}}`)} = ${x1}`,
      ];
    }
    case 'radam': {
      const m = vec('m', state('m').next);
      const rhoT = e.rhoT ?? missing('ρₜ');
      const lines = [
        ...head,
        ...moments(),
        secondMoment(),
        ...corrections(true),
        `\\rho_t = \\rho_\\infty - \\dfrac{2\\cdot ${e.t}\\cdot ${par('beta2', get('beta2'))}^{${e.t}}}{${num('bc2', e.bc2 ?? missing('bc2'))}} = ${num('rho_t', rhoT)}`,
      ];
      const mHat = `\\dfrac{${eta}\\,${m}}{${num('bc1', e.bc1 ?? missing('bc1'))}}`;
      if (rhoT > 5) {
        const r = num('rect', e.rect ?? missing('r'));
        lines.push(`\\rho_t > 5:\\quad r = ${r}`);
        lines.push(
          `x ${ASSIGN} ${x0} - ${term(mHat, `\\dfrac{\\sqrt{${num('bc2', e.bc2 ?? missing('bc2'))}}}{\\sqrt{${vec('v', state('v').next)}} + ${epsilon()}}`, r)} = ${x1}`,
        );
      } else {
        lines.push(`\\rho_t \\le 5:\\quad x ${ASSIGN} ${x0} - ${term(mHat)} = ${x1}`);
      }
      return lines;
    }
    case 'rprop': {
      const h = vec('stepSize', e.after.stepSize ?? missing('h'));
      const moved = vec('gPrev', e.after.gPrev ?? missing('g₋'));
      return [
        ...head,
        `g_{-} = ${before('gPrev', e.before.gPrev ?? missing('g₋ before'))},\\quad h_{t-1} = ${before('stepSize', e.before.stepSize ?? missing('h before'))}`,
        `h ${ASSIGN} \\operatorname{clip}\\bigl(h_{t-1}\\cdot \\eta_{\\pm},\\ ${par('h_min', get('stepMin'))},\\ ${par('h_max', get('stepMax'))}\\bigr) = ${h}`,
        `g' = g\\,[\\,g\\,g_{-} \\ge 0\\,] = ${moved}`,
        `x ${ASSIGN} ${x0} - ${term(`\\operatorname{sign}${moved}`, h)} = ${x1}`,
      ];
    }
    case 'asgd': {
      const lambda = par('lambda', get('lambd'));
      const avg = state('avg');
      const mu = e.mu ?? missing('μ');
      return [
        ...head,
        `x ${ASSIGN} ${term(x0, `(1 - ${lambda}\\cdot ${eta})`)} - ${term(eta, g)} = ${x1}`,
        mu === 1
          ? `\\mu_t = 1:\\quad \\bar{x} ${ASSIGN} x = ${vec('avg', avg.next)}`
          : `\\bar{x} ${ASSIGN} ${before('avg', avg.prev)} + ${term(num('mu', mu), `\\bigl(${x1} - ${before('avg', avg.prev)}\\bigr)`)} = ${vec('avg', avg.next)}`,
      ];
    }
    case 'lbfgs': {
      const d = vec('d', e.direction ?? missing('d'));
      const t = num('t_step', e.stepLength ?? missing('t'));
      const lines = [
        ...head,
        `m = ${tagged('m', e.memory ?? missing('m'), String(e.memory))},\\quad \\gamma = ${num('gamma', e.hDiag ?? missing('γ'))},\\quad \\#f = ${tagged('evals', e.evals ?? missing('evaluations'), String(e.evals))}`,
        `d = -H g = ${d}`,
      ];
      // With more than one iteration per call, x_t is where the last of them ended.
      // A call that stopped at once (‖g‖∞ ≤ τg, or d not downhill) leaves x where it was.
      if ((e.iterations ?? 0) === 0) lines.push(`x = ${x1}`);
      else if (e.iterations === 1) lines.push(`x ${ASSIGN} ${x0} + ${term(t, d)} = ${x1}`);
      else lines.push(`x ${ASSIGN} x + t\\, d\\quad (\\times ${tagged('iterations', e.iterations ?? 0, String(e.iterations))}) = ${x1}`);
      return lines;
    }
    case 'lion': {
      const m = state('m');
      const c = vec('c', e.blend ?? missing('c'));
      const sgn = vec('sign', e.direction ?? missing('sign(c)'));
      const b1 = par('beta1', get('beta1'));
      const b2 = par('beta2', get('beta2'));
      const from = e.shrink === undefined ? x0 : term(x0, `(1 - ${eta}\\cdot ${par('lambda', get('weightDecay'))})`);
      return [
        ...head,
        `c = ${term(b1, before('m', m.prev))} + ${term(`(1-${b1})`, g)} = ${c}`,
        `x ${ASSIGN} ${from} - ${term(eta, `\\operatorname{sign}${c}`)} = ${x1}`,
        `\\operatorname{sign}(c) = ${sgn},\\quad m ${ASSIGN} ${term(b2, before('m', m.prev))} + ${term(`(1-${b2})`, g)} = ${vec('m', m.next)}`,
      ];
    }
    case 'signum': {
      const m = state('m');
      const rho = par('rho', get('rho'));
      return [
        ...head,
        `m ${ASSIGN} ${term(rho, before('m', m.prev))} + ${term(`(1-${rho})`, g)} = ${vec('m', m.next)}`,
        `x ${ASSIGN} ${x0} - ${term(eta, `\\operatorname{sign}${vec('m', m.next)}`)} = ${x1}`,
        `\\operatorname{sign}(m) = ${vec('sign', e.direction ?? missing('sign(m)'))}`,
      ];
    }
    case 'schedule-free-adamw': {
      const z = state('z');
      const gamma = num('gamma_t', e.stepLength ?? missing('γₜ'));
      const c = num('c_avg', e.avgWeight ?? missing('cₜ₊₁'));
      const lambda = get('weightDecay');
      const yv = vec('y', e.look ?? missing('y'));
      const zNext = vec('z', z.next);
      return [
        ...head,
        `y = (1-${par('beta1', get('beta1'))})\\,${before('z', z.prev)} + ${par('beta1', get('beta1'))}\\,${x0} = ${yv}`,
        secondMoment(),
        `\\gamma_t = ${eta}\\sqrt{${num('bc2', e.bc2 ?? missing('bc2'))}} = ${gamma}`,
        lambda > 0
          ? `z ${ASSIGN} ${before('z', z.prev)} - ${term(gamma, `\\dfrac{${g}}{\\sqrt{${vec('v', state('v').next)}} + ${epsilon()}}`)} - ${term(gamma, par('lambda', lambda), yv)} = ${zNext}`
          : `z ${ASSIGN} ${before('z', z.prev)} - ${term(gamma, `\\dfrac{${g}}{\\sqrt{${vec('v', state('v').next)}} + ${epsilon()}}`)} = ${zNext}`,
        `c_{t+1} = ${c},\\quad x ${ASSIGN} ${term(`(1 - ${c})`, x0)} + ${term(c, zNext)} = ${x1}`,
      ];
    }
    case 'shampoo': {
      const [a, b, c] = e.precond ?? missing('L');
      const L = `\\begin{pmatrix}${num('L_xx', a)} & ${num('L_xy', b)}\\\\${num('L_xy', b)} & ${num('L_yy', c)}\\end{pmatrix}`;
      const d = vec('Lg', e.direction ?? missing('L^(−1/2) g'));
      return [...head, `L ${ASSIGN} L + g\\, g^{\\top} = ${L}`, `L^{-1/2} g = ${d}`, `x ${ASSIGN} ${x0} - ${term(eta, d)} = ${x1}`];
    }
    case 'sam':
    case 'lookahead':
      return substitutedTex(e, options);
    case 'newton': {
      const [a, b, c] = e.hessian ?? missing('the Hessian');
      const H = `\\begin{pmatrix}${num('H_xx', a)} & ${num('H_xy', b)}\\\\${num('H_xy', b)} & ${num('H_yy', c)}\\end{pmatrix}`;
      const dir = vec('Hinv_g', e.direction ?? missing('H⁻¹g'));
      return [...head, `H = \\nabla^2 f(x) = ${H}`, `H^{-1} g = ${H}^{-1}${g} = ${dir}`, `x ${ASSIGN} ${x0} - ${term(eta, dir)} = ${x1}`];
    }
  }
}

/** The loss before and after the step, as one line under the rule. */
export function lossTex(lossBefore: number, lossAfter: number): TexLine {
  return `f(x)\\colon\\quad ${num('loss_prev', lossBefore)}\\ \\longrightarrow\\ ${num('loss', lossAfter)}`;
}

/** Step 0: where the particle starts, before any rule has run. */
export function startTex(start: Vec2, loss: number): readonly TexLine[] {
  return [`x_0 = ${position(start)},\\quad f(x_0) = ${num('loss', loss)}`];
}

/**
 * The per-coordinate effective learning rate of an adaptive method, the factor its step puts
 * on g (AdaGrad, RMSProp, AdaDelta) or on m (the Adam family, Adamax); null for the others.
 */
export function effLrTex(optimizer: OptimizerId, options: RuleOptions): TexLine | null {
  const bc = options.biasCorrection;
  switch (optimizer) {
    case 'adagrad':
    case 'rmsprop':
      return `\\dfrac{\\eta}{\\sqrt{s} + ${EPS}}`;
    case 'adadelta':
      return `\\eta\\,\\dfrac{\\sqrt{u + ${EPS}}}{\\sqrt{s + ${EPS}}}`;
    case 'adam':
    case 'adamw':
    case 'amsgrad': {
      const second = optimizer === 'amsgrad' ? 'w' : 'v';
      return bc
        ? `\\dfrac{\\eta\\,/\\,(1-\\beta_1^{t})}{\\sqrt{${second}}\\,/\\sqrt{1-\\beta_2^{t}} + ${EPS}}`
        : `\\dfrac{\\eta}{\\sqrt{${second}} + ${EPS}}`;
    }
    case 'adamax':
      return bc ? `\\dfrac{\\eta}{(1-\\beta_1^{t})\\, u}` : `\\dfrac{\\eta}{u}`;
    case 'nadam':
      return `\\dfrac{\\eta}{D}`;
    case 'radam':
      return `\\dfrac{\\eta\\, r\\,\\sqrt{1-\\beta_2^{t}}}{(1-\\beta_1^{t})(\\sqrt{v} + ${EPS})}`;
    default:
      return null;
  }
}
