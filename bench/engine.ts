// Engine speed: steps per second of every optimizer on Rosenbrock, one run and 1,000 runs
// together, and the time to recompute every optimizer once × 10,000 steps (what a slider move costs).
import { OPTIMIZERS, getSurface, simulate, simulateRun, traceRun, type RunSpec, type RunTrace, type Trajectory } from '../src/engine';
import { handAdamRosenbrock, type HandRun } from './handAdam';
import { median, timeRuns, type Measurement } from './measure';

const rosenbrock = getSurface('rosenbrock');

export function engineMeasurements(): Measurement[] {
  if (!rosenbrock) throw new Error('rosenbrock surface missing');
  const surface = rosenbrock;
  const out: Measurement[] = [];

  // First, while V8 has seen Adam's kernel on this one surface only: the ratio measures the rule's
  // own loop. Wrappers (SAM hands its inner rule another surface) and other surfaces make the
  // kernels' call to f polymorphic later on, as using the app does; the recompute row below is
  // measured after all of them.
  out.push(handWrittenRatio(surface));

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

/**
 * Engine Adam ÷ the hand-written loop, one run of 200,000 steps each, timed alternately in the
 * same process so that both see the same machine state. The hand loop gets its β powers from
 * a table built once, as the engine's kernel does, so the ratio measures the engine's overhead
 * (the shared kernel with its recorder switched off, the surface call), not a pow.
 */
function handWrittenRatio(surface: NonNullable<typeof rosenbrock>): Measurement {
  const steps = 200_000;
  const lr = 1e-5;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const spec: RunSpec = { surface, optimizer: 'adam', steps, start: [-1.2, 1], params: { lr, beta1, beta2, eps } };
  const beta1Pow = new Float64Array(steps + 1).map((_, t) => Math.pow(beta1, t));
  const beta2Pow = new Float64Array(steps + 1).map((_, t) => Math.pow(beta2, t));
  const hand: HandRun = { x: new Float64Array(steps + 1), y: new Float64Array(steps + 1), loss: new Float64Array(steps + 1) };
  const runHand = () => handAdamRosenbrock(hand, steps, -1.2, 1, lr, beta1, beta2, eps, beta1Pow, beta2Pow);
  let engine: Trajectory | undefined;
  const runEngine = () => {
    engine = simulateRun(spec, engine);
  };
  runHand();
  runEngine();
  for (let t = 0; t <= steps; t++) {
    if (!Object.is(hand.x[t], engine?.x[t]) || !Object.is(hand.y[t], engine?.y[t])) {
      throw new Error(`the hand-written Adam differs from the engine at step ${t}: the ratio would compare different work`);
    }
  }
  // Warm both until V8 has settled on its optimized code, then time them turn about, so that
  // a busy moment of the machine falls on both alike.
  for (let i = 0; i < 5; i++) {
    runEngine();
    runHand();
  }
  const engineTimes: number[] = [];
  const handTimes: number[] = [];
  for (let round = 0; round < 21; round++) {
    engineTimes.push(...timeRuns(runEngine, 1, 0));
    handTimes.push(...timeRuns(runHand, 1, 0));
  }
  const ratio = median(handTimes.sort((a, b) => a - b)) / median(engineTimes.sort((a, b) => a - b));
  return { name: 'adam rosenbrock 200000 steps, engine ÷ hand-written speed', value: ratio, unit: '×', target: '≥ 0.9', ok: ratio >= 0.9 };
}
