import { InstancedInterleavedBuffer, InterleavedBufferAttribute } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LINE_LOOK, type LineColor, type LineSink } from './lineSink';

// The line layers the teaching overlays draw with (arrows, step-size crosses, curvature axes):
// over everything (no depth test) with a dark halo, so that they read on any part of the colour
// map and are never hidden by the surface in 3D.

/**
 * One kind of line (solid, dashed or thick): a single LineSegments2 for all runs, with its
 * halo sharing the geometry. Buffers grow when needed and are otherwise rewritten in place.
 */
export class ArrowLayer implements LineSink {
  readonly line: LineSegments2;
  readonly halo: LineSegments2;
  private geometry = new LineSegmentsGeometry();
  private capacity = 0;
  private positions = new Float32Array(0);
  private colors = new Float32Array(0);
  private distances = new Float32Array(0);
  private count = 0;

  constructor(
    readonly material: LineMaterial,
    readonly haloMaterial: LineMaterial,
    order: number,
  ) {
    this.line = new LineSegments2(this.geometry, material);
    this.halo = new LineSegments2(this.geometry, haloMaterial);
    for (const [obj, o] of [
      [this.halo, order],
      [this.line, order + 1],
    ] as const) {
      // The bounding sphere would need recomputing on every frame; arrows are always in view.
      obj.frustumCulled = false;
      obj.renderOrder = o;
    }
    this.reserve(64);
  }

  reserve(segments: number): void {
    if (segments <= this.capacity) return;
    this.capacity = Math.max(segments, 2 * this.capacity);
    this.positions = new Float32Array(6 * this.capacity);
    this.colors = new Float32Array(6 * this.capacity);
    this.distances = new Float32Array(2 * this.capacity);
    const old = this.geometry;
    this.geometry = new LineSegmentsGeometry();
    // Both wrap the arrays without copying, so writing the arrays is enough (plus needsUpdate).
    this.geometry.setPositions(this.positions);
    this.geometry.setColors(this.colors);
    const distance = new InstancedInterleavedBuffer(this.distances, 2, 1);
    this.geometry.setAttribute('instanceDistanceStart', new InterleavedBufferAttribute(distance, 1, 0));
    this.geometry.setAttribute('instanceDistanceEnd', new InterleavedBufferAttribute(distance, 1, 1));
    this.line.geometry = this.geometry;
    this.halo.geometry = this.geometry;
    old.dispose();
  }

  begin(): void {
    this.count = 0;
  }

  /** One segment; `dashed` false keeps it solid even in a dashed layer (arrowheads, rings). */
  segment(ax: number, ay: number, az: number, bx: number, by: number, bz: number, color: LineColor, dashed = true): void {
    if (this.count >= this.capacity) return;
    const i = 6 * this.count;
    const p = this.positions;
    p[i] = ax;
    p[i + 1] = ay;
    p[i + 2] = az;
    p[i + 3] = bx;
    p[i + 4] = by;
    p[i + 5] = bz;
    const c = this.colors;
    c[i] = c[i + 3] = color.r;
    c[i + 1] = c[i + 4] = color.g;
    c[i + 2] = c[i + 5] = color.b;
    // Each segment dashes from its own start; a zero length draws it solid.
    this.distances[2 * this.count] = 0;
    this.distances[2 * this.count + 1] = dashed ? Math.hypot(bx - ax, by - ay, bz - az) : 0;
    this.count++;
  }

  commit(): void {
    this.geometry.instanceCount = this.count;
    for (const name of ['instanceStart', 'instanceColorStart', 'instanceDistanceStart']) {
      (this.geometry.getAttribute(name) as InterleavedBufferAttribute).data.needsUpdate = true;
    }
  }

  setResolution(width: number, height: number): void {
    this.material.resolution.set(width, height);
    this.haloMaterial.resolution.set(width, height);
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
    this.haloMaterial.dispose();
  }
}

export function layer(width: number, order: number, dashed: boolean): ArrowLayer {
  const common = { transparent: true, depthTest: false, depthWrite: false, worldUnits: false } as const;
  const material = new LineMaterial({ ...common, color: 0xffffff, linewidth: width, vertexColors: true });
  if (dashed) {
    material.dashed = true;
    material.dashSize = LINE_LOOK.dash;
    material.gapSize = LINE_LOOK.gap;
  }
  const halo = new LineMaterial({ ...common, color: LINE_LOOK.halo, linewidth: width + LINE_LOOK.haloExtra, opacity: LINE_LOOK.haloOpacity });
  return new ArrowLayer(material, halo, order);
}
