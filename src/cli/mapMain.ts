// `trajectory map …`: a hyperparameter or basin map computed on worker threads, printed as JSON or
// CSV with the same cells as the app's map. The run is read by the trajectory command's own
// parser (every flag of a run means the same here); the map's flags are read first.

import { knownMinimum } from '../engine/maps/mapCells';
import { MapRequestError, checkMapRequest, mapRunOf, mappableParams, type MapAxis, type MapRequest } from '../engine/maps/mapRequest';
import { mapCsv, mapJson } from '../engine/maps/mapText';
import type { MapOutcomes } from '../engine/maps/mapGrid';
import type { HyperparamKey, Surface } from '../engine';
import { UsageError, parseArgs } from './args';
import { MAP_FLAGS } from './mapFlags';
import type { CliIO } from './main';
import { defaultThreads, nodeMapPool } from './mapThreads';


const MAP_FLAG_NAMES = new Set(MAP_FLAGS.map((f) => f.flag));

/** Splits the map's own flags from the run's, which go to the trajectory parser. */
function splitFlags(argv: readonly string[]): { map: Map<string, string | true>; run: string[] } {
  const map = new Map<string, string | true>();
  const run: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!MAP_FLAG_NAMES.has(name)) {
      run.push(arg);
      continue;
    }
    if (map.has(name)) throw new UsageError(`${name} is given twice; give it once`);
    if (name === '--basins') {
      map.set(name, true);
    } else if (eq >= 0) {
      map.set(name, arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next === undefined || /^--[A-Za-z]/.test(next)) throw new UsageError(`${name} needs a value`);
      map.set(name, next);
      i++;
    }
  }
  return { map, run };
}

function text(map: Map<string, string | true>, flag: string): string | undefined {
  const v = map.get(flag);
  return typeof v === 'string' ? v : undefined;
}

function readCells(raw: string | undefined): [number, number] {
  if (raw === undefined) return [64, 64];
  const m = /^(\d+)(?:x(\d+))?$/.exec(raw);
  if (!m) throw new UsageError(`--cells must be N or NXxNY (whole numbers), got ${JSON.stringify(raw)}`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function readAxis(flag: string, raw: string | undefined, cells: number, optimizer: string, known: readonly string[]): MapAxis {
  if (raw === undefined) throw new UsageError(`a hyperparameter map needs ${flag} PARAM:FROM:TO (or --basins for a basin map)`);
  const parts = raw.split(':');
  if (parts.length !== 3) throw new UsageError(`${flag} must be PARAM:FROM:TO, e.g. lr:1e-4:1, got ${JSON.stringify(raw)}`);
  const [param, fromRaw, toRaw] = parts;
  if (!known.includes(param)) throw new UsageError(`${flag}: ${optimizer} has no hyperparameter ${JSON.stringify(param)} to map (it has ${known.join(', ')})`);
  const from = Number(fromRaw);
  const to = Number(toRaw);
  if (fromRaw.trim() === '' || toRaw.trim() === '' || !Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(`${flag}: FROM and TO must be finite numbers, got ${JSON.stringify(raw)}`);
  return { param: param as HyperparamKey, from, to, cells };
}

function readPositive(flag: string, raw: string | undefined, fallback: number, whole: boolean): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v <= 0 || (whole && !Number.isInteger(v))) {
    throw new UsageError(`${flag} must be a ${whole ? 'whole number' : 'finite number'} > 0, got ${JSON.stringify(raw)}`);
  }
  return v;
}

/** Reads `map …`'s arguments (after the word map) into a checked request. */
function parseMapArgs(argv: readonly string[]): { request: MapRequest; format: 'json' | 'csv'; threads: number; surface: Surface } {
  const { map, run: runArgv } = splitFlags(argv);
  const command = parseArgs(runArgv);
  if (command.kind === 'help') throw new UsageError('see trajectory --help for map’s flags');
  const { run } = command;
  const format = text(map, '--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format of a map must be json or csv, got ${JSON.stringify(format)}`);
  const [cx, cy] = readCells(text(map, '--cells'));
  const tolerance = readPositive('--tolerance', text(map, '--tolerance'), 1e-3, false);
  const threads = readPositive('--threads', text(map, '--threads'), defaultThreads(), true);
  const surface = run.expr !== undefined ? { expr: run.expr, domain: run.surface.domain } : { id: run.surface.id };
  const mapRun = mapRunOf(run);
  let request: MapRequest;
  if (map.has('--basins')) {
    if (map.has('--x') || map.has('--y')) throw new UsageError('--basins maps starts, not hyperparameters: leave out --x and --y');
    const regionRaw = text(map, '--region');
    let domain = run.surface.domain;
    if (regionRaw !== undefined) {
      const v = regionRaw.split(',').map(Number);
      if (v.length !== 4 || v.some((n) => !Number.isFinite(n)) || !(v[0] < v[1] && v[2] < v[3])) {
        throw new UsageError(`--region must be four finite numbers X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1, got ${JSON.stringify(regionRaw)}`);
      }
      domain = { x: [v[0], v[1]], y: [v[2], v[3]] };
    }
    request = { kind: 'basin', surface, run: mapRun, domain, cellsX: cx, cellsY: cy, tolerance };
  } else {
    if (map.has('--region')) throw new UsageError('--region applies to --basins only');
    const known = mappableParams(run.optimizer).map((h) => h.key);
    request = { kind: 'hyper', surface, run: mapRun, x: readAxis('--x', text(map, '--x'), cx, run.optimizer, known), y: readAxis('--y', text(map, '--y'), cy, run.optimizer, known), tolerance };
  }
  try {
    checkMapRequest(request);
  } catch (error) {
    if (error instanceof MapRequestError) throw new UsageError(error.message);
    throw error;
  }
  return { request, format, threads, surface: run.surface };
}

/** Runs `map …`; resolves to the exit status. */
export async function mapMain(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseMapArgs>;
  try {
    parsed = parseMapArgs(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`descent: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const { request, format, threads, surface: runSurface } = parsed;
  const pool = nodeMapPool(threads);
  try {
    const outcomes = await new Promise<MapOutcomes>((resolve, reject) => {
      pool.start(request, { onDone: resolve, onError: (message) => reject(new Error(message)) });
    });
    io.out(format === 'csv' ? mapCsv(request, outcomes, runSurface) : mapJson(request, outcomes, runSurface, knownMinimum(runSurface)));
    return 0;
  } catch (error) {
    io.err(`descent: map failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    pool.dispose();
  }
}
