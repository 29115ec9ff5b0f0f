import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Group,
  InstancedInterleavedBuffer,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  SphereGeometry,
  TorusGeometry,
  InterleavedBufferAttribute,
  Vector3,
  type Camera,
} from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { radamPlainSteps, type Surface } from '../engine';
import { computeScene, traceOf, type ComputedRun } from '../state/paths';
import { playhead } from '../state/playhead';
import { markerOutline, type MarkerShape } from '../state/markers';
import { OPTIMIZER_LINE_STYLES, type LineStyle } from '../state/palette';
import { sceneStore } from '../state/store';
import { surfaceGridFor, type SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

/** Paths float this far above the surface so that they never sink into it between grid nodes. */
const LIFT = 0.018;
const LINE_WIDTH_PX = 3;
/** Presentation mode: read from the back of a lecture hall, through a projector that blurs. */
const PRESENTATION_LINE_WIDTH_PX = 7;
/** The whole path, ahead of the playhead: thinner and see-through, so the revealed part leads. */
const AHEAD_WIDTH_SHARE = 0.6;
const AHEAD_OPACITY = 0.5;
const PRESENTATION_PARTICLE_SCALE = 1.7;

/**
 * The particle is its run's marker shape, flat and turned to face the camera (a sphere's outline
 * is a circle from every side, so the shapes could not be told apart on one): this radius in
 * world units, and never under MARKER_MIN_PX on screen, so that a triangle still reads as one
 * on a phone or a far-off camera.
 */
const MARKER_RADIUS = 0.032;
const MARKER_MIN_PX = 6.5;
/** The dark rim behind the shape, as a scale of the shape: it keeps the shape apart from a surface of its own colour. */
const MARKER_RIM = 1.32;
// Shared by every particle: one geometry per shape, as R3F's performance notes advise.
const markerGeometries = new Map<MarkerShape, BufferGeometry>();
const rimMaterial = new MeshBasicMaterial({ color: '#06090e' });
const toCamera = new Vector3();
const ringGeometry = new TorusGeometry(0.055, 0.009, 8, 32);
const divergedMaterial = new MeshBasicMaterial({ color: '#ff4d4d' });
// Where a run crossed the edge of the plot: it goes on, but off the drawn surface.
const leftMaterial = new MeshBasicMaterial({ color: '#ffb020' });
// RAdam's points reached by a plain momentum step (ρₜ ≤ 5, no rectification): small pale dots.
const plainStepGeometry = new SphereGeometry(0.014, 10, 8);
const plainStepMaterial = new MeshBasicMaterial({ color: '#ffffff', transparent: true, opacity: 0.85, depthWrite: false });
// Where each epoch of mini-batches begins (step e·K): a flat pale ring around the path, so that a
// student counts passes over the data along the path as on the loss chart's ticks.
const epochGeometry = new TorusGeometry(0.022, 0.0045, 6, 20).rotateX(Math.PI / 2);
const epochMaterial = new MeshBasicMaterial({ color: '#f4f7fb', transparent: true, opacity: 0.8, depthWrite: false });
const placement = new Matrix4();
/**
 * Dash and gap along the path in world units (the plot spans about two), by line style. Longer
 * than the companions' (see `setCompanion`), so that a path never reads as a rule's second sequence.
 */
const WORLD_DASHES: Readonly<Record<Exclude<LineStyle, 'solid'>, readonly [number, number]>> = {
  dashed: [0.07, 0.04],
  dotted: [0.012, 0.034],
};
const boxCorners = new Float64Array(8);

/**
 * One run's objects: its whole path (always drawn, faint, so that a slider move shows at once
 * where the run goes), the part up to the playhead drawn over it in full colour, its particle,
 * and the rings that mark where it diverged or left the plot. Managed imperatively: they change
 * every frame.
 */
class RunVisual {
  readonly group = new Group();
  private geometry = new LineSegmentsGeometry();
  /** The same segments as `geometry` (shared buffers), all of them drawn. */
  private aheadGeometry = new LineSegmentsGeometry();
  private capacity = 0;
  readonly material: LineMaterial;
  readonly aheadMaterial: LineMaterial;
  private readonly line: LineSegments2;
  private readonly ahead: LineSegments2;
  /** The marker: a rim and the shape over it, turned to the camera every frame (see `face`). */
  private readonly particle = new Group();
  private readonly markerFill: Mesh;
  private readonly markerRim: Mesh;
  private marker: MarkerShape = 'circle';
  private particleScale = 1;
  private readonly ring: Mesh;
  private readonly exit: Mesh;
  /** RAdam: a dot on each point that a step without rectification reached. */
  private plainSteps: InstancedMesh | null = null;
  /** Mini-batches: a ring on each point where an epoch ends and the next begins. */
  private epochMarks: InstancedMesh | null = null;
  /** Rprop: its per-coordinate step sizes h as a box of half-widths (hx, hy) about the particle. */
  private stepSizes: readonly [Float64Array, Float64Array] | null = null;
  /** SAM: the ascent probe x + ε̂ of each step, drawn from the particle. */
  private probes: readonly [Float64Array, Float64Array] | null = null;
  private box: LineSegments2 | null = null;
  private boxMaterial: LineMaterial | null = null;
  /** Where the path was last drawn, for the box (which follows the playhead). */
  private drawnOn: { grid: SurfaceGrid; flat: boolean } | null = null;
  /**
   * Sequences a rule keeps beside its path, thinner, in the run's colour: slot 0 dashed (ASGD's
   * average x̄ from step t₀; schedule-free AdamW's z), slot 1 dotted (schedule-free AdamW's y).
   */
  private companions: Array<{ line: LineSegments2; material: LineMaterial } | null> = [null, null];
  /** World positions of the path's points, xyz per point. */
  private points = new Float32Array(0);
  private count = 0;
  private style: LineStyle = 'solid';
  /** Distance along the path at each segment's two ends, for dashes (see `measureDistances`). */
  private distances = new Float32Array(0);

  constructor(color: string) {
    this.material = new LineMaterial({ color: new Color(color).getHex(), linewidth: LINE_WIDTH_PX, worldUnits: false });
    this.line = new LineSegments2(this.geometry, this.material);
    this.aheadMaterial = new LineMaterial({
      color: new Color(color).getHex(),
      linewidth: LINE_WIDTH_PX * AHEAD_WIDTH_SHARE,
      worldUnits: false,
      transparent: true,
      opacity: AHEAD_OPACITY,
      depthWrite: false,
    });
    this.ahead = new LineSegments2(this.aheadGeometry, this.aheadMaterial);
    // The bounding sphere would need recomputing on every edit; the line is always in view.
    this.line.frustumCulled = false;
    this.ahead.frustumCulled = false;
    this.markerRim = new Mesh(markerGeometry(this.marker), rimMaterial);
    this.markerRim.scale.setScalar(MARKER_RIM);
    this.markerFill = new Mesh(markerGeometry(this.marker), new MeshBasicMaterial({ color }));
    // In front of its rim, facing the camera: the fill wins the depth test.
    this.markerFill.position.z = 0.05;
    this.particle.add(this.markerRim, this.markerFill);
    this.ring = new Mesh(ringGeometry, divergedMaterial);
    this.ring.rotation.x = Math.PI / 2;
    this.ring.visible = false;
    this.exit = new Mesh(ringGeometry, leftMaterial);
    this.exit.rotation.x = Math.PI / 2;
    this.exit.scale.setScalar(0.75);
    this.exit.visible = false;
    this.group.add(this.ahead, this.line, this.particle, this.ring, this.exit);
  }

  setColor(color: string): void {
    this.material.color.set(color);
    this.aheadMaterial.color.set(color);
    (this.markerFill.material as MeshBasicMaterial).color.set(color);
  }

  setMarker(shape: MarkerShape): void {
    if (shape === this.marker) return;
    this.marker = shape;
    this.markerFill.geometry = markerGeometry(shape);
    this.markerRim.geometry = markerGeometry(shape);
  }

  /** Dashed or dotted: both the revealed path and the faint whole path, so the dashes line up. */
  setLineStyle(style: LineStyle): void {
    if (style === this.style) return;
    this.style = style;
    for (const m of [this.material, this.aheadMaterial]) {
      m.dashed = style !== 'solid';
      if (style !== 'solid') [m.dashSize, m.gapSize] = WORLD_DASHES[style];
      // The dash is a shader define: the program must be rebuilt.
      m.needsUpdate = true;
    }
    if (style !== 'solid') this.measureDistances();
  }

  /**
   * Writes the cumulative length at each segment's ends into one buffer both lines read (as
   * LineSegments2.computeLineDistances does, without a fresh buffer per geometry and per move).
   */
  private measureDistances(): void {
    const n = this.count;
    if (this.capacity === 0) return;
    if (this.distances.length !== 2 * this.capacity) {
      this.distances = new Float32Array(2 * this.capacity);
      const buffer = new InstancedInterleavedBuffer(this.distances, 2, 1);
      for (const g of [this.geometry, this.aheadGeometry]) {
        g.setAttribute('instanceDistanceStart', new InterleavedBufferAttribute(buffer, 1, 0));
        g.setAttribute('instanceDistanceEnd', new InterleavedBufferAttribute(buffer, 1, 1));
      }
    }
    const p = this.points;
    const d = this.distances;
    let along = 0;
    for (let s = 0; s < n - 1; s++) {
      d[2 * s] = along;
      along += Math.hypot(p[3 * s + 3] - p[3 * s], p[3 * s + 4] - p[3 * s + 1], p[3 * s + 5] - p[3 * s + 2]);
      d[2 * s + 1] = along;
    }
    (this.geometry.attributes.instanceDistanceStart as InterleavedBufferAttribute).data.needsUpdate = true;
  }

  /** Rewrites the whole path into the line's buffer (grown only when too small). */
  setPath(c: ComputedRun, grid: SurfaceGrid, flat: boolean, epochSteps: number): void {
    const { path } = c;
    // Past the edge of the plot the path is drawn on a little further (so the exit reads as
    // an exit), then cut: a particle ten plot-widths away would shrink everything else to a dot.
    const n = drawablePoints(c, grid);
    if (this.points.length < 3 * n) this.points = new Float32Array(3 * Math.max(n, 2 * this.points.length / 3));
    const { mapping, scale } = grid;
    for (let k = 0; k < n; k++) {
      this.points[3 * k] = mapping.toWorldX(path.x[k]);
      this.points[3 * k + 1] = pathHeight(scale, flat, path.loss[k]);
      this.points[3 * k + 2] = mapping.toWorldZ(path.y[k]);
    }
    if (n >= 2 && c.leftAt >= 0) clipLastPoint(this.points, n, mapping.halfX * (1 + OVERSHOOT), mapping.halfZ * (1 + OVERSHOOT));
    this.count = n;
    this.drawnOn = { grid, flat };
    const segments = Math.max(n - 1, 1);
    if (segments > this.capacity) {
      this.geometry.dispose();
      this.aheadGeometry.dispose();
      this.geometry = new LineSegmentsGeometry();
      this.capacity = Math.max(segments, 2 * this.capacity);
      this.geometry.setPositions(new Float32Array(6 * this.capacity));
      this.line.geometry = this.geometry;
      // The faint whole path reads the same buffer: one upload serves both lines.
      this.aheadGeometry = new LineSegmentsGeometry();
      this.aheadGeometry.setAttribute('instanceStart', this.geometry.attributes.instanceStart);
      this.aheadGeometry.setAttribute('instanceEnd', this.geometry.attributes.instanceEnd);
      this.ahead.geometry = this.aheadGeometry;
    }
    const attr = this.geometry.attributes.instanceStart as InterleavedBufferAttribute;
    const buf = attr.data.array as Float32Array;
    const p = this.points;
    for (let s = 0; s < n - 1; s++) {
      buf[6 * s] = p[3 * s];
      buf[6 * s + 1] = p[3 * s + 1];
      buf[6 * s + 2] = p[3 * s + 2];
      buf[6 * s + 3] = p[3 * s + 3];
      buf[6 * s + 4] = p[3 * s + 4];
      buf[6 * s + 5] = p[3 * s + 5];
    }
    attr.data.needsUpdate = true;
    if (this.style !== 'solid') this.measureDistances();
    this.aheadGeometry.instanceCount = Math.max(0, n - 1);
    this.ring.position.set(p[3 * (n - 1)], p[3 * (n - 1) + 1], p[3 * (n - 1) + 2]);
    if (c.leftAt >= 0) this.exit.position.set(p[3 * c.leftAt], p[3 * c.leftAt + 1], p[3 * c.leftAt + 2]);
    this.markPlainSteps(c.run.optimizer === 'radam' ? Math.min(radamPlainSteps(c.path.params.beta2, c.path.steps), n - 1) : 0);
    this.markEpochs(epochSteps, n);
  }

  /** Rings on points K, 2K, … of the n drawn (K steps an epoch; 0 for none). */
  private markEpochs(every: number, n: number): void {
    const count = every > 0 ? Math.floor((n - 1) / every) : 0;
    if (count > 0 && (!this.epochMarks || this.epochMarks.instanceMatrix.count < count)) {
      if (this.epochMarks) {
        this.group.remove(this.epochMarks);
        this.epochMarks.dispose();
      }
      this.epochMarks = new InstancedMesh(epochGeometry, epochMaterial, Math.max(count, 16));
      this.epochMarks.frustumCulled = false;
      this.group.add(this.epochMarks);
    }
    if (!this.epochMarks) return;
    const p = this.points;
    for (let e = 1; e <= count; e++) {
      const k = e * every;
      placement.makeTranslation(p[3 * k], p[3 * k + 1], p[3 * k + 2]);
      this.epochMarks.setMatrixAt(e - 1, placement);
    }
    this.epochMarks.count = count;
    this.epochMarks.instanceMatrix.needsUpdate = true;
  }

  /**
   * A sequence beside the path (see `companions`), from the last point where it still equals the
   * path (ASGD's x̄ is the path itself before t₀); null hides it.
   */
  setCompanion(slot: 0 | 1, avg: readonly [Float64Array, Float64Array] | null, c: ComputedRun, grid: SurfaceGrid, flat: boolean, surface: Surface): void {
    const n = Math.min(this.count, c.path.steps + 1);
    let from = 1;
    if (avg) while (from < n && avg[0][from] === c.path.x[from] && avg[1][from] === c.path.y[from]) from++;
    const existing = this.companions[slot];
    if (!avg || from >= n) {
      if (existing) existing.line.visible = false;
      return;
    }
    const first = from - 1;
    const positions = new Float32Array(6 * (n - 1 - first));
    const { mapping, scale } = grid;
    const at = (k: number, out: number) => {
      // Point `first` is where x̄ still equals x (0 for t = 0, where torch's x̄ starts at 0).
      const ax = k === first ? c.path.x[k] : avg[0][k];
      const ay = k === first ? c.path.y[k] : avg[1][k];
      positions[out] = mapping.toWorldX(ax);
      positions[out + 1] = pathHeight(scale, flat, surface.value(ax, ay));
      positions[out + 2] = mapping.toWorldZ(ay);
    };
    for (let k = first; k < n - 1; k++) {
      const o = 6 * (k - first);
      at(k, o);
      at(k + 1, o + 3);
    }
    let companion = existing;
    if (!companion) {
      const material = new LineMaterial({
        color: this.material.color.getHex(),
        linewidth: LINE_WIDTH_PX * AHEAD_WIDTH_SHARE,
        worldUnits: false,
        dashed: true,
        // Dashes for slot 0, dots for slot 1: two sequences beside one path stay apart.
        dashSize: slot === 0 ? 0.05 : 0.012,
        gapSize: slot === 0 ? 0.035 : 0.028,
      });
      const line = new LineSegments2(new LineSegmentsGeometry(), material);
      line.frustumCulled = false;
      this.group.add(line);
      companion = { line, material };
      this.companions[slot] = companion;
    }
    companion.line.geometry.dispose();
    const geometry = new LineSegmentsGeometry();
    geometry.setPositions(positions);
    companion.line.geometry = geometry;
    companion.line.computeLineDistances();
    companion.material.color.copy(this.material.color);
    companion.line.visible = true;
  }

  /** SAM's ascent probes by step (the trace's vector `probe`), or null for none. */
  setProbes(probes: readonly [Float64Array, Float64Array] | null): void {
    this.probes = probes;
    this.ensureBox(probes !== null || this.stepSizes !== null);
  }

  /** Rprop's step sizes by step (the trace's state `stepSize`), or null for none. */
  setStepSizes(sizes: readonly [Float64Array, Float64Array] | null): void {
    this.stepSizes = sizes;
    this.ensureBox(sizes !== null || this.probes !== null);
  }

  /** The four-segment line Rprop's box and SAM's probe are drawn with, made when first needed. */
  private ensureBox(needed: boolean): void {
    if (needed && !this.box) {
      this.boxMaterial = new LineMaterial({ color: this.material.color.getHex(), linewidth: LINE_WIDTH_PX * AHEAD_WIDTH_SHARE, worldUnits: false });
      const geometry = new LineSegmentsGeometry();
      geometry.setPositions(new Float32Array(24));
      this.box = new LineSegments2(geometry, this.boxMaterial);
      this.box.frustumCulled = false;
      this.group.add(this.box);
    }
    if (this.box) this.box.visible = needed;
    this.boxMaterial?.color.copy(this.material.color);
  }

  /**
   * SAM's probe for the step leaving point k: a segment from the particle to x_k + ε̂, where the
   * next gradient is taken, and a small cross there.
   */
  private placeProbe(k: number, c: ComputedRun): void {
    if (!this.box || !this.probes || !this.drawnOn) return;
    const t = Math.min(k + 1, c.path.steps);
    const show = c.path.steps >= 1;
    this.box.visible = show;
    if (!show) return;
    const { mapping } = this.drawnOn.grid;
    const px = mapping.toWorldX(this.probes[0][t]);
    const pz = mapping.toWorldZ(this.probes[1][t]);
    const h = this.particle.position.y;
    const r = 0.02;
    const b = (this.box.geometry.attributes.instanceStart as InterleavedBufferAttribute).data.array as Float32Array;
    // Particle → probe, then a cross at the probe (the fourth segment is empty); written in place,
    // as this runs every frame.
    const put = (seg: number, ax: number, az: number, bx: number, bz: number) => {
      const o = 6 * seg;
      b[o] = ax;
      b[o + 1] = h;
      b[o + 2] = az;
      b[o + 3] = bx;
      b[o + 4] = h;
      b[o + 5] = bz;
    };
    put(0, this.particle.position.x, this.particle.position.z, px, pz);
    put(1, px - r, pz - r, px + r, pz + r);
    put(2, px - r, pz + r, px + r, pz - r);
    put(3, px, pz, px, pz);
    (this.box.geometry.attributes.instanceStart as InterleavedBufferAttribute).data.needsUpdate = true;
  }

  /** The box about the particle at point k: the step sizes the step to point k used. */
  private placeBox(k: number, c: ComputedRun): void {
    if (!this.box || !this.stepSizes || !this.drawnOn) return;
    const t = Math.max(1, Math.min(k, c.path.steps));
    const show = c.path.steps >= 1;
    this.box.visible = show;
    if (!show) return;
    const { mapping } = this.drawnOn.grid;
    const x = c.path.x[k];
    const y = c.path.y[k];
    const hx = this.stepSizes[0][t];
    const hy = this.stepSizes[1][t];
    const x0 = mapping.toWorldX(x - hx);
    const x1 = mapping.toWorldX(x + hx);
    const z0 = mapping.toWorldZ(y - hy);
    const z1 = mapping.toWorldZ(y + hy);
    const h = this.particle.position.y;
    const attr = this.box.geometry.attributes.instanceStart as InterleavedBufferAttribute;
    const b = attr.data.array as Float32Array;
    // Four sides, corner to corner: (x0,z0)→(x1,z0)→(x1,z1)→(x0,z1)→(x0,z0). Runs every frame:
    // the corners go through a preallocated array rather than new ones.
    boxCorners[0] = x0;
    boxCorners[1] = z0;
    boxCorners[2] = x1;
    boxCorners[3] = z0;
    boxCorners[4] = x1;
    boxCorners[5] = z1;
    boxCorners[6] = x0;
    boxCorners[7] = z1;
    for (let s = 0; s < 4; s++) {
      const a = 2 * s;
      const e = (a + 2) % 8;
      const o = 6 * s;
      b[o] = boxCorners[a];
      b[o + 1] = h;
      b[o + 2] = boxCorners[a + 1];
      b[o + 3] = boxCorners[e];
      b[o + 4] = h;
      b[o + 5] = boxCorners[e + 1];
    }
    attr.data.needsUpdate = true;
  }

  /** The box's material, for the frame loop to size like the path's. */
  get boxLine(): LineMaterial | null {
    return this.box?.visible ? this.boxMaterial : null;
  }

  /** The shown companions' materials, for the frame loop to size like the path's. */
  get companionLines(): LineMaterial[] {
    return this.companions.flatMap((c) => (c?.line.visible ? [c.material] : []));
  }

  /** Dots on points 1 … count (the steps RAdam took without rectification). */
  private markPlainSteps(count: number): void {
    if (count > 0 && (!this.plainSteps || this.plainSteps.instanceMatrix.count < count)) {
      if (this.plainSteps) {
        this.group.remove(this.plainSteps);
        this.plainSteps.dispose();
      }
      this.plainSteps = new InstancedMesh(plainStepGeometry, plainStepMaterial, Math.max(count, 16));
      this.plainSteps.frustumCulled = false;
      this.group.add(this.plainSteps);
    }
    if (!this.plainSteps) return;
    const p = this.points;
    for (let k = 1; k <= count; k++) {
      placement.makeTranslation(p[3 * k], p[3 * k + 1], p[3 * k + 2]);
      this.plainSteps.setMatrixAt(k - 1, placement);
    }
    this.plainSteps.count = count;
    this.plainSteps.instanceMatrix.needsUpdate = true;
  }

  /** Line width in CSS pixels and particle size; cheap to call every frame (no-op when unchanged). */
  setEmphasis(lineWidth: number, particleScale: number): void {
    if (this.material.linewidth !== lineWidth) {
      this.material.linewidth = lineWidth;
      this.aheadMaterial.linewidth = lineWidth * AHEAD_WIDTH_SHARE;
    }
    if (this.particleScale !== particleScale) {
      this.particleScale = particleScale;
      this.ring.scale.setScalar(particleScale);
      this.exit.scale.setScalar(0.75 * particleScale);
    }
  }

  /**
   * Turns the marker to the camera and sizes it: MARKER_RADIUS in the world, at least
   * MARKER_MIN_PX on screen (`pxPerUnit`: CSS pixels per world unit at unit depth for a
   * perspective camera, anywhere for an orthographic one). It stands its rim's radius toward the
   * camera, along the line of sight so that it stays over its point, and a slope behind the
   * particle does not cut through it.
   */
  face(camera: Camera, pxPerUnit: number, perspective: boolean): void {
    const p = this.particle;
    p.quaternion.copy(camera.quaternion);
    const depth = perspective ? Math.max(1e-3, -toCamera.copy(p.position).applyMatrix4(camera.matrixWorldInverse).z) : 1;
    const r = Math.max(MARKER_RADIUS * this.particleScale, (MARKER_MIN_PX * this.particleScale * depth) / pxPerUnit);
    p.scale.setScalar(r);
    if (perspective) toCamera.subVectors(camera.position, p.position).normalize();
    else toCamera.set(0, 0, 1).applyQuaternion(camera.quaternion);
    p.position.addScaledVector(toCamera, MARKER_RIM * r);
  }

  /**
   * Moves the particle to the playhead and brightens the path up to it. The rings stay: they are
   * part of the whole path, which is always shown.
   */
  showAt(step: number, c: ComputedRun): void {
    const last = this.count - 1;
    const k = Math.min(Math.floor(step), last);
    const frac = k < last ? step - k : 0;
    const p = this.points;
    const i = 3 * k;
    const j = 3 * Math.min(k + 1, last);
    this.particle.position.set(p[i] + (p[j] - p[i]) * frac, p[i + 1] + (p[j + 1] - p[i + 1]) * frac, p[i + 2] + (p[j + 2] - p[i + 2]) * frac);
    this.geometry.instanceCount = Math.max(0, Math.min(Math.ceil(step), last));
    if (this.stepSizes) this.placeBox(k, c);
    else if (this.probes) this.placeProbe(k, c);
    this.ring.visible = c.path.status !== 'ok';
    this.exit.visible = c.leftAt >= 0;
  }

  dispose(): void {
    this.geometry.dispose();
    this.aheadGeometry.dispose();
    this.material.dispose();
    this.aheadMaterial.dispose();
    (this.markerFill.material as MeshBasicMaterial).dispose();
    this.plainSteps?.dispose();
    this.epochMarks?.dispose();
    for (const c of this.companions) {
      c?.line.geometry.dispose();
      c?.material.dispose();
    }
    this.box?.geometry.dispose();
    this.boxMaterial?.dispose();
  }
}

/** A shape of unit size in the xy plane, filled as a fan from its centre (every outline is star-shaped about it). */
function markerGeometry(shape: MarkerShape): BufferGeometry {
  let g = markerGeometries.get(shape);
  if (g) return g;
  const outline = markerOutline(shape);
  const n = outline.length / 2;
  const positions = new Float32Array(3 * (n + 1));
  for (let i = 0; i < n; i++) {
    positions[3 * i + 3] = outline[2 * i];
    positions[3 * i + 4] = outline[2 * i + 1];
  }
  const index: number[] = [];
  for (let i = 0; i < n; i++) index.push(0, 1 + i, 1 + ((i + 1) % n));
  g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(positions, 3));
  g.setIndex(index);
  markerGeometries.set(shape, g);
  return g;
}

/** How high a path's point at loss f floats: on the surface, or flat on the 2D map. */
function pathHeight(scale: SurfaceGrid['scale'], flat: boolean, f: number): number {
  return flat ? LIFT * 0.2 : scale.toUnit(f) * SURFACE_HEIGHT + LIFT;
}

/** A path's point in world coordinates, exactly as RunVisual draws it. */
export function pathPointInWorld(grid: SurfaceGrid, flat: boolean, x: number, y: number, f: number): [number, number, number] {
  return [grid.mapping.toWorldX(x), pathHeight(grid.scale, flat, f), grid.mapping.toWorldZ(y)];
}

/** Drawn margin beyond the plot, as a share of its size. */
const OVERSHOOT = 0.25;

/** The rules that draw sequences beside their paths (from their traces). */
const COMPANIONS: ReadonlySet<string> = new Set(['asgd', 'schedule-free-adamw', 'rprop', 'sam', 'lookahead']);

/**
 * Ends the path where its last segment crosses the drawn margin: one long step out of the plot
 * (1/x near its pole) would otherwise run across the whole canvas.
 */
function clipLastPoint(p: Float32Array, n: number, limX: number, limZ: number): void {
  const a = 3 * (n - 2);
  const b = 3 * (n - 1);
  const [x0, y0, z0] = [p[a], p[a + 1], p[a + 2]];
  const [x1, y1, z1] = [p[b], p[b + 1], p[b + 2]];
  let t = 1;
  // The largest t in [0, 1] that keeps the point inside the box, whichever side it leaves by.
  if (x1 > limX && x1 !== x0) t = Math.min(t, (limX - x0) / (x1 - x0));
  if (x1 < -limX && x1 !== x0) t = Math.min(t, (-limX - x0) / (x1 - x0));
  if (z1 > limZ && z1 !== z0) t = Math.min(t, (limZ - z0) / (z1 - z0));
  if (z1 < -limZ && z1 !== z0) t = Math.min(t, (-limZ - z0) / (z1 - z0));
  if (!(t >= 0 && t < 1)) return;
  p[b] = x0 + t * (x1 - x0);
  p[b + 1] = y0 + t * (y1 - y0);
  p[b + 2] = z0 + t * (z1 - z0);
}

function drawablePoints(c: ComputedRun, grid: SurfaceGrid): number {
  const all = c.path.steps + 1;
  if (c.leftAt < 0) return all;
  const { mapping } = grid;
  const limX = mapping.halfX * (1 + OVERSHOOT);
  const limZ = mapping.halfZ * (1 + OVERSHOOT);
  for (let k = c.leftAt; k < all; k++) {
    if (Math.abs(mapping.toWorldX(c.path.x[k])) > limX || Math.abs(mapping.toWorldZ(c.path.y[k])) > limZ) return k + 1;
  }
  return all;
}

/**
 * Every run's path and particle. Reads the computed paths and the playhead inside useFrame:
 * nothing here causes a React render while playing (see ARCHITECTURE.md).
 */
export function RunVisuals({ flat }: { flat: boolean }) {
  const root = useMemo(() => new Group(), []);
  const visuals = useMemo(() => new Map<string, RunVisual>(), []);
  const size = useThree((s) => s.size);
  const drawn = useMemo(() => ({ version: -1, flat, grid: null as SurfaceGrid | null }), []);

  useEffect(
    () => () => {
      for (const v of visuals.values()) v.dispose();
      visuals.clear();
    },
    [visuals],
  );

  useFrame(({ camera }) => {
    const state = sceneStore.getState();
    const scene = computeScene(state);
    const presenting = state.presentation && !state.embed.enabled;
    const lineWidth = presenting ? PRESENTATION_LINE_WIDTH_PX : LINE_WIDTH_PX;
    const particleScale = presenting ? PRESENTATION_PARTICLE_SCALE : 1;
    const grid = surfaceGridFor(scene.surface);
    if (scene.version !== drawn.version || drawn.flat !== flat || drawn.grid !== grid) {
      const live = new Set<string>();
      for (const c of scene.runs) {
        live.add(c.run.id);
        let v = visuals.get(c.run.id);
        if (!v) {
          v = new RunVisual(c.run.color);
          visuals.set(c.run.id, v);
          root.add(v.group);
        }
        v.setColor(c.run.color);
        v.setLineStyle(OPTIMIZER_LINE_STYLES[c.run.optimizer]);
        v.setMarker(c.marker);
        v.group.visible = c.run.visible;
        v.setPath(c, grid, flat, scene.epochSteps);
        // ASGD's averaged iterate, schedule-free AdamW's z and y and Rprop's step sizes are in
        // their traces (computed for these runs only: few, and cheap).
        const trace = c.run.visible && COMPANIONS.has(c.run.optimizer) ? traceOf(state, c.run.id) : undefined;
        const sf = c.run.optimizer === 'schedule-free-adamw';
        const dashed = c.run.optimizer === 'asgd' ? trace?.state.avg : sf ? trace?.state.z : c.run.optimizer === 'lookahead' ? trace?.state.slow : undefined;
        v.setCompanion(0, dashed ?? null, c, grid, flat, scene.surface);
        v.setProbes(c.run.optimizer === 'sam' ? (trace?.vectors.probe ?? null) : null);
        v.setCompanion(1, (sf ? trace?.vectors.look : undefined) ?? null, c, grid, flat, scene.surface);
        v.setStepSizes(c.run.optimizer === 'rprop' ? (trace?.state.stepSize ?? null) : null);
      }
      for (const [id, v] of visuals) {
        if (!live.has(id)) {
          root.remove(v.group);
          v.dispose();
          visuals.delete(id);
        }
      }
      drawn.version = scene.version;
      drawn.flat = flat;
      drawn.grid = grid;
      // Lets the benchmark time an input to the frame that shows its paths. Only the newest is
      // kept: the timeline would hold one mark per recompute for as long as the page is open.
      performance.clearMarks('descent:paths-drawn');
      performance.mark('descent:paths-drawn');
    }
    // The projection's y scale: 1/tan(fov/2) for a perspective camera, 2·zoom/height for an orthographic one.
    const perspective = (camera as { isPerspectiveCamera?: boolean }).isPerspectiveCamera === true;
    const pxPerUnit = (camera.projectionMatrix.elements[5] * size.height) / 2;
    for (const c of scene.runs) {
      const v = visuals.get(c.run.id);
      if (!v) continue;
      // LineMaterial measures its width against this: CSS pixels give a width in CSS pixels.
      v.material.resolution.set(size.width, size.height);
      v.aheadMaterial.resolution.set(size.width, size.height);
      for (const m of v.companionLines) m.resolution.set(size.width, size.height);
      v.boxLine?.resolution.set(size.width, size.height);
      v.setEmphasis(lineWidth, particleScale);
      v.showAt(playhead.step, c);
      v.face(camera, pxPerUnit, perspective);
    }
  });

  return <primitive object={root} />;
}
