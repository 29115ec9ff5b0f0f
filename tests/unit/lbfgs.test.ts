// L-BFGS beyond what the PyTorch fixtures show: its stops, its count of evaluations, and how its
// options read on the command line and in links. (Its paths against torch.optim.LBFGS itself are
// in torchGolden.test.ts, with and without the strong-Wolfe line search.)
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { getOptimizer, getSurface, simulateRun, traceRun, type Surface } from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`surface ${id} missing`);
  return s;
}

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('lbfgs', () => {
  it('runs one iteration per path point by default (torch: 20), with torch’s other defaults', () => {
    expect(getOptimizer('lbfgs')?.defaults).toEqual({ lr: 1, historySize: 100, maxIter: 1, lineSearch: 0, tolGrad: 1e-7, tolChange: 1e-9 });
    const trace = traceRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 40 });
    const evals = trace.scalars.evals;
    const iterations = trace.scalars.iterations;
    if (!evals || !iterations) throw new Error('lbfgs records evaluations and iterations');
    for (let t = 1; t <= trace.steps; t++) {
      // Without a line search a call evaluates f once (its own closure call) and iterates once.
      expect(evals[t]).toBe(1);
      expect(iterations[t]).toBeLessThanOrEqual(1);
    }
  });

  it('counts the line search’s evaluations, and several iterations per call with maxIter > 1', () => {
    const trace = traceRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 10, params: { lineSearch: 1, maxIter: 5 } });
    const evals = Array.from(trace.scalars.evals ?? []).slice(1, trace.steps + 1);
    const iterations = Array.from(trace.scalars.iterations ?? []).slice(1, trace.steps + 1);
    // Each iteration's line search evaluates at least once, besides the call's own evaluation.
    for (let i = 0; i < evals.length; i++) expect(evals[i]).toBeGreaterThanOrEqual(1 + iterations[i]);
    expect(Math.max(...iterations)).toBeGreaterThan(1);
    // torch's max_eval = ⌊1.25·max_iter⌋ caps a call (each line search may overshoot it once).
    expect(Math.max(...iterations)).toBeLessThanOrEqual(5);
    // Ten calls of up to five iterations reach Rosenbrock's minimum, where one-iteration calls do not.
    const many = simulateRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 10, params: { lineSearch: 1, maxIter: 5 } });
    const one = simulateRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 10, params: { lineSearch: 1 } });
    expect(many.loss[10]).toBeLessThan(one.loss[10]);
  });

  it('totals its evaluations per run (torch’s func_evals), the trace’s per-call counts summed', () => {
    for (const params of [{}, { lineSearch: 1 }, { lineSearch: 1, maxIter: 5 }, { lineSearch: 1, tolGrad: 1e-3 }]) {
      const spec = { surface: surface('rosenbrock'), optimizer: 'lbfgs' as const, steps: 60, params };
      const trace = traceRun(spec);
      const evals = trace.scalars.evals ?? new Float64Array(0);
      let sum = 0;
      for (let t = 1; t <= trace.steps; t++) sum += evals[t];
      const path = simulateRun(spec);
      expect(path.evaluations, JSON.stringify(params)).toBe(sum);
      expect(path.evaluations).toBeGreaterThanOrEqual(path.steps);
    }
    // The other rules spend one per step and leave the count out, even in a recycled Trajectory.
    const reused = simulateRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 5 });
    expect(simulateRun({ surface: surface('rosenbrock'), optimizer: 'adam', steps: 5 }, reused).evaluations).toBeUndefined();
    // The JSON of the command line carries it.
    const { out } = cli('--surface', 'rosenbrock', '--optimizer', 'lbfgs', '--steps', '20', '--line-search', 'strong-wolfe');
    const evaluations = (JSON.parse(out) as { evaluations?: number }).evaluations;
    expect(evaluations).toBe(simulateRun({ surface: surface('rosenbrock'), optimizer: 'lbfgs', steps: 20, params: { lineSearch: 1 } }).evaluations);
  });

  it('stops with "lineSearchFailed" where no lower point lies along its direction, at once', () => {
    // |x| + |y| has no gradient at its kinks: the strong-Wolfe search cannot bracket a decrease.
    const { surface: kinked } = compileFormula('abs(x) + abs(y)');
    const started = performance.now();
    const path = simulateRun({ surface: kinked, optimizer: 'lbfgs', start: [0.7, 0.3], steps: 10_000, params: { lineSearch: 1 } });
    expect(path.status).toBe('lineSearchFailed');
    expect(path.steps).toBeLessThan(50);
    // Every point before the stop is finite and lower than the start.
    for (let t = 1; t <= path.steps; t++) expect(path.loss[t]).toBeLessThan(path.loss[0]);
    // Not a timing target (that is the bench's): a guard against a search that never ends.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stays put once ‖g‖∞ ≤ tolGrad, as torch’s step returns at once', () => {
    const path = simulateRun({ surface: surface('bowl'), optimizer: 'lbfgs', steps: 30, params: { lineSearch: 1, tolGrad: 1e-3 } });
    const last = path.steps;
    expect(path.status).toBe('ok');
    expect(path.x[last]).toBe(path.x[last - 1]);
    expect(path.y[last]).toBe(path.y[last - 1]);
  });

  it('reads --line-search by name or number on the command line, and names the flag when it is wrong', () => {
    const named = cli('--surface', 'rosenbrock', '--optimizer', 'lbfgs', '--line-search', 'strong-wolfe', '--history-size', '5', '--max-iter', '3', '--steps', '5');
    expect(named.code).toBe(0);
    const params = (JSON.parse(named.out) as { params: Record<string, unknown> }).params;
    expect(params).toMatchObject({ lineSearch: 1, historySize: 5, maxIter: 3 });
    const numbered = cli('--surface', 'rosenbrock', '--optimizer', 'lbfgs', '--line-search', '1', '--history-size', '5', '--max-iter', '3', '--steps', '5');
    expect(numbered.out).toBe(named.out);
    const bad = cli('--surface', 'rosenbrock', '--optimizer', 'lbfgs', '--line-search', 'wolfe');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--line-search');
    expect(bad.err).toContain('strong-wolfe');
    const fractional = cli('--surface', 'rosenbrock', '--optimizer', 'lbfgs', '--history-size', '2.5');
    expect(fractional.code).toBe(2);
    expect(fractional.err).toContain('--history-size must be a whole number from 1 to 100000');
  });
});
