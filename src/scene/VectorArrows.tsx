import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, Group, InstancedInterleavedBuffer, InterleavedBufferAttribute } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { RunTrace, Surface } from '../engine';
import { getLesson } from '../state/lessons';
import { computeScene, traceOf, type ComputedRun } from '../state/paths';
import { playhead } from '../state/playhead';
import { sceneStore, type VectorToggles } from '../state/store';
import { surfaceGridFor, type SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

// The teaching arrows at each particle: −g (white), the remembered average gradient (the run's
// colour, dashed, thin) and the step about to be taken (the run's colour, solid, thick); for
// Nesterov also its look-ahead point (a pink ring) and the gradient taken there (pink). They are drawn
// over everything (no depth test) with a dark halo, so that they read on any part of the
// colour map and are never hidden by the surface in 3D.

/** Above the paths (which float 0.018 over the surface), so that a step arrow covers its segment. */
const LIFT = 0.026;
const FLAT_LIFT = 0.008;
/** Shorter than this (world units) an arrow would be all head: it is left out. */
const MIN_LENGTH = 0.008;
const HEAD_LENGTH = 0.038;
const RING_RADIUS = 0.028;
const RING_SEGMENTS = 14;
/** Drawn margin beyond the plot, as in RunVisuals: a particle past it is not drawn. */
const OVERSHOOT = 0.25;

/** How long a typical arrow is drawn, and how long any may be, per kind (world units). */
const GRADIENT_LENGTH = 0.2;
const GRADIENT_MAX = 0.35;
const STEP_MAX = 0.5;
/**
 * Steps are drawn to scale, tip on the next point; one shorter than this would hide under the
 * particle, so it is drawn this long, still pointing the right way.
 */
const STEP_MIN = 0.07;
/** A step shorter than this (world units, well under a pixel) counts as standing still. */
const STILL = 0.001;
/** The typical arrow is the median over the first steps of every run: what a student watches. */
const EARLY_STEPS = 40;

const WHITE = new Color('#ffffff');
/** Nesterov's look-ahead point and the gradient taken there: told apart from the white −g at the particle. */
const LOOK_AHEAD = new Color('#ff7ab6');

/**
 * One kind of line (solid, dashed or thick): a single LineSegments2 for all runs, with its
 * halo sharing the geometry. Buffers grow when needed and are otherwise rewritten in place.
 */
class ArrowLayer {
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
  segment(ax: number, ay: number, az: number, bx: number, by: number, bz: number, color: Color, dashed = true): void {
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

function layer(width: number, order: number, dashed: boolean): ArrowLayer {
  const common = { transparent: true, depthTest: false, depthWrite: false, worldUnits: false } as const;
  const material = new LineMaterial({ ...common, color: 0xffffff, linewidth: width, vertexColors: true });
  if (dashed) {
    material.dashed = true;
    material.dashSize = 0.028;
    material.gapSize = 0.02;
  }
  const halo = new LineMaterial({ ...common, color: 0x05070a, linewidth: width + 3, opacity: 0.55 });
  return new ArrowLayer(material, halo, order);
}

/** A world point, reused: the arrow code allocates nothing per frame. */
interface P3 {
  x: number;
  y: number;
  z: number;
}

/** Where the arrows of one frame are drawn from: the scene's geometry and scales. */
interface Frame {
  readonly surface: Surface;
  readonly grid: SurfaceGrid;
  readonly flat: boolean;
  readonly scales: Scales;
}

const scratchGradient = new Float64Array(2);

function height(frame: Frame, x: number, y: number, loss?: number): number {
  if (frame.flat) return FLAT_LIFT;
  const f = loss ?? frame.surface.value(x, y);
  return frame.grid.scale.toUnit(f) * SURFACE_HEIGHT + LIFT;
}

function toWorld(frame: Frame, x: number, y: number, out: P3, loss?: number): P3 {
  out.x = frame.grid.mapping.toWorldX(x);
  out.y = height(frame, x, y, loss);
  out.z = frame.grid.mapping.toWorldZ(y);
  return out;
}

const tail: P3 = { x: 0, y: 0, z: 0 };
const tip: P3 = { x: 0, y: 0, z: 0 };

/**
 * An arrow from the math point (x, y) along the math vector (dx, dy), shortened to `max` world
 * units if longer (and, given `min`, lengthened to it if shorter); both ends sit on the surface
 * (a chord), so that it reads as going downhill.
 */
function arrow(layer: ArrowLayer, frame: Frame, x: number, y: number, dx: number, dy: number, max: number, color: Color, loss?: number, min = 0): void {
  if (!(Number.isFinite(dx) && Number.isFinite(dy))) return;
  const s = frame.grid.mapping.scale;
  const world = Math.hypot(dx, dy) * s;
  // A step too small to see even as a pixel is standing still: lengthening it would draw noise.
  if (world < (min > 0 ? STILL : MIN_LENGTH)) return;
  const shrink = world > max ? max / world : world < min ? min / world : 1;
  toWorld(frame, x, y, tail, loss);
  toWorld(frame, x + dx * shrink, y + dy * shrink, tip);
  const ex = tip.x - tail.x;
  const ey = tip.y - tail.y;
  const ez = tip.z - tail.z;
  const len = Math.hypot(ex, ey, ez);
  layer.segment(tail.x, tail.y, tail.z, tip.x, tip.y, tip.z, color);
  // The head: a V in the horizontal plane, around the shaft's direction.
  const h = Math.min(HEAD_LENGTH, 0.45 * len);
  const flatLen = Math.hypot(ex, ez) || 1;
  const bx = tip.x - (h * ex) / len;
  const by = tip.y - (h * ey) / len;
  const bz = tip.z - (h * ez) / len;
  const w = 0.6 * h;
  const sx = (-ez / flatLen) * w;
  const sz = (ex / flatLen) * w;
  layer.segment(tip.x, tip.y, tip.z, bx + sx, by, bz + sz, color, false);
  layer.segment(tip.x, tip.y, tip.z, bx - sx, by, bz - sz, color, false);
}

function ring(layer: ArrowLayer, frame: Frame, x: number, y: number, color: Color): void {
  toWorld(frame, x, y, tail);
  for (let i = 0; i < RING_SEGMENTS; i++) {
    const a0 = (2 * Math.PI * i) / RING_SEGMENTS;
    const a1 = (2 * Math.PI * (i + 1)) / RING_SEGMENTS;
    layer.segment(
      tail.x + RING_RADIUS * Math.cos(a0), tail.y, tail.z + RING_RADIUS * Math.sin(a0),
      tail.x + RING_RADIUS * Math.cos(a1), tail.y, tail.z + RING_RADIUS * Math.sin(a1),
      color,
      false,
    );
  }
}

/** One scale for the whole scene, so that lengths compare across runs and steps. */
interface Scales {
  /** Math units of arrow per unit of gradient (also for the remembered average gradient). */
  readonly gradient: number;
}

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
function scalesFor(traces: Iterable<RunTrace>, surface: Surface, grid: SurfaceGrid): Scales {
  const gradients: number[] = [];
  for (const t of traces) {
    for (let k = 1; k <= Math.min(t.steps, EARLY_STEPS); k++) {
      const g = Math.hypot(t.gx[k], t.gy[k]);
      if (Number.isFinite(g) && g > 0) gradients.push(g);
    }
  }
  const g = median(gradients) || typicalSlope(surface);
  return { gradient: g > 0 && Number.isFinite(g) ? GRADIENT_LENGTH / (grid.mapping.scale * g) : 0 };
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

/** The remembered average gradient, in gradient units: (1 − ρ)·v for momentum, m for the Adam family. */
function momentumAt(trace: RunTrace, k: number, out: Float64Array): boolean {
  const m = trace.state.m;
  if (m) {
    out[0] = m[0][k];
    out[1] = m[1][k];
    return true;
  }
  const v = trace.state.v;
  if ((trace.optimizer === 'momentum' || trace.optimizer === 'nesterov') && v) {
    const w = 1 - trace.params.rho;
    out[0] = w * v[0][k];
    out[1] = w * v[1][k];
    return true;
  }
  return false;
}

const scratchState = new Float64Array(2);
const runColor = new Color();

/** The arrows of one run at point k of its path (the step under the playhead). */
function drawRun(layers: Layers, frame: Frame, c: ComputedRun, trace: RunTrace | undefined, step: number, on: VectorToggles): void {
  const { path } = c;
  const last = Math.min(path.steps, trace ? trace.steps : path.steps);
  const k = Math.min(step, last);
  const x = path.x[k];
  const y = path.y[k];
  const { mapping } = frame.grid;
  if (Math.abs(mapping.toWorldX(x)) > mapping.halfX * (1 + OVERSHOOT) || Math.abs(mapping.toWorldZ(y)) > mapping.halfZ * (1 + OVERSHOOT)) return;
  const loss = path.loss[k];
  runColor.set(c.run.color);
  const next = trace && k < last ? k + 1 : -1;

  if (on.momentum && trace && momentumAt(trace, k, scratchState)) {
    arrow(layers.momentum, frame, x, y, -scratchState[0] * frame.scales.gradient, -scratchState[1] * frame.scales.gradient, GRADIENT_MAX, runColor, loss);
  }
  if (on.gradient) {
    // The gradient the next step uses, noise included; at the end of the path, the surface's own.
    let gx: number;
    let gy: number;
    if (trace && next > 0) {
      gx = trace.gx[next];
      gy = trace.gy[next];
    } else {
      frame.surface.valueAndGrad(x, y, scratchGradient);
      gx = scratchGradient[0];
      gy = scratchGradient[1];
    }
    arrow(layers.gradient, frame, x, y, -gx * frame.scales.gradient, -gy * frame.scales.gradient, GRADIENT_MAX, WHITE, loss);
    const look = trace?.vectors.look;
    const lookG = trace?.vectors.lookG;
    if (next > 0 && look && lookG) {
      const lx = look[0][next];
      const ly = look[1][next];
      toWorld(frame, x, y, tail, loss);
      toWorld(frame, lx, ly, tip);
      if (Math.hypot(tip.x - tail.x, tip.z - tail.z) > MIN_LENGTH) layers.momentum.segment(tail.x, tail.y, tail.z, tip.x, tip.y, tip.z, LOOK_AHEAD);
      ring(layers.gradient, frame, lx, ly, LOOK_AHEAD);
      arrow(layers.gradient, frame, lx, ly, -lookG[0][next] * frame.scales.gradient, -lookG[1][next] * frame.scales.gradient, GRADIENT_MAX, LOOK_AHEAD);
    }
  }
  if (on.step && next > 0) {
    arrow(layers.step, frame, x, y, path.x[next] - x, path.y[next] - y, STEP_MAX, runColor, loss, STEP_MIN);
  }
}

interface Layers {
  readonly momentum: ArrowLayer;
  readonly gradient: ArrowLayer;
  readonly step: ArrowLayer;
}

/** Segments one run may need at most: three arrows, the look-ahead's arrow, connector and ring. */
const SEGMENTS_PER_RUN = 3 * 3 + 3 + 1 + RING_SEGMENTS;

/**
 * The arrows of every visible run, redrawn in useFrame when the playhead's whole step, the
 * paths or the toggles change; traces (the optimizer's inner state) are computed only while
 * some arrow is on, once per recompute of the paths, into recycled arrays.
 */
export function VectorArrows({ flat }: { flat: boolean }) {
  const size = useThree((s) => s.size);
  const { root, layers, all } = useMemo(() => {
    const layers: Layers = { momentum: layer(2.5, 30, true), gradient: layer(3, 32, false), step: layer(4, 34, false) };
    const all = [layers.momentum, layers.gradient, layers.step];
    const root = new Group();
    for (const l of all) root.add(l.halo, l.line);
    root.visible = false;
    return { root, layers, all };
  }, []);
  const cache = useMemo(
    () => ({
      traces: new Map<string, RunTrace>(),
      tracedVersion: -1,
      scales: { gradient: 0 } as Scales,
      drawn: { version: -1, step: -1, flat, vectors: null as VectorToggles | null, grid: null as SurfaceGrid | null, selected: null as string | null },
    }),
    [],
  );

  useEffect(
    () => () => {
      for (const l of all) l.dispose();
      cache.traces.clear();
    },
    [all, cache],
  );

  useFrame(() => {
    const state = sceneStore.getState();
    const on = state.vectors;
    root.visible = on.gradient || on.momentum || on.step;
    if (!root.visible) return;
    const scene = computeScene(state);
    const grid = surfaceGridFor(scene.surface);
    if (cache.tracedVersion !== scene.version) {
      // The store's derived cache computes each trace once per recompute (the update-rule
      // panel reads the same ones).
      cache.traces.clear();
      for (const c of scene.runs) {
        const trace = c.run.visible ? traceOf(state, c.run.id) : null;
        if (trace) cache.traces.set(c.run.id, trace);
      }
      cache.scales = scalesFor(cache.traces.values(), scene.surface, grid);
      cache.tracedVersion = scene.version;
    }
    for (const l of all) l.setResolution(size.width, size.height);
    const step = Math.max(0, Math.floor(playhead.step + 1e-9));
    const d = cache.drawn;
    if (d.version === scene.version && d.step === step && d.flat === flat && d.vectors === on && d.grid === grid && d.selected === state.selectedRunId) return;
    d.selected = state.selectedRunId;
    d.version = scene.version;
    d.step = step;
    d.flat = flat;
    d.vectors = on;
    d.grid = grid;

    const frame: Frame = { surface: scene.surface, grid, flat, scales: cache.scales };
    for (const l of all) {
      l.reserve(SEGMENTS_PER_RUN * scene.runs.length);
      l.begin();
    }
    // A lesson about one run's arrows (Nesterov's look-ahead) draws only the selected run's, so
    // that a second run's arrows at nearly the same point do not hide them.
    const only = getLesson(state.lessonId)?.arrowsForSelectedOnly ? state.selectedRunId : null;
    for (const c of scene.runs) {
      if (c.run.visible && (only === null || c.run.id === only)) drawRun(layers, frame, c, cache.traces.get(c.run.id), step, on);
    }
    for (const l of all) l.commit();
  });

  return <primitive object={root} />;
}
