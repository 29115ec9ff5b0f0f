import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZER_IDS,
  explainStep,
  getOptimizer,
  getSurface,
  resolveParams,
  traceRun,
  type OptimizerId,
  type RunSpec,
  type RunTrace,
  type Surface,
} from '../../src/engine';
import { RULE_KATEX_OPTIONS, lossTex, ruleTex, startTex, substitutedTex, texNumber, texParam } from '../../src/ui/teaching/ruleTex';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

/** Renders as the panel does, but refuses any parse error. */
function render(tex: string): string {
  return katex.renderToString(`\\displaystyle ${tex}`, { ...RULE_KATEX_OPTIONS, throwOnError: true });
}

/** Every tagged number in rendered HTML: symbol → values, in order of appearance. */
function tagged(html: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of html.matchAll(/data-symbol="([^"]+)" data-value="([^"]+)"/g)) {
    const list = out.get(m[1]) ?? [];
    list.push(Number(m[2]));
    out.set(m[1], list);
  }
  return out;
}

function numbersOf(trace: RunTrace, t: number, noisy = false): Map<string, number> {
  const e = explainStep(trace, trace.optimizer, t);
  const html = substitutedTex(e, { biasCorrection: trace.biasCorrection, noisy }).map(render).join('');
  const map = new Map<string, number>();
  for (const [symbol, values] of tagged(html)) {
    // One symbol, one value: the same name never stands for two numbers.
    expect(new Set(values).size, `${trace.optimizer}: ${symbol} = ${values.join(', ')}`).toBe(1);
    map.set(symbol, values[0]);
  }
  return map;
}

function value(map: Map<string, number>, symbol: string): number {
  const v = map.get(symbol);
  if (v === undefined) throw new Error(`no number tagged ${symbol}; have ${[...map.keys()].join(' ')}`);
  return v;
}

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('ruleTex: the rule with the lecture’s symbols', () => {
  it('typesets every optimizer’s rule, with and without bias correction', () => {
    for (const id of OPTIMIZER_IDS) {
      for (const biasCorrection of [true, false]) {
        for (const line of ruleTex(id, { biasCorrection })) expect(() => render(line), `${id}: ${line}`).not.toThrow();
      }
    }
  });

  it('writes the rules of spec/optimizers.md', () => {
    const on = { biasCorrection: true };
    expect(ruleTex('sgd', on)).toEqual(['x \\leftarrow x - \\eta\\, g']);
    expect(ruleTex('momentum', on)).toEqual(['v \\leftarrow \\rho\\, v + g', 'x \\leftarrow x - \\eta\\, v']);
    expect(ruleTex('nesterov', on)[1]).toBe('x \\leftarrow x - \\eta\\,(g + \\rho\\, v)');
    expect(ruleTex('adagrad', on)).toEqual(['s \\leftarrow s + g^2', 'x \\leftarrow x - \\eta\\,\\dfrac{g}{\\sqrt{s} + \\varepsilon}']);
    expect(ruleTex('rmsprop', on)[0]).toBe('s \\leftarrow d\\, s + (1-d)\\, g^2');
    expect(ruleTex('newton', on)).toEqual(['x \\leftarrow x - \\eta\\, H^{-1} g']);
    expect(ruleTex('adam', on)).toEqual([
      'm \\leftarrow \\beta_1 m + (1-\\beta_1)\\, g',
      'v \\leftarrow \\beta_2 v + (1-\\beta_2)\\, g^2',
      'x \\leftarrow x - {\\dfrac{\\eta}{1-\\beta_1^{t}}\\cdot\\dfrac{m}{\\sqrt{v}\\,/\\sqrt{1-\\beta_2^{t}} + \\varepsilon}}',
    ]);
    // The CS231n variant: x ← x − η·m / (√v + ε).
    expect(ruleTex('adam', { biasCorrection: false })[2]).toBe('x \\leftarrow x - \\eta\\,\\dfrac{m}{\\sqrt{v} + \\varepsilon}');
    expect(ruleTex('amsgrad', on)).toContain('w \\leftarrow \\max(w, v)');
    expect(ruleTex('amsgrad', on)[3]).toContain('\\sqrt{w}');
    expect(ruleTex('adamw', on)[0]).toBe('x \\leftarrow x\\,(1 - \\eta\\lambda)');
    expect(ruleTex('adamax', on)[1]).toBe('u \\leftarrow \\max(\\beta_2 u,\\ |g| + \\varepsilon)');
    expect(ruleTex('nadam', on).join(' ')).toContain('\\psi');
  });

  it('uses the symbol of every hyperparameter an optimizer reads', () => {
    const symbol: Record<string, string> = {
      lr: '\\eta',
      rho: '\\rho',
      decay: 'd',
      beta1: '\\beta_1',
      beta2: '\\beta_2',
      eps: '\\varepsilon',
      weightDecay: '\\lambda',
      momentumDecay: '\\psi',
      dampening: '\\tau',
      etaMinus: '\\eta_{-}',
      etaPlus: '\\eta_{+}',
      stepMin: 'h_{\\min}',
      stepMax: 'h_{\\max}',
      lambd: '\\lambda',
      power: '\\alpha',
      t0: 't_0',
      centered: '\\bar{g}',
      lrDecay: '\\delta',
      initialAccumulator: 's_0',
      historySize: 'm',
      maxIter: 'k',
      lineSearch: 'Wolfe',
      tolGrad: '\\tau_g',
      tolChange: '\\tau_\\Delta',
      radius: 'r',
      inner: '',
      syncPeriod: 'k',
      slowStep: '\\alpha',
    };
    for (const id of OPTIMIZER_IDS) {
      // The optional terms (weight decay, dampening, AdaGrad's δ and s₀, RMSProp's centering and
      // momentum) are written where they are on.
      const params = { weightDecay: 0.1, dampening: 0.2, lrDecay: 0.01, initialAccumulator: 0.1, centered: 1, rho: 0.5, lineSearch: 1 };
      const text = ruleTex(id, { biasCorrection: true, params }).join(' ');
      // A wrapper shows its inner rule's hyperparameters (SAM around Momentum: no β₁).
      const info = getOptimizer(id);
      const shown = info?.shownParams?.(resolveParams(surface('ravine'), id)) ?? info?.params ?? [];
      for (const key of shown) expect(text, `${id} shows ${key}`).toContain(symbol[key]);
    }
  });
});

describe('texNumber and texParam', () => {
  it('give about four significant digits, scientific for tiny and huge values', () => {
    expect(texNumber(0.41234)).toBe('0.4123');
    expect(texNumber(-3.2)).toBe('-3.200');
    expect(texNumber(0)).toBe('0');
    expect(texNumber(1.23456e-5)).toBe('1.235\\times 10^{-5}');
    expect(texNumber(12345.6)).toBe('12346');
    expect(texNumber(2.5e7)).toBe('2.500\\times 10^{7}');
    expect(texNumber(Infinity)).toBe('\\infty');
  });
  it('show hyperparameters as typed', () => {
    expect(texParam(0.9)).toBe('0.9');
    expect(texParam(0.999)).toBe('0.999');
    expect(texParam(1e-8)).toBe('10^{-8}');
    expect(texParam(3e-4)).toBe('3\\times 10^{-4}');
  });
});

describe('substitutedTex: the rule with the numbers of one step', () => {
  const cases: ReadonlyArray<[string, Partial<RunSpec>]> = [
    ['plain', {}],
    ['noise', { noise: { sigma: 0.5, seed: 3 } }],
    ['cosine schedule', { schedule: { kind: 'cosine', period: 30, minFactor: 0.1 } }],
    ['no bias correction', { biasCorrection: false }],
    ['weight decay and dampening', { params: { weightDecay: 0.1, dampening: 0.3 } }],
  ];

  it('typesets for every optimizer, and every number is tagged with the value the engine used', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const [name, extra] of cases) {
        const trace = traceRun({ surface: surface('rosenbrock'), optimizer, steps: 40, ...extra });
        expect(trace.steps, `${optimizer} ${name}`).toBe(40);
        for (const t of [1, 2, 17, 40]) {
          const n = numbersOf(trace, t, name === 'noise');
          const label = `${optimizer}, ${name}, step ${t}`;
          expect(value(n, 't'), label).toBe(t);
          expect(value(n, 'eta'), label).toBe(trace.lr[t]);
          expect(value(n, 'g_x'), label).toBe(trace.gx[t]);
          expect(value(n, 'g_y'), label).toBe(trace.gy[t]);
          expect(value(n, 'x_prev'), label).toBe(trace.x[t - 1]);
          expect(value(n, 'y_prev'), label).toBe(trace.y[t - 1]);
          expect(value(n, 'x'), label).toBe(trace.x[t]);
          expect(value(n, 'y'), label).toBe(trace.y[t]);
          for (const key of trace.stateKeys) {
            const pair = trace.state[key];
            if (!pair) throw new Error(`${label}: no ${key}`);
            const [sx, sy] = pair;
            expect(value(n, `${key}_x`), `${label}: ${key}`).toBe(sx[t]);
            expect(value(n, `${key}_y`), `${label}: ${key}`).toBe(sy[t]);
            // AdaGrad/RMSProp/Adam read their state before the step; AMSGrad's w as well.
            if (n.has(`${key}_x_prev`)) expect(value(n, `${key}_x_prev`), `${label}: ${key} before`).toBe(sx[t - 1]);
          }
          const { bc1, bc2 } = trace.scalars;
          if (bc1) expect(value(n, 'bc1'), label).toBe(bc1[t]);
          if (bc2) expect(value(n, 'bc2'), label).toBe(bc2[t]);
        }
      }
    }
  });

  it('fills in numbers that give back the engine’s step when the rule is evaluated with them', () => {
    const step = (optimizer: OptimizerId, n: Map<string, number>, axis: 'x' | 'y'): number => {
      const v = (s: string) => value(n, `${s}_${axis}`);
      const x = value(n, axis === 'x' ? 'x_prev' : 'y_prev');
      const eta = value(n, 'eta');
      switch (optimizer) {
        case 'sgd':
          return x - eta * (n.has(`gd_${axis}`) ? v('gd') : v('g'));
        case 'momentum':
          return x - eta * v('v');
        case 'nesterov':
          return x - eta * ((n.has(`gd_${axis}`) ? v('gd') : v('g')) + value(n, 'rho') * v('v'));
        case 'adagrad':
        case 'rmsprop':
          return x - (eta * v('g')) / (Math.sqrt(v('s')) + value(n, 'eps'));
        case 'adadelta':
          return x - eta * v('Delta');
        case 'adam':
          return x - ((eta / value(n, 'bc1')) * v('m')) / (Math.sqrt(v('v')) / Math.sqrt(value(n, 'bc2')) + value(n, 'eps'));
        case 'amsgrad':
          return x - ((eta / value(n, 'bc1')) * v('m')) / (Math.sqrt(v('w')) / Math.sqrt(value(n, 'bc2')) + value(n, 'eps'));
        case 'adamw':
          return v('x_decayed') - ((eta / value(n, 'bc1')) * v('m')) / (Math.sqrt(v('v')) / Math.sqrt(value(n, 'bc2')) + value(n, 'eps'));
        case 'adamax':
          return x - ((eta / value(n, 'bc1')) * v('m')) / v('u');
        case 'nadam': {
          const mu = value(n, 'mu');
          const muNext = value(n, 'mu_next');
          const pi = value(n, 'pi');
          const D = v('D');
          return x + ((-eta * (1 - mu)) / (1 - pi)) * (v('g') / D) + ((-eta * muNext) / (1 - pi * muNext)) * (v('m') / D);
        }
        case 'radam':
          return n.has('rect')
            ? x - (((eta * v('m')) / value(n, 'bc1')) * Math.sqrt(value(n, 'bc2'))) / (Math.sqrt(v('v')) + value(n, 'eps')) * value(n, 'rect')
            : x - (eta * v('m')) / value(n, 'bc1');
        case 'rprop':
          return x - Math.sign(v('gPrev')) * v('stepSize');
        case 'asgd':
          return x * (1 - value(n, 'lambda') * eta) - eta * v('g');
        case 'newton':
          return x - eta * v('Hinv_g');
        case 'lion':
          return (n.has('lambda') ? x * (1 - eta * value(n, 'lambda')) : x) - eta * v('sign');
        case 'signum':
          return x - eta * v('sign');
        case 'shampoo':
          return x - eta * v('Lg');
        case 'schedule-free-adamw':
          return (1 - value(n, 'c_avg')) * x + value(n, 'c_avg') * v('z');
        case 'sam':
          // The inner rule (momentum by default), with the gradient taken at the probe.
          return x - eta * v('v');
        case 'lookahead': {
          if (n.has('fast_x')) {
            const phi = value(n, `slow_${axis}_prev`);
            return phi + value(n, 'alpha') * (v('fast') - phi);
          }
          return x - ((eta / value(n, 'bc1')) * v('m')) / (Math.sqrt(v('v')) / Math.sqrt(value(n, 'bc2')) + value(n, 'eps'));
        }
        case 'lbfgs':
          // A call that stopped at once shows no step.
          return n.has('t_step') ? x + value(n, 't_step') * v('d') : x;
      }
    };
    for (const optimizer of OPTIMIZER_IDS) {
      const trace = traceRun({ surface: surface('local-minima'), optimizer, steps: 30, start: [0.3, -1.6] });
      for (const t of [1, 5, 30]) {
        const n = numbersOf(trace, t);
        for (const axis of ['x', 'y'] as const) {
          const got = step(optimizer, n, axis);
          const want = value(n, axis);
          expect(close(got, want, 1e-10), `${optimizer} step ${t} ${axis}: ${got} vs ${want}`).toBe(true);
        }
      }
    }
  });

  it('shows the schedule’s η, the base η and the factor', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'momentum', steps: 20, schedule: { kind: 'step', every: 5, gamma: 0.5 } });
    const lines = substitutedTex(explainStep(trace, 'momentum', 12), { biasCorrection: true, noisy: false });
    expect(lines[0]).toContain('\\eta_t');
    const n = tagged(lines.map(render).join(''));
    expect(new Set(n.get('eta'))).toEqual(new Set([trace.lr[12]]));
    expect(trace.lr[12]).toBeCloseTo(trace.params.lr * 0.25, 15);
    expect(n.get('eta_base')).toEqual([trace.params.lr]);
  });

  it('says when the gradient carries noise', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'sgd', steps: 5, noise: { sigma: 1, seed: 1 } });
    const e = explainStep(trace, 'sgd', 1);
    expect(substitutedTex(e, { biasCorrection: true, noisy: true })[1]).toContain('\\sigma\\xi');
    expect(substitutedTex(e, { biasCorrection: true, noisy: false })[1]).not.toContain('\\sigma');
  });

  it('leaves out bias corrections when they are off', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adam', steps: 5, biasCorrection: false });
    const lines = substitutedTex(explainStep(trace, 'adam', 3), { biasCorrection: false, noisy: false });
    expect(lines.join(' ')).not.toContain('bc1');
    expect(lines.join(' ')).not.toContain('\\beta_1^{t}');
  });

  it('has a start line and a loss line', () => {
    const start = tagged(startTex([1.5, -2], 3.25).map(render).join(''));
    expect(start.get('x')).toEqual([1.5]);
    expect(start.get('y')).toEqual([-2]);
    expect(start.get('loss')).toEqual([3.25]);
    const loss = tagged(render(lossTex(2.31, 1.97)));
    expect(loss.get('loss_prev')).toEqual([2.31]);
    expect(loss.get('loss')).toEqual([1.97]);
  });
});
