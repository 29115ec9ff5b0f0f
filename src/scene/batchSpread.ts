// The spread of the mini-batch gradients at a particle (issue 14): where the gradient of a batch
// would point if the step had drawn another batch. Two pictures, drawn at the tip of the −g
// arrow's scale:
//   a cross per batch of the step's epoch: each batch's −gradient, taken at this same point;
//   an ellipse two standard deviations wide: the exact covariance of a batch's mean gradient
//   when B of the N examples are drawn without replacement, S·(N − B)/(N·B), S the examples'
//   gradients' covariance (divisor N − 1), centred on the full gradient.
// The step's own arrow ends on one of the crosses. Loaded with the data surfaces only (lazy), so
// the first download does not carry it.
import type { BatchSpec, Surface, SurfaceData } from '../engine';
import { batchGradientSpread, exampleGradients } from '../engine/data/gradientSpread';
import type { LineColor, LineSink } from './lineSink';

/** A world point, reused. */
interface P3 {
  x: number;
  y: number;
  z: number;
}

/** Where a math point (x, y) is drawn: the arrows' own mapping, heights on the surface. */
export type Place = (x: number, y: number, out: P3) => P3;

const ELLIPSE_SEGMENTS = 40;
/** Half the width of a batch's cross, in world units (the plot spans 2). */
const CROSS = 0.011;
/** The ellipse's radius in standard deviations. */
const SIGMAS = 2;

const scratch = new Float64Array(2);
const spread = new Float64Array(5);
const a: P3 = { x: 0, y: 0, z: 0 };
const b: P3 = { x: 0, y: 0, z: 0 };

/**
 * One scene's batches (every step's examples, to the end of the last epoch begun), made once
 * per computed scene, and the per-example gradients at the point being drawn.
 */
export class BatchSpread {
  private key: { data: SurfaceData; size: number; seed: number; dropLast: boolean; steps: number } | null = null;
  private batches: number[][] = [];
  private epochSteps = 0;
  private gx = new Float64Array(0);
  private gy = new Float64Array(0);

  /** The batches of a scene of `steps` steps (recomputed only when something of them changed). */
  prepare(data: SurfaceData, spec: BatchSpec, steps: number): void {
    const k = this.key;
    const dropLast = spec.dropLast ?? false;
    if (k && k.data === data && k.size === spec.size && k.seed === spec.seed && k.dropLast === dropLast && k.steps === steps) return;
    this.epochSteps = data.epochSteps(spec);
    const epochs = Math.ceil(Math.max(steps, 1) / this.epochSteps);
    this.batches = data.indices(spec, epochs * this.epochSteps);
    this.key = { data, size: spec.size, seed: spec.seed, dropLast, steps };
  }

  /** Segments one particle's spread takes at most: a cross per batch of an epoch, and the ellipse. */
  segments(): number {
    return 2 * this.epochSteps + ELLIPSE_SEGMENTS;
  }

  /**
   * The spread at (x, y) for step `step` (1-based: the step leaving this point), drawn into
   * `layer`: `scale` is math units of arrow per unit of gradient (the −g arrow's, shrink
   * included), `surface` the descended one (its penalty's gradient is the same for every batch,
   * so it moves the whole cloud).
   */
  draw(layer: LineSink, surface: Surface, data: SurfaceData, spec: BatchSpec, x: number, y: number, step: number, scale: number, place: Place, color: LineColor): void {
    if (!(scale > 0) || this.epochSteps === 0 || step < 1 || step >= this.batches.length) return;
    const set = data.examples;
    const n = set.count;
    if (this.gx.length < n) {
      this.gx = new Float64Array(n);
      this.gy = new Float64Array(n);
    }
    exampleGradients(set, x, y, this.gx, this.gy);
    batchGradientSpread(this.gx, this.gy, n, spec.size, spread);
    const [mx, my, cxx, cxy, cyy] = spread;
    // What the descended surface adds to every batch's gradient alike (an L2 penalty's λ·w).
    surface.valueAndGrad(x, y, scratch);
    const ox = scratch[0] - mx;
    const oy = scratch[1] - my;
    if (!(Number.isFinite(ox) && Number.isFinite(oy))) return;

    const first = Math.floor((step - 1) / this.epochSteps) * this.epochSteps + 1;
    for (let t = first; t < first + this.epochSteps && t < this.batches.length; t++) {
      const batch = this.batches[t];
      let bx = 0;
      let by = 0;
      for (const i of batch) {
        bx += this.gx[i];
        by += this.gy[i];
      }
      place(x - scale * (bx / batch.length + ox), y - scale * (by / batch.length + oy), a);
      layer.segment(a.x - CROSS, a.y, a.z, a.x + CROSS, a.y, a.z, color, false);
      layer.segment(a.x, a.y, a.z - CROSS, a.x, a.y, a.z + CROSS, color, false);
    }

    // The covariance's axes: eigenvalues l1 ≥ l2 and the first one's direction (c, s).
    const mean = (cxx + cyy) / 2;
    const half = Math.hypot((cxx - cyy) / 2, cxy);
    const l1 = mean + half;
    const l2 = Math.max(mean - half, 0);
    if (!(l1 > 0) || !Number.isFinite(l1)) return;
    const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const r1 = SIGMAS * Math.sqrt(l1) * scale;
    const r2 = SIGMAS * Math.sqrt(l2) * scale;
    const cx = x - scale * (mx + ox);
    const cy = y - scale * (my + oy);
    const at = (k: number, out: P3) => {
      const th = (2 * Math.PI * k) / ELLIPSE_SEGMENTS;
      const u = r1 * Math.cos(th);
      const v = r2 * Math.sin(th);
      return place(cx + c * u - s * v, cy + s * u + c * v, out);
    };
    at(0, a);
    for (let k = 1; k <= ELLIPSE_SEGMENTS; k++) {
      at(k, b);
      layer.segment(a.x, a.y, a.z, b.x, b.y, b.z, color, false);
      a.x = b.x;
      a.y = b.y;
      a.z = b.z;
    }
  }
}
