// The PyTorch golden fixtures written by scripts/torch_golden.py (tests/fixtures/torch/*.json).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Hyperparams } from '../../src/engine';

interface GoldenRun {
  readonly surface: string;
  /** 'defaults', 'other' or 'too-large' (see the script). */
  readonly setting: string;
  readonly start: [number, number];
  readonly steps: number;
  readonly params: Partial<Hyperparams>;
  /** The path from the start; shorter than steps + 1 where it left the escape box (null: not finite). */
  readonly x: ReadonlyArray<number | null>;
  readonly y: ReadonlyArray<number | null>;
  /** ASGD: its averaged iterate x̄ at each step (0 at the start, as torch keeps it). */
  readonly avg?: { readonly x: ReadonlyArray<number | null>; readonly y: ReadonlyArray<number | null> };
}

export interface GoldenFile {
  readonly generator: string;
  readonly torch: string;
  readonly optimizer: string;
  readonly runs: readonly GoldenRun[];
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'torch');

/** Every fixture file in `dir`, by optimizer name. */
export function readGolden(dir = FIXTURES): GoldenFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldenFile);
}
