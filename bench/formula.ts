// Typed formulas: gradient evaluations per second of a compiled formula, on both compilers,
// against the hand-written surface of the same formula.
import { getSurface, type Surface } from '../src/engine';
import { compileFormula } from '../src/engine/formula';
import { HOSTILE_NESTS } from '../tests/fixtures/hostileFormulas';
import { median, timeRuns, type Measurement } from './measure';

const CASES = ['rosenbrock', 'beale', 'himmelblau', 'goldstein-price'];

type Loop = (s: Surface, points: Float64Array, out: Float64Array) => number;

function gradientsPerSecond(s: Surface, points: Float64Array): number {
  const out = new Float64Array(2);
  let sink = 0;
  // A fresh loop function per surface: a shared one would see several surfaces at its call
  // site, go polymorphic, and favour whichever surface was measured first.
  const loop = new Function('s', 'points', 'out', 'let acc = 0; for (let i = 0; i < points.length; i += 2) acc += s.valueAndGrad(points[i], points[i + 1], out) + out[0] + out[1]; return acc;') as Loop;
  const times = timeRuns(() => {
    sink += loop(s, points, out);
  }, 9);
  if (Number.isNaN(sink)) throw new Error('non-finite gradient in the benchmark');
  return points.length / 2 / (median(times) / 1000);
}

export function formulaMeasurements(): Measurement[] {
  const out: Measurement[] = [];
  for (const id of CASES) {
    const hand = getSurface(id);
    if (!hand) throw new Error(id);
    const points = new Float64Array(2 * 400_000);
    for (let i = 0; i < points.length; i += 2) {
      const u = (i / points.length) * 7.31;
      points[i] = hand.domain.x[0] + (hand.domain.x[1] - hand.domain.x[0]) * (0.5 + 0.45 * Math.sin(u * 13));
      points[i + 1] = hand.domain.y[0] + (hand.domain.y[1] - hand.domain.y[0]) * (0.5 + 0.45 * Math.cos(u * 7));
    }
    const generated = compileFormula(hand.formula, { domain: hand.domain, mode: 'codegen' }).surface;
    // Rounds that alternate the two, so that a slow moment of the machine (or a GC) falls on
    // both sides of the ratio; the median round is reported.
    const rounds: Array<{ hand: number; codegen: number }> = [];
    for (let r = 0; r < 5; r++) rounds.push({ hand: gradientsPerSecond(hand, points), codegen: gradientsPerSecond(generated, points) });
    rounds.sort((a, b) => a.codegen / a.hand - b.codegen / b.hand);
    const { hand: handRate, codegen } = rounds[2];
    const closures = gradientsPerSecond(compileFormula(hand.formula, { domain: hand.domain, mode: 'closures' }).surface, points);
    out.push({ name: `formula ${id}: hand-written`, value: handRate, unit: 'grad/s' });
    out.push({ name: `formula ${id}: generated code`, value: codegen, unit: 'grad/s' });
    out.push({ name: `formula ${id}: generated / hand-written`, value: codegen / handRate, unit: 'ratio', target: '≥ 0.5', ok: codegen / handRate >= 0.5 });
    out.push({ name: `formula ${id}: closures (CSP fallback)`, value: closures, unit: 'grad/s' });
    out.push({ name: `formula ${id}: closures / hand-written`, value: closures / handRate, unit: 'ratio' });
  }
  const t0 = performance.now();
  const hand = getSurface('goldstein-price');
  if (hand) compileFormula(hand.formula, { domain: hand.domain });
  out.push({ name: 'formula goldstein-price: parse + derive + compile', value: performance.now() - t0, unit: 'ms' });
  // Issue 15: the nested formulas that froze the page, each compiled (or refused) in < 100 ms.
  let slowest = 0;
  let which = '';
  for (const h of HOSTILE_NESTS) {
    for (const mode of ['codegen', 'closures'] as const) {
      const times = timeRuns(() => {
        try {
          compileFormula(h.expr, { mode });
        } catch {
          // Refused: what matters is how soon.
        }
      }, 5, 1);
      if (median(times) > slowest) [slowest, which] = [median(times), `${h.name}, ${mode}`];
    }
  }
  out.push({ name: `formula: slowest hostile nest to compile or refuse (${which})`, value: slowest, unit: 'ms', target: '< 100', ok: slowest < 100 });
  return out;
}
