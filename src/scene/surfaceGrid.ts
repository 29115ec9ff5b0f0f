import type { Surface } from '../engine';
import { viridis } from './colormap';
import { chooseHeightScale, type HeightScale } from './heightScale';
import { SURFACE_HEIGHT, worldMapping, type WorldMapping } from './worldMapping';

/** Everything the surface mesh and its contours need, computed once per surface. */
export interface SurfaceGrid {
  /** Cells per side: the grid has (n + 1)² nodes. */
  readonly n: number;
  readonly mapping: WorldMapping;
  readonly scale: HeightScale;
  /** Height of every node in [0, 1] (NaN where f is undefined), row-major in y then x. */
  readonly unit: Float32Array;
  readonly positions: Float32Array;
  readonly colors: Float32Array;
  /** Triangles, leaving out every cell that touches a node where f is undefined: the gap. */
  readonly index: Uint32Array;
}

/**
 * Samples the surface on a regular grid. Rugged surfaces (Rastrigin, Ackley) need fine cells;
 * 200 × 200 keeps their wells round and still builds in a few milliseconds.
 */
export function buildSurfaceGrid(surface: Surface, n = 200): SurfaceGrid {
  const mapping = worldMapping(surface.domain);
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const nodes = (n + 1) * (n + 1);
  const values = new Float64Array(nodes);
  for (let j = 0; j <= n; j++) {
    const y = y0 + ((y1 - y0) * j) / n;
    for (let i = 0; i <= n; i++) {
      values[j * (n + 1) + i] = surface.value(x0 + ((x1 - x0) * i) / n, y);
    }
  }
  const scale = chooseHeightScale(values, surface);
  const unit = new Float32Array(nodes);
  const positions = new Float32Array(nodes * 3);
  const colors = new Float32Array(nodes * 3);
  for (let j = 0; j <= n; j++) {
    const y = y0 + ((y1 - y0) * j) / n;
    for (let i = 0; i <= n; i++) {
      const k = j * (n + 1) + i;
      const f = values[k];
      const u = Number.isFinite(f) ? scale.toUnit(f) : Number.NaN;
      unit[k] = u;
      positions[3 * k] = mapping.toWorldX(x0 + ((x1 - x0) * i) / n);
      positions[3 * k + 1] = Number.isFinite(u) ? u * SURFACE_HEIGHT : 0;
      positions[3 * k + 2] = mapping.toWorldZ(y);
      viridis(u, colors, 3 * k);
    }
  }
  const tris: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const a = j * (n + 1) + i;
      const b = a + 1;
      const c = a + n + 1;
      const d = c + 1;
      if (Number.isNaN(unit[a]) || Number.isNaN(unit[b]) || Number.isNaN(unit[c]) || Number.isNaN(unit[d])) continue;
      // Counter-clockwise seen from above (+Y), so normals point up.
      tris.push(a, b, c, b, d, c);
    }
  }
  return { n, mapping, scale, unit, positions, colors, index: Uint32Array.from(tris) };
}

/**
 * Every `stride`-th node of the grid and its whole border, as world x, y, z triples: enough to fit
 * the camera to the mesh's silhouette. Nodes where f is undefined are left out.
 */
export function silhouetteSample(grid: SurfaceGrid, stride = 10): Float32Array {
  const { n, unit, positions } = grid;
  const out: number[] = [];
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const border = i === 0 || j === 0 || i === n || j === n;
      if (!border && (i % stride !== 0 || j % stride !== 0)) continue;
      const k = j * (n + 1) + i;
      if (Number.isNaN(unit[k])) continue;
      out.push(positions[3 * k], positions[3 * k + 1], positions[3 * k + 2]);
    }
  }
  return Float32Array.from(out);
}

const silhouettes = new WeakMap<SurfaceGrid, Float32Array>();

/** silhouetteSample, once per grid: the camera's effect depends on its identity. */
export function silhouetteFor(grid: SurfaceGrid): Float32Array {
  let sample = silhouettes.get(grid);
  if (!sample) {
    sample = silhouetteSample(grid);
    silhouettes.set(grid, sample);
  }
  return sample;
}

/**
 * Contour lines by marching squares on the unit heights, at `levels` evenly spaced levels
 * (even in the log scale, which gives more lines near the minimum, where they matter).
 * Returns line-segment endpoints as world positions, `lift` above the surface.
 */
export function contourSegments(grid: SurfaceGrid, levels: number, lift: number): Float32Array {
  const { n, unit, positions } = grid;
  const out: number[] = [];
  const edgePoint = (ka: number, kb: number, level: number) => {
    const ua = unit[ka];
    const ub = unit[kb];
    const t = (level - ua) / (ub - ua);
    out.push(
      positions[3 * ka] + (positions[3 * kb] - positions[3 * ka]) * t,
      level * SURFACE_HEIGHT + lift,
      positions[3 * ka + 2] + (positions[3 * kb + 2] - positions[3 * ka + 2]) * t,
    );
  };
  for (let l = 1; l < levels; l++) {
    const level = l / levels;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const a = j * (n + 1) + i; // corners: a (i, j), b (i+1, j), d (i+1, j+1), c (i, j+1)
        const b = a + 1;
        const c = a + n + 1;
        const d = c + 1;
        const ua = unit[a];
        const ub = unit[b];
        const uc = unit[c];
        const ud = unit[d];
        if (Number.isNaN(ua) || Number.isNaN(ub) || Number.isNaN(uc) || Number.isNaN(ud)) continue;
        const code = (ua > level ? 1 : 0) | (ub > level ? 2 : 0) | (ud > level ? 4 : 0) | (uc > level ? 8 : 0);
        if (code === 0 || code === 15) continue;
        // The crossed edges, walking a → b → d → c; a saddle cell (two pairs) is split by its centre.
        const crossings: Array<[number, number]> = [];
        if ((code & 1) !== (code & 2) >> 1) crossings.push([a, b]);
        if ((code & 2) >> 1 !== (code & 4) >> 2) crossings.push([b, d]);
        if ((code & 4) >> 2 !== (code & 8) >> 3) crossings.push([d, c]);
        if ((code & 8) >> 3 !== (code & 1)) crossings.push([c, a]);
        if (crossings.length === 2) {
          edgePoint(crossings[0][0], crossings[0][1], level);
          edgePoint(crossings[1][0], crossings[1][1], level);
        } else if (crossings.length === 4) {
          const centre = (ua + ub + uc + ud) / 4;
          const pairs = (centre > level) === (ua > level) ? [[0, 3], [1, 2]] : [[0, 1], [2, 3]];
          for (const [p, q] of pairs) {
            edgePoint(crossings[p][0], crossings[p][1], level);
            edgePoint(crossings[q][0], crossings[q][1], level);
          }
        }
      }
    }
  }
  return Float32Array.from(out);
}

/** sRGB component → linear, since three.js treats vertex colours as linear. */
function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** The grid's colours converted for a vertex-coloured three.js material. */
export function linearColors(grid: SurfaceGrid): Float32Array {
  const out = new Float32Array(grid.colors.length);
  for (let i = 0; i < out.length; i++) out[i] = srgbToLinear(grid.colors[i]);
  return out;
}

let lastSurface: Surface | null = null;
let lastGrid: SurfaceGrid | null = null;

/** The grid of this surface, built once and shared by the mesh, the contours and the paths. */
export function surfaceGridFor(surface: Surface): SurfaceGrid {
  if (surface !== lastSurface || !lastGrid) {
    lastGrid = buildSurfaceGrid(surface);
    lastSurface = surface;
  }
  return lastGrid;
}
