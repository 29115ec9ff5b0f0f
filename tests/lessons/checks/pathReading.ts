// Measures of a computed path that the lessons' claims are stated in.
import type { Vec2 } from '../../../src/engine';
import type { ComputedRun, ComputedScene } from '../../../src/state/paths';

export function runOf(scene: ComputedScene, id: string): ComputedRun {
  const found = scene.runs.find((c) => c.run.id === id);
  if (!found) throw new Error(`lesson check: no run ${id}`);
  return found;
}

/** How many of steps 1 … n flip the sign of y. */
export function signFlips(c: ComputedRun, n: number): number {
  const { y } = c.path;
  let flips = 0;
  for (let k = 1; k <= Math.min(n, c.path.steps); k++) if (Math.sign(y[k]) !== Math.sign(y[k - 1])) flips++;
  return flips;
}

/** The first step at which |y| exceeds the threshold; Infinity if it never does. */
export function firstAbove(c: ComputedRun, threshold: number): number {
  for (let k = 0; k <= c.path.steps; k++) if (Math.abs(c.path.y[k]) > threshold) return k;
  return Infinity;
}

export function minY(c: ComputedRun, n: number): number {
  let m = Infinity;
  for (let k = 0; k <= Math.min(n, c.path.steps); k++) m = Math.min(m, c.path.y[k]);
  return m;
}

export function stepLength(c: ComputedRun, k: number): number {
  const { x, y } = c.path;
  return Math.hypot(x[k] - x[k - 1], y[k] - y[k - 1]);
}

export function meanStep(c: ComputedRun, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k <= to; k++) sum += stepLength(c, k);
  return sum / (to - from + 1);
}

export function endPoint(c: ComputedRun): Vec2 {
  return [c.path.x[c.path.steps], c.path.y[c.path.steps]];
}

export function distance(p: Vec2, q: { readonly x: number; readonly y: number } | Vec2): number {
  const [qx, qy] = 'x' in q ? [q.x, q.y] : q;
  return Math.hypot(p[0] - qx, p[1] - qy);
}

/** Mean distance from a point over the last `n` points of the path. */
export function tailDistance(c: ComputedRun, to: Vec2, n: number): number {
  let sum = 0;
  const last = c.path.steps;
  for (let k = last - n + 1; k <= last; k++) sum += Math.hypot(c.path.x[k] - to[0], c.path.y[k] - to[1]);
  return sum / n;
}

export function lossRises(c: ComputedRun): number {
  let rises = 0;
  for (let k = 1; k <= c.path.steps; k++) if (c.path.loss[k] > c.path.loss[k - 1]) rises++;
  return rises;
}

export function finished(c: ComputedRun, steps: number): boolean {
  return c.path.status === 'ok' && c.path.steps === steps;
}

/** Mean distance between two paths at the same step, over steps 0 … n (the shorter one's end). */
export function meanGap(a: ComputedRun, b: ComputedRun): number {
  const n = Math.min(a.path.steps, b.path.steps);
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += Math.hypot(a.path.x[k] - b.path.x[k], a.path.y[k] - b.path.y[k]);
  return sum / (n + 1);
}

