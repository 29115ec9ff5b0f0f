// Engine speed: steps per second of every optimizer on Rosenbrock, one run and 1,000 runs
// together, and the time to recompute every optimizer once × 10,000 steps (what a slider move costs).
import { OPTIMIZERS, getSurface, simulate, simulateRun, traceRun, type RunSpec, type RunTrace, type Trajectory } from '../src/engine';
import { handWrittenRatio } from './handRatio';
import { median, timeRuns, type Measurement } from './measure';

const rosenbrock = getSurface('rosenbrock');

export function engineMeasurements(): Measurement[] {
  if (!rosenbrock) throw new Error('rosenbrock surface missing');
  const surface = rosenbrock;
  const out: Measurement[] = [];

  out.push(...handWrittenRatio());

  // One run, long enough (200k steps ≈ 10 ms) that timer resolution does not matter.
  const steps = 200_000;
  for (const o of OPTIMIZERS) {
    // A small η keeps every optimizer on the surface for the whole run, so no run stops early.
    const spec: RunSpec = { surface, optimizer: o.id, steps, params: { lr: o.id === 'newton' ? 0.01 : 1e-5 } };
    let reuse: Trajectory | undefined;
    const times = timeRuns(() => {
      reuse = simulateRun(spec, reuse);
    }, 9);
    if (reuse?.steps !== steps) throw new Error(`${o.id} stopped early (${reuse?.status}) in the benchmark`);
    const value = steps / (median(times) / 1000);
    const target = o.id === 'adam' ? 14e6 : undefined;
    out.push({
      name: `${o.id} rosenbrock 1 run`,
      value,
      unit: 'steps/s',
      ...(target ? { target: '≥ 14e6', ok: value >= target } : {}),
    });
  }

  // 1,000 runs together, from starts spread over the domain, 500 steps each.
  const runs = 1000;
  const each = 500;
  const starts: Array<[number, number]> = [];
  for (let i = 0; i < runs; i++) {
    const u = (i % 40) / 39;
    const v = Math.floor(i / 40) / 24;
    starts.push([-1.5 + 3 * u, -0.5 + 2.5 * v]);
  }
  for (const o of OPTIMIZERS) {
    const specs: RunSpec[] = starts.map((start) => ({ surface, optimizer: o.id, steps: each, start, params: { lr: o.id === 'newton' ? 0.01 : 1e-5 } }));
    let reuse: Trajectory[] | undefined;
    let taken = 0;
    const times = timeRuns(() => {
      reuse = simulate(specs, reuse);
    }, 5, 2);
    for (const t of reuse ?? []) taken += t.steps;
    out.push({ name: `${o.id} rosenbrock 1000 runs`, value: taken / (median(times) / 1000), unit: 'steps/s' });
  }

  // The slider-move cost: every optimizer once, 10,000 steps each, into reused arrays.
  const everyOptimizer: RunSpec[] = OPTIMIZERS.map((o) => ({ surface, optimizer: o.id, steps: 10_000 }));
  let reuse: Trajectory[] | undefined;
  const times = timeRuns(() => {
    reuse = simulate(everyOptimizer, reuse);
  }, 41, 5);
  const ms = median(times);
  out.push({ name: `recompute ${everyOptimizer.length} runs x 10000 steps`, value: ms, unit: 'ms', target: '≤ 10', ok: ms <= 10 });
  out.push({ name: `recompute ${everyOptimizer.length} runs x 10000 steps, worst of 41`, value: times[times.length - 1], unit: 'ms' });

  // Issue 2's own budget: the twelve optimizers of the first spec, 12 × 10,000 steps.
  const twelve: RunSpec[] = (['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'amsgrad', 'adamw', 'adamax', 'nadam', 'newton'] as const).map((optimizer) => ({ surface, optimizer, steps: 10_000 }));
  let reuseTwelve: Trajectory[] | undefined;
  const twelveMs = median(timeRuns(() => (reuseTwelve = simulate(twelve, reuseTwelve)), 41, 5));
  out.push({ name: 'recompute 12 runs x 10000 steps', value: twelveMs, unit: 'ms', target: '≤ 10', ok: twelveMs <= 10 });

  // The teaching trace (every state variable per step) against the plain path, same run: what
  // turning the arrows or the update-rule panel on costs. Measured at about 1–3×.
  const adam: RunSpec = { surface, optimizer: 'adam', steps: 50_000, params: { lr: 1e-4 } };
  let path: Trajectory | undefined;
  let trace: RunTrace | undefined;
  const plain = median(timeRuns(() => (path = simulateRun(adam, path)), 9));
  const traced = median(timeRuns(() => (trace = traceRun(adam, trace)), 9));
  out.push({ name: 'traceRun / simulateRun, adam 50000 steps', value: traced / plain, unit: '×', target: '≤ 10', ok: traced / plain <= 10 });
  return out;
}
