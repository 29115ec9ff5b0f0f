// Distill's "Why Momentum Really Works", on our map: for momentum on a quadratic surface the
// regions of the η × ρ plane follow from the two curvatures λ_min ≤ λ_max alone. Along a direction
// of curvature λ the error obeys z² − (1 + ρ − ηλ)·z + ρ = 0 (torch's heavy ball), so a run
// converges iff 0 < ηλ_max < 2(1 + ρ); the flattest direction stops creeping and starts to ring
// where its roots turn complex, ηλ_min = (1 − √ρ)²; and the fastest setting of all is
// η* = (2 / (√λ_max + √λ_min))², ρ* = ((√κ − 1) / (√κ + 1))².

import { curvatureAt, type Surface } from '../../engine';
import type { MapRequest } from '../../engine/maps/mapRequest';

export interface MomentumTheory {
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** (η, ρ) along the edge of divergence, and along critical damping of the flattest direction. */
  readonly divergence: ReadonlyArray<readonly [number, number]>;
  readonly critical: ReadonlyArray<readonly [number, number]>;
  readonly optimum: readonly [number, number];
}

/** Whether the surface's Hessian is the same everywhere (to rounding): a quadratic. */
function quadratic(surface: Surface): { lambdaMin: number; lambdaMax: number } | null {
  const { x, y } = surface.domain;
  const points = [surface.start, [x[0], y[0]], [x[1], y[1]], [(x[0] + x[1]) / 2, (y[0] + y[1]) / 2], [x[0], y[1]]] as const;
  const first = curvatureAt(surface, points[0][0], points[0][1]);
  for (const [px, py] of points.slice(1)) {
    const c = curvatureAt(surface, px, py);
    for (let k = 0; k < 3; k++) {
      if (!(Math.abs(c.hessian[k] - first.hessian[k]) <= 1e-9 * Math.max(1, Math.abs(first.hessian[k])))) return null;
    }
  }
  return first.lambda1 > 0 ? { lambdaMin: first.lambda1, lambdaMax: first.lambda2 } : null;
}

/**
 * The theory's curves for a map of momentum's η and ρ on a quadratic surface, or null where it
 * does not apply (another rule or other axes, a surface that is not a bowl-shaped quadratic, or
 * a run whose weight decay, dampening, schedule, noise or penalty changes the recurrence).
 */
export function momentumTheory(request: MapRequest, surface: Surface): MomentumTheory | null {
  if (request.kind !== 'hyper' || request.run.optimizer !== 'momentum') return null;
  const axes = [request.x.param, request.y.param];
  if (!axes.includes('lr') || !axes.includes('rho')) return null;
  const { run } = request;
  if (run.schedule || run.noise || run.penalty || (run.params.weightDecay ?? 0) !== 0 || (run.params.dampening ?? 0) !== 0) return null;
  const q = quadratic(surface);
  if (!q) return null;
  const rhoAxis = request.x.param === 'rho' ? request.x : request.y;
  const divergence: [number, number][] = [];
  const critical: [number, number][] = [];
  const n = 120;
  for (let k = 0; k <= n; k++) {
    const rho = rhoAxis.from + (k / n) * (rhoAxis.to - rhoAxis.from);
    divergence.push([(2 * (1 + rho)) / q.lambdaMax, rho]);
    critical.push([(1 - Math.sqrt(rho)) ** 2 / q.lambdaMin, rho]);
  }
  const kappa = q.lambdaMax / q.lambdaMin;
  const optimum: [number, number] = [(2 / (Math.sqrt(q.lambdaMax) + Math.sqrt(q.lambdaMin))) ** 2, ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2];
  return { ...q, divergence, critical, optimum };
}
