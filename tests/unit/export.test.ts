import { describe, expect, it } from 'vitest';
import { useFormulaCompiler } from '../../src/cli/args';
import { formatCsv, formatJson } from '../../src/cli/format';
import { main } from '../../src/cli/main';
import {
  CSV_HEADER,
  HYPERPARAMS,
  OPTIMIZERS,
  RUNS_CSV_HEADER,
  csvNumber,
  getSurface,
  jsonNumber,
  simulateRun,
  trajectoriesCsv,
  trajectoriesJson,
  trajectoryCsv,
  trajectoryJson,
  type Hyperparams,
  type RunStatus,
  type Surface,
  type Trajectory,
} from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';
import { createSceneStore, defaultScene } from '../../src/state/store';
import { exportMessages } from '../../src/i18n/messages/export';
import { fileStem, pngFileName, sceneCsv, sceneJson, sceneRuns } from '../../src/ui/export/exporters';
import {
  HOLD_SECONDS,
  LEAD_SECONDS,
  MAX_RECORD_SECONDS,
  RECORD_FPS,
  frameTimeMap,
  planFrameTimes,
  planStepAt,
  recordingPlan,
  webmMimeType,
} from '../../src/ui/export/videoPlan';

useFormulaCompiler(compileFormula);

/** Doubles whose shortest text is long, signed zeros, extremes: what a careless printer loses. */
const AWKWARD = [0.1 + 0.2, -0, 0, 5e-324, Number.MAX_VALUE, -1.7976931348623157e308, 1 / 3, 123456789.12345679, 1e21, 2 ** -1074 * 3];

function fixedTrajectory(values: readonly number[], status: RunStatus = 'ok'): Trajectory {
  const n = values.length;
  const x = Float64Array.from(values);
  const y = Float64Array.from(values, (v) => -v);
  const loss = Float64Array.from(values, (v, i) => v * i);
  const params: Hyperparams = { ...simulateRun({ surface: surface('rosenbrock'), optimizer: 'sgd', steps: 1 }).params };
  return { x, y, loss, steps: n - 1, status, params };
}

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`surface ${id} missing`);
  return s;
}

/** The flags that give a run these hyperparameters on the command line. */
function paramFlags(params: Readonly<Partial<Hyperparams>>, only?: readonly string[]): string[] {
  return HYPERPARAMS.filter((h) => params[h.key] !== undefined && (!only || only.includes(h.key))).flatMap((h) => [h.flag, String(params[h.key])]);
}

function cli(...argv: string[]): string {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  expect(err, argv.join(' ')).toBe('');
  expect(code).toBe(0);
  return out;
}

describe('number formatting', () => {
  it('reads back as the same doubles, signed zeros included', () => {
    for (const v of AWKWARD) {
      expect(Object.is(Number(csvNumber(v)), v), `${v}`).toBe(true);
      expect(Object.is(JSON.parse(jsonNumber(v)), v), `${v}`).toBe(true);
    }
  });

  it('writes what JSON cannot hold as null, and CSV as JavaScript spells it', () => {
    expect([NaN, Infinity, -Infinity].map(jsonNumber)).toEqual(['null', 'null', 'null']);
    expect([NaN, Infinity, -Infinity].map(csvNumber)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });
});

describe('one trajectory', () => {
  const t = fixedTrajectory(AWKWARD);

  it('as CSV: the header, then one row per point from step 0, each reading back exactly', () => {
    const lines = trajectoryCsv(t).split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines[0]).toBe('step,x,y,loss');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(t.steps + 1);
    rows.forEach((row, k) => {
      const [step, x, y, loss] = row.split(',').map(Number);
      expect(step).toBe(k);
      expect(Object.is(x, t.x[k]) && Object.is(y, t.y[k]) && Object.is(loss, t.loss[k]), row).toBe(true);
    });
  });

  it('is exactly what the CLI prints', () => {
    const run = { surface: surface('rosenbrock'), optimizer: 'adam' as const, params: {}, start: [-1.5, 2] as const, steps: 40, biasCorrection: true };
    const path = simulateRun(run);
    expect(formatCsv(path)).toBe(trajectoryCsv(path));
    expect(formatJson(run, path)).toBe(`${trajectoryJson(run, path)}\n`);
    expect(trajectoryCsv(path)).toBe(cli('--surface', 'rosenbrock', '--optimizer', 'adam', '--start', '-1.5,2', '--steps', '40', '--format', 'csv'));
  });

  it('ignores array slots past the last step (buffers are reused)', () => {
    const t2 = fixedTrajectory([1, 2, 3, 4]);
    t2.steps = 1;
    expect(trajectoryCsv(t2)).toBe(`${CSV_HEADER}\n0,1,-1,0\n1,2,-2,2\n`);
  });
});

describe('several runs', () => {
  it('as one CSV: run and optimizer first, then the CLI columns, steps + 1 rows per run', () => {
    const a = fixedTrajectory([1, 2, 3]);
    const b = fixedTrajectory([0.5, -0]);
    const csv = trajectoriesCsv([
      { label: '1', optimizer: 'sgd', path: a },
      { label: '3', optimizer: 'adam', path: b },
    ]);
    expect(RUNS_CSV_HEADER).toBe('run,optimizer,step,x,y,loss');
    expect(csv).toBe(['run,optimizer,step,x,y,loss', '1,sgd,0,1,-1,0', '1,sgd,1,2,-2,2', '1,sgd,2,3,-3,6', '3,adam,0,0.5,-0.5,0', '3,adam,1,-0,0,-0', ''].join('\n'));
  });

  it('as JSON: an array, empty when there is nothing to export', () => {
    expect(JSON.parse(trajectoriesJson([]))).toEqual([]);
  });
});

describe('a scene, exported as the CLI would write each run', () => {
  function cliArgs(scene: ReturnType<typeof sceneRuns>[number]['run'], extra: string[] = []): string[] {
    return [
      ...(scene.expr === undefined ? ['--surface', scene.surface.id] : ['--expr', scene.expr, '--domain', [...scene.surface.domain.x, ...scene.surface.domain.y].join(',')]),
      '--optimizer',
      scene.optimizer,
      '--steps',
      String(scene.steps),
      '--start',
      scene.start.join(','),
      ...extra,
    ];
  }

  it('the default scene: one JSON object per visible run, byte for byte the CLI’s line', () => {
    const store = createSceneStore(defaultScene('rosenbrock'));
    const state = store.getState();
    const json = sceneJson(state);
    const objects = JSON.parse(json) as { optimizer: string; path: unknown[] }[];
    expect(objects).toHaveLength(state.runs.length);
    const lines = json.split('\n').slice(1, -2);
    expect(lines).toHaveLength(state.runs.length);
    sceneRuns(state).forEach((r, i) => {
      const line = lines[i].replace(/,$/, '');
      expect(`${line}\n`).toBe(cli(...cliArgs(r.run)));
      expect(objects[i].optimizer).toBe(state.runs[i].optimizer);
    });
  });

  it('changed hyperparameters, bias correction off, noise and a penalty: still the CLI’s output', () => {
    const store = createSceneStore(defaultScene('ravine'));
    const s = store.getState();
    const adam = s.runs.find((r) => r.optimizer === 'adam')!;
    s.setParam(adam.id, 'lr', 0.037);
    s.setBiasCorrection(adam.id, false);
    s.setNoise({ sigma: 0.3, seed: 7 });
    s.setPenalty({ kind: 'l1', lambda: 0.05 });
    s.setSteps(80);
    const state = store.getState();
    const runs = sceneRuns(state);
    const objects = JSON.parse(sceneJson(state)) as object[];
    runs.forEach((r, i) => {
      const extra = ['--noise', '0.3', '--seed', '7', '--penalty', 'l1=0.05'];
      if (r.optimizer === 'adam') extra.push('--lr', '0.037', '--no-bias-correction');
      else extra.push(...paramFlags(r.run.params ?? {}));
      expect(objects[i]).toEqual(JSON.parse(cli(...cliArgs(r.run, extra))));
    });
    expect((objects[0] as { params: { penalty: unknown } }).params.penalty).toEqual({ kind: 'l1', lambda: 0.05 });
  });

  it('a typed formula: surface "custom" with the formula as mathjs prints it, and its domain', () => {
    const domain = { x: [-2, 2] as const, y: [-1, 3] as const };
    const compiled = compileFormula('x^2 + 3y^2', { domain });
    const store = createSceneStore(defaultScene());
    store.getState().setCustomSurface({ expr: 'x^2 + 3y^2', domain, surface: compiled.surface });
    store.getState().setStart([1, 1]);
    store.getState().setSteps(20);
    const state = store.getState();
    const runs = sceneRuns(state);
    const objects = JSON.parse(sceneJson(state)) as { surface: string; expr: string; domain: number[] }[];
    expect(objects[0].surface).toBe('custom');
    expect(objects[0].expr).toBe('x ^ 2 + 3 y ^ 2');
    expect(objects[0].domain).toEqual([-2, 2, -1, 3]);
    const sgd = runs.findIndex((r) => r.optimizer === 'sgd');
    // Hyperparameters as the app resolved them (the typed surface has no demo defaults).
    const lines = sceneJson(state).split('\n');
    expect(`${lines[1 + sgd].replace(/,$/, '')}\n`).toBe(cli(...cliArgs(runs[sgd].run, paramFlags(runs[sgd].run.params ?? {}, ['lr']))));
  });

  it('leaves hidden runs out, numbering the rest by their place in the run list', () => {
    const store = createSceneStore(defaultScene('rosenbrock'));
    const second = store.getState().runs[1];
    store.getState().toggleRun(second.id);
    store.getState().setSteps(25);
    const state = store.getState();
    const lines = sceneCsv(state).split('\n');
    expect(lines[0]).toBe(RUNS_CSV_HEADER);
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    const labels = [...new Set(rows.map((r) => r[0]))];
    expect(labels).toEqual(['1', '3', '4', '5', '6']);
    for (const label of labels) {
      const mine = rows.filter((r) => r[0] === label);
      const run = state.runs[Number(label) - 1];
      expect(mine.every((r) => r[1] === run.optimizer)).toBe(true);
      // Each run: steps + 1 rows unless it stopped early.
      expect(mine.length).toBeLessThanOrEqual(26);
      expect(mine.map((r) => Number(r[2]))).toEqual(mine.map((_, k) => k));
    }
    expect(JSON.parse(sceneJson(state))).toHaveLength(5);
  });
});

describe('file names and recording plans', () => {
  it('name files after the surface and, for a picture, the whole step shown (as the legend shows it)', () => {
    expect(pngFileName('rosenbrock', 119.6)).toBe('descent-rosenbrock-step119.png');
    expect(pngFileName('rosenbrock', 120)).toBe('descent-rosenbrock-step120.png');
    expect(fileStem('custom')).toBe('descent-custom');
    expect(fileStem('Odd id/../x')).toBe('descent-odd-id-x');
  });

  it('play at the current speed, or faster when that would exceed the cap; the start and end held', () => {
    const plan = recordingPlan(300, 60);
    expect(plan).toMatchObject({ end: 300, rate: 60, seconds: 5, capped: false, fps: RECORD_FPS });
    expect(plan.total).toBeCloseTo(LEAD_SECONDS + 5 + HOLD_SECONDS, 12);
    const long = recordingPlan(20_000, 10);
    expect(long.capped).toBe(true);
    expect(long.seconds).toBe(MAX_RECORD_SECONDS);
    expect(long.rate * long.seconds).toBeCloseTo(20_000, 9);
    expect(long.total).toBeCloseTo(LEAD_SECONDS + MAX_RECORD_SECONDS + HOLD_SECONDS, 12);
  });

  it('put the playhead at step 0 through the lead, at the plan’s pace after it, and at the end through the hold', () => {
    const plan = recordingPlan(300, 60);
    expect(planStepAt(plan, 0)).toBe(0);
    expect(planStepAt(plan, LEAD_SECONDS)).toBe(0);
    expect(planStepAt(plan, LEAD_SECONDS + 1)).toBeCloseTo(60, 9);
    expect(planStepAt(plan, LEAD_SECONDS + 2.5)).toBeCloseTo(150, 9);
    expect(planStepAt(plan, LEAD_SECONDS + 5)).toBe(300);
    expect(planStepAt(plan, plan.total)).toBe(300);
  });

  it('draw every frame of a 1/fps grid, the plan’s end last', () => {
    const plan = recordingPlan(40, 20);
    const times = planFrameTimes(plan);
    expect(times[0]).toBe(0);
    expect(times.at(-1)).toBe(plan.total);
    expect(times).toHaveLength(Math.ceil(plan.total * plan.fps - 1e-9) + 1);
    for (let i = 1; i < times.length - 1; i++) expect(times[i] - times[i - 1]).toBeCloseTo(1 / plan.fps, 12);
    expect(times.at(-1)! - times.at(-2)!).toBeGreaterThan(0);
    expect(times.at(-1)! - times.at(-2)!).toBeLessThanOrEqual(1 / plan.fps + 1e-12);
    // The steps they show: held at 0, then the plan's pace, then held at the end.
    const steps = times.map((t) => planStepAt(plan, t));
    expect(steps.slice(0, 10).every((s) => s === 0)).toBe(true);
    expect(steps.every((s, i) => i === 0 || s >= steps[i - 1])).toBe(true);
    expect(steps.filter((s) => s === 40).length).toBeGreaterThanOrEqual(Math.floor(HOLD_SECONDS * plan.fps));
  });

  it('give each recorded frame the time it stands for, whatever the wall clock said', () => {
    // Drawn slowly (a frame every 200 ms of wall clock) for a 30 fps video.
    const frames = Array.from({ length: 6 }, (_, i) => ({ wall: i * 200, video: (i * 1000) / 30 }));
    // Every frame is in the file: the index says which, even where the stamps drift.
    const map = frameTimeMap(frames, 6);
    expect([0, 260, 330, 601, 800, 1004].map((ms, i) => map(i, ms))).toEqual(frames.map((f) => f.video));
  });

  it('skip the frames the encoder dropped, keeping the others’ times', () => {
    const frames = Array.from({ length: 6 }, (_, i) => ({ wall: i * 40, video: (i * 1000) / 30 }));
    // Frames 2 and 3 never made it into the file: the stamps tell which the others are.
    const map = frameTimeMap(frames, 4);
    expect([1, 41, 161, 199].map((ms, i) => map(i, ms))).toEqual([0, 1, 4, 5].map((i) => frames[i].video));
    // Stamps closer together than the frames still get distinct, increasing times.
    const close = frameTimeMap(frames, 3);
    const out = [0, 2, 3].map((ms, i) => close(i, ms));
    expect(out[1]).toBeGreaterThan(out[0]);
    expect(out[2]).toBeGreaterThan(out[1]);
  });

  it('report no video support where there is no MediaRecorder (Node)', () => {
    expect(webmMimeType()).toBeNull();
  });
});

describe('export messages', () => {
  // Format names and PyTorch (a proper name, in the allow-list of the Korean UI too) stay as
  // they are; single letters are math (3D, x, y).
  const NAMES = new Set(['PNG', 'WebM', 'CSV', 'JSON', 'PyTorch']);
  const messages: Readonly<Record<string, { en: string; ko: string }>> = exportMessages;

  it('are in Korean, with no English words but format names', () => {
    for (const [key, { en, ko }] of Object.entries(messages)) {
      expect(en.length, key).toBeGreaterThan(0);
      expect(/[\uac00-\ud7a3]/.test(ko), `${key}: ${ko}`).toBe(true);
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => !NAMES.has(w) && w.length > 1), `${key}: ${ko}`).toEqual([]);
      // Both languages fill the same placeholders.
      expect((ko.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
    }
  });

  it('name the optimizers the CSV can hold with the engine’s ids', () => {
    const csv = trajectoriesCsv(OPTIMIZERS.map((o, i) => ({ label: String(i + 1), optimizer: o.id, path: fixedTrajectory([1]) })));
    expect(csv.split('\n').slice(1, -1).map((l) => l.split(',')[1])).toEqual(OPTIMIZERS.map((o) => o.id));
  });
});
