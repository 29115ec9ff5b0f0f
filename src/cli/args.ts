// Turns the command line into a run. Two passes, so that each rule lives in one place:
// `tokenize` only knows the shape of flags (which take a value, which are switches), and
// `interpret` only knows what the values mean. A new flag is one row in FLAGS plus its
// reading in `interpret`; `--expr FORMULA` will join `--surface` in `chooseSurface`.

import {
  DEFAULT_SEED,
  HYPERPARAMS,
  MAX_STEPS,
  OPTIMIZERS,
  SCHEDULE_FIELDS,
  SCHEDULE_KINDS,
  SEED_MAX,
  SURFACE_IDS,
  isScheduleKind,
  isSeed,
  parseDecimal,
  scheduleFromFields,
  getOptimizer,
  getSurface,
  type BatchSpec,
  type Hyperparams,
  type NoiseSpec,
  type OptimizerId,
  type PenaltySpec,
  type RunSpec,
  type ScheduleSpec,
  type Surface,
  type Vec2,
  type Domain,
} from '../engine';
import type { compileFormula } from '../engine/formula';
// The data sets load with the command line only: in the app they are a lazy chunk of their own.
import { DATA_SET_MODELS } from '../engine/data/dataSurfaces';

/** Bad input from the user: exit status 2 and its message on one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OutputFormat = 'json' | 'csv' | 'pytorch';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'pytorch'];

/**
 * A run with every choice the user could make written out (start and steps from the surface
 * when not given), so that the output can report exactly what ran. Hyperparameters stay as
 * given: the engine's `resolveParams` is the one place that fills in their defaults.
 */
export interface CliRun extends RunSpec {
  /** The typed formula, as mathjs prints it back, when the run is on `--expr`. */
  readonly expr?: string;
  readonly optimizer: OptimizerId;
  readonly params: Readonly<Partial<Hyperparams>>;
  readonly start: Vec2;
  readonly steps: number;
  readonly biasCorrection: boolean;
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly run: CliRun; readonly format: OutputFormat };

export interface FlagSpec {
  readonly flag: string;
  /** The placeholder shown in the usage text; absent for a switch, which takes no value. */
  readonly metavar?: string;
  readonly help: string;
}

/** The largest seed that still gives its own stream: the generator reads seeds as uint32. */

const HELP_FLAGS: readonly string[] = ['--help', '-h'];

export const SURFACE_FLAGS: readonly FlagSpec[] = [
  { flag: '--surface', metavar: 'ID', help: 'the loss surface (this or --expr is required)' },
  { flag: '--expr', metavar: 'FORMULA', help: 'a typed surface f(x, y) instead, e.g. "x^2 + 3y^2" (functions: sin, cos, exp, log, sqrt, abs, …)' },
  { flag: '--domain', metavar: 'X0,X1,Y0,Y1', help: 'the plot domain of --expr (default -3,3,-3,3)' },
  {
    flag: '--data',
    metavar: 'ID',
    help: `instead of a surface, the loss of a two-parameter model over a real data set: ${Object.keys(DATA_SET_MODELS).join(', ')} (x and y are the model's two parameters)`,
  },
  {
    flag: '--model',
    metavar: 'ID',
    help: `with --data, the model (default the data set's first): ${Object.entries(DATA_SET_MODELS)
      .map(([id, models]) => `${id}: ${models.map((m) => m.model).join(', ')}`)
      .join('; ')}`,
  },
  { flag: '--optimizer', metavar: 'ID', help: 'the optimizer (required)' },
  { flag: '--steps', metavar: 'N', help: `steps to take, an integer from 1 to ${MAX_STEPS} (default: the surface's)` },
  { flag: '--start', metavar: 'X,Y', help: "the start point (default: the surface's)" },
];

// Derived from the engine's table so that a new hyperparameter reaches the CLI by itself.
export const HYPERPARAM_FLAGS: readonly FlagSpec[] = HYPERPARAMS.map((h) => ({
  flag: h.flag,
  metavar: h.choices ? h.choices.join('|') : 'V',
  help: `${h.symbol}, ${h.name.toLowerCase()}: ${h.accepts}`,
}));

export const VARIANT_FLAGS: readonly FlagSpec[] = [
  {
    flag: '--no-bias-correction',
    help: `Adam without bias correction, the CS231n "first step" lesson (${OPTIMIZERS.filter((o) => o.hasBiasCorrection)
      .map((o) => o.id)
      .join(', ')})`,
  },
  {
    flag: '--schedule',
    metavar: 'KIND[,FIELD=V…]',
    help: `how η changes over the steps, PyTorch's schedulers (default constant): ${SCHEDULE_KINDS.filter((k) => k !== 'constant')
      .map((k) => [k, ...SCHEDULE_FIELDS[k].map((f) => `${f}=V`)].join(','))
      .join(' · ')}`,
  },
  { flag: '--noise', metavar: 'SIGMA', help: 'Gaussian gradient noise of standard deviation σ ≥ 0' },
  { flag: '--seed', metavar: 'S', help: `seed of the noise and of the batches' order, an integer from 0 to ${SEED_MAX} (default ${DEFAULT_SEED}, as in the app; used with --noise or --batch)` },
  { flag: '--batch', metavar: 'N', help: "with --data, mini-batches of N examples, drawn as DataLoader(shuffle=True) draws them: a fresh order each epoch (default: every example, the full batch)" },
  { flag: '--drop-last', help: 'with --batch, drop each epoch\'s last, smaller batch (DataLoader\'s drop_last)' },
  { flag: '--penalty', metavar: 'KIND=LAMBDA', help: 'add a penalty to the surface: l2=λ for λ·(x² + y²), l1=λ for λ·(|x| + |y|), λ ≥ 0' },
];

export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  {
    flag: '--format',
    metavar: OUTPUT_FORMATS.join('|'),
    help: 'what to print (default json); pytorch: a Python script that replays the run with torch.optim and prints how far it lands from this path',
  },
  { flag: '--help', help: 'print this text and exit (also -h)' },
];

const FLAGS: readonly FlagSpec[] = [...SURFACE_FLAGS, ...HYPERPARAM_FLAGS, ...VARIANT_FLAGS, ...OUTPUT_FLAGS];

const FLAG_BY_NAME: ReadonlyMap<string, FlagSpec> = new Map(FLAGS.map((f) => [f.flag, f]));

/** A switch's value in the token map: present means on. */
const ON = true;
type Tokens = ReadonlyMap<string, string | typeof ON>;

// A token that looks like a long flag ends the search for a value; anything else, even
// "-1.5,2", is the value, so that negative numbers need no "=".
const LOOKS_LIKE_FLAG = /^--[A-Za-z]/;

function tokenize(argv: readonly string[]): Tokens | 'help' {
  const tokens = new Map<string, string | typeof ON>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (HELP_FLAGS.includes(arg)) return 'help';
    if (arg.startsWith('-') && !arg.startsWith('--')) throw new UsageError(`unknown flag ${quote(arg)}; see --help`);
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument ${quote(arg)}; flags start with --, see --help`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const spec = FLAG_BY_NAME.get(name);
    if (!spec) throw new UsageError(`unknown flag ${quote(name)}; see --help`);
    if (tokens.has(name)) throw new UsageError(`${name} is given twice; give it once`);
    if (spec.metavar === undefined) {
      if (eq >= 0) throw new UsageError(`${name} takes no value, got ${quote(arg.slice(eq + 1))}`);
      tokens.set(name, ON);
    } else if (eq >= 0) {
      tokens.set(name, arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next === undefined || LOOKS_LIKE_FLAG.test(next)) {
        throw new UsageError(`${name} needs a value (${name} ${spec.metavar})`);
      }
      tokens.set(name, next);
      i++;
    }
  }
  return tokens;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

function readNumber(flag: string, raw: string, valid: (v: number) => boolean, accepts: string): number {
  const v = parseDecimal(raw);
  if (v === null || !valid(v)) throw new UsageError(`${flag} must be ${accepts}, got ${quote(raw)}`);
  return v;
}

const nonNegative = (v: number): boolean => v >= 0;

function readSteps(raw: string): number {
  return readNumber(
    '--steps',
    raw,
    (v) => Number.isInteger(v) && v >= 1 && v <= MAX_STEPS,
    `an integer from 1 to ${MAX_STEPS}`,
  );
}

function readStart(raw: string): Vec2 {
  const parts = raw.split(',').map(parseDecimal);
  if (parts.length !== 2 || parts[0] === null || parts[1] === null) {
    throw new UsageError(`--start must be two finite numbers as X,Y (e.g. --start -1.5,2), got ${quote(raw)}`);
  }
  return [parts[0], parts[1]];
}

/**
 * A start from which a run can take its first step: f and its gradient finite there (10³⁰⁰ on
 * any polynomial overflows). Off the plotted domain is allowed, as a script may look further.
 */
function checkStart(start: Vec2, surface: Surface): Vec2 {
  const g = new Float64Array(2);
  const f = surface.valueAndGrad(start[0], start[1], g);
  if (Number.isFinite(f) && Number.isFinite(g[0]) && Number.isFinite(g[1])) return start;
  const { x, y } = surface.domain;
  throw new UsageError(
    `--start ${start[0]},${start[1]}: f = ${f} and ∇f = (${g[0]}, ${g[1]}) there, not finite; give a start where they are (the plotted domain is [${x[0]}, ${x[1]}] × [${y[0]}, ${y[1]}])`,
  );
}

function listIds(ids: readonly string[]): string {
  return ids.join(', ');
}

function value(tokens: Tokens, flag: string): string | undefined {
  const v = tokens.get(flag);
  return typeof v === 'string' ? v : undefined;
}

type FormulaCompiler = typeof compileFormula;
let formulaCompiler: FormulaCompiler | null = null;

/**
 * The typed-formula compiler (it brings mathjs, ~0.7 s to load): the entry point loads and
 * registers it only when the command line has --expr.
 */
export function useFormulaCompiler(compiler: FormulaCompiler): void {
  formulaCompiler = compiler;
}

export function wantsFormula(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--expr' || a.startsWith('--expr='));
}

/**
 * Whether the command line asks for --format pytorch, whose surface is written by the formula
 * module's torch translation (mathjs again): the entry point loads it only then.
 */
export function wantsPytorch(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=pytorch' || (a === '--format' && argv[i + 1] === 'pytorch'));
}

function readDomain(raw: string): Domain {
  const parts = raw.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  const valid = parts.length === 4 && parts.every((p) => p !== '') && nums.every(Number.isFinite) && nums[0] < nums[1] && nums[2] < nums[3];
  if (!valid) throw new UsageError(`--domain must be four finite numbers X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, got ${quote(raw)}`);
  return { x: [nums[0], nums[1]], y: [nums[2], nums[3]] };
}

function formulaSurface(tokens: Tokens, expr: string): { surface: Surface; expr: string } {
  if (!formulaCompiler) throw new Error('the formula compiler was not loaded');
  const domainRaw = value(tokens, '--domain');
  const domain = domainRaw === undefined ? undefined : readDomain(domainRaw);
  try {
    const compiled = formulaCompiler(expr, domain ? { domain } : {});
    return { surface: compiled.surface, expr: compiled.normalized };
  } catch (e) {
    if (e instanceof Error && e.name === 'FormulaError') throw new UsageError(`--expr: ${e.message}`);
    throw e;
  }
}

/** --data ID [--model ID]: the data set's model, as a surface. */
function dataSurface(tokens: Tokens, id: string): Surface {
  const models = Object.hasOwn(DATA_SET_MODELS, id) ? DATA_SET_MODELS[id] : undefined;
  if (!models) throw new UsageError(`unknown data set ${quote(id)}; one of: ${listIds(Object.keys(DATA_SET_MODELS))}`);
  const model = value(tokens, '--model');
  if (model === undefined) return models[0];
  const chosen = models.find((m) => m.model === model);
  if (!chosen) throw new UsageError(`unknown model ${quote(model)} for --data ${id}; one of: ${listIds(models.map((m) => m.model))}`);
  return chosen;
}

/** The one place that decides which surface a run is on: --surface ID, --expr FORMULA or --data ID. */
function chooseSurface(tokens: Tokens): { surface: Surface; expr?: string } {
  const id = value(tokens, '--surface');
  const expr = value(tokens, '--expr');
  const data = value(tokens, '--data');
  if ([id, expr, data].filter((v) => v !== undefined).length > 1) throw new UsageError('--surface, --expr and --data cannot be combined; give one');
  if (value(tokens, '--model') !== undefined && data === undefined) throw new UsageError('--model applies to --data only');
  if (data !== undefined) {
    if (value(tokens, '--domain') !== undefined) throw new UsageError('--domain applies to --expr only');
    return { surface: dataSurface(tokens, data) };
  }
  if (expr !== undefined) return formulaSurface(tokens, expr);
  if (value(tokens, '--domain') !== undefined) throw new UsageError('--domain applies to --expr only');
  if (id === undefined) throw new UsageError(`--surface or --expr is required; surfaces: ${listIds(SURFACE_IDS)}`);
  const surface = getSurface(id);
  if (!surface) throw new UsageError(`unknown surface ${quote(id)}; one of: ${listIds(SURFACE_IDS)}`);
  return { surface };
}

function chooseOptimizer(tokens: Tokens): OptimizerId {
  const ids = OPTIMIZERS.map((o) => o.id);
  const id = value(tokens, '--optimizer');
  if (id === undefined) throw new UsageError(`--optimizer is required; one of: ${listIds(ids)}`);
  const info = getOptimizer(id);
  if (!info) throw new UsageError(`unknown optimizer ${quote(id)}; one of: ${listIds(ids)}`);
  return info.id;
}

function readHyperparams(tokens: Tokens, optimizer: OptimizerId): Partial<Hyperparams> {
  const info = getOptimizer(optimizer);
  const reads = info ? info.params : [];
  const given: Partial<Hyperparams> = {};
  for (const h of HYPERPARAMS) {
    const raw = value(tokens, h.flag);
    if (raw === undefined) continue;
    // A named value (--line-search strong-wolfe) or its number.
    const named = h.choices?.indexOf(raw.toLowerCase()) ?? -1;
    const v = named >= 0 ? named : readNumber(h.flag, raw, h.valid, h.accepts);
    // Checked but not used by optimizers that do not read it, so that one command line can be
    // looped over every optimizer; "params" in the output shows what each one actually used.
    if (reads.includes(h.key)) given[h.key] = v;
  }
  return given;
}

function readNoise(tokens: Tokens): NoiseSpec | undefined {
  const sigmaRaw = value(tokens, '--noise');
  const seedRaw = value(tokens, '--seed');
  const sigma = sigmaRaw === undefined ? undefined : readNumber('--noise', sigmaRaw, nonNegative, 'a finite number ≥ 0');
  const seed =
    seedRaw === undefined
      ? DEFAULT_SEED
      : readNumber('--seed', seedRaw, isSeed, `an integer from 0 to ${SEED_MAX}`);
  if (sigma === undefined) return undefined;
  return { sigma, seed };
}

/** --batch N [--drop-last] [--seed S], on a data surface only. */
function readBatch(tokens: Tokens, surface: Surface): BatchSpec | undefined {
  const raw = value(tokens, '--batch');
  if (raw === undefined) {
    if (tokens.has('--drop-last')) throw new UsageError('--drop-last applies to --batch only');
    return undefined;
  }
  const examples = surface.data?.examples;
  if (!examples) throw new UsageError(`--batch needs --data (a surface has no examples to draw batches from); data sets: ${listIds(Object.keys(DATA_SET_MODELS))}`);
  const size = readNumber('--batch', raw, (n) => Number.isInteger(n) && n >= 1 && n <= examples.count, `a whole number from 1 to ${examples.count} (the data's examples)`);
  const seedRaw = value(tokens, '--seed');
  const seed = seedRaw === undefined ? DEFAULT_SEED : readNumber('--seed', seedRaw, isSeed, `an integer from 0 to ${SEED_MAX}`);
  return { size, seed, ...(tokens.has('--drop-last') && { dropLast: true }) };
}

function readPenalty(tokens: Tokens): PenaltySpec | undefined {
  const raw = value(tokens, '--penalty');
  if (raw === undefined) return undefined;
  const [kind, lambda, ...rest] = raw.split('=').map((p) => p.trim());
  if ((kind !== 'l1' && kind !== 'l2') || lambda === undefined || rest.length > 0) {
    throw new UsageError(`--penalty must be l2=LAMBDA or l1=LAMBDA, got ${quote(raw)}`);
  }
  return { kind, lambda: readNumber(`--penalty ${kind}`, lambda, nonNegative, 'a finite number ≥ 0') };
}

/** `step,every=50,gamma=0.5`: a kind, then its fields (engine/schedules.ts names them). */
function readSchedule(tokens: Tokens): ScheduleSpec | undefined {
  const raw = value(tokens, '--schedule');
  if (raw === undefined) return undefined;
  const [kind, ...items] = raw.split(',').map((p) => p.trim());
  const forms = SCHEDULE_KINDS.map((k) => [k, ...SCHEDULE_FIELDS[k].map((f) => `${f}=V`)].join(',')).join(', ');
  if (!isScheduleKind(kind)) throw new UsageError(`--schedule must start with one of ${SCHEDULE_KINDS.join(', ')}, got ${quote(raw)}; forms: ${forms}`);
  const fields = new Map<string, number>();
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const v = eq < 0 ? null : parseDecimal(item.slice(eq + 1));
    if (v === null) throw new UsageError(`--schedule: ${quote(item)} must be FIELD=NUMBER (${forms})`);
    if (fields.has(name)) throw new UsageError(`--schedule: ${name} is given twice`);
    fields.set(name, v);
  }
  try {
    return scheduleFromFields(kind, fields);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--schedule: ${e.message}`);
    throw e;
  }
}

function readBiasCorrection(tokens: Tokens, optimizer: OptimizerId): boolean {
  if (!tokens.has('--no-bias-correction')) return true;
  // Optimizers without bias correction ignore the flag, as they ignore foreign hyperparameters.
  return !getOptimizer(optimizer)?.hasBiasCorrection;
}

function readFormat(tokens: Tokens): OutputFormat {
  const raw = value(tokens, '--format');
  if (raw === undefined) return 'json';
  const format = OUTPUT_FORMATS.find((f) => f === raw);
  if (!format) throw new UsageError(`--format must be ${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)}, got ${quote(raw)}`);
  return format;
}

function interpret(tokens: Tokens): CliCommand {
  const { surface, expr } = chooseSurface(tokens);
  const optimizer = chooseOptimizer(tokens);
  const stepsRaw = value(tokens, '--steps');
  const steps = stepsRaw === undefined ? surface.steps : readSteps(stepsRaw);
  const startRaw = value(tokens, '--start');
  const start = startRaw === undefined ? surface.start : checkStart(readStart(startRaw), surface);
  const params = readHyperparams(tokens, optimizer);
  const biasCorrection = readBiasCorrection(tokens, optimizer);
  const schedule = readSchedule(tokens);
  const noise = readNoise(tokens);
  const penalty = readPenalty(tokens);
  const batch = readBatch(tokens, surface);
  const format = readFormat(tokens);
  const run: CliRun = {
    surface,
    ...(expr !== undefined && { expr }),
    optimizer,
    params,
    steps,
    start,
    biasCorrection,
    ...(schedule && schedule.kind !== 'constant' && { schedule }),
    ...(noise && { noise }),
    ...(penalty && { penalty }),
    ...(batch && { batch }),
  };
  return { kind: 'run', run, format };
}

/** Reads the arguments (without node and the script); throws UsageError on bad input. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const tokens = tokenize(argv);
  return tokens === 'help' ? { kind: 'help' } : interpret(tokens);
}
