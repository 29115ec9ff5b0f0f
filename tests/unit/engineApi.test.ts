import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine';
import { OPTIMIZERS, getOptimizer, getSurface, resolveParams, simulate, simulateRun, type RunSpec } from '../../src/engine';

// The engine's public face: what it exports (pinned, so that a change to it is a decision, not
// an accident), how a run's hyperparameters are chosen, and many runs at once.

describe('the engine’s public exports', () => {
  it('are exactly these (values; types are checked by the compiler)', () => {
    expect(Object.keys(engine).sort()).toEqual(
      [
        'CSV_HEADER',
        'DEFAULT_SEED',
        'ESCAPE_WIDTHS',
        'GaussianNoise',
        'HYPERPARAMS',
        'HYPERPARAM_KEYS',
        'INNER_OPTIMIZERS',
        'MAX_STEPS',
        'OPTIMIZERS',
        'OPTIMIZER_IDS',
        'RUNS_CSV_HEADER',
        'SCHEDULE_FIELDS',
        'SCHEDULE_KINDS',
        'SEED_MAX',
        'STATE_KEYS',
        'SURFACES',
        'SURFACE_IDS',
        'checkSchedule',
        'createUniform',
        'csvNumber',
        'curvatureAt',
        'explainStep',
        'frameworkCall',
        'getOptimizer',
        'getSurface',
        'hyperparamInfo',
        'isOptimizerId',
        'isScheduleKind',
        'isSeed',
        'jsonNumber',
        'parseDecimal',
        'radamPlainSteps',
        'resolveParams',
        'runParams',
        'scheduleFactor',
        'scheduleFieldValues',
        'scheduleFromFields',
        'scheduleTable',
        'simulate',
        'simulateRun',
        'stableLearningRate',
        'symmetricEigen',
        'traceRun',
        'traceState',
        'trajectoriesCsv',
        'trajectoriesJson',
        'trajectoryCsv',
        'trajectoryJson',
        'withPenalty',
      ].sort(),
    );
  });
});

describe('resolveParams: the caller’s value, else the surface’s demo default, else PyTorch’s', () => {
  const ravine = getSurface('ravine')!;

  it('takes PyTorch’s default where neither the caller nor the surface says', () => {
    const bare = { ...ravine, defaults: {} };
    for (const o of OPTIMIZERS) {
      const p = resolveParams(bare, o.id);
      for (const [key, v] of Object.entries(o.defaults)) expect(p[key as keyof typeof p], `${o.id}.${key}`).toBe(v);
    }
  });

  it('prefers the surface’s demo default to PyTorch’s', () => {
    const demo = ravine.defaults.sgd?.lr;
    expect(demo).toBeDefined();
    expect(demo).not.toBe(getOptimizer('sgd')!.defaults.lr);
    expect(resolveParams(ravine, 'sgd').lr).toBe(demo);
  });

  it('prefers the caller’s value to both, key by key', () => {
    const p = resolveParams(ravine, 'momentum', { rho: 0.5 });
    expect(p.rho).toBe(0.5);
    expect(p.lr).toBe(ravine.defaults.momentum?.lr ?? getOptimizer('momentum')!.defaults.lr);
  });

  it('refuses an invalid value of a hyperparameter the optimizer reads, naming it', () => {
    expect(() => resolveParams(ravine, 'adam', { beta1: 1 })).toThrow(/beta1/);
    expect(() => resolveParams(ravine, 'sgd', { lr: -1 })).toThrow(/lr/);
  });
});

describe('simulate: many runs at once', () => {
  const rosenbrock = getSurface('rosenbrock')!;

  it('gives each run exactly the path simulateRun gives it alone, whatever the mix', () => {
    const specs: RunSpec[] = [];
    for (const o of OPTIMIZERS) {
      specs.push({ surface: rosenbrock, optimizer: o.id, steps: 300 });
      specs.push({ surface: rosenbrock, optimizer: o.id, steps: 120, start: [0.5, -0.5], noise: { sigma: 0.1, seed: 3 }, schedule: { kind: 'exponential', gamma: 0.99 } });
    }
    const all = simulate(specs);
    expect(all).toHaveLength(specs.length);
    specs.forEach((spec, i) => {
      const alone = simulateRun(spec);
      const t = all[i];
      expect(t.steps, `${spec.optimizer} #${i}`).toBe(alone.steps);
      expect(t.status).toBe(alone.status);
      expect(Array.from(t.x.subarray(0, t.steps + 1))).toEqual(Array.from(alone.x.subarray(0, alone.steps + 1)));
      expect(Array.from(t.loss.subarray(0, t.steps + 1))).toEqual(Array.from(alone.loss.subarray(0, alone.steps + 1)));
    });
  });

  it('recomputes into the arrays it is handed back, and grows them when a run gets longer', () => {
    const specs: RunSpec[] = [
      { surface: rosenbrock, optimizer: 'adam', steps: 50 },
      { surface: rosenbrock, optimizer: 'sgd', steps: 50 },
    ];
    const first = simulate(specs);
    const again = simulate(specs, first);
    expect(again[0].x).toBe(first[0].x);
    const longer = simulate([{ ...specs[0], steps: 5000 }, specs[1]], again);
    expect(longer[0].steps).toBe(5000);
    expect(longer[1].x).toBe(first[1].x);
  });

  it('lets one run stop (diverge) without touching the others', () => {
    const specs: RunSpec[] = [
      { surface: rosenbrock, optimizer: 'sgd', params: { lr: 1 }, steps: 100 },
      { surface: rosenbrock, optimizer: 'adam', steps: 100 },
    ];
    const [wild, calm] = simulate(specs);
    expect(wild.status).toBe('diverged');
    expect(calm.status).toBe('ok');
    expect(calm.steps).toBe(100);
  });
});
