import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSurface, resolveParams } from '../../src/engine';
import { isDataSurfaceId } from '../../src/engine/data/dataIds';
import { loadDataSurfaces } from '../../src/engine/data/loadData';
import { LESSONS, openLesson } from '../../src/state/lessons';
import { createSceneStore, defaultScene, type SceneData } from '../../src/state/store';

// The lessons on real data (12–14): their surfaces come with the data chunk, which the page loads
// only when asked. Each test of the first group starts from fresh modules, before that chunk has
// loaded, as the page does.

const DATA_LESSONS = LESSONS.filter((l) => isDataSurfaceId(l.scene.surfaceId ?? ''));
const scenesOf = (ids: readonly string[]) => LESSONS.filter((l) => ids.includes(l.id)).flatMap((l) => [l.scene, ...l.variants.map((v) => v.scene)]);

/** Lets the data chunk's promise and what waits on it run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The lessons, the store, the engine and the playhead as a page finds them on its first load. */
async function freshPage() {
  vi.resetModules();
  const lessons = await import('../../src/state/lessons');
  const { createSceneStore: create, defaultScene: defaults } = await import('../../src/state/store');
  const engine = await import('../../src/engine');
  const playback = await import('../../src/state/playhead');
  const data = await import('../../src/engine/data/loadData');
  const { readUrl: read, writeUrl: write } = await import('../../src/state/url/codec');
  return { ...lessons, store: create(defaults()), getSurface: engine.getSurface, loadData: data.loadDataSurfaces, playhead: playback.playhead, seek: playback.seek, readUrl: read, writeUrl: write };
}

describe('a lesson on real data, before its data have loaded', () => {
  afterEach(() => {
    vi.doUnmock('../../src/engine/data/loadData');
  });

  it('is read whole from a link, on its data surface (urlSync loads the chunk before it shows it)', async () => {
    const page = await freshPage();
    expect(page.getSurface('iris-logistic')).toBeUndefined();
    const read = page.readUrl('?lesson=noise-ball', { preferredLang: 'en' });
    expect(read.ignored).toEqual([]);
    expect(read.scene.surfaceId).toBe('iris-logistic');
    expect(read.scene.runs).toEqual(LESSONS[12].scene.runs);
    expect(read.scene.batch).toEqual({ size: 5, dropLast: false });
    // Dragged to the full batch inside the lesson, the link says so against the lesson's batch of 5.
    const query = page.writeUrl({ ...defaultScene(), ...LESSONS[12].scene, batch: { size: null, dropLast: false }, lessonId: 'noise-ball', lang: 'en' }, 0, { preferredLang: 'en' });
    expect(query).toBe('?lesson=noise-ball&batch=full');
    const back = page.readUrl(query, { preferredLang: 'en' });
    expect([back.ignored, back.scene.batch]).toEqual([[], { size: null, dropLast: false }]);
  });

  it('opens once they have, the scene on screen left as it was meanwhile; the last lesson asked for wins', async () => {
    const page = await freshPage();
    const { store } = page;
    expect(page.getSurface('iris-logistic')).toBeUndefined();
    page.seek(17);
    const before = store.getState();
    expect(page.openLesson('batch-size-noise.one', store)).toBe(true);
    // Nothing changes until the data are there: no caption of lesson 12 over the old scene.
    expect(store.getState()).toBe(before);
    expect(page.playhead.step).toBe(17);
    // The presenter's clicker counts from the lesson on its way.
    expect(page.adjacentLesson(null, 1)?.id).toBe('noise-ball');
    expect(page.adjacentLesson(null, -1)?.id).toBe('rotated-ravine');
    // Another data lesson asked for meanwhile replaces it.
    expect(page.openLesson('noise-ball', store)).toBe(true);
    await page.loadData();
    await settle();
    const s = store.getState();
    expect([s.lessonId, s.surfaceId, s.batch, s.runs]).toEqual(['noise-ball', 'iris-logistic', { size: 5, dropLast: false }, LESSONS[12].scene.runs]);
    expect(page.playhead.step).toBe(0);
    expect(page.adjacentLesson(s.lessonId, 1)?.id).toBe('linear-scaling');
  });

  it('a lesson on a built-in surface asked for while a data lesson waits wins over it', async () => {
    const page = await freshPage();
    const { store } = page;
    expect(page.openLesson('linear-scaling', store)).toBe(true);
    expect(page.openLesson('ravine-zigzag', store)).toBe(true);
    expect(store.getState().lessonId).toBe('ravine-zigzag');
    await page.loadData();
    await settle();
    expect(store.getState().lessonId).toBe('ravine-zigzag');
    expect(page.adjacentLesson(store.getState().lessonId, 1)?.id).toBe('saddle-escape');
  });

  it('if the data cannot load, says so and leaves the scene', async () => {
    vi.doMock('../../src/engine/data/loadData', () => ({ loadDataSurfaces: () => Promise.reject(new Error('offline')) }));
    const page = await freshPage();
    const { store } = page;
    expect(page.openLesson('linear-scaling.double', store)).toBe(true);
    await settle();
    expect(store.getState().lessonId).toBeNull();
    expect(store.getState().notice).toEqual({ key: 'notice.unknownSurface', vars: { id: 'iris-logistic' } });
    // Nothing waits any more: the clicker counts from the scene on screen.
    expect(page.adjacentLesson(null, 1)?.id).toBe('ravine-zigzag');
  });
});

describe('the presets of the lessons on real data', () => {
  it('state every hyperparameter, as the data surface itself would resolve them', async () => {
    await loadDataSurfaces();
    for (const scene of scenesOf(DATA_LESSONS.map((l) => l.id))) {
      const surface = getSurface(scene.surfaceId ?? '');
      if (!surface) throw new Error(`no surface ${scene.surfaceId}`);
      for (const r of scene.runs ?? []) expect(r.params, r.id).toEqual(resolveParams(surface, r.optimizer, r.params));
      // The loss chart's log axis needs the minimum, which every data surface has.
      expect(scene.logLoss).toBe(surface.minima.length > 0);
      expect(scene.noise?.sigma, 'the batches are the only noise').toBe(0);
    }
  });

  it('compare batch sizes through variants, the batch being scene-wide', () => {
    const [l12, l13, l14] = DATA_LESSONS;
    expect([l12.scene, ...l12.variants.map((v) => v.scene)].map((s) => s.batch?.size)).toEqual([10, null, 1]);
    expect(l12.controls).toEqual(['batch']);
    expect([l13.scene, ...l13.variants.map((v) => v.scene)].map((s) => s.batch?.size)).toEqual([5, null]);
    expect([l14.scene, ...l14.variants.map((v) => v.scene)].map((s) => s.batch?.size)).toEqual([10, 20]);
    // The same number of epochs in both scenes of the scaling rule: 100 flowers, 10 or 5 batches an epoch.
    expect([l14.scene.steps, l14.variants[0].scene.steps]).toEqual([50, 25]);
    // Every other lesson sets the full batch, so that opening one after these resets it.
    for (const s of scenesOf(LESSONS.filter((l) => !DATA_LESSONS.includes(l)).map((l) => l.id))) expect(s.batch).toEqual({ size: null, dropLast: false });
  });

  it('opening one loads its whole scene, batch and seed included', async () => {
    await loadDataSurfaces();
    const store = createSceneStore(defaultScene());
    store.getState().setBatch({ size: 3, dropLast: true });
    expect(openLesson('linear-scaling.double', store)).toBe(true);
    const s: SceneData = store.getState();
    expect([s.lessonId, s.surfaceId, s.steps, s.batch, s.noise]).toEqual(['linear-scaling.double', 'iris-logistic', 25, { size: 20, dropLast: false }, { sigma: 0, seed: 1 }]);
    // Back to a lesson on a built-in surface: the full batch again.
    expect(openLesson('minibatch-noise', store)).toBe(true);
    expect(store.getState().batch).toEqual({ size: null, dropLast: false });
  });
});
