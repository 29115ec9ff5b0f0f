// Shared pieces of the benchmark: one measurement type and the two ways of printing it.

export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target, in words, when the project sets one (e.g. "≥ 14e6"). */
  readonly target?: string;
  /** Whether the value meets the target; undefined when there is none. */
  readonly ok?: boolean;
}

/** Runs fn `reps` times after `warmup` runs and returns each run's milliseconds, sorted. */
export function timeRuns(fn: () => void, reps: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function formatValue(v: number): string {
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}e6`;
  if (v >= 100) return v.toFixed(0);
  return v.toPrecision(3);
}

export function printTable(rows: readonly Measurement[]): void {
  const nameWidth = Math.max(...rows.map((r) => r.name.length), 4);
  const lines = rows.map((r) => {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    const target = r.target ? `  (target ${r.target})` : '';
    return `${r.name.padEnd(nameWidth)}  ${formatValue(r.value).padStart(10)} ${r.unit}${target}${verdict}`;
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function printJsonLines(rows: readonly Measurement[]): void {
  for (const r of rows) process.stdout.write(`${JSON.stringify({ name: r.name, value: r.value, unit: r.unit, ...(r.target !== undefined && { target: r.target, ok: r.ok }) })}\n`);
}
