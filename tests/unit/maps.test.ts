// Maps of many runs: each cell is simulateRun with the cell's settings, bit for bit, whether it
// is computed here, through the pool, or on the command line's worker threads; a cancelled map
// says nothing more; bad requests are refused by name.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, getSurface, simulateRun, type Surface } from '../../src/engine';
import { classifyBasins } from '../../src/engine/maps/basins';
import { CELL_DIVERGED, CELL_OK, CELL_STOPPED, cellSpec, computeCells, type CellBatch } from '../../src/engine/maps/mapCells';
import { MapOutcomes, cellOrder, coarseCells } from '../../src/engine/maps/mapGrid';
import { MapPool } from '../../src/engine/maps/mapPool';
import { mapWorkerHandler, type FromMapWorker, type MapThread, type ToMapWorker } from '../../src/engine/maps/mapProtocol';
import { axisCell, axisValue, checkMapRequest, mappableParams, type BasinMapRequest, type HyperMapRequest, type MapRequest } from '../../src/engine/maps/mapRequest';
import { compileFormula } from '../../src/engine/formula';
import { mapMain } from '../../src/cli/mapMain';
import { maps } from '../../src/i18n/messages/maps';
import { mapText } from '../../src/i18n/mapText';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`surface ${id} missing`);
  return s;
}

/** An in-process worker: the real handler, answering on a later task as a worker would. */
function inProcessThread(log: { sent: number }): MapThread {
  let listener: ((m: FromMapWorker) => void) | null = null;
  const handle = mapWorkerHandler(
    (message) => setTimeout(() => listener?.(message), 0),
    async () => (expr, domain) => compileFormula(expr, { domain }).surface,
  );
  return {
    send: (message: ToMapWorker) => {
      log.sent++;
      handle(message);
    },
    listen: (fn) => {
      listener = fn;
    },
    terminate: () => {
      listener = null;
    },
  };
}

function hyperRequest(optimizer: (typeof OPTIMIZERS)[number]['id'], s: Surface, cells = 5): HyperMapRequest {
  const [a, b] = mappableParams(optimizer);
  const axis = (h: typeof a) => ({ param: h.key, from: h.min === 0 && h.scale === 'log' ? 1e-6 : h.min, to: h.max, cells });
  return { kind: 'hyper', surface: { id: s.id }, run: { optimizer, params: {}, start: s.start, steps: 60 }, x: axis(a), y: axis(b ?? a), tolerance: 1e-3 };
}

function runPool(request: MapRequest, threads = 2): Promise<MapOutcomes> {
  const pool = new MapPool(() => inProcessThread({ sent: 0 }), threads);
  return new Promise((resolve, reject) => pool.start(request, { onDone: resolve, onError: (m) => reject(new Error(m)) }));
}

describe('map cells', () => {
  it('equal simulateRun with the cell’s settings, bit for bit, for random cells of every optimizer', () => {
    const s = surface('rosenbrock');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const o of OPTIMIZERS) {
      if (mappableParams(o.id).length < 2) continue;
      const request = hyperRequest(o.id, s, 16);
      const indices = Array.from({ length: 6 }, () => Math.floor(random() * 256));
      const batch = computeCells(request, s, indices);
      indices.forEach((index, k) => {
        const path = simulateRun(cellSpec(request, s, index));
        expect(Object.is(batch.loss[k], path.loss[path.steps]), `${o.id} cell ${index}`).toBe(true);
        expect(batch.endX[k]).toBe(path.x[path.steps]);
        expect(batch.status[k]).toBe(path.status === 'ok' ? CELL_OK : path.status === 'diverged' ? CELL_DIVERGED : CELL_STOPPED);
      });
    }
  });

  it('sweep each axis in its slider’s scale: decades of η, values of β₁, decades of 1 − β₂', () => {
    const lr = { param: 'lr', from: 1e-4, to: 1, cells: 4 } as const;
    expect([0, 1, 2, 3].map((i) => Math.log10(axisValue(lr, i)))).toEqual([-3.5, -2.5, -1.5, -0.5].map((v) => expect.closeTo(v, 9)));
    // Twelve significant digits: the same value in every JavaScript engine.
    expect(axisValue(lr, 1)).toBe(0.00316227766017);
    const beta1 = { param: 'beta1', from: 0, to: 0.8, cells: 4 } as const;
    expect([0, 1, 2, 3].map((i) => axisValue(beta1, i))).toEqual([0.1, 0.3, 0.5, 0.7].map((v) => expect.closeTo(v, 12)));
    const beta2 = { param: 'beta2', from: 0.9, to: 0.9999, cells: 3 } as const;
    expect(Math.log10(1 - axisValue(beta2, 1))).toBeCloseTo(-2.5, 9);
    // The run's own setting is marked in the cell whose span holds it.
    expect(axisCell(lr, 0.01)).toBe(2);
    expect(axisCell(lr, 1e-9)).toBe(0);
  });

  it('are handed out coarse first: every 4th row and column, then every 2nd, then the rest', () => {
    const order = cellOrder(8, 8);
    expect(new Set(order).size).toBe(64);
    expect(coarseCells(8, 8)).toBe(4);
    expect(Array.from(order.slice(0, 4))).toEqual([0, 4, 32, 36]);
    const outcomes = new MapOutcomes(8, 8, false);
    expect(outcomes.shownCell(3, 3)).toBe(-1);
    const batch: CellBatch = { indices: Int32Array.of(0), loss: Float64Array.of(1), reached: Int32Array.of(-1), status: Uint8Array.of(CELL_OK), endX: Float64Array.of(0), endY: Float64Array.of(0), lastMove: Float64Array.of(0) };
    outcomes.add(batch);
    // While the map fills, a cell shows the nearest coarse cell computed.
    expect(outcomes.shownCell(3, 3)).toBe(0);
    expect(outcomes.done).toBe(1);
  });
});

describe('the map pool', () => {
  it('assembles every cell from its workers, equal to computing them in order', async () => {
    const s = surface('rosenbrock');
    const request = hyperRequest('adam', s, 12);
    const outcomes = await runPool(request);
    expect(outcomes.complete).toBe(true);
    const all = computeCells(request, s, Array.from({ length: 144 }, (_, i) => i));
    for (let c = 0; c < 144; c++) {
      expect(Object.is(outcomes.loss[c], all.loss[c])).toBe(true);
      expect(outcomes.reached[c]).toBe(all.reached[c]);
    }
  });

  it('computes a typed formula’s map in its workers, as the formula compiles here', async () => {
    const compiled = compileFormula('x^2 + 3*y^2 + sin(x)', { domain: { x: [-2, 2], y: [-2, 2] } }).surface;
    const request: BasinMapRequest = { kind: 'basin', surface: { expr: 'x^2 + 3*y^2 + sin(x)', domain: compiled.domain }, run: { optimizer: 'momentum', params: { lr: 0.05 }, start: [0, 0], steps: 80 }, domain: compiled.domain, cellsX: 6, cellsY: 5, tolerance: 1e-3 };
    const outcomes = await runPool(request);
    const all = computeCells(request, compiled, Array.from({ length: 30 }, (_, i) => i));
    for (let c = 0; c < 30; c++) expect(Object.is(outcomes.loss[c], all.loss[c])).toBe(true);
  });

  it('says nothing more of a cancelled map, even of cells already on their way back', async () => {
    const log = { sent: 0 };
    const pool = new MapPool(() => inProcessThread(log), 2);
    const s = surface('rosenbrock');
    let events = 0;
    pool.start(hyperRequest('adam', s, 32), { onCells: () => events++, onDone: () => events++, onError: () => events++ });
    // Chunks are in flight (sent, their answers queued): cancel before any arrives.
    expect(log.sent).toBeGreaterThan(2);
    pool.cancel();
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toBe(0);
    // A new map after a cancel completes normally, unmixed with the old one's cells.
    const request = hyperRequest('sgd', s, 6);
    const outcomes = await new Promise<MapOutcomes>((resolve) => pool.start(request, { onDone: resolve }));
    const all = computeCells(request, s, Array.from({ length: 36 }, (_, i) => i));
    for (let c = 0; c < 36; c++) expect(Object.is(outcomes.loss[c], all.loss[c])).toBe(true);
    pool.dispose();
  });
});

describe('a map worker', () => {
  it('drops the chunks of an old map still waiting when a new map arrives: a change costs at most the chunk in progress', async () => {
    const replies: FromMapWorker[] = [];
    const handle = mapWorkerHandler((m) => replies.push(m), async () => (expr, domain) => compileFormula(expr, { domain }).surface);
    const s = surface('rosenbrock');
    const first = hyperRequest('adam', s, 16);
    handle({ type: 'job', job: 1, request: first });
    for (let k = 0; k < 5; k++) handle({ type: 'cells', job: 1, indices: Int32Array.from({ length: 40 }, (_, i) => 40 * k + i) });
    const second = hyperRequest('sgd', s, 4);
    handle({ type: 'job', job: 2, request: second });
    handle({ type: 'cells', job: 2, indices: Int32Array.of(0, 1, 2) });
    await new Promise((r) => setTimeout(r, 100));
    expect(replies.map((m) => m.job)).toEqual([2]);
    const batch = replies[0].type === 'cells' ? replies[0].batch : null;
    expect(Array.from(batch?.loss ?? [])).toEqual(Array.from(computeCells(second, s, [0, 1, 2]).loss));
  });
});

describe('basin maps', () => {
  it('find the four basins of local-minima under gradient descent, each around its minimum', async () => {
    const s = surface('local-minima');
    const request: BasinMapRequest = { kind: 'basin', surface: { id: s.id }, run: { optimizer: 'sgd', params: { lr: 0.02 }, start: s.start, steps: 400 }, domain: s.domain, cellsX: 16, cellsY: 16, tolerance: 1e-3 };
    const outcomes = await runPool(request);
    const { cellClass, classes } = classifyBasins(outcomes, s.minima, s.domain);
    expect(s.minima).toHaveLength(4);
    for (let m = 0; m < 4; m++) {
      expect(classes[m].kind).toBe('minimum');
      expect(classes[m].count, `minimum ${m}`).toBeGreaterThan(20);
      // The cell holding the minimum itself ends there, as do the cells of its quadrant's corner.
      const { x, y } = s.minima[m];
      const i = Math.floor(((x - s.domain.x[0]) / 4) * 16);
      const j = Math.floor(((y - s.domain.y[0]) / 4) * 16);
      expect(cellClass[j * 16 + i]).toBe(m);
      const ci = x > 0 ? 15 : 0;
      const cj = y > 0 ? 15 : 0;
      expect(cellClass[cj * 16 + ci], `corner of minimum ${m}`).toBe(m);
    }
  });

  it('mark runs that diverge, and runs still moving when their steps run out', async () => {
    const s = surface('local-minima');
    const request: BasinMapRequest = { kind: 'basin', surface: { id: s.id }, run: { optimizer: 'sgd', params: { lr: 0.6 }, start: s.start, steps: 50 }, domain: s.domain, cellsX: 8, cellsY: 8, tolerance: 1e-3 };
    const { classes } = classifyBasins(await runPool(request), s.minima, s.domain);
    expect(classes.find((c) => c.kind === 'diverged')?.count).toBeGreaterThan(0);
    const slow: BasinMapRequest = { ...request, run: { ...request.run, params: { lr: 1e-4 }, steps: 5 } };
    const slowClasses = classifyBasins(await runPool(slow), s.minima, s.domain).classes;
    expect(slowClasses.find((c) => c.kind === 'moving')?.count).toBeGreaterThan(20);
  });
});

describe('bad map requests', () => {
  const s = surface('rosenbrock');
  const good = hyperRequest('adam', s);
  it('name a hyperparameter the optimizer lacks, a range outside the slider’s, and a grid too large', () => {
    expect(() => checkMapRequest({ ...good, x: { ...good.x, param: 'rho' } })).toThrow(/adam has no hyperparameter "rho" to map on the x axis \(it has lr, beta1, beta2, eps, weightDecay\)/);
    expect(() => checkMapRequest({ ...good, x: { param: 'lr', from: 1e-9, to: 1, cells: 8 } })).toThrow(/x axis's from value for lr must lie in the slider's range \[0.00001, 10\], got 1e-9/);
    expect(() => checkMapRequest({ ...good, x: { ...good.x, cells: 100_000 }, y: { ...good.y, cells: 100_000 } })).toThrow(/the x axis must be a whole number of cells from 2 to 512, got 100000/);
    expect(() => checkMapRequest({ ...good, y: { ...good.x } })).toThrow(/different hyperparameters/);
    expect(() => checkMapRequest({ ...good, x: { ...good.x, from: 0.5, to: 0.1 } })).toThrow(/from a smaller to a larger lr/);
    expect(() => checkMapRequest({ ...good, run: { ...good.run, steps: 100_000_000 } })).toThrow(/steps in all/);
  });

  it('are refused by the pool before any worker starts', () => {
    let spawned = 0;
    const pool = new MapPool(() => {
      spawned++;
      return inProcessThread({ sent: 0 });
    }, 2);
    expect(() => pool.start({ ...good, x: { ...good.x, param: 'rho' } }, {})).toThrow(/no hyperparameter "rho"/);
    expect(spawned).toBe(0);
  });
});

describe('trajectory map (command line)', () => {
  function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    return mapMain(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
  }

  it('prints the same cells as the app computes, on worker threads', async () => {
    const { code, out } = await cli(['--surface', 'rosenbrock', '--optimizer', 'adam', '--x', 'lr:1e-4:1', '--y', 'beta1:0:0.99', '--cells', '6x5', '--steps', '80', '--threads', '2']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { loss: number[]; reached: (number | null)[]; x: { values: number[] } };
    const s = surface('rosenbrock');
    const request: MapRequest = {
      kind: 'hyper',
      surface: { id: 'rosenbrock' },
      run: { optimizer: 'adam', params: {}, start: s.start, steps: 80, biasCorrection: true },
      x: { param: 'lr', from: 1e-4, to: 1, cells: 6 },
      y: { param: 'beta1', from: 0, to: 0.99, cells: 5 },
      tolerance: 1e-3,
    };
    const all = computeCells(request, s, Array.from({ length: 30 }, (_, i) => i));
    expect(json.loss).toEqual(Array.from(all.loss));
    expect(json.reached).toEqual(Array.from(all.reached, (r) => (r < 0 ? null : r)));
    expect(json.x.values[0]).toBe(axisValue(request.x, 0));
  }, 30_000);

  it('names the bad part of a map request', async () => {
    const lacks = await cli(['--surface', 'rosenbrock', '--optimizer', 'adam', '--x', 'rho:0:0.9', '--y', 'lr:1e-3:1']);
    expect(lacks.code).toBe(2);
    expect(lacks.err).toMatch(/adam has no hyperparameter "rho" to map/);
    const huge = await cli(['--surface', 'rosenbrock', '--optimizer', 'adam', '--x', 'lr:1e-3:1', '--y', 'beta1:0:0.9', '--cells', '100000']);
    expect(huge.err).toMatch(/from 2 to 512, got 100000/);
    const outside = await cli(['--surface', 'rosenbrock', '--optimizer', 'sgd', '--x', 'lr:1e-3:100', '--y', 'weightDecay:0:0.5']);
    expect(outside.err).toMatch(/slider's range \[0.00001, 10\], got 100/);
  });
});

describe('the Maps section’s words', () => {
  it('are in both languages, with the same placeholders, and Korean without stray English', () => {
    // Distill is the journal's name, ms the unit, Enter the key as printed on it.
    const allowed = new Set(['Distill', 'ms', 'Enter', ...OPTIMIZERS.map((o) => o.name)]);
    for (const [key, { en, ko }] of Object.entries(maps)) {
      expect(en.trim(), key).not.toBe('');
      const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(names(ko), key).toEqual(names(en));
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(words.filter((w) => !allowed.has(w)), `${key}: ${ko}`).toEqual([]);
      // A message of placeholders and math alone ("{x}, {y}: {outcome}", "f = {v}") has no words.
      if (/[A-Za-z]{2,}/.test(en.replace(/\{\w+\}/g, ''))) expect(ko, key).toMatch(/[가-힣]/);
    }
    expect(mapText('en', 'maps.progress', { done: 3, total: 9 })).toBe('3 of 9 runs');
    expect(mapText('ko', 'maps.progress', { done: 3, total: 9 })).toBe('실행 9개 중 3개');
  });
});
