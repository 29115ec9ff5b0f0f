import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS, type OptimizerId } from '../../src/engine';
import { LESSONS } from '../../src/state/lessons';
import { markerOutline, OPTIMIZER_MARKERS, runMarkers, traceMarker, type MarkerShape } from '../../src/state/markers';
import { OPTIMIZER_LINE_STYLES } from '../../src/state/palette';
import { computeScene } from '../../src/state/paths';
import { createSceneStore } from '../../src/state/store';

const runs = (...ids: OptimizerId[]) => ids.map((optimizer) => ({ optimizer }));
const look = (id: OptimizerId, shape: MarkerShape) => `${OPTIMIZER_LINE_STYLES[id]} ${shape}`;

/** Area of a polygon given as x, y pairs (shoelace). */
function area(p: readonly number[]): number {
  let twice = 0;
  for (let i = 0; i < p.length; i += 2) {
    const j = (i + 2) % p.length;
    twice += p[i] * p[j + 1] - p[j] * p[i + 1];
  }
  return Math.abs(twice) / 2;
}

describe('marker shapes', () => {
  it('gives the first scene’s six optimizers six different shapes', () => {
    const lecture: OptimizerId[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
    const shapes = runMarkers(runs(...lecture));
    expect(new Set(shapes).size).toBe(6);
    expect(shapes).toEqual(lecture.map((id) => OPTIMIZER_MARKERS[id]));
  });

  it('keeps an optimizer’s own shape in any scene where it is the first of its kind', () => {
    for (const id of OPTIMIZER_IDS) {
      const others = OPTIMIZER_IDS.filter((o) => o !== id).slice(0, 5);
      expect(runMarkers(runs(...others, id)).at(-1), id).toBe(OPTIMIZER_MARKERS[id]);
    }
  });

  it('draws a second and third run of one optimizer in shapes no run of their line style wears', () => {
    const scene = runs('sgd', 'momentum', 'adam', 'sgd', 'sgd', 'adam');
    const shapes = runMarkers(scene);
    expect(shapes.slice(0, 3)).toEqual(['circle', 'square', 'triangle']);
    const looks = scene.map((r, i) => look(r.optimizer, shapes[i]));
    // Same line style (all solid) and all shapes different: none is told from another by colour alone.
    expect(new Set(looks).size).toBe(scene.length);
  });

  it('tells apart the runs of every lesson and variant without colour', () => {
    const scenes = LESSONS.flatMap((l) => [{ id: l.id, runs: l.scene.runs }, ...l.variants.map((v) => ({ id: `${l.id}.${v.id}`, runs: v.scene.runs }))]);
    let twins = 0;
    for (const { id, runs: list } of scenes) {
      if (!list) continue;
      const shapes = runMarkers(list);
      const looks = list.map((r, i) => look(r.optimizer, shapes[i]));
      expect(new Set(looks).size, id).toBe(looks.length);
      twins += list.length - new Set(list.map((r) => r.optimizer)).size;
    }
    // Lessons 9, 12–14 compare runs of one optimizer: the rule above is what keeps them apart.
    expect(twins).toBeGreaterThan(3);
  });

  it('still gives every run a shape when one line style has more runs than there are shapes', () => {
    const many = runs(...Array.from({ length: 12 }, () => 'sgd' as const));
    const shapes = runMarkers(many);
    expect(shapes).toHaveLength(12);
    // The first eight are all the shapes there are; after that they come round again.
    expect(new Set(shapes.slice(0, 8)).size).toBe(8);
  });

  it('carries the shape in the computed scene, as the views read it', () => {
    const store = createSceneStore();
    store.getState().addRun('adam');
    const computed = computeScene(store.getState());
    const adams = computed.runs.filter((c) => c.run.optimizer === 'adam');
    expect(adams.map((c) => c.marker)[0]).toBe('triangle');
    expect(adams[1].marker).not.toBe('triangle');
    expect(adams[1].run.color).not.toBe(adams[0].run.color);
  });

  it('sizes the outlines to about the ink of the unit circle, each filled by a fan from its centre that faces the viewer', () => {
    const disc = area(markerOutline('circle'));
    const shapes = new Set(Object.values(OPTIMIZER_MARKERS));
    expect(shapes.size).toBe(8);
    for (const shape of shapes) {
      const p = markerOutline(shape);
      expect(area(p) / disc, shape).toBeGreaterThan(0.7);
      expect(area(p) / disc, shape).toBeLessThan(1.1);
      // Star-shaped about the origin and anticlockwise: each edge turns left about it, so the
      // fan's triangles never overlap or fold, and all face the camera (WebGL culls the others).
      for (let i = 0; i < p.length; i += 2) {
        const j = (i + 2) % p.length;
        expect(p[i] * p[j + 1] - p[j] * p[i + 1], shape).toBeGreaterThan(0);
      }
    }
  });

  it('traces a shape on a y-down canvas the right way up', () => {
    const points: Array<[number, number]> = [];
    const sink = { moveTo: (x: number, y: number) => points.push([x, y]), lineTo: (x: number, y: number) => points.push([x, y]), closePath: () => {} };
    traceMarker(sink, 'triangle', 100, 50, 10);
    // The apex is above the centre on screen (smaller y), the base below.
    expect(Math.min(...points.map((p) => p[1]))).toBeCloseTo(50 - 13.8, 6);
    expect(Math.max(...points.map((p) => p[1]))).toBeCloseTo(50 + 6.9, 6);
  });
});
