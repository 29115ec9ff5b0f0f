// The curvature of a surface at a point: the eigen-decomposition of its symmetric 2×2 Hessian,
// the condition number, and the step size plain gradient descent stays stable under.
import type { Surface, Vec2 } from './types';

/** How the surface bends at a point, by the signs of its two curvatures. */
export type CurvatureShape =
  /** Both positive: a bowl (positive definite). */
  | 'bowl'
  /** Both negative: a cap (negative definite). */
  | 'cap'
  /** Opposite signs: a saddle (indefinite). */
  | 'saddle'
  /** One zero, the other not: a trough or ridge, flat along one direction (singular). */
  | 'flat'
  /** Both zero, or not finite. */
  | 'none';

export interface Curvature {
  /** The Hessian as [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²]. */
  readonly hessian: readonly [number, number, number];
  /** The eigenvalues, λ₁ ≤ λ₂. */
  readonly lambda1: number;
  readonly lambda2: number;
  /** Unit eigenvectors of λ₁ and λ₂: orthogonal, each with its x ≥ 0 (its y > 0 where x = 0). */
  readonly v1: Vec2;
  readonly v2: Vec2;
  /** κ = max|λ| / min|λ|: ∞ where one is 0, NaN where both are or a value is not finite. */
  readonly condition: number;
  readonly shape: CurvatureShape;
}

/** 2²⁷ + 1: Veltkamp's constant, which splits a double into two halves of 26 bits. */
const SPLITTER = 134217729;

/** a·b − c·d, exact up to one rounding while no product over- or underflows (Dekker's products). */
function differenceOfProducts(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  const q = c * d;
  // Where p ≈ q (a nearly singular Hessian), p − q would keep only their rounding errors: the
  // low parts of both products recover what rounding dropped, and p − q itself is then exact
  // (Sterbenz).
  const pl = productError(a, b, p);
  const ql = productError(c, d, q);
  const r = p - q + (pl - ql);
  return Number.isFinite(r) ? r : p - q;
}

/** The rounding error of p = fl(a·b): a·b = p + error exactly. */
function productError(a: number, b: number, p: number): number {
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/** A unit vector along (x, y), turned to x > 0 (or y > 0 where x = 0), with no −0. */
function unit(x: number, y: number): Vec2 {
  const n = Math.hypot(x, y);
  const flip = x < 0 || (x === 0 && y < 0) ? -1 : 1;
  return [(flip * x) / n + 0, (flip * y) / n + 0];
}

/**
 * The eigen-decomposition of the symmetric matrix [[a, b], [b, c]], written so that neither a
 * tiny off-diagonal b nor two nearly equal eigenvalues costs accuracy:
 * - the matrix is first scaled by a power of two (exact), so that no product below over- or
 *   underflows;
 * - the eigenvalue of larger magnitude is m ± r with m = (a + c)/2, r = hypot((a − c)/2, b), where
 *   the two terms have the same sign (no cancellation); the other is det / that one, with the
 *   determinant from exact products, so that [[1, 0], [0, 1e−20]] gives 1e−20 and not 0;
 * - λ₂'s eigenvector is (h + r, b) where h = (a − c)/2 ≥ 0 and (b, r − h) where h < 0: each
 *   solves one row of (H − λ₂I)v = 0 with a sum of two non-negative terms, never a difference,
 *   so b = 0 gives the axes exactly. Where h = b = 0 every direction is one, and x, y are returned.
 */
export function symmetricEigen(a: number, b: number, c: number): Curvature {
  const hessian = [a, b, c] as const;
  const largest = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (!Number.isFinite(largest)) {
    return { hessian, lambda1: Number.NaN, lambda2: Number.NaN, v1: [Number.NaN, Number.NaN], v2: [Number.NaN, Number.NaN], condition: Number.NaN, shape: 'none' };
  }
  if (largest === 0) return { hessian, lambda1: 0, lambda2: 0, v1: [0, 1], v2: [1, 0], condition: Number.NaN, shape: 'none' };
  const scale = 2 ** Math.floor(Math.log2(largest));
  const sa = a / scale;
  const sb = b / scale;
  const sc = c / scale;
  const m = (sa + sc) / 2;
  const h = (sa - sc) / 2;
  const r = Math.hypot(h, sb);
  const det = differenceOfProducts(sa, sc, sb, sb);
  let lambda1: number;
  let lambda2: number;
  if (m >= 0) {
    lambda2 = m + r;
    lambda1 = det / lambda2;
  } else {
    lambda1 = m - r;
    lambda2 = det / lambda1;
  }
  // Rounding may swap two nearly equal values.
  if (lambda1 > lambda2) [lambda1, lambda2] = [lambda2, lambda1];
  lambda1 *= scale;
  lambda2 *= scale;

  const v2 = r === 0 ? ([1, 0] as const) : h >= 0 ? unit(h + r, sb) : unit(sb, r - h);
  const v1 = unit(-v2[1], v2[0]);

  const big = Math.max(Math.abs(lambda1), Math.abs(lambda2));
  const small = Math.min(Math.abs(lambda1), Math.abs(lambda2));
  const condition = small === 0 ? Infinity : big / small;
  const shape: CurvatureShape = small === 0 ? 'flat' : lambda1 > 0 ? 'bowl' : lambda2 < 0 ? 'cap' : 'saddle';
  return { hessian, lambda1, lambda2, v1, v2, condition, shape };
}

const scratch = new Float64Array(3);

/** The curvature of `surface` at (x, y), from its exact Hessian (typed formulas have one too). */
export function curvatureAt(surface: Surface, x: number, y: number): Curvature {
  surface.hessian(x, y, scratch);
  return symmetricEigen(scratch[0], scratch[1], scratch[2]);
}

/**
 * The largest learning rate under which gradient descent on the quadratic model is stable:
 * η < 2/λ_max (along the steepest direction each step multiplies the error by 1 − η·λ_max).
 * `shift` is added to both curvatures: torch's coupled weight decay λ makes the rule see H + λI.
 * Null where λ_max ≤ 0: no η oscillates out along a direction that curves down or not at all.
 */
export function stableLearningRate(c: Curvature, shift = 0): number | null {
  const top = c.lambda2 + shift;
  return top > 0 && Number.isFinite(top) ? 2 / top : null;
}
