import type { Minimum, PenaltySpec, Surface } from './types';

/** Penalized surfaces made lately, per base surface: a few, for a λ slider moving back and forth. */
const recent = new WeakMap<Surface, { readonly key: string; readonly surface: Surface }[]>();
const RECENT = 4;

/**
 * The surface plus a regularization penalty: f + λ·‖w‖² (l2) or f + λ·‖w‖₁ (l1).
 * The optimizers then see the penalized gradient, exactly as a penalty term in a loss would.
 * The same base, kind and λ give the same object, so that every run of a scene, its arrows and
 * the drawn mesh share one penalized surface (and the minima are found again only once).
 */
export function withPenalty(surface: Surface, penalty: PenaltySpec): Surface {
  const { kind, lambda } = penalty;
  if (!(Number.isFinite(lambda) && lambda >= 0)) {
    throw new RangeError(`penalty λ must be a finite number ≥ 0, got ${lambda}`);
  }
  if (lambda === 0) return surface;
  const key = `${kind}:${lambda}`;
  const made = recent.get(surface) ?? [];
  const hit = made.find((m) => m.key === key);
  if (hit) return hit.surface;
  const penalized = penalize(surface, kind, lambda);
  recent.set(surface, [{ key, surface: penalized }, ...made].slice(0, RECENT));
  return penalized;
}

function penalize(surface: Surface, kind: PenaltySpec['kind'], lambda: number): Surface {
  const base = surface;
  const l2 = kind === 'l2';
  const penalized: Surface = {
    ...surface,
    id: `${surface.id}+${kind}`,
    name: `${surface.name} + ${kind.toUpperCase()}`,
    formula: l2 ? `${surface.formula} + ${lambda}*(x^2 + y^2)` : `${surface.formula} + ${lambda}*(abs(x) + abs(y))`,
    latex: l2
      ? `${surface.latex} + ${lambda}\\,(x^2 + y^2)`
      : `${surface.latex} + ${lambda}\\,(|x| + |y|)`,
    value: l2
      ? (x, y) => base.value(x, y) + lambda * (x * x + y * y)
      : (x, y) => base.value(x, y) + lambda * (Math.abs(x) + Math.abs(y)),
    valueAndGrad: l2
      ? (x, y, out) => {
          const v = base.valueAndGrad(x, y, out);
          out[0] += 2 * lambda * x;
          out[1] += 2 * lambda * y;
          return v + lambda * (x * x + y * y);
        }
      : (x, y, out) => {
          const v = base.valueAndGrad(x, y, out);
          // The subgradient 0 at a kink, as autograd's sign() gives.
          out[0] += lambda * Math.sign(x);
          out[1] += lambda * Math.sign(y);
          return v + lambda * (Math.abs(x) + Math.abs(y));
        },
    hessian: l2
      ? (x, y, out) => {
          base.hessian(x, y, out);
          out[0] += 2 * lambda;
          out[2] += 2 * lambda;
        }
      : (x, y, out) => base.hessian(x, y, out),
    minima: [],
  };
  return { ...penalized, minima: l2 ? movedMinima(penalized, surface.minima) : [] };
}

/**
 * The L2 penalty moves each minimum toward the origin; Newton's method from the old minimum
 * finds where it went (for the small λ of a lesson it stays in the same basin).
 */
function movedMinima(f: Surface, old: readonly Minimum[]): Minimum[] {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const found: Minimum[] = [];
  for (const m of old) {
    let x = m.x;
    let y = m.y;
    let ok = false;
    for (let i = 0; i < 100; i++) {
      f.valueAndGrad(x, y, g);
      f.hessian(x, y, h);
      const det = h[0] * h[2] - h[1] * h[1];
      if (!(det > 0 && h[0] > 0)) break;
      const dx = (h[2] * g[0] - h[1] * g[1]) / det;
      const dy = (h[0] * g[1] - h[1] * g[0]) / det;
      x -= dx;
      y -= dy;
      if (Math.abs(dx) + Math.abs(dy) < 1e-15 * (1 + Math.abs(x) + Math.abs(y))) {
        ok = true;
        break;
      }
    }
    if (ok && Number.isFinite(x) && Number.isFinite(y)) found.push({ x, y, f: f.value(x, y), kind: m.kind });
  }
  // The penalty can change which basin is lowest.
  found.sort((a, b) => a.f - b.f);
  return found.map((m, i) => ({ ...m, kind: i === 0 || m.f - found[0].f <= 1e-12 * (1 + Math.abs(m.f)) ? 'global' : 'local' }));
}
