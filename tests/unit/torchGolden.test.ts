// The engine against PyTorch itself: trajectories that scripts/torch_golden.py recorded from
// torch.optim (float64, foreach=False) on the four required surfaces, compared at every step.
import { describe, expect, it } from 'vitest';
import { ESCAPE_WIDTHS, OPTIMIZER_IDS, getSurface, isOptimizerId, simulateRun, traceRun, type Surface } from '../../src/engine';
import { readGolden } from './torchFixtures';

/**
 * The rules that torch.optim does not have: Newton's method (it needs the Hessian) and the rules
 * from papers (held to their reference algorithms in optimizers.test.ts).
 */
const NOT_IN_TORCH: ReadonlySet<string> = new Set(['newton', 'lion', 'signum', 'shampoo', 'schedule-free-adamw', 'sam', 'lookahead']);

/** PyTorch and the engine agree to this relative difference at every step. */
const RELATIVE = 1e-9;

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

function outside(s: Surface, x: number | null, y: number | null): boolean {
  if (x === null || y === null) return true;
  const [x0, x1] = s.domain.x;
  const [y0, y1] = s.domain.y;
  return Math.abs(x - (x0 + x1) / 2) > ESCAPE_WIDTHS * (x1 - x0) || Math.abs(y - (y0 + y1) / 2) > ESCAPE_WIDTHS * (y1 - y0);
}

/**
 * The first step where the engine's coordinate is further than RELATIVE from torch's, or −1.
 * Relative to the coordinate's size at this step or the one before (a step that carries a
 * coordinate across zero is a difference of two larger numbers, known only to their
 * precision), with a floor of 1e-14 of the largest size the coordinate has had so far (one that
 * came from −1.5 to 10⁻⁷ by adding steps is known to a few ulps of 1.5, not of 10⁻⁷). The
 * script's `within` is the same test.
 */
function firstMismatch(engine: Float64Array, torch: ReadonlyArray<number | null>, count: number): number {
  let largest = 0;
  for (let t = 0; t < count; t++) {
    const want = torch[t];
    if (want === null) return t;
    largest = Math.max(largest, Math.abs(want));
    const scale = Math.max(Math.abs(want), t > 0 ? Math.abs(torch[t - 1] ?? 0) : 0);
    if (!(Math.abs(engine[t] - want) <= Math.max(RELATIVE * scale, 1e-14 * largest, 1e-300))) return t;
  }
  return -1;
}

const files = readGolden();

describe('the engine follows PyTorch’s own trajectories', () => {
  it('has a fixture for every torch-backed optimizer, each on the four surfaces at three settings', () => {
    expect(files.map((f) => f.optimizer)).toEqual(OPTIMIZER_IDS.filter((id) => !NOT_IN_TORCH.has(id)).sort());
    for (const file of files) {
      expect(new Set(file.runs.map((r) => r.surface))).toEqual(new Set(['rosenbrock', 'saddle', 'ravine', 'local-minima']));
      expect(file.runs).toHaveLength(12);
      // The too-large η leaves the plot for good somewhere (it is there to check divergence).
      expect(file.runs.some((r) => r.x.length < r.steps + 1), file.optimizer).toBe(true);
    }
  });

  for (const file of files) {
    it(`${file.optimizer}: every step of every run within ${RELATIVE} of torch ${file.torch}`, () => {
      const optimizer = file.optimizer;
      if (!isOptimizerId(optimizer)) throw new Error(`unknown optimizer ${optimizer}`);
      for (const run of file.runs) {
        const label = `${optimizer} on ${run.surface} (${run.setting}, ${JSON.stringify(run.params)})`;
        const s = surface(run.surface);
        const path = simulateRun({ surface: s, optimizer, start: run.start, steps: run.steps, params: run.params });
        const leftAt = run.x.length < run.steps + 1 ? run.x.length - 1 : -1;
        if (leftAt < 0) {
          expect(path.status, label).toBe('ok');
          expect(path.steps, label).toBe(run.steps);
        } else {
          // torch's point at leftAt is out of the box or not finite: the engine stops just before.
          expect(outside(s, run.x[leftAt], run.y[leftAt]) || !Number.isFinite(s.value(run.x[leftAt] ?? NaN, run.y[leftAt] ?? NaN)), label).toBe(true);
          expect(path.status, label).toBe('diverged');
          expect(path.steps, label).toBe(leftAt - 1);
        }
        const count = path.steps + 1;
        expect(firstMismatch(path.x, run.x, count), `${label}: first x off by more than ${RELATIVE}`).toBe(-1);
        expect(firstMismatch(path.y, run.y, count), `${label}: first y off by more than ${RELATIVE}`).toBe(-1);
        if (run.avg) {
          // ASGD's averaged iterate x̄, which is not on the path: the teaching trace records it.
          const avg = traceRun({ surface: s, optimizer, start: run.start, steps: run.steps, params: run.params }).state.avg;
          if (!avg) throw new Error(`${label}: the trace has no average`);
          expect(firstMismatch(avg[0], run.avg.x, count), `${label}: first x̄ off`).toBe(-1);
          expect(firstMismatch(avg[1], run.avg.y, count), `${label}: first ȳ off`).toBe(-1);
        }
      }
    });
  }
});
