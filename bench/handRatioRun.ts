// One measurement of engine Adam against the hand-written loop, in whatever process imports it.
// bench/handRatio.ts runs it in fresh processes; see there for why.
import { getSurface, simulateRun, type RunSpec, type Trajectory } from '../src/engine';
import { handAdamRosenbrock, type HandRun } from './handAdam';
import { median, timeRuns } from './measure';

export interface RatioSample {
  /** Median milliseconds of one 200,000-step run, engine and hand-written. */
  readonly engineMs: number;
  readonly handMs: number;
}

/**
 * One run of 200,000 steps each, timed alternately so that both see the same machine state.
 * The hand loop gets its β powers from a table built once, as the engine's kernel does, so the
 * ratio measures the engine's overhead (the shared kernel with its recorder switched off, the
 * surface call), not a pow.
 */
export function measureRatio(): RatioSample {
  const surface = getSurface('rosenbrock');
  if (!surface) throw new Error('rosenbrock surface missing');
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
  // Warm both until V8 has settled on its optimized code, then time them turn about.
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
  return { engineMs: median(engineTimes.sort((a, b) => a - b)), handMs: median(handTimes.sort((a, b) => a - b)) };
}

// Run as a script: print one sample as JSON for the parent bench.
if (process.argv[1]?.endsWith('handRatioRun.ts')) process.stdout.write(`${JSON.stringify(measureRatio())}\n`);
