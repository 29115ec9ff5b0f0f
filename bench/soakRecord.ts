// The soak run's last full result (bench/soak.ts writes bench/soak.last.json after its 30 minutes):
// half an hour is too long for every bench, so the bench prints the recorded figures, dated.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from './measure';

interface SoakRecord {
  readonly date: string;
  readonly minutes: number;
  readonly start: Record<string, number>;
  readonly end: Record<string, number>;
  readonly errors: number;
}

const FIGURES: ReadonlyArray<[key: string, name: string]> = [
  ['heapMB', 'JS heap'],
  ['geometries', 'three.js geometries'],
  ['textures', 'three.js textures'],
  ['programs', 'three.js programs'],
];

export function soakMeasurements(): Measurement[] {
  const file = join(import.meta.dirname, 'soak.last.json');
  if (!existsSync(file)) {
    process.stderr.write('bench: no bench/soak.last.json: run `npm run soak` once for its rows\n');
    return [];
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as SoakRecord;
  const label = `soak (npm run soak, ${r.minutes} min, recorded ${r.date})`;
  const rows: Measurement[] = FIGURES.map(([key, name]) => {
    const growth = (100 * (r.end[key] - r.start[key])) / r.start[key];
    return { name: `${label}: ${name} growth after warm-up`, value: growth, unit: '%', target: '< 10', ok: growth < 10 };
  });
  rows.push({ name: `${label}: page and console errors`, value: r.errors, unit: 'errors', target: '0', ok: r.errors === 0 });
  return rows;
}
