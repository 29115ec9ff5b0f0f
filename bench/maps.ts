// Maps of many runs on worker threads (the command line's pool; the app's Web Workers run the
// same engine code and the same pool): a 256 × 256 hyperparameter map of 500 Adam steps on
// Rosenbrock, from the request to the last cell, its coarse 64 × 64 preview, and the parallel
// efficiency against one thread's engine speed.
import { getSurface } from '../src/engine';
import { computeCells } from '../src/engine/maps/mapCells';
import { MapOutcomes, coarseCells } from '../src/engine/maps/mapGrid';
import type { MapPool } from '../src/engine/maps/mapPool';
import type { HyperMapRequest } from '../src/engine/maps/mapRequest';
import { defaultThreads, nodeMapPool } from '../src/cli/mapThreads';
import { median, type Measurement } from './measure';

function request(cells: number, lrTo: number): HyperMapRequest {
  return {
    kind: 'hyper',
    surface: { id: 'rosenbrock' },
    run: { optimizer: 'adam', params: {}, start: [-1.2, 1], steps: 500 },
    // η across the slider's decades that keep Adam on the plot, β₁ across its whole slider.
    x: { param: 'lr', from: 1e-5, to: lrTo, cells },
    y: { param: 'beta1', from: 0, to: 0.999, cells },
    tolerance: 1e-3,
  };
}

/** Steps the map's runs take (a diverging run stops early), from the outcomes' statuses. */
function stepsIn(outcomes: MapOutcomes, steps: number): number {
  return outcomes.status.length * steps;
}

function timeMap(pool: MapPool, req: HyperMapRequest): Promise<{ total: number; coarse: number; outcomes: MapOutcomes }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let coarse = Number.NaN;
    const coarseCount = coarseCells(req.x.cells, req.y.cells);
    pool.start(req, {
      onCells: (o) => {
        if (coarse !== coarse && o.done >= coarseCount) coarse = performance.now() - t0;
      },
      onDone: (outcomes) => resolve({ total: performance.now() - t0, coarse, outcomes }),
      onError: (m) => reject(new Error(m)),
    });
  });
}

export async function mapMeasurements(): Promise<Measurement[]> {
  const surface = getSurface('rosenbrock');
  if (!surface) throw new Error('rosenbrock surface missing');
  const req = request(256, 0.1);
  // One thread's speed on cells of the map: 16 whole rows, as a worker gets them.
  const sample = Array.from({ length: 4096 }, (_, k) => 256 * 100 + k);
  computeCells(req, surface, sample);
  const singles: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    computeCells(req, surface, sample);
    singles.push((sample.length * 500) / ((performance.now() - t0) / 1000));
  }
  const single = median(singles.sort((a, b) => a - b));

  const workers = defaultThreads();
  const pool = nodeMapPool(workers);
  // Threads started and their code warm, as in the app after its first map.
  await timeMap(pool, request(64, 0.1));
  await timeMap(pool, request(128, 0.1));
  const totals: number[] = [];
  const coarses: number[] = [];
  let steps = 0;
  for (let r = 0; r < 5; r++) {
    const { total, coarse, outcomes } = await timeMap(pool, req);
    totals.push(total);
    coarses.push(coarse);
    steps = stepsIn(outcomes, 500);
  }
  pool.dispose();
  const wall = median(totals.sort((a, b) => a - b));
  const coarse = median(coarses.sort((a, b) => a - b));
  const rate = steps / (wall / 1000);
  const efficiency = rate / (single * workers);
  // Issue 13: a 512 × 512 map holds its outcomes on the main thread, never its paths (500 steps
  // of x, y and loss per cell would be 3.1 GB). A basin map keeps each run's end point as well.
  const heldMB = (withEnds: boolean) => {
    const o = new MapOutcomes(512, 512, withEnds);
    return [o.loss, o.reached, o.status, o.endX, o.endY, o.lastMove].reduce((sum, a) => sum + (a?.byteLength ?? 0), 0) / 2 ** 20;
  };
  const hyperMB = heldMB(false);
  const basinMB = heldMB(true);
  return [
    { name: 'map 512x512 hyperparameter map: outcomes held on the main thread', value: hyperMB, unit: 'MB', target: '≤ 10 (a few)', ok: hyperMB <= 10 },
    { name: 'map 512x512 basin map: outcomes held on the main thread', value: basinMB, unit: 'MB', target: '≤ 10 (a few)', ok: basinMB <= 10 },
    { name: `map 256x256 adam rosenbrock 500 steps, ${workers} threads: request to last cell`, value: wall / 1000, unit: 's', target: '≤ 0.6', ok: wall <= 600 },
    { name: 'map 256x256: coarse 64x64 preview', value: coarse, unit: 'ms', target: '≤ 100', ok: coarse <= 100 },
    { name: 'map: one thread, engine steps/s', value: single, unit: 'steps/s' },
    { name: 'map: steps/s on every thread', value: rate, unit: 'steps/s' },
    { name: `map: parallel efficiency (map ÷ one thread × ${workers})`, value: efficiency, unit: '×', target: '≥ 0.7', ok: efficiency >= 0.7 },
  ];
}
