import { curvatureAt, type Surface } from '../engine';
import { curvaturePoint } from '../state/curvaturePoint';
import type { SceneState } from '../state/store';
import { LineColor, type LineSink } from './lineSink';
import type { SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

// The Hessian's eigenvectors at the curvature point (the start, or the explained run's particle)
// as two axes: each half as long as the level set of the quadratic model, ∝ 1/√|λ|, so that
// they draw that ellipse's axes (their ratio is √κ). In 3D they follow the surface, so that the
// steep axis visibly bends up (or down, along a saddle's falling direction, where it is dashed).
// Loaded when the axes are first turned on (TeachingOverlays.tsx).

/** Half-length, in world units, of an axis whose |λ| is the surface's typical curvature. */
const TYPICAL_HALF = 0.16;
/** Shortest and longest half-axes drawn (world units; the plot spans 2). */
const MIN_HALF = 0.05;
const MAX_HALF = 0.7;
/**
 * Pieces each half-axis is drawn in, so that in 3D it follows the surface. Both axes, ends
 * included (2 × (2·PIECES + 2) segments), fit the 64 a layer starts with.
 */
const PIECES = 10;
/** Above the paths and arrows' surface lift, like them. */
const LIFT = 0.03;
const FLAT_LIFT = 0.01;
/** Half the length of the bar across each axis's ends (world units). */
const CAP = 0.022;

/** The direction of larger |λ| (the surface bends fast) and of smaller; the key under the canvas shows both. */
const HIGH = new LineColor('#ffa03a');
const LOW = new LineColor('#5fe0ff');

const references = new WeakMap<Surface, number>();

/**
 * The surface's typical curvature: the median of max |λ| over a coarse grid of the plot, once per
 * surface. Axes are scaled against it, so that they lengthen where the surface flattens.
 */
function typicalCurvature(surface: Surface): number {
  const known = references.get(surface);
  if (known !== undefined) return known;
  const n = 12;
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const all: number[] = [];
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const c = curvatureAt(surface, x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n);
      const top = Math.max(Math.abs(c.lambda1), Math.abs(c.lambda2));
      if (Number.isFinite(top) && top > 0) all.push(top);
    }
  }
  all.sort((a, b) => a - b);
  const m = all.length > 0 ? all[all.length >> 1] : 1;
  references.set(surface, m);
  return m;
}

function halfLength(lambda: number, reference: number): number {
  const a = Math.abs(lambda);
  if (!(a > 0)) return MAX_HALF;
  return Math.min(MAX_HALF, Math.max(MIN_HALF, TYPICAL_HALF * Math.sqrt(reference / a)));
}

function heightAt(surface: Surface, grid: SurfaceGrid, flat: boolean, x: number, y: number): number {
  return flat ? FLAT_LIFT : grid.scale.toUnit(surface.value(x, y)) * SURFACE_HEIGHT + LIFT;
}

interface AxisLayers {
  readonly solid: LineSink;
  readonly dashed: LineSink;
}

/**
 * The axes at the curvature point of `state` (the start, or the explained run's particle at
 * whole step `step`), into the layers (begun and committed by the caller).
 */
export function drawCurvatureAxes(layers: AxisLayers, state: SceneState, surface: Surface, grid: SurfaceGrid, flat: boolean, step: number): void {
  const point = curvaturePoint(state, step);
  if (!(Number.isFinite(point.x) && Number.isFinite(point.y)) || point.curvature.shape === 'none') return;
  const { curvature: c, x, y } = point;
  const reference = typicalCurvature(surface);
  // The second pair is the high-curvature one unless |λ₁| is the larger (a saddle's or a cap's).
  const secondHigh = Math.abs(c.lambda2) >= Math.abs(c.lambda1);
  for (const [lambda, v, second] of [
    [c.lambda1, c.v1, false],
    [c.lambda2, c.v2, true],
  ] as const) {
    const high = second === secondHigh;
    const target = lambda < 0 ? layers.dashed : layers.solid;
    const { mapping } = grid;
    // World half-length → math units along the unit eigenvector.
    const half = halfLength(lambda, reference) / mapping.scale;
    const color = high ? HIGH : LOW;
    let px = Number.NaN;
    let py = Number.NaN;
    let pz = Number.NaN;
    for (let i = -PIECES; i <= PIECES; i++) {
      const s = (half * i) / PIECES;
      const mx = x + s * v[0];
      const my = y + s * v[1];
      const wx = mapping.toWorldX(mx);
      const wy = heightAt(surface, grid, flat, mx, my);
      const wz = mapping.toWorldZ(my);
      if (i > -PIECES && Number.isFinite(py) && Number.isFinite(wy)) target.segment(px, py, pz, wx, wy, wz, color);
      if ((i === -PIECES || i === PIECES) && Number.isFinite(wy)) {
        // A bar across the end, in the plane: the axis reads as a length, not as an arrow.
        const nx = -v[1] * CAP;
        const nz = -v[0] * CAP;
        target.segment(wx - nx, wy, wz - nz, wx + nx, wy, wz + nz, color, false);
      }
      px = wx;
      py = wy;
      pz = wz;
    }
  }
}
