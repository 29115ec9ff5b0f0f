import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, Group } from 'three';
import type { RunTrace, Surface } from '../engine';
import { getLesson } from '../state/lessons';
import { computeScene, traceOf, type ComputedRun } from '../state/paths';
import { playhead } from '../state/playhead';
import { runSpec } from '../state/runSpec';
import { sceneStore, sceneSurface, type VectorToggles } from '../state/store';
import type { BatchSpread, Place } from './batchSpread';
import { layer, type ArrowLayer } from './arrowLayer';
import { scalesFor, type Scales } from './arrowScale';
import { surfaceGridFor, type SurfaceGrid } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

// The teaching arrows at each particle: −g (white), the remembered average gradient (the run's
// colour, dashed, thin) and the step about to be taken (the run's colour, solid, thick); for
// Nesterov also its look-ahead point (a pink ring) and the gradient taken there (pink). They are drawn
// over everything (see arrowLayer.ts).

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

/** How long any arrow may be, per kind (world units; the typical one: arrowScale.ts). */
const GRADIENT_MAX = 0.35;
const STEP_MAX = 0.5;
/**
 * Steps are drawn to scale, tip on the next point; one shorter than this would hide under the
 * particle, so it is drawn this long, still pointing the right way.
 */
const STEP_MIN = 0.07;
/** A step shorter than this (world units, well under a pixel) counts as standing still. */
const STILL = 0.001;

const WHITE = new Color('#ffffff');
/** The mini-batch gradients' crosses and ellipse: a step dimmer than the white −g they surround. */
const SPREAD = new Color('#c9d6e6');
/** Nesterov's look-ahead point and the gradient taken there: told apart from the white −g at the particle. */
const LOOK_AHEAD = new Color('#ff7ab6');

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
function drawRun(layers: Layers, frame: Frame, c: ComputedRun, trace: RunTrace | undefined, step: number, on: VectorToggles, spread: SpreadFrame | null): void {
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
    if (spread && next > 0) {
      // The arrow's own scale, shortened as it is, so that its tip lands on its batch's cross.
      const world = Math.hypot(gx, gy) * frame.scales.gradient * mapping.scale;
      const scale = frame.scales.gradient * (world > GRADIENT_MAX ? GRADIENT_MAX / world : 1);
      const place: Place = (px, py, out) => toWorld(frame, px, py, out);
      spread.spreader.draw(layers.spread, frame.surface, spread.data, spread.spec, x, y, next, scale, place, SPREAD);
    }
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
  /** The spread of the mini-batch gradients about −g (batchSpread.ts). */
  readonly spread: ArrowLayer;
}

/** What the spread of a scene in mini-batches is drawn with; null when it runs none. */
interface SpreadFrame {
  readonly spreader: BatchSpread;
  readonly data: NonNullable<Surface['data']>;
  readonly spec: NonNullable<ReturnType<typeof runSpec>['batch']>;
}

type SpreadModule = typeof import('./batchSpread');
/** The spread's code, loaded the first time a scene in mini-batches shows its gradient arrows. */
let spreadModule: SpreadModule | null = null;
let spreadLoading: Promise<SpreadModule> | null = null;

/** Segments one run may need at most: three arrows, the look-ahead's arrow, connector and ring. */
const SEGMENTS_PER_RUN = 3 * 3 + 3 + 1 + RING_SEGMENTS;

/**
 * The arrows of every visible run, redrawn in useFrame when the playhead's whole step, the
 * paths or the toggles change; traces (the optimizer's inner state) are computed only while
 * some arrow is on, once per recompute of the paths, into recycled arrays.
 */
export function VectorArrows({ flat }: { flat: boolean }) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const { root, layers, all } = useMemo(() => {
    const layers: Layers = { momentum: layer(2.5, 30, true), gradient: layer(3, 32, false), step: layer(4, 34, false), spread: layer(1.5, 28, false) };
    const all = [layers.spread, layers.momentum, layers.gradient, layers.step];
    const root = new Group();
    for (const l of all) root.add(l.halo, l.line);
    root.visible = false;
    return { root, layers, all };
  }, []);
  const cache = useMemo(
    () => ({
      traces: new Map<string, RunTrace>(),
      tracedVersion: -1,
      scales: { gradient: 0, typical: 0 } as Scales,
      drawn: { version: -1, step: -1, flat, vectors: null as VectorToggles | null, grid: null as SurfaceGrid | null, selected: null as string | null, spread: false },
      spreader: null as BatchSpread | null,
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
    // A scene in mini-batches shows, with −g, where the other batches' gradients would point.
    const data = on.gradient ? sceneSurface(state).data : undefined;
    const spec = data && scene.runs.length > 0 ? runSpec(state, scene.runs[0].run).batch : undefined;
    let spread: SpreadFrame | null = null;
    if (data && spec) {
      // The frame loop runs on demand: ask for the frame that draws the spread once it is here.
      if (!spreadModule)
        spreadLoading ??= import('./batchSpread').then((m) => {
          spreadModule = m;
          invalidate();
          return m;
        });
      else {
        cache.spreader ??= new spreadModule.BatchSpread();
        cache.spreader.prepare(data, spec, state.steps);
        spread = { spreader: cache.spreader, data, spec };
      }
    }
    const d = cache.drawn;
    if (d.version === scene.version && d.step === step && d.flat === flat && d.vectors === on && d.grid === grid && d.selected === state.selectedRunId && d.spread === (spread !== null)) return;
    d.spread = spread !== null;
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
    if (spread) layers.spread.reserve(spread.spreader.segments() * scene.runs.length);
    // A lesson about one run's arrows (Nesterov's look-ahead) draws only the selected run's, so
    // that a second run's arrows at nearly the same point do not hide them.
    const only = getLesson(state.lessonId)?.arrowsForSelectedOnly ? state.selectedRunId : null;
    for (const c of scene.runs) {
      if (c.run.visible && (only === null || c.run.id === only)) drawRun(layers, frame, c, cache.traces.get(c.run.id), step, on, spread);
    }
    for (const l of all) l.commit();
  });

  return <primitive object={root} />;
}
