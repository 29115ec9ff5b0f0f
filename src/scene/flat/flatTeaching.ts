import type { RunTrace } from '../../engine';
import { getLesson } from '../../state/lessons';
import { traceOf, type ComputedScene } from '../../state/paths';
import { runSpec } from '../../state/runSpec';
import { sceneSurface, type SceneState } from '../../state/store';
import { scalesFor, type Scales } from '../arrowScale';
import type { BatchSpread } from '../batchSpread';
import { ARROW_LINES, drawRunArrows, type ArrowLayers, type SpreadFrame } from '../particleArrows';
import type { SurfaceGrid } from '../surfaceGrid';
import { toCanvas, type FlatLayout } from './flatLayout';
import { FlatLineLayer, type FlatProjection } from './flatLines';

// The toolbar's teaching overlays in the 2D drawing: the arrows at each particle (particleArrows.ts),
// the curvature axes (curvatureAxes.ts), the step-size crosses (stepSizeCrosses.ts) and a scene in
// mini-batches' gradient spread (batchSpread.ts), computed by the same code as the WebGL view's and
// stroked with Canvas 2D (flatLines.ts), in the WebGL view's order: crosses and spread, the
// arrows (momentum, −g, step), the axes on top.

type AxesModule = typeof import('../curvatureAxes');
type CrossesModule = typeof import('../stepSizeCrosses');
type SpreadModule = typeof import('../batchSpread');

/** Each module's code, fetched the first time its overlay is turned on, as in the WebGL view. */
const modules: { axes?: AxesModule; crosses?: CrossesModule; spread?: SpreadModule } = {};
const loading: { axes?: Promise<unknown>; crosses?: Promise<unknown>; spread?: Promise<unknown> } = {};

export class FlatTeaching {
  private readonly arrows: ArrowLayers & Record<keyof ArrowLayers, FlatLineLayer>;
  // The widths and dashes of TeachingOverlays.tsx's layers.
  private readonly crosses = new FlatLineLayer(2, false);
  private readonly axes = { solid: new FlatLineLayer(3.5, false), dashed: new FlatLineLayer(3.5, true) };
  private readonly traces = new Map<string, RunTrace>();
  private tracedVersion = -1;
  private scales: Scales = { gradient: 0, typical: 0 };
  private spreader: BatchSpread | null = null;

  /** `request` asks for a repaint: a module fetched on first use has arrived. */
  constructor(private readonly request: () => void) {
    const line = (kind: keyof ArrowLayers) => new FlatLineLayer(ARROW_LINES[kind].width, ARROW_LINES[kind].dashed);
    this.arrows = { spread: line('spread'), momentum: line('momentum'), gradient: line('gradient'), step: line('step') };
  }

  /** The overlays turned on, at the playhead's whole step, over what the canvas holds. */
  paint(ctx: CanvasRenderingContext2D, state: SceneState, scene: ComputedScene, grid: SurfaceGrid, layout: FlatLayout, playheadStep: number): void {
    const on = state.vectors;
    const { curvature, effLr } = state.overlays;
    const anyArrow = on.gradient || on.momentum || on.step;
    if (!anyArrow && !curvature && !effLr) return;
    const step = Math.max(0, Math.floor(playheadStep + 1e-9));
    const layers = [this.crosses, this.arrows.spread, this.arrows.momentum, this.arrows.gradient, this.arrows.step, this.axes.solid, this.axes.dashed];
    for (const l of layers) l.begin();

    if (anyArrow) this.writeArrows(state, scene, grid, step);
    const axes = curvature ? this.load('axes', () => import('../curvatureAxes')) : undefined;
    axes?.drawCurvatureAxes(this.axes, state, scene.surface, grid, true, state.curvatureAt === 'start' ? 0 : step);
    const crosses = effLr ? this.load('crosses', () => import('../stepSizeCrosses')) : undefined;
    crosses?.drawStepSizeCrosses(this.crosses, state, scene, grid, true, step);

    const { mapping } = grid;
    const projection: FlatProjection = {
      pxPerWorld: layout.scale / mapping.scale,
      toPx: (wx, wz) => {
        const [x, y] = mapping.fromWorld(wx, wz);
        return toCanvas(layout, x, y);
      },
    };
    // Inside the plot, as the paths are: a curvature axis or a long arrow near the edge would
    // otherwise run over the axes' numbers.
    ctx.save();
    ctx.beginPath();
    ctx.rect(layout.left, layout.top, layout.right - layout.left, layout.bottom - layout.top);
    ctx.clip();
    for (const l of layers) l.paint(ctx, projection);
    ctx.restore();
  }

  private writeArrows(state: SceneState, scene: ComputedScene, grid: SurfaceGrid, step: number): void {
    if (this.tracedVersion !== scene.version) {
      // The store's derived cache computes each trace once per recompute, as for the WebGL view.
      this.traces.clear();
      for (const c of scene.runs) {
        const trace = c.run.visible ? traceOf(state, c.run.id) : null;
        if (trace) this.traces.set(c.run.id, trace);
      }
      this.scales = scalesFor(this.traces.values(), scene.surface, grid);
      this.tracedVersion = scene.version;
    }
    const on = state.vectors;
    const data = on.gradient ? sceneSurface(state).data : undefined;
    const spec = data && scene.runs.length > 0 ? runSpec(state, scene.runs[0].run).batch : undefined;
    let spread: SpreadFrame | null = null;
    const spreadModule = data && spec ? this.load('spread', () => import('../batchSpread')) : undefined;
    if (data && spec && spreadModule) {
      this.spreader ??= new spreadModule.BatchSpread();
      this.spreader.prepare(data, spec, state.steps);
      spread = { spreader: this.spreader, data, spec };
    }
    const frame = { surface: scene.surface, grid, flat: true, scales: this.scales };
    // A lesson about one run's arrows draws only the selected run's, as in the WebGL view.
    const only = getLesson(state.lessonId)?.arrowsForSelectedOnly ? state.selectedRunId : null;
    for (const c of scene.runs) {
      if (c.run.visible && (only === null || c.run.id === only)) drawRunArrows(this.arrows, frame, c, this.traces.get(c.run.id), step, on, spread);
    }
  }

  /** A module fetched once, on first use; undefined until it is here (then a repaint is asked for). */
  private load<K extends keyof typeof modules>(key: K, fetch: () => Promise<NonNullable<(typeof modules)[K]>>): (typeof modules)[K] {
    if (!modules[key] && !loading[key]) {
      loading[key] = fetch().then((m) => {
        modules[key] = m;
        this.request();
      });
    }
    return modules[key];
  }
}
