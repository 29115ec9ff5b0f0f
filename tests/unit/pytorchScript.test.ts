// "Copy as PyTorch": the script replays Descent's runs with torch.optim and prints how far each
// lands from the path Descent computed. Where Debian's python3-torch is installed (CI installs it
// and sets DESCENT_REQUIRE_TORCH=1) the scripts are run, for every optimizer of the table, on
// every built-in surface and on typed formulas, with schedules, noise, penalties and the
// no-bias-correction variant, and every run must report a deviation ≤ 1e-9.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  GaussianNoise,
  OPTIMIZERS,
  OPTIMIZER_IDS,
  SCHEDULE_KINDS,
  SURFACE_IDS,
  frameworkCall,
  getSurface,
  simulateRun,
  type ExportedRun,
  type OptimizerId,
  type ScheduleSpec,
  type Surface,
} from '../../src/engine';
import { PYTORCH_SCRIPT_HEADER, pytorchScript, type PytorchRun } from '../../src/engine/pytorchScript';
import { DATA_SURFACES } from '../../src/engine/data/dataSurfaces';
import { loadDataSurfaces } from '../../src/engine/data/loadData';
import { FORMULA_FUNCTIONS, TORCH_FUNCTION_NAMES, compileFormula, torchExpression } from '../../src/engine/formula';
import { createSceneStore, defaultScene } from '../../src/state/store';
import { sceneRuns } from '../../src/ui/export/exporters';
import { scenePytorch } from '../../src/ui/export/pytorchExport';

const PYTHON = '/usr/bin/python3';
const GOLDEN_DIR = join(__dirname, '..', '..', 'scripts');

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

function replayed(run: ExportedRun, label?: string): PytorchRun {
  return { run, path: simulateRun(run), ...(label !== undefined && { label }) };
}

function spec(s: Surface, optimizer: OptimizerId, more: Partial<ExportedRun> = {}): ExportedRun {
  return { surface: s, optimizer, start: s.start, steps: s.steps, biasCorrection: true, ...more };
}

/** The numbers of a Python list literal (the script's own spelling: decimals, math.nan, -0.0). */
function pythonNumbers(list: string): number[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s === 'math.nan' ? NaN : s === 'math.inf' ? Infinity : s === '-math.inf' ? -Infinity : Number(s)));
}

describe('a formula in torch', () => {
  it('has a torch spelling for every function the grammar allows', () => {
    expect([...TORCH_FUNCTION_NAMES].sort()).toEqual(Object.keys(FORMULA_FUNCTIONS).sort());
  });

  it.each([
    // mathjs's grouping kept exactly: a + (b + c) and (a + b) + c round differently.
    ['x - (y - 1)', 'x - (y - 1)'],
    ['x + (y + 1)', 'x + (y + 1)'],
    ['(x + y) + 1', 'x + y + 1'],
    ['x / (2 * y)', 'x / (2 * y)'],
    ['x * y / 2', 'x * y / 2'],
    // Powers: Python's ** binds as mathjs's ^, a unary minus on the left included.
    ['-x^2', '-x ** 2'],
    ['(-x)^2', '(-x) ** 2'],
    ['2^-x', '2 ** -x'],
    ['x^y^2', 'x ** y ** 2'],
    ['(x^y)^2', '(x ** y) ** 2'],
    ['-(x + y)', '-(x + y)'],
    ['-(-x)', '-(-x)'],
    // Implicit products, and x(…) read as x·(…), as the compiler reads them.
    ['2x y', '2 * x * y'],
    ['x(x + 1)', 'x * (x + 1)'],
    ['sin(x) cos(y)', 'torch.sin(x) * torch.cos(y)'],
    // Numbers alone are folded as the engine folds them (Python's ** of a negative base is complex).
    ['2*pi*x', '6.283185307179586 * x'],
    ['(-8)^(1/3) + x', 'math.nan + x'],
    ['1/0 + y', 'math.inf + y'],
    ['e^x + pi', 'math.e ** x + math.pi'],
    ['x + 0.1', 'x + 0.1'],
    ['x * 1e-7', 'x * 1e-7'],
    // The reciprocal functions as the engine computes them.
    ['sec(x) + coth(y)', '(1 / torch.cos(x)) + (1 / torch.tanh(y))'],
    ['log10(abs(x) + 1)', 'torch.log10(torch.abs(x) + 1)'],
    // A formula of numbers alone still gives a tensor autograd can differentiate.
    ['5', '0 * x + 5'],
    ['-2', '0 * x + -2'],
  ])('%s → %s', (formula, python) => {
    expect(torchExpression(formula)).toBe(python);
  });

  it('refuses what the grammar refuses, with the compiler’s error', () => {
    expect(() => torchExpression('import("x")')).toThrow(/not allowed|unknown/);
    expect(() => torchExpression('x +')).toThrow(/ends too soon/);
  });

  it('translates every built-in surface’s formula', () => {
    for (const id of SURFACE_IDS) expect(torchExpression(surface(id).formula), id).toMatch(/\bx\b|\by\b/);
  });
});

describe('the script', () => {
  const rosenbrock = surface('rosenbrock');

  it('starts with its header and builds each optimizer with the call the update-rule panel prints', () => {
    const runs = OPTIMIZER_IDS.map((id) => replayed(spec(rosenbrock, id, { steps: 5 })));
    const script = pytorchScript(runs, torchExpression);
    expect(script.startsWith(`${PYTORCH_SCRIPT_HEADER}\n`)).toBe(true);
    for (const [i, r] of runs.entries()) {
      const info = OPTIMIZERS.find((o) => o.id === r.run.optimizer);
      if (info?.torch) expect(script).toContain(`optimizer=lambda params: ${frameworkCall('torch', info.torch, info.params, r.path.params)},`);
      expect(script).toContain(`name="run ${i + 1} ${r.run.optimizer}",`);
    }
    // Newton is not in torch.optim: its step is written out, and it gets the loss for its Hessian.
    expect(script).toContain('class Newton(torch.optim.Optimizer):');
    expect(script).toMatch(/optimizer=lambda params: Newton\(params, lr=[\d.]+, loss=loss\),/);
    expect(script).not.toContain('WithoutBiasCorrection');
    expect(script).toContain('def rosenbrock(x, y):\n');
    expect(script).toContain('    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2\n');
  });

  it('carries Descent’s path exactly: every coordinate reads back as the same double', () => {
    const run = replayed(spec(rosenbrock, 'adam', { steps: 300 }));
    const script = pytorchScript([run], torchExpression);
    const data = script.slice(script.indexOf('DESCENT = ['));
    const lists = [...data.matchAll(/ {8}\[\n([\s\S]*?)\n {8}\]/g)].map((m) => pythonNumbers(m[1]));
    expect(lists).toHaveLength(2);
    const [xs, ys] = lists;
    expect(xs).toHaveLength(run.path.steps + 1);
    for (let t = 0; t <= run.path.steps; t++) {
      expect(Object.is(xs[t], run.path.x[t]), `x[${t}]`).toBe(true);
      expect(Object.is(ys[t], run.path.y[t]), `y[${t}]`).toBe(true);
    }
    expect(script).toContain(`start=(-1.2, 1.0),`);
    expect(script).toContain(`steps=300,`);
  });

  it('compares only the steps Descent took, and says why a run stopped early', () => {
    const run = replayed(spec(surface('ravine'), 'sgd', { params: { lr: 50 }, steps: 100 }));
    expect(run.path.status).toBe('diverged');
    const script = pytorchScript([run], torchExpression);
    expect(script).toContain(`steps=${run.path.steps},`);
    expect(script).toContain(`note=" (Descent stopped after step ${run.path.steps} of 100: it diverged)",`);
  });

  it('carries the gradient noise Descent drew, in its order', () => {
    const noise = { sigma: 0.3, seed: 42 };
    const run = replayed(spec(surface('bowl'), 'sgd', { noise, steps: 4 }));
    const script = pytorchScript([run], torchExpression);
    const gen = new GaussianNoise(noise.sigma, noise.seed);
    const pairs = Array.from({ length: 4 }, () => [noise.sigma * gen.next(), noise.sigma * gen.next()]);
    const block = script.slice(script.indexOf('NOISE = ['), script.indexOf('DESCENT = ['));
    const drawn = [...block.matchAll(/\(([^()]*)\),/g)].map((m) => pythonNumbers(m[1]));
    expect(drawn).toEqual(pairs);
    expect(script).toContain('noise=NOISE[0],');
  });

  it('writes each schedule as a LambdaLR factor, and the penalty into the loss', () => {
    const schedules: ScheduleSpec[] = [
      { kind: 'step', every: 50, gamma: 0.5 },
      { kind: 'exponential', gamma: 0.99 },
      { kind: 'cosine', period: 200, minFactor: 0.1 },
      { kind: 'warmup', steps: 10 },
    ];
    // Every kind but the constant one, which needs no scheduler.
    expect(schedules.map((s) => s.kind)).toEqual(SCHEDULE_KINDS.filter((k) => k !== 'constant'));
    const runs = schedules.map((schedule) => replayed(spec(surface('bowl'), 'adam', { schedule, steps: 3, penalty: { kind: 'l1', lambda: 0.25 } })));
    const script = pytorchScript(runs, torchExpression);
    expect(script).toContain('lr_lambda=lambda epoch: 0.5 ** (epoch // 50),');
    expect(script).toContain('lr_lambda=lambda epoch: 0.99 ** epoch,');
    expect(script).toContain('lr_lambda=lambda epoch: 0.1 + ((1 - 0.1) * (1 + math.cos((math.pi * epoch) / 200))) / 2,');
    expect(script).toContain('lr_lambda=lambda epoch: min(1.0, (epoch + 1) / 10),');
    // One loss shared by the runs of a scene.
    expect(script).toContain('def loss(w):\n    # f plus Descent\'s L1 penalty\n    x, y = w[0], w[1]\n    return bowl(x, y) + 0.25 * (torch.abs(x) + torch.abs(y))\n');
  });

  it('writes out the Adam family without bias correction, which torch.optim has no switch for', () => {
    const runs = OPTIMIZERS.filter((o) => o.hasBiasCorrection).map((o) => replayed(spec(surface('bowl'), o.id, { biasCorrection: false, steps: 3 })));
    expect(runs.length).toBeGreaterThan(0);
    const script = pytorchScript(runs, torchExpression);
    for (const r of runs) {
      const info = OPTIMIZERS.find((o) => o.id === r.run.optimizer);
      if (!info?.torch) throw new Error(`${r.run.optimizer} has no torch call`);
      // Same arguments and flags (amsgrad=True), another class.
      const call = frameworkCall('torch', info.torch, info.params, r.path.params).replace(/^torch\.optim\.(\w+)\(/, '$1WithoutBiasCorrection(');
      expect(script).toContain(`optimizer=lambda params: ${call},`);
    }
  });

  it('names a typed surface by its formula', () => {
    const compiled = compileFormula('x^2 + 3y^2 + sin(x) cos(y)/2');
    const script = pytorchScript([replayed(spec(compiled.surface, 'adam', { expr: compiled.normalized, steps: 3 }))], torchExpression);
    expect(script).toContain('def custom(x, y):\n');
    expect(script).toContain('    return x ** 2 + 3 * y ** 2 + torch.sin(x) * torch.cos(y) / 2\n');
  });

  it('replays every optimizer of the table: each has a torch constructor or a step written out in the script', () => {
    for (const o of OPTIMIZERS) {
      const script = pytorchScript([replayed(spec(surface('bowl'), o.id, { steps: 2 }))], torchExpression);
      const missing = /unavailable="([^"]*)"/.exec(script)?.[1];
      expect(missing, `${o.id}: ${missing}: add its step to WITHOUT_TORCH in src/engine/pytorchScript.ts`).toBeUndefined();
    }
  });

  it('says plainly that a run cannot be replayed where torch.optim lacks the rule and no step is written out', async () => {
    vi.resetModules();
    vi.doMock('../../src/engine/optimizers/table', async (importOriginal) => {
      const table = await importOriginal<typeof import('../../src/engine/optimizers/table')>();
      return {
        ...table,
        // As a row added to the table without a torch constructor would be.
        getOptimizer: (id: string) => {
          const info = table.getOptimizer(id);
          return info && { ...info, id: 'mystery', name: 'Mystery', torch: null };
        },
      };
    });
    try {
      const fresh = await import('../../src/engine/pytorchScript');
      const script = fresh.pytorchScript([replayed(spec(surface('bowl'), 'sgd', { steps: 3 }))], torchExpression);
      expect(script).toContain('unavailable="torch.optim has no Mystery, and this script has no step written out for it",');
      expect(script).not.toContain('optimizer=lambda');
    } finally {
      vi.doUnmock('../../src/engine/optimizers/table');
      vi.resetModules();
    }
  });
});

describe('the app’s "Copy as PyTorch"', () => {
  it('covers every visible run, numbered by its place in the run list, as the CLI writes each one', () => {
    const store = createSceneStore(defaultScene('rosenbrock'));
    store.getState().toggleRun(store.getState().runs[1].id);
    store.getState().setSteps(25);
    const state = store.getState();
    const script = scenePytorch(state);
    const names = [...script.matchAll(/name="(run \S+ \S+)",/g)].map((m) => m[1]);
    expect(names).toEqual(state.runs.flatMap((r, i) => (r.visible ? [`run ${i + 1} ${r.optimizer}`] : [])));
    // The same script the engine writes for those runs (and so the CLI for one of them).
    expect(script).toBe(pytorchScript(sceneRuns(state), torchExpression));
  });
});

// ---- Under PyTorch ------------------------------------------------------------------------

function hasTorch(): boolean {
  return spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

const required = process.env.DESCENT_REQUIRE_TORCH === '1';
const available = hasTorch();

/**
 * Runs a script as the user would, under Debian's PyTorch 1.13. The script is written for
 * PyTorch 2.x; 1.13's NAdam counts μₜ twice (fixed in 2.0), so the harness first loads
 * scripts/torch_golden.py, which patches NAdam to the 2.x rule (the same patch the fixtures are
 * made with), on 1.x only. The script itself stays as a user gets it.
 */
const HARNESS = `
import runpy, sys
import torch
if int(torch.__version__.split('.')[0]) < 2:
    sys.path.insert(0, ${JSON.stringify(GOLDEN_DIR)})
    import torch_golden  # noqa: F401 (NAdam as PyTorch 2.x computes it)
path = sys.argv[1]
sys.argv = [path]
runpy.run_path(path, run_name='__main__')
`;

interface Replay {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const workDir = available ? mkdtempSync(join(tmpdir(), 'descent-pytorch-')) : '';
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function runPython(name: string, script: string): Promise<Replay> {
  const file = join(workDir, `${name}.py`);
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', HARNESS, file]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const LINE = /^(run \S+ \S+): max \|delta\| \/ max\(\|x\|, 1\) = (\S+) over (\d+) steps/;

/** Each run's reported deviation, checked against the runs given. */
function expectAllWithin(replay: Replay, runs: readonly PytorchRun[]): number[] {
  const lines = replay.stdout.trim().split('\n');
  const parsed = lines.map((l) => LINE.exec(l)).filter((m) => m !== null);
  const context = `${replay.stdout}\n${replay.stderr}`;
  expect(parsed.map((m) => m[1]), context).toEqual(runs.map((r, i) => `run ${r.label ?? i + 1} ${r.run.optimizer}`));
  parsed.forEach((m, i) => {
    expect(Number(m[2]), `${m[1]}\n${context}`).toBeLessThanOrEqual(1e-9);
    expect(Number(m[3]), m[1]).toBe(runs[i].path.steps);
  });
  expect(lines.at(-1), context).toMatch(/^largest deviation \S+ over \d+ runs?: every run within 1e-09$/);
  expect(replay.status, context).toBe(0);
  return parsed.map((m) => Number(m[2]));
}

/** The scenes replayed, each one script (one Python process). */
function scenes(): { name: string; runs: PytorchRun[] }[] {
  const ravine = surface('ravine');
  const typed = compileFormula('x^2/4 + y^2 - tanh(x y) + exp(-x^2)/2', { domain: { x: [-3, 3], y: [-3, 3] } });
  const booth = surface('booth');
  const kinds: ScheduleSpec[] = [
    { kind: 'step', every: 20, gamma: 0.7 },
    { kind: 'exponential', gamma: 0.995 },
    { kind: 'cosine', period: 80, minFactor: 0.2 },
    { kind: 'warmup', steps: 15 },
  ];
  return [
    {
      name: 'every optimizer on the ravine',
      runs: OPTIMIZER_IDS.map((id) => replayed(spec(ravine, id, { steps: 200 }))),
    },
    {
      name: 'every optimizer on a typed formula',
      runs: OPTIMIZER_IDS.map((id) => replayed(spec(typed.surface, id, { expr: typed.normalized, steps: 300 }))),
    },
    {
      // A scene with everything on: each run its own schedule, noise and an L2 penalty.
      name: 'schedules, noise and an L2 penalty',
      runs: OPTIMIZER_IDS.map((id, i) =>
        replayed(spec(booth, id, { steps: 150, schedule: kinds[i % kinds.length], noise: { sigma: 0.5, seed: 7 }, penalty: { kind: 'l2', lambda: 0.05 } })),
      ),
    },
    {
      name: 'no bias correction, an L1 penalty, Newton on a penalized surface, L-BFGS iterating',
      runs: [
        ...OPTIMIZERS.filter((o) => o.hasBiasCorrection).map((o) => replayed(spec(booth, o.id, { steps: 150, biasCorrection: false, penalty: { kind: 'l1', lambda: 0.3 } }))),
        replayed(spec(booth, 'adam', { steps: 150, biasCorrection: false, schedule: kinds[0], noise: { sigma: 0.2, seed: 3 }, penalty: { kind: 'l1', lambda: 0.3 } })),
        replayed(spec(surface('local-minima'), 'newton', { steps: 20, penalty: { kind: 'l2', lambda: 0.1 } })),
        // Several closure calls per step(closure): torch's 20 iterations with a line search, noised.
        replayed(spec(surface('rosenbrock'), 'lbfgs', { steps: 10, params: { maxIter: 20, lineSearch: 1 } })),
        replayed(spec(booth, 'lbfgs', { steps: 10, params: { maxIter: 5, lineSearch: 1 }, noise: { sigma: 1, seed: 5 } })),
        replayed(spec(booth, 'lbfgs', { steps: 30, params: { maxIter: 3 }, noise: { sigma: 0.2, seed: 5 }, schedule: kinds[1] })),
      ],
    },
    {
      // Mini-batches of real data: the script feeds each step the batch Descent drew, to every
      // rule (L-BFGS's line search and SAM's probe stay on the step's batch), with noise on top.
      name: 'mini-batches of the shipped data sets',
      runs: [
        ...OPTIMIZER_IDS.map((id, i) => replayed(spec(DATA_SURFACES[i % DATA_SURFACES.length], id, { steps: id === 'lbfgs' ? 40 : 120, batch: { size: 1 + ((7 * i) % 10), seed: i, dropLast: i % 2 === 0 } }))),
        replayed(spec(DATA_SURFACES[0], 'adam', { steps: 100, batch: { size: 10, seed: 3 }, noise: { sigma: 0.05, seed: 2 }, penalty: { kind: 'l2', lambda: 0.01 } })),
        replayed(spec(DATA_SURFACES[0], 'lbfgs', { steps: 20, params: { maxIter: 5, lineSearch: 1 }, batch: { size: 25, seed: 9 } })),
        // The full batch: the data's own loss, no batches listed.
        replayed(spec(DATA_SURFACES[1], 'momentum', { steps: 100, batch: { size: 150, seed: 1 } })),
      ],
    },
    {
      // Every built-in surface's formula, through both its gradient (Adam) and its Hessian (Newton).
      name: 'every built-in surface',
      runs: SURFACE_IDS.flatMap((id) => {
        const s = surface(id);
        const steps = Math.min(s.steps, 200);
        return [replayed(spec(s, 'adam', { steps }), `${id}/1`), replayed(spec(s, 'newton', { steps }), `${id}/2`)];
      }),
    },
  ];
}

describe('the script under PyTorch', () => {
  it('python3-torch is installed where CI requires it', () => {
    if (required) expect(available, `${PYTHON} cannot import torch: apt-get install python3-torch`).toBe(true);
  });

  it.skipIf(!available)('replays every run within 1e-9 of Descent’s path', async () => {
    const all = scenes();
    // Two at a time: one Python process per core here.
    const results: Replay[] = [];
    for (let i = 0; i < all.length; i += 2) {
      results.push(...(await Promise.all(all.slice(i, i + 2).map((s, k) => runPython(`scene${i + k}`, pytorchScript(s.runs, torchExpression))))));
    }
    all.forEach((scene, i) => {
      const deviations = expectAllWithin(results[i], scene.runs);
      expect(deviations.length, scene.name).toBe(scene.runs.length);
    });
  }, 120_000);

  it.skipIf(!available)('replays the app’s mini-batch scene on real data (Copy as PyTorch) within 1e-9', async () => {
    await loadDataSurfaces();
    const store = createSceneStore(defaultScene('rosenbrock'));
    store.getState().setSurface('iris-linear');
    store.getState().setSteps(80);
    store.getState().setBatch({ size: 12, dropLast: true });
    const state = store.getState();
    const runs = sceneRuns(state);
    expect(runs.every((r) => r.run.batch?.size === 12)).toBe(true);
    const replay = await runPython('app-batches', scenePytorch(state));
    expectAllWithin(replay, runs);
  }, 60_000);
});
