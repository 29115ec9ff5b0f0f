import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, useFormulaCompiler, type CliRun } from '../../src/cli/args';
import { readIncoming } from '../../src/embed/protocol';
import { MAX_STEPS, getSurface, hyperparamInfo, simulateRun, type HyperparamKey } from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';
import { translate } from '../../src/i18n';
import { computeScene } from '../../src/state/paths';
import { MAX_APP_STEPS, createSceneStore } from '../../src/state/store';
import { readUrl } from '../../src/state/url/codec';
import { DEFAULT_FORMULA_DOMAIN, formulaStart } from '../../src/state/url/schema';
import { ignoredList } from '../../src/state/urlSync';
import { checkCoord, checkParam, checkSteps } from '../../src/ui/panel/fieldChecks';

// Extreme numbers (issue 15) through each channel that takes them: a link, a typed field, the
// command line and postMessage. η = 10⁶, ε = 0, β₁ = 1, β₂ = 1, ρ = 1, 10⁶ steps, a start at
// 10³⁰⁰ and formulas whose values overflow. Each is shown honestly: the run diverges and says so,
// the value is refused with the range it must lie in, or (formulas) the run starts where f is finite.
// tests/e2e/extremes.spec.ts shows the same in the app.

/** The scene a link gives, computed: each run's optimizer, status and steps. */
function linkScene(query: string) {
  const read = readUrl(query, { preferredLang: 'en' });
  const store = createSceneStore();
  store.getState().loadScene(read.scene);
  const scene = computeScene(store.getState());
  return { read, state: store.getState(), runs: scene.runs.map(({ run, path }) => ({ optimizer: run.optimizer, params: run.params, status: path.status, steps: path.steps })) };
}

describe('a link', () => {
  it('η = 10⁶: used, and the run diverges at its first step', () => {
    const { read, runs } = linkScene('?runs=sgd:lr=1e6');
    expect(read.ignored).toEqual([]);
    expect(runs).toMatchObject([{ optimizer: 'sgd', status: 'diverged', steps: 0 }]);
    expect(runs[0].params.lr).toBe(1e6);
  });

  it('ε = 0: used (PyTorch allows it), and Adam runs on', () => {
    const { read, runs } = linkScene('?runs=adam:eps=0');
    expect(read.ignored).toEqual([]);
    expect(runs[0]).toMatchObject({ optimizer: 'adam', status: 'ok' });
    expect(runs[0].params.eps).toBe(0);
  });

  it.each([
    ['β₁ = 1', 'adam', 'beta1'],
    ['β₂ = 1', 'adam', 'beta2'],
    ['ρ = 1', 'momentum', 'rho'],
  ] as const)('%s: refused, naming the value and [0, 1), and the default kept', (_, optimizer, key: HyperparamKey) => {
    const { read, runs } = linkScene(`?runs=${optimizer}:${key}=1`);
    expect(read.ignored).toEqual([{ name: 'runs', value: `${optimizer}:${key}=1`, reason: 'outOfRange', accepts: '[0, 1)' }]);
    expect(runs[0].params[key]).toBeLessThan(1);
    expect(runs[0].status).toBe('ok');
  });

  it('10⁶ steps: refused with the range 1 … 20000', () => {
    const { read, state } = linkScene('?steps=1000000');
    expect(read.ignored).toEqual([{ name: 'steps', value: '1000000', reason: 'outOfRange', accepts: `1 … ${MAX_APP_STEPS}` }]);
    expect(state.steps).toBe(getSurface('ravine')?.steps);
  });

  it('a start at 10³⁰⁰: refused with the plotted domain, and the runs start where the surface does', () => {
    const { read, state, runs } = linkScene('?surface=rosenbrock&start=1e300,1e300');
    expect(read.ignored).toEqual([{ name: 'start', value: '1e300,1e300', reason: 'outOfRange', accepts: '[-2, 2] × [-1, 3]' }]);
    expect(state.start).toEqual(getSurface('rosenbrock')?.start);
    expect(runs.every((r) => r.status === 'ok')).toBe(true);
  });

  it('every refusal at once: one notice names each value and its range', () => {
    const { read } = linkScene('?runs=adam:beta1=1;beta2=1,momentum:rho=1&steps=1000000&start=1e300,1e300');
    expect(translate('en', 'share.url.ignored', { list: ignoredList(read.ignored) })).toBe(
      'Some settings in this link could not be used, so their defaults are shown: “start=1e300,1e300” ([-5, 5] × [-2.5, 2.5]), “steps=1000000” (1 … 20000), “runs=adam:beta1=1” ([0, 1)), “runs=adam:beta2=1” ([0, 1)), “runs=momentum:rho=1” ([0, 1))',
    );
  });

  it('a formula that overflows at the domain’s usual start starts where f is finite (urlSync), and its runs diverge honestly', () => {
    const read = readUrl('?expr=exp(x%5E2*1000)', { preferredLang: 'en' });
    expect(read.ignored).toEqual([]);
    expect(read.expr?.expr).toBe('exp(x^2*1000)');
    const { surface } = compileFormula('exp(x^2*1000)', { domain: DEFAULT_FORMULA_DOMAIN });
    // exp(3240) at (-1.8, 1.8) is ∞: no step could be taken from there.
    expect(surface.value(...formulaStart(DEFAULT_FORMULA_DOMAIN))).toBe(Infinity);
    expect(Number.isFinite(surface.value(...surface.start))).toBe(true);
    const path = simulateRun({ surface, optimizer: 'sgd', params: {}, steps: 300, start: surface.start });
    expect(path.status).toBe('diverged');
  });

  it('10^(300·x): ∞ on part of the plot, yet the runs start where f is finite and stay finite', () => {
    const { surface } = compileFormula('10^(300*x)', { domain: DEFAULT_FORMULA_DOMAIN });
    expect(surface.value(2, 0)).toBe(Infinity);
    expect(Number.isFinite(surface.value(...surface.start))).toBe(true);
    const path = simulateRun({ surface, optimizer: 'adam', params: {}, steps: 300, start: surface.start });
    expect(path.status).toBe('ok');
    expect(path.loss.subarray(0, path.steps + 1).every(Number.isFinite)).toBe(true);
  });
});

describe('a typed field in the panel', () => {
  const param = (key: HyperparamKey, text: string) => {
    const r = checkParam(hyperparamInfo(key), text);
    return r.ok ? r.value : translate('en', `limit.${r.reason}` as Parameters<typeof translate>[1]);
  };

  it('η = 10⁶ and ε = 0 are taken (the slider’s range is not a limit); β₁, β₂, ρ = 1 are refused with their range', () => {
    expect(param('lr', '1e6')).toBe(1e6);
    expect(param('eps', '0')).toBe(0);
    for (const key of ['beta1', 'beta2', 'rho'] as const) expect(param(key, '1')).toBe('Must be at least 0 and less than 1.');
  });

  it('10⁶ steps and a start at 10³⁰⁰ are refused', () => {
    expect(checkSteps('1000000', MAX_APP_STEPS)).toEqual({ ok: false, reason: 'steps' });
    expect(translate('en', 'steps.error', { max: MAX_APP_STEPS })).toBe('Enter a whole number from 1 to 20000.');
    expect(checkCoord('1e300', [-5, 5])).toEqual({ ok: false, reason: 'outside' });
  });
});

describe('the command line', () => {
  useFormulaCompiler(compileFormula);
  const run = (...argv: string[]): CliRun => {
    const command = parseArgs(argv);
    if (command.kind !== 'run') throw new Error('not a run');
    return command.run;
  };
  const refusal = (...argv: string[]) => {
    try {
      parseArgs(argv);
    } catch (e) {
      if (e instanceof UsageError) return e.message;
      throw e;
    }
    return null;
  };
  const status = (r: CliRun) => simulateRun(r).status;

  it('--lr 1e6: taken, and the run reports that it diverged', () => {
    expect(status(run('--surface', 'rosenbrock', '--optimizer', 'sgd', '--lr', '1e6'))).toBe('diverged');
  });

  it('--eps 0: taken', () => {
    const r = run('--surface', 'rosenbrock', '--optimizer', 'adam', '--eps', '0');
    expect(r.params.eps).toBe(0);
    expect(status(r)).toBe('ok');
  });

  it.each([
    ['--beta1', 'adam'],
    ['--beta2', 'adam'],
    ['--rho', 'momentum'],
  ])('%s 1: refused with [0, 1)', (flag, optimizer) => {
    expect(refusal('--surface', 'rosenbrock', '--optimizer', optimizer, flag, '1')).toBe(`${flag} must be a number in [0, 1), got "1"`);
  });

  it('--steps 1e6: taken (the engine’s limit); one more is refused with the range', () => {
    expect(run('--surface', 'rosenbrock', '--optimizer', 'sgd', '--steps', '1e6').steps).toBe(MAX_STEPS);
    expect(refusal('--surface', 'rosenbrock', '--optimizer', 'sgd', '--steps', '1000001')).toBe(`--steps must be an integer from 1 to ${MAX_STEPS}, got "1000001"`);
  });

  it('--start 1e300,1e300: refused, saying f is not finite there and where the plot is', () => {
    expect(refusal('--surface', 'rosenbrock', '--optimizer', 'sgd', '--start', '1e300,1e300')).toBe(
      '--start 1e+300,1e+300: f = Infinity and ∇f = (Infinity, -Infinity) there, not finite; give a start where they are (the plotted domain is [-2, 2] × [-1, 3])',
    );
    // Off the plot but finite is a script's own business.
    expect(run('--surface', 'rosenbrock', '--optimizer', 'sgd', '--start', '5,5').start).toEqual([5, 5]);
  });

  it('--expr "exp(x^2*1000)": starts where f is finite, and the run reports that it diverged; a start where f overflows is refused', () => {
    const r = run('--expr', 'exp(x^2*1000)', '--optimizer', 'sgd');
    expect(Number.isFinite(r.surface.value(...r.start))).toBe(true);
    expect(status(r)).toBe('diverged');
    expect(refusal('--expr', 'exp(x^2*1000)', '--optimizer', 'sgd', '--start', '2,2')).toMatch(/^--start 2,2: f = Infinity .* not finite; .*\[-3, 3\] × \[-3, 3\]\)$/);
  });
});

describe('postMessage to an embed', () => {
  const reason = (params: Record<string, number>) => {
    const read = readIncoming({ type: 'descent:setParams', params });
    return read.ok ? 'accepted' : read.reason;
  };

  it('η = 10⁶ and ε = 0 are carried out; β₁, β₂, ρ = 1 are refused with a reason that names the range', () => {
    expect(reason({ lr: 1e6 })).toBe('accepted');
    expect(reason({ eps: 0 })).toBe('accepted');
    expect(reason({ beta1: 1 })).toBe('params.beta1 must be a number in [0, 1), got 1');
    expect(reason({ beta2: 1 })).toBe('params.beta2 must be a number in [0, 1), got 1');
    expect(reason({ rho: 1 })).toBe('params.rho must be a number in [0, 1), got 1');
    expect(reason({ lr: 1e300 * 1e300 })).toBe('params.lr must be a finite number > 0, got Infinity');
  });
});
