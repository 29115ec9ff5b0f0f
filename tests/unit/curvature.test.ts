import { describe, expect, it } from 'vitest';
import { curvatureAt, getSurface, stableLearningRate, symmetricEigen, withPenalty, type Curvature, type Surface } from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

/** H·v = λ·v for both pairs, unit length, orthogonal: what any answer must satisfy. */
function expectEigenPairs(c: Curvature, tolerance = 1e-12): void {
  const [a, b, d] = c.hessian;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(d), 1e-300);
  for (const [lambda, v] of [
    [c.lambda1, c.v1],
    [c.lambda2, c.v2],
  ] as const) {
    expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 14);
    expect(Math.abs(a * v[0] + b * v[1] - lambda * v[0]) / scale).toBeLessThan(tolerance);
    expect(Math.abs(b * v[0] + d * v[1] - lambda * v[1]) / scale).toBeLessThan(tolerance);
  }
  expect(Math.abs(c.v1[0] * c.v2[0] + c.v1[1] * c.v2[1])).toBeLessThan(1e-15);
  expect(c.lambda1).toBeLessThanOrEqual(c.lambda2);
}

describe('the curvature of known surfaces', () => {
  it('a round bowl: λ₁ = λ₂ = 2, κ = 1, the axes for eigenvectors', () => {
    const c = curvatureAt(surface('bowl'), 0.3, -1);
    expect([c.lambda1, c.lambda2, c.condition, c.shape]).toEqual([2, 2, 1, 'bowl']);
    expect([c.v1, c.v2]).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('the ravine 0.1x² + 2y²: λ = 0.2 along x and 4 along y, κ = 20, gradient descent stable below η = 0.5', () => {
    const c = curvatureAt(surface('ravine'), -4, 1);
    expect(c.lambda1).toBe(0.2);
    expect(c.lambda2).toBe(4);
    expect(c.condition).toBeCloseTo(20, 12);
    expect(c.v1).toEqual([1, 0]);
    expect(c.v2).toEqual([0, 1]);
    expect(c.shape).toBe('bowl');
    expect(stableLearningRate(c)).toBe(0.5);
    // torch's coupled weight decay adds λ to every curvature.
    expect(stableLearningRate(c, 1)).toBeCloseTo(0.4, 15);
  });

  it('the rotated ravine: the same curvatures along the diagonals', () => {
    const c = curvatureAt(surface('rotated-ravine'), 1, 2);
    expect(c.lambda1).toBeCloseTo(0.2, 14);
    expect(c.lambda2).toBeCloseTo(4, 14);
    expect(c.condition).toBeCloseTo(20, 12);
    expect(c.v1[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(c.v1[1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(c.v2[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(c.v2[1]).toBeCloseTo(-Math.SQRT1_2, 15);
    expectEigenPairs(c);
  });

  it('the saddle x² − y²: indefinite, κ = 1, no stability bound from the downward direction alone', () => {
    const c = curvatureAt(surface('saddle'), 0.5, 0.5);
    expect([c.lambda1, c.lambda2, c.shape]).toEqual([-2, 2, 'saddle']);
    expect(c.condition).toBe(1);
    expect(c.v1).toEqual([0, 1]);
    expect(stableLearningRate(c)).toBe(1);
    // A cap has no bound at all: every step goes downhill, faster and faster.
    expect(stableLearningRate(symmetricEigen(-1, 0, -3))).toBeNull();
    expect(symmetricEigen(-1, 0, -3).shape).toBe('cap');
  });

  it('Rosenbrock at its minimum: badly conditioned (κ ≈ 2508), and right to the last digits', () => {
    const c = curvatureAt(surface('rosenbrock'), 1, 1);
    // H = [[802, −400], [−400, 200]]: λ = 501 ± √250601.
    const root = Math.sqrt(250601);
    expect(c.lambda2).toBeCloseTo(501 + root, 11);
    expect(c.lambda1 / (501 - root)).toBeCloseTo(1, 13);
    expect(c.condition).toBeCloseTo((501 + root) / (501 - root), 8);
    expectEigenPairs(c);
  });

  it('includes a penalty: L2 λ adds 2λ to each curvature', () => {
    const c = curvatureAt(withPenalty(surface('ravine'), { kind: 'l2', lambda: 0.5 }), 0, 0);
    expect([c.lambda1, c.lambda2]).toEqual([1.2, 5]);
  });

  it('reads a typed formula’s symbolic Hessian', () => {
    const { surface: s } = compileFormula('3x^2 + 2x y + 3y^2');
    const c = curvatureAt(s, 0.1, 0.2);
    expect(c.lambda1).toBeCloseTo(4, 14);
    expect(c.lambda2).toBeCloseTo(8, 14);
    expectEigenPairs(c);
  });
});

describe('the eigen-decomposition, where closed forms lose digits', () => {
  it('keeps a tiny eigenvalue beside a large one (no m − r cancellation)', () => {
    const c = symmetricEigen(1, 0, 1e-20);
    expect(c.lambda1).toBe(1e-20);
    expect(c.lambda2).toBe(1);
    expect(c.condition).toBe(1e20);
    // And with the off-diagonal a whisker away from zero.
    const d = symmetricEigen(1, 1e-12, 1e-8);
    expect(d.lambda1 / (1e-8 - 1e-24)).toBeCloseTo(1, 12);
    expectEigenPairs(d);
  });

  it('keeps the eigenvectors exact when the off-diagonal is tiny', () => {
    const c = symmetricEigen(3, 1e-300, 2);
    expect(c.v2[0]).toBe(1);
    expect(Math.abs(c.v2[1])).toBeLessThan(1e-299);
    expectEigenPairs(c);
  });

  it('nearly equal eigenvalues: still orthonormal pairs, and a well-defined direction', () => {
    const c = symmetricEigen(1 + 1e-15, 1e-16, 1);
    expectEigenPairs(c, 1e-15);
    expect(c.lambda2 - c.lambda1).toBeGreaterThanOrEqual(0);
    expect(c.condition).toBeCloseTo(1, 14);
  });

  it('a nearly singular matrix: the small eigenvalue from the exact determinant', () => {
    // [[1, 1], [1, 1 + 2⁻⁵⁰]]: det = 2⁻⁵⁰, λ₁ = det/λ₂ ≈ 2⁻⁵¹; m − r would give 0 or noise.
    const e = 2 ** -50;
    const c = symmetricEigen(1, 1, 1 + e);
    const lambda2 = 1 + e / 2 + Math.hypot(e / 2, 1);
    expect(c.lambda1 / (e / lambda2)).toBeCloseTo(1, 10);
    expect(c.shape).toBe('bowl');
    expectEigenPairs(c, 1e-14);
  });

  it('degenerate cases: singular, zero and not finite', () => {
    const flat = symmetricEigen(2, 0, 0);
    expect([flat.lambda1, flat.lambda2, flat.condition, flat.shape]).toEqual([0, 2, Infinity, 'flat']);
    expect(stableLearningRate(flat)).toBe(1);
    // A rank-one matrix with an off-diagonal: det is exactly 0 (1·4 − 2·2).
    const rankOne = symmetricEigen(1, 2, 4);
    expect(rankOne.lambda1).toBe(0);
    expect(rankOne.lambda2).toBe(5);
    expect(rankOne.condition).toBe(Infinity);
    expectEigenPairs(rankOne);
    const zero = symmetricEigen(0, 0, 0);
    expect([zero.lambda1, zero.lambda2, zero.shape]).toEqual([0, 0, 'none']);
    expect(zero.condition).toBeNaN();
    expect(zero.v2).toEqual([1, 0]);
    expect(stableLearningRate(zero)).toBeNull();
    const broken = symmetricEigen(Number.NaN, 0, 1);
    expect(broken.shape).toBe('none');
    expect(broken.lambda1).toBeNaN();
    expect(stableLearningRate(broken)).toBeNull();
  });

  it('huge entries neither overflow the mean nor the determinant', () => {
    const c = symmetricEigen(1e308, 0, 1e308);
    expect([c.lambda1, c.lambda2]).toEqual([1e308, 1e308]);
    const d = symmetricEigen(1e300, 1e300, 1e300);
    expect(d.lambda2).toBeCloseTo(2e300, -290);
    expect(Number.isFinite(d.lambda1)).toBe(true);
  });

  it('matches H·v = λ·v on random symmetric matrices of every scale', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    for (let i = 0; i < 500; i++) {
      const scale = 10 ** Math.round(next() * 16);
      const c = symmetricEigen(next() * scale, next() * scale, next() * scale);
      expectEigenPairs(c, 1e-13);
      // The trace and determinant are kept.
      const [a, b, d] = c.hessian;
      expect(Math.abs(c.lambda1 + c.lambda2 - (a + d)) / scale).toBeLessThan(1e-14);
      expect(Math.abs(c.lambda1 * c.lambda2 - (a * d - b * b)) / (scale * scale)).toBeLessThan(1e-14);
    }
  });
});
