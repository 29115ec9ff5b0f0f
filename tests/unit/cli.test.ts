import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, useFormulaCompiler, wantsPytorch } from '../../src/cli/args';
import { compileFormula, torchExpression } from '../../src/engine/formula';
import { CSV_HEADER, useTorchTranslator } from '../../src/cli/format';
import { main } from '../../src/cli/main';
import { PYTORCH_SCRIPT_HEADER } from '../../src/engine/pytorchScript';
import {
  HYPERPARAMS,
  MAX_STEPS,
  OPTIMIZERS,
  SURFACE_IDS,
  getSurface,
  resolveParams,
  simulateRun,
  type RunSpec,
  type Surface,
} from '../../src/engine';

interface Result {
  code: number;
  out: string;
  err: string;
}

function cli(...argv: string[]): Result {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface JsonOutput {
  surface: string;
  optimizer: string;
  params: Record<string, unknown>;
  status: string;
  path: [number, number, number][];
}

function json(...argv: string[]): JsonOutput {
  const r = cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out.endsWith('}\n')).toBe(true);
  // One object on one line.
  expect(r.out.slice(0, -1)).not.toContain('\n');
  return JSON.parse(r.out) as JsonOutput;
}

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`surface ${id} missing`);
  return s;
}

/** The path the engine computes for the same run, as [x, y, f] points. */
function enginePath(spec: RunSpec): [number, number, number][] {
  const t = simulateRun(spec);
  const points: [number, number, number][] = [];
  for (let k = 0; k <= t.steps; k++) points.push([t.x[k], t.y[k], t.loss[k]]);
  return points;
}

function expectUsageError(argv: readonly string[], mention: string): string {
  const r = cli(...argv);
  expect(r.code, argv.join(' ')).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n');
  expect(lines, `one stderr line for ${argv.join(' ')}: ${r.err}`).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0].startsWith('descent: ')).toBe(true);
  expect(lines[0]).toContain(mention);
  expect(lines[0]).not.toMatch(/\bat .*:\d+/);
  return lines[0];
}

const BASE = ['--surface', 'rosenbrock', '--optimizer', 'adam'];

describe('bad input: exit 2, one line on stderr naming the flag', () => {
  const cases: [string, string[], string][] = [
    ['unknown surface', ['--surface', 'foo', '--optimizer', 'adam'], 'unknown surface "foo"; one of: saddle, ravine'],
    ['unknown optimizer', ['--surface', 'saddle', '--optimizer', 'adamm'], 'unknown optimizer "adamm"; one of: sgd'],
    ['missing --surface', ['--optimizer', 'adam'], '--surface'],
    ['missing --optimizer', ['--surface', 'saddle'], '--optimizer'],
    ['no arguments at all', [], '--surface'],
    ['--lr abc', [...BASE, '--lr', 'abc'], '--lr must be a finite number > 0, got "abc"'],
    ['--lr NaN', [...BASE, '--lr', 'NaN'], '--lr must be a finite number > 0, got "NaN"'],
    ['--lr Infinity', [...BASE, '--lr', 'Infinity'], '--lr must be'],
    ['--lr=-Infinity', [...BASE, '--lr=-Infinity'], '--lr must be'],
    ['--lr= (empty)', [...BASE, '--lr='], '--lr must be a finite number > 0, got ""'],
    ['--lr 0x10 (not decimal)', [...BASE, '--lr', '0x10'], '--lr must be'],
    ['--lr 1e999 (overflows)', [...BASE, '--lr', '1e999'], '--lr must be'],
    ['--lr 0 (out of range)', [...BASE, '--lr', '0'], '--lr must be a finite number > 0, got "0"'],
    ['--lr -0.1 (out of range)', [...BASE, '--lr', '-0.1'], '--lr must be a finite number > 0, got "-0.1"'],
    ['--beta2 1 (out of range)', [...BASE, '--beta2', '1'], '--beta2 must be a number in [0, 1), got "1"'],
    ['--eps -1 (out of range)', [...BASE, '--eps=-1'], '--eps must be a finite number ≥ 0'],
    ['--steps 0', [...BASE, '--steps', '0'], `--steps must be an integer from 1 to ${MAX_STEPS}, got "0"`],
    ['--steps -3', [...BASE, '--steps', '-3'], '--steps must be an integer'],
    ['--steps 2.5', [...BASE, '--steps', '2.5'], '--steps must be an integer'],
    ['--steps 1e9', [...BASE, '--steps', '1e9'], '--steps must be an integer'],
    ['--steps abc', [...BASE, '--steps=abc'], '--steps must be an integer'],
    ['--start 1', [...BASE, '--start', '1'], '--start must be two finite numbers'],
    ['--start a,b', [...BASE, '--start', 'a,b'], '--start must be two finite numbers'],
    ['--start 1,2,3', [...BASE, '--start', '1,2,3'], '--start must be two finite numbers'],
    ['--start 1,', [...BASE, '--start=1,'], '--start must be two finite numbers'],
    ['--start 1,Infinity', [...BASE, '--start', '1,Infinity'], '--start must be two finite numbers'],
    ['unknown flag', [...BASE, '--learning-rate', '0.1'], 'unknown flag "--learning-rate"'],
    ['unknown flag with =', [...BASE, '--foo=1'], 'unknown flag "--foo"'],
    ['unknown short flag', [...BASE, '-x'], 'unknown flag "-x"'],
    ['stray positional', [...BASE, 'extra'], 'unexpected argument "extra"'],
    ['flag missing its value at the end', [...BASE, '--lr'], '--lr needs a value'],
    ['flag missing its value before a flag', [...BASE, '--lr', '--steps', '3'], '--lr needs a value'],
    ['--surface missing its value', ['--optimizer', 'adam', '--surface'], '--surface needs a value'],
    ['--penalty of an unknown kind', [...BASE, '--penalty', 'l3=0.1'], '--penalty must be l2=LAMBDA or l1=LAMBDA'],
    ['--penalty without λ', [...BASE, '--penalty', 'l2'], '--penalty must be l2=LAMBDA or l1=LAMBDA'],
    ['--penalty negative', [...BASE, '--penalty', 'l2=-1'], '--penalty l2 must be a finite number ≥ 0'],
    ['--penalty not a number', [...BASE, '--penalty', 'l1=x'], '--penalty l1 must be'],
    ['--seed past 32 bits', [...BASE, '--noise', '1', '--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295'],
    ['bad --format', [...BASE, '--format', 'xml'], '--format must be json, csv or pytorch, got "xml"'],
    ['--seed not an integer', [...BASE, '--noise', '1', '--seed', '1.5'], '--seed must be an integer'],
    ['--seed negative', [...BASE, '--noise', '1', '--seed', '-1'], '--seed must be an integer'],
    ['--noise negative', [...BASE, '--noise', '-0.5'], '--noise must be a finite number ≥ 0, got "-0.5"'],
    ['--noise not a number', [...BASE, '--noise', 'lots'], '--noise must be'],
    ['a flag given twice', [...BASE, '--lr', '0.1', '--lr=0.2'], '--lr is given twice'],
    ['a switch given a value', [...BASE, '--no-bias-correction=1'], '--no-bias-correction takes no value'],
    ['a hyperparameter the optimizer does not read, still checked', [...BASE, '--rho', '1.5'], '--rho must be a number in [0, 1)'],
  ];
  it.each(cases)('%s', (_name, argv, mention) => {
    expectUsageError(argv, mention);
  });

  it('one command line serves every optimizer: flags an optimizer does not read are ignored', () => {
    const out = json('--surface', 'saddle', '--optimizer', 'sgd', '--steps', '2', '--rho', '0.5', '--beta1', '0.8', '--seed', '3', '--no-bias-correction');
    expect(Object.keys(out.params)).toEqual(['lr', 'weightDecay', 'steps', 'start']);
    expect(out.path).toHaveLength(3);
  });

  it('checks every hyperparameter flag of the table against its `valid`', () => {
    for (const h of HYPERPARAMS) {
      const reader = OPTIMIZERS.find((o) => o.params.includes(h.key));
      expect(reader, h.key).toBeDefined();
      const argv = ['--surface', 'saddle', '--optimizer', reader?.id ?? '', h.flag];
      const line = expectUsageError([...argv, 'abc'], `${h.flag} must be ${h.accepts}, got "abc"`);
      expect(line).toBe(`descent: ${h.flag} must be ${h.accepts}, got "abc"`);
      expectUsageError([...argv, '-1'], h.flag);
      expectUsageError([...argv.slice(0, -1), `${h.flag}=NaN`], h.flag);
    }
  });

  it('parseArgs throws a UsageError (not another error) for bad input', () => {
    expect(() => parseArgs(['--surface', 'rosenbrock'])).toThrow(UsageError);
    expect(() => parseArgs([...BASE, '--steps', '0'])).toThrow(UsageError);
  });

  it('an internal error exits 1 with one line', () => {
    let err = '';
    const code = main(BASE, {
      out: () => {
        throw new Error('disk full\n    at somewhere (file.ts:1:1)');
      },
      err: (s) => (err += s),
    });
    expect(code).toBe(1);
    expect(err).toBe('descent: internal error: disk full at somewhere (file.ts:1:1)\n');
  });
});

describe('JSON output', () => {
  it('is one object with the run, every parameter used and the path from the start', () => {
    const out = json(...BASE, '--steps', '5');
    expect(Object.keys(out)).toEqual(['surface', 'optimizer', 'params', 'status', 'path']);
    expect(out.surface).toBe('rosenbrock');
    expect(out.optimizer).toBe('adam');
    expect(out.status).toBe('ok');
    const s = surface('rosenbrock');
    const defaults = resolveParams(s, 'adam');
    expect(out.params).toEqual({
      lr: defaults.lr,
      beta1: defaults.beta1,
      beta2: defaults.beta2,
      eps: defaults.eps,
      weightDecay: 0,
      steps: 5,
      start: [s.start[0], s.start[1]],
      biasCorrection: true,
    });
    expect(Object.keys(out.params)).toEqual(['lr', 'beta1', 'beta2', 'eps', 'weightDecay', 'steps', 'start', 'biasCorrection']);
    expect(out.path).toHaveLength(6);
    expect(out.path[0]).toEqual([s.start[0], s.start[1], s.value(s.start[0], s.start[1])]);
  });

  it('lists exactly the hyperparameters each optimizer reads', () => {
    for (const o of OPTIMIZERS) {
      const out = json('--surface', 'ravine', '--optimizer', o.id, '--steps', '2');
      const keys = Object.keys(out.params);
      expect(keys.slice(0, o.params.length), o.id).toEqual([...o.params]);
      expect(keys.includes('biasCorrection'), o.id).toBe(o.hasBiasCorrection);
      expect(out.params).not.toHaveProperty('noise');
      expect(out.params).not.toHaveProperty('penalty');
    }
  });

  it("takes the surface's steps and start when they are not given", () => {
    const s = surface('ravine');
    const out = json('--surface', 'ravine', '--optimizer', 'momentum');
    expect(out.params.steps).toBe(s.steps);
    expect(out.params.start).toEqual([s.start[0], s.start[1]]);
    const params = resolveParams(s, 'momentum');
    expect(out.params.lr).toBe(params.lr);
    expect(out.params.rho).toBe(params.rho);
    expect(out.path).toEqual(enginePath({ surface: s, optimizer: 'momentum' }));
  });

  it('writes numbers that read back as the same doubles', () => {
    const s = surface('rosenbrock');
    const out = json(...BASE, '--steps', '50', '--lr', '0.0123456789');
    const expected = enginePath({ surface: s, optimizer: 'adam', steps: 50, params: { lr: 0.0123456789 } });
    expect(out.path).toHaveLength(51);
    out.path.forEach((p, k) => {
      for (let i = 0; i < 3; i++) expect(Object.is(p[i], expected[k][i]), `point ${k}[${i}]`).toBe(true);
    });
  });

  it('keeps the sign of a zero', () => {
    const out = json('--surface', 'ravine', '--optimizer', 'sgd', '--start=-0,1', '--steps', '1');
    expect(Object.is(out.path[0][0], -0)).toBe(true);
    expect(Object.is((out.params.start as number[])[0], -0)).toBe(true);
  });

  it('reads --lr 0.1 and --lr=0.1 alike, and a negative value after its flag', () => {
    const spaced = cli(...BASE, '--lr', '0.1', '--steps', '4', '--start', '-1.5,2');
    const joined = cli(...BASE, '--lr=0.1', '--steps=4', '--start=-1.5,2');
    expect(spaced.code).toBe(0);
    expect(joined.out).toBe(spaced.out);
    const out = JSON.parse(spaced.out) as JsonOutput;
    expect(out.params.lr).toBe(0.1);
    expect(out.params.start).toEqual([-1.5, 2]);
    expect(out.path[0].slice(0, 2)).toEqual([-1.5, 2]);
  });

  it('accepts the flags in any order', () => {
    const a = cli('--steps', '3', '--optimizer', 'nesterov', '--rho', '0.5', '--surface', 'saddle');
    const b = cli('--surface', 'saddle', '--optimizer', 'nesterov', '--steps', '3', '--rho', '0.5');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('reports the teaching variants it used', () => {
    const argv = [...BASE, '--steps', '10', '--noise', '0.5', '--seed', '7', '--penalty', 'l2=0.1', '--no-bias-correction'];
    const out = json(...argv);
    expect(out.params.noise).toEqual({ sigma: 0.5, seed: 7 });
    expect(out.params.penalty).toEqual({ kind: 'l2', lambda: 0.1 });
    expect(out.params.biasCorrection).toBe(false);
    expect(out.path).toEqual(
      enginePath({
        surface: surface('rosenbrock'),
        optimizer: 'adam',
        steps: 10,
        noise: { sigma: 0.5, seed: 7 },
        penalty: { kind: 'l2', lambda: 0.1 },
        biasCorrection: false,
      }),
    );
    // Seeded: the same arguments give the same path.
    expect(cli(...argv).out).toBe(cli(...argv).out);
    // The seed's default is the app's, so that a scene's noise needs no --seed to be the same.
    expect(json(...BASE, '--steps', '1', '--noise', '1').params.noise).toEqual({ sigma: 1, seed: 1 });
    expect(json(...BASE, '--steps', '1', '--penalty', 'l1=0').params.penalty).toEqual({ kind: 'l1', lambda: 0 });
  });

  it('stops the path where a run diverged, and still exits 0', () => {
    const out = json('--surface', 'ravine', '--optimizer', 'sgd', '--lr', '2', '--steps', '1000');
    expect(out.status).toBe('diverged');
    expect(out.params.steps).toBe(1000);
    expect(out.path.length).toBeLessThan(1001);
    expect(out.path.length).toBeGreaterThan(1);
    for (const p of out.path) for (const v of p) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('CSV output', () => {
  it('is a header and one row per point, step 0 the start', () => {
    const r = cli('--surface', 'saddle', '--optimizer', 'sgd', '--steps', '7', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    const lines = r.out.slice(0, -1).split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines[0]).toBe('step,x,y,loss');
    expect(lines).toHaveLength(9);
    const s = surface('saddle');
    const expected = enginePath({ surface: s, optimizer: 'sgd', steps: 7 });
    lines.slice(1).forEach((line, k) => {
      const cells = line.split(',');
      expect(cells).toHaveLength(4);
      expect(Number(cells[0])).toBe(k);
      expect(cells.slice(1).map(Number)).toEqual(expected[k]);
    });
    expect(lines[1]).toBe(`0,${s.start[0]},${s.start[1]},${s.value(s.start[0], s.start[1])}`);
  });

  it('holds the same path as the JSON', () => {
    const csv = cli(...BASE, '--steps', '20', '--format=csv');
    const out = json(...BASE, '--steps', '20', '--format', 'json');
    const rows = csv.out.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
    expect(rows).toEqual(out.path);
  });
});

describe('--format pytorch', () => {
  useTorchTranslator(torchExpression);

  it('prints the PyTorch script of the run (src/engine/pytorchScript.ts), with the path it computed', () => {
    const r = cli('--surface', 'rosenbrock', '--optimizer', 'rmsprop', '--lr', '0.01', '--steps', '5', '--schedule', 'step,every=2,gamma=0.5', '--format', 'pytorch');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.startsWith(`${PYTORCH_SCRIPT_HEADER}\n`)).toBe(true);
    expect(r.out).toContain('name="run 1 rmsprop",');
    expect(r.out).toContain('optimizer=lambda params: torch.optim.RMSprop(params, lr=0.01, alpha=0.99,');
    expect(r.out).toContain('lr_lambda=lambda epoch: 0.5 ** (epoch // 2),');
    const path = enginePath({ surface: surface('rosenbrock'), optimizer: 'rmsprop', params: { lr: 0.01 }, steps: 5, schedule: { kind: 'step', every: 2, gamma: 0.5 } });
    expect(r.out).toContain(String(path[5][0]));
    expect(r.out).toContain('steps=5,');
  });

  it('writes a typed surface as torch operations', () => {
    const r = cli('--expr', 'x^2 + 3y^2', '--optimizer', 'newton', '--steps', '2', '--format=pytorch');
    expect(r.code).toBe(0);
    expect(r.out).toContain('    return x ** 2 + 3 * y ** 2\n');
    expect(r.out).toContain('optimizer=lambda params: Newton(params, lr=1, loss=loss),');
  });

  it('is recognized before the arguments are read, so that the entry point loads the translation', () => {
    expect(wantsPytorch(['--surface', 'bowl', '--format', 'pytorch'])).toBe(true);
    expect(wantsPytorch(['--format=pytorch'])).toBe(true);
    expect(wantsPytorch(['--format', 'csv', '--expr', 'pytorch'])).toBe(false);
  });

  it('from the real command line too', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/trajectory.ts', '--surface', 'bowl', '--optimizer', 'adam', '--steps', '3', '--format', 'pytorch'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(PYTORCH_SCRIPT_HEADER);
  });
});

describe('--help', () => {
  it.each([['--help'], ['-h'], ['--surface', 'rosenbrock', '--help']])('%s prints the usage and exits 0', (...argv) => {
    const r = cli(...argv);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith('Usage:')).toBe(true);
    for (const id of SURFACE_IDS) expect(r.out).toContain(id);
    for (const o of OPTIMIZERS) expect(r.out).toContain(o.id);
    for (const h of HYPERPARAMS) expect(r.out).toContain(`${h.flag} ${h.choices ? h.choices.join("|") : "V"}`);
    for (const flag of ['--steps', '--start', '--noise', '--seed', '--penalty', '--no-bias-correction', '--format']) {
      expect(r.out).toContain(flag);
    }
    expect(r.out).toContain('--format json|csv|pytorch');
  });
});

describe('the command itself', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  function spawn(...argv: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/trajectory.ts', ...argv], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('prints a JSON path', () => {
    const r = spawn('--surface', 'rosenbrock', '--optimizer', 'adam', '--steps', '3');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.surface).toBe('rosenbrock');
    expect(out.path).toHaveLength(4);
  });

  it('prints a CSV path', () => {
    const r = spawn('--surface', 'ravine', '--optimizer', 'rmsprop', '--steps=5', '--start', '-1.5,2', '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('step,x,y,loss');
    expect(lines).toHaveLength(7);
    expect(lines[1].startsWith('0,-1.5,2,')).toBe(true);
  });

  it('exits 2 with one line and no stack trace on a bad flag', () => {
    const r = spawn('--surface', 'saddle', '--optimizer', 'sgd', '--lr', 'abc');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('descent: --lr must be a finite number > 0, got "abc"\n');
  });
});

describe('--expr: a typed formula in place of --surface', () => {
  useFormulaCompiler(compileFormula);

  it('runs on the formula, with the same grammar as the app', () => {
    const out = json('--expr', 'x^2 + 3y^2', '--optimizer', 'sgd', '--lr', '0.1', '--start=1,1', '--steps', '3') as JsonOutput & { expr: string; domain: number[] };
    expect(out.surface).toBe('custom');
    expect(out.expr).toBe('x ^ 2 + 3 y ^ 2');
    expect(out.domain).toEqual([-3, 3, -3, 3]);
    expect(out.path).toHaveLength(4);
    expect(out.path[1][0]).toBeCloseTo(0.8, 15);
    expect(out.path[1][1]).toBeCloseTo(0.4, 15);
  });

  it('takes a domain, and the same path as the built-in surface of the same formula', () => {
    const out = json('--expr=(1 - x)^2 + 100*(y - x^2)^2', '--domain=-2,2,-1,3', '--optimizer', 'adam', '--lr', '0.05', '--steps', '50');
    // The default start of a typed surface: a fifth in from the left, a fifth down from the top.
    expect(out.params.start).toEqual([-1.2, 2.2]);
    const same = enginePath({ surface: surface('rosenbrock'), optimizer: 'adam', params: { lr: 0.05 }, steps: 50, start: [-1.2, 2.2] });
    expect(out.path).toHaveLength(51);
    out.path.forEach((p, k) => {
      expect(p[0]).toBeCloseTo(same[k][0], 10);
      expect(p[1]).toBeCloseTo(same[k][1], 10);
    });
  });

  it.each([
    [['--expr', '(x + 1))', '--optimizer', 'sgd'], "--expr: unexpected ')' at character 8"],
    [['--expr', 'z^2', '--optimizer', 'sgd'], '--expr: unknown variable z'],
    [['--expr', 'foo(x)', '--optimizer', 'sgd'], '--expr: unknown function foo'],
    [['--expr', 'import({})', '--optimizer', 'sgd'], '--expr: unknown function import'],
    [['--expr', 'a = 2', '--optimizer', 'sgd'], '--expr: not allowed in a formula: assignments'],
    [['--expr', '', '--optimizer', 'sgd'], '--expr: the formula is empty'],
    [['--expr', '1/0', '--optimizer', 'sgd'], '--expr: f or its gradient is not a finite number anywhere in the domain'],
    [['--expr', 'x', '--surface', 'saddle', '--optimizer', 'sgd'], '--surface, --expr and --data cannot be combined'],
    [['--expr', 'x', '--domain', '1,0,0,1', '--optimizer', 'sgd'], '--domain must be four finite numbers'],
    [['--expr', 'x', '--domain', '0,1,0', '--optimizer', 'sgd'], '--domain must be four finite numbers'],
    [['--surface', 'saddle', '--domain', '0,1,0,1', '--optimizer', 'sgd'], '--domain applies to --expr only'],
  ])('%j → exit 2: %s', (argv, mention) => {
    expectUsageError(argv, mention);
  });

  it('from the real command line too', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/trajectory.ts', '--expr', 'sin(x) + y^2', '--optimizer', 'adam', '--steps', '2', '--format', 'csv'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(CSV_HEADER);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/trajectory.ts', '--expr', 'x +* y', '--optimizer', 'adam'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("descent: --expr: unexpected '*' at character 4\n");
  });
});

describe('--data: a model over a real data set, in mini-batches', () => {
  it('runs the data set’s default model, lists every step’s batch and its loss, and names the data', () => {
    const out = json('--data', 'iris', '--optimizer', 'sgd', '--steps', '6', '--batch', '40', '--seed', '3') as JsonOutput & { data: unknown; batches: number[][]; batchLoss: number[] };
    expect(out.surface).toBe('iris-logistic');
    expect(out.data).toEqual({ set: 'iris', model: 'logistic', examples: 100, source: expect.stringContaining('Fisher') });
    expect(out.params).toMatchObject({ batch: { size: 40, seed: 3, dropLast: false } });
    // 100 examples in batches of 40: 40, 40, 20, then a new epoch.
    expect(out.batches.map((b) => b.length)).toEqual([40, 40, 20, 40, 40, 20]);
    expect(out.batchLoss).toHaveLength(6);
    expect([...out.batches[0], ...out.batches[1], ...out.batches[2]].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // The same seed, the same batches; and the app's engine gives the same ones.
    const again = json('--data', 'iris', '--optimizer', 'sgd', '--steps', '6', '--batch', '40', '--seed', '3') as typeof out;
    expect(again.batches).toEqual(out.batches);
    const dropped = json('--data', 'iris', '--model', 'linear', '--optimizer', 'adam', '--steps', '5', '--batch', '40', '--drop-last') as typeof out;
    expect(dropped.surface).toBe('iris-linear');
    expect(dropped.batches.map((b) => b.length)).toEqual([40, 40, 40, 40, 40]);
  });

  it('refuses a bad data set, model or batch with a line naming it', () => {
    const cases: [string[], string][] = [
      [['--data', 'mnist', '--optimizer', 'sgd'], 'unknown data set "mnist"; one of: iris, anscombe'],
      [['--data', 'anscombe', '--model', 'logistic', '--optimizer', 'sgd'], 'unknown model "logistic" for --data anscombe; one of: linear'],
      [['--data', 'iris', '--optimizer', 'sgd', '--batch', '0'], '--batch must be a whole number from 1 to 100'],
      [['--data', 'iris', '--optimizer', 'sgd', '--batch', '2.5'], '--batch must be a whole number'],
      [['--data', 'iris', '--optimizer', 'sgd', '--batch', '5', '--seed', 'x'], '--seed must be an integer'],
      [['--surface', 'ravine', '--optimizer', 'sgd', '--batch', '5'], '--batch needs --data'],
      [['--data', 'iris', '--surface', 'ravine', '--optimizer', 'sgd'], 'cannot be combined'],
      [['--surface', 'ravine', '--model', 'linear', '--optimizer', 'sgd'], '--model applies to --data only'],
      [['--data', 'iris', '--optimizer', 'sgd', '--drop-last'], '--drop-last applies to --batch only'],
    ];
    for (const [argv, message] of cases) {
      const r = cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(message);
    }
  });

  it('lists the data sets and models in --help', () => {
    const text = cli('--help').out;
    expect(text).toContain('iris, anscombe');
    expect(text).toContain('iris: logistic, linear; anscombe: linear');
    expect(text).toContain('--drop-last');
  });
});

describe('--schedule', () => {
  it('runs PyTorch’s schedulers by the engine’s field names and reports the schedule in params', () => {
    const { code, out } = cli('--surface', 'ravine', '--optimizer', 'sgd', '--lr', '0.1', '--steps', '3', '--schedule', 'step,every=1,gamma=0.5');
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonOutput;
    expect(json.params.schedule).toEqual({ kind: 'step', every: 1, gamma: 0.5 });
    const same = simulateRun({ surface: getSurface('ravine')!, optimizer: 'sgd', params: { lr: 0.1 }, steps: 3, schedule: { kind: 'step', every: 1, gamma: 0.5 } });
    expect(json.path[3][0]).toBe(same.x[3]);
    // Constant is the default, and is not reported.
    const constant = JSON.parse(cli('--surface', 'ravine', '--optimizer', 'sgd', '--steps', '2', '--schedule', 'constant').out) as JsonOutput;
    expect(constant.params.schedule).toBeUndefined();
  });

  for (const [raw, said] of [
    ['linear', 'must start with one of constant, step, exponential, cosine, warmup'],
    ['cosine,period=10', 'minFactor is missing'],
    ['step,every=0,gamma=0.5', 'every must be a whole number ≥ 1'],
    ['step,every=5,gamma=0.5,decay=2', 'unknown field decay'],
    ['exponential,gamma', '"gamma" must be FIELD=NUMBER'],
    ['warmup,steps=3,steps=4', 'steps is given twice'],
  ] as const) {
    it(`refuses ${raw} with exit 2, naming the flag`, () => {
      const { code, out, err } = cli('--surface', 'ravine', '--optimizer', 'sgd', '--schedule', raw);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('--schedule');
      expect(err).toContain(said);
      expect(err.trim().split('\n')).toHaveLength(1);
    });
  }
});
