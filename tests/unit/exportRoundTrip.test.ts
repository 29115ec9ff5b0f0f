import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { useFormulaCompiler } from '../../src/cli/args';
import { HYPERPARAMS, OPTIMIZER_IDS, resolveParams, getSurface, type OptimizerId, type ScheduleSpec, type NoiseSpec, type PenaltySpec } from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';
import { CUSTOM_ID, FULL_BATCH, type RunConfig, type SceneData } from '../../src/state/store';
import { sceneJson } from '../../src/ui/export/exporters';

// Scene → exported JSON → command-line flags → the same path, bit for bit. The exported JSON
// must carry everything a run depends on (its schedule too), and the CLI must be able to take
// all of it: for every optimizer, with and without a schedule, noise and a penalty, on a built-in
// surface and on a typed formula.

useFormulaCompiler(compileFormula);

type Scene = Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'noise' | 'penalty' | 'batch'>;

interface ExportedObject {
  surface: string;
  expr?: string;
  domain?: [number, number, number, number];
  optimizer: string;
  params: Record<string, unknown> & {
    steps: number;
    start: [number, number];
    biasCorrection?: boolean;
    schedule?: ScheduleSpec;
    noise?: { sigma: number; seed: number };
    penalty?: { kind: 'l1' | 'l2'; lambda: number };
  };
}

/** The flags a student types to run an exported object again, read off its fields. */
function flagsFor(o: ExportedObject): string[] {
  const p = o.params;
  const flags = o.expr !== undefined ? ['--expr', o.expr, `--domain=${o.domain?.join(',')}`] : ['--surface', o.surface];
  flags.push('--optimizer', o.optimizer, '--steps', String(p.steps), `--start=${p.start.join(',')}`);
  for (const h of HYPERPARAMS) if (typeof p[h.key] === 'number') flags.push(`${h.flag}=${String(p[h.key])}`);
  if (p.biasCorrection === false) flags.push('--no-bias-correction');
  if (p.schedule) {
    const { kind, ...fields } = p.schedule;
    flags.push(`--schedule=${[kind, ...Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`)].join(',')}`);
  }
  if (p.noise) flags.push(`--noise=${String(p.noise.sigma)}`, `--seed=${String(p.noise.seed)}`);
  if (p.penalty) flags.push(`--penalty=${p.penalty.kind}=${String(p.penalty.lambda)}`);
  return flags;
}

function cli(argv: readonly string[]): string {
  let out = '';
  let err = '';
  const status = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  expect(status, err).toBe(0);
  return out.trim();
}

function scene(optimizer: OptimizerId, o: { schedule?: ScheduleSpec; noise?: NoiseSpec; penalty?: PenaltySpec; biasCorrection?: boolean; expr?: string }): Scene {
  const compiled = o.expr ? compileFormula(o.expr, { domain: { x: [-2, 2], y: [-1.5, 2.5] } }) : null;
  const surface = compiled ? compiled.surface : getSurface('rosenbrock')!;
  const run: RunConfig = {
    id: `rt-${optimizer}`,
    optimizer,
    params: resolveParams(surface, optimizer),
    visible: true,
    color: '#ffffff',
    biasCorrection: o.biasCorrection ?? true,
    schedule: o.schedule ?? { kind: 'constant' },
  };
  return {
    surfaceId: compiled ? CUSTOM_ID : 'rosenbrock',
    custom: compiled ? { expr: o.expr!, domain: compiled.surface.domain, surface: compiled.surface } : null,
    start: [-1.2, 1],
    steps: 60,
    runs: [run],
    noise: o.noise ?? { sigma: 0, seed: 1 },
    batch: FULL_BATCH,
    penalty: o.penalty ?? { kind: 'l2', lambda: 0 },
  };
}

const VARIANTS: readonly [string, Parameters<typeof scene>[1]][] = [
  ['plain', {}],
  ['a step schedule', { schedule: { kind: 'step', every: 7, gamma: 0.6 } }],
  ['a cosine schedule', { schedule: { kind: 'cosine', period: 40, minFactor: 0.1 } }],
  ['noise', { noise: { sigma: 0.3, seed: 4242 } }],
  ['an L2 penalty', { penalty: { kind: 'l2', lambda: 0.25 } }],
  ['an L1 penalty', { penalty: { kind: 'l1', lambda: 0.1 } }],
  ['all of them, and a warm-up', { schedule: { kind: 'warmup', steps: 9 }, noise: { sigma: 0.05, seed: 7 }, penalty: { kind: 'l2', lambda: 0.05 }, biasCorrection: false }],
  ['a typed formula', { expr: '(1 - x)^2 + 10 (y - x^2)^2', schedule: { kind: 'exponential', gamma: 0.97 } }],
];

describe('the exported JSON runs again on the command line, bit for bit', () => {
  for (const optimizer of OPTIMIZER_IDS) {
    it(`${optimizer}`, () => {
      for (const [name, variant] of VARIANTS) {
        const line = sceneJson(scene(optimizer, variant)).split('\n')[1];
        const exported = JSON.parse(line) as ExportedObject;
        if (variant.schedule) expect(exported.params.schedule, `${name}: the schedule is exported`).toEqual(variant.schedule);
        expect(cli(flagsFor(exported)), `${optimizer}, ${name}`).toBe(line);
      }
    });
  }
});
