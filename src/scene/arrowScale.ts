// One scale for the whole scene's teaching overlays, so that lengths compare across runs and
// steps: the arrows at the particles (VectorArrows.tsx) and the step-size crosses
// (StepSizeCrosses.tsx) are measured against the same typical gradient.
import type { RunTrace, Surface } from '../engine';
import type { SurfaceGrid } from './surfaceGrid';

/** How long a typical gradient arrow is drawn (world units; the plot spans 2). */
const GRADIENT_LENGTH = 0.2;
/** The typical arrow is the median over the first steps of every run: what a student watches. */
const EARLY_STEPS = 40;

export interface Scales {
  /** Math units of arrow per unit of gradient (also for the remembered average gradient). */
  readonly gradient: number;
  /**
   * The typical gradient's length: a step size η_eff times this is how far such a gradient moves
   * the particle, a length to draw. 0 where there is nothing to measure.
   */
  readonly typical: number;
}

const scratchGradient = new Float64Array(2);

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[values.length >> 1];
}

/**
 * The scale of a scene from its traces: the median gradient of the first steps is drawn
 * GRADIENT_LENGTH long. Where there is nothing to measure (no steps, every gradient zero) the
 * surface's typical slope stands in.
 */
export function scalesFor(traces: Iterable<RunTrace>, surface: Surface, grid: SurfaceGrid): Scales {
  const gradients: number[] = [];
  for (const t of traces) {
    for (let k = 1; k <= Math.min(t.steps, EARLY_STEPS); k++) {
      const g = Math.hypot(t.gx[k], t.gy[k]);
      if (Number.isFinite(g) && g > 0) gradients.push(g);
    }
  }
  const g = median(gradients) || typicalSlope(surface);
  const usable = g > 0 && Number.isFinite(g);
  return { gradient: usable ? GRADIENT_LENGTH / (grid.mapping.scale * g) : 0, typical: usable ? g : 0 };
}

const slopes = new WeakMap<Surface, number>();

/** The median gradient over a coarse grid of the plot, once per surface. */
function typicalSlope(surface: Surface): number {
  const known = slopes.get(surface);
  if (known !== undefined) return known;
  const n = 16;
  const [x0, x1] = surface.domain.x;
  const [y0, y1] = surface.domain.y;
  const all: number[] = [];
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      surface.valueAndGrad(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n, scratchGradient);
      const m = Math.hypot(scratchGradient[0], scratchGradient[1]);
      if (Number.isFinite(m)) all.push(m);
    }
  }
  const m = median(all) || 1;
  slopes.set(surface, m);
  return m;
}
