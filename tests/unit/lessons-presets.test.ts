import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS, OPTIMIZER_IDS, getSurface } from '../../src/engine';
import { loadDataSurfaces } from '../../src/engine/data/loadData';
import { LESSONS, getLesson, lessonScene, openLesson, resolveLesson, type Lesson, type LessonTextKey } from '../../src/state/lessons';
import { computeScene, type ComputedScene } from '../../src/state/paths';
import { playhead, seek } from '../../src/state/playhead';
import { createSceneStore, defaultScene, type Lang, type SceneData } from '../../src/state/store';
import { MESSAGE_KEYS } from '../../src/i18n';
import { lessonCaptions } from '../../src/i18n/messages/lessonCaptions';
import { lessonText } from '../../src/i18n/messages/lessonText';
import { lessonMessages } from '../../src/i18n/messages/lessons';
import { LESSON_CHECKS, type LessonPaths } from '../lessons/checks';
import { lessonText as word } from '../lessons/lessonText';

// The lessons on real data run on surfaces of the data chunk: loaded first, as the app loads it
// before it opens one of them (tests/unit/lessons-data.test.ts opens them before it has loaded).
beforeAll(async () => {
  await loadDataSurfaces();
});

/** A lesson's scene as the app computes it: loaded into a fresh store, then through computeScene. */
function computeLesson(scene: Partial<SceneData>): ComputedScene {
  const store = createSceneStore(defaultScene());
  store.getState().loadScene(scene);
  return computeScene(store.getState());
}

function pathsOf(lesson: Lesson): LessonPaths {
  const main = computeLesson(lesson.scene);
  const variants: Record<string, ComputedScene> = {};
  for (const v of lesson.variants) variants[v.id] = computeLesson(v.scene);
  return { main, variants };
}

/** A lesson text in both languages, as the caption and the menu show it. */
function text(key: LessonTextKey): Record<Lang, string> {
  return { en: word('en', key), ko: word('ko', key) };
}

/** Every text key a lesson names: title, caption, label, and each variant's label and note. */
function textKeys(l: Lesson): LessonTextKey[] {
  return [l.title, l.caption, ...(l.label ? [l.label] : []), ...l.variants.flatMap((v) => [v.label, v.note])];
}

describe('the fourteen lessons', () => {
  it('are fourteen, numbered 1 … 14, with unique kebab-case ids', () => {
    expect(LESSONS).toHaveLength(14);
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(14);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('have titles and captions in English and Korean (2–3 sentences, Korean written in Hangul)', () => {
    for (const l of LESSONS) {
      for (const key of textKeys(l)) {
        expect(word('en', key).trim().length, `${l.id}: ${key}`).toBeGreaterThan(0);
        expect(word('ko', key).trim().length, `${l.id}: ${key}`).toBeGreaterThan(0);
      }
      const title = text(l.title);
      const caption = text(l.caption);
      const sentences = (s: string) => s.split(/(?<=[.!?])\s+(?=\S)/).length;
      expect(sentences(caption.en), `${l.id} en`).toBeGreaterThanOrEqual(2);
      expect(sentences(caption.en), `${l.id} en`).toBeLessThanOrEqual(4);
      expect(sentences(caption.ko), `${l.id} ko`).toBeGreaterThanOrEqual(2);
      expect(title.ko, l.id).toMatch(/[가-힣]/);
      expect(caption.ko, l.id).toMatch(/[가-힣]/);
      // English words in the Korean text: only optimizer names (proper names) and math.
      const latin = (caption.ko + ' ' + title.ko).match(/[A-Za-z]{2,}/g) ?? [];
      for (const word of latin) expect(OPTIMIZERS.map((o) => o.name), `${l.id}: ${word}`).toContain(word);
    }
  });

  it('name their words by keys of their own, every one of them in i18n and every lesson text used', () => {
    const used = LESSONS.flatMap(textKeys);
    for (const l of LESSONS) {
      expect(l.title).toBe(`lesson.${l.id}.title`);
      expect(l.caption).toBe(`lesson.${l.id}.caption`);
      if (l.label) expect(l.label).toBe(`lesson.${l.id}.label`);
      expect(l.label === undefined, l.id).toBe(l.variants.length === 0);
      for (const v of l.variants) expect([v.label, v.note]).toEqual([`lesson.${l.id}.${v.id}.label`, `lesson.${l.id}.${v.id}.note`]);
    }
    expect(new Set(used).size).toBe(used.length);
    expect([...used].sort()).toEqual(Object.keys({ ...lessonText, ...lessonCaptions }).sort());
    // Titles and labels are messages like any other; captions and notes load with the first lesson.
    for (const key of used) expect([...MESSAGE_KEYS, ...Object.keys(lessonCaptions)], key).toContain(key);
  });

  it('each have a check of their claims in the tests, and no check is left without its lesson', () => {
    expect(Object.keys(LESSON_CHECKS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });

  it('state every hyperparameter and run on a built-in surface or a data set', () => {
    for (const l of LESSONS) {
      for (const scene of [l.scene, ...l.variants.map((v) => v.scene)]) {
        expect(getSurface(scene.surfaceId ?? ''), l.id).toBeDefined();
        expect(scene.runs?.length, l.id).toBeGreaterThan(0);
        for (const r of scene.runs ?? []) {
          expect(OPTIMIZER_IDS, l.id).toContain(r.optimizer);
          expect(Number.isFinite(r.params.lr), l.id).toBe(true);
        }
        const selected = scene.selectedRunId;
        if (selected) expect(scene.runs?.map((r) => r.id), l.id).toContain(selected);
      }
    }
  });

  it('have run ids unique across all lessons and variants (computeScene recycles arrays by id)', () => {
    const ids = LESSONS.flatMap((l) => [l.scene, ...l.variants.map((v) => v.scene)]).flatMap((s) => (s.runs ?? []).map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.number}. ${lesson.id}: the scene computes and the lesson's claims hold`, () => {
      const paths = pathsOf(lesson);
      for (const c of [paths.main, ...Object.values(paths.variants)]) {
        expect(c.runs.length).toBeGreaterThan(0);
        for (const r of c.runs) expect(r.path.steps, r.run.id).toBeGreaterThan(0);
      }
      const check = LESSON_CHECKS[lesson.id];
      if (!check) throw new Error(`no check for ${lesson.id}`);
      const claims = check(paths);
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) expect(c.holds, `${c.claim}: ${c.detail}`).toBe(true);
    });
  }
});

describe('what the tests of the brief ask, spelled out', () => {
  it('lesson 1: SGD flips sign at every one of the first 20 steps, Momentum does not', () => {
    const { main } = pathsOf(LESSONS[0]);
    const [sgd, momentum] = ['l1-sgd', 'l1-momentum'].map((id) => main.runs.find((r) => r.run.id === id)?.path);
    if (!sgd || !momentum) throw new Error('runs missing');
    for (let k = 1; k <= 20; k++) expect(Math.sign(sgd.y[k])).toBe(-Math.sign(sgd.y[k - 1]));
    let flips = 0;
    for (let k = 1; k <= 20; k++) if (Math.sign(momentum.y[k]) !== Math.sign(momentum.y[k - 1])) flips++;
    expect(flips).toBeLessThan(10);
  });

  it('lesson 3: SGD ends near (0.93, 0.96), Momentum near (−1.06, −1.04), with the stated hyperparameters', () => {
    const lesson = LESSONS[2];
    expect(lesson.scene.start).toEqual([1.6, 1.6]);
    const runs = lesson.scene.runs ?? [];
    expect(runs.map((r) => [r.optimizer, r.params.lr])).toEqual([['sgd', 0.02], ['momentum', 0.02]]);
    expect(runs[1].params.rho).toBe(0.95);
    const { main } = pathsOf(lesson);
    const end = (id: string) => {
      const p = main.runs.find((r) => r.run.id === id)?.path;
      if (!p) throw new Error(id);
      return [p.x[p.steps], p.y[p.steps]];
    };
    expect(end('l3-sgd')[0]).toBeCloseTo(0.93, 2);
    expect(end('l3-sgd')[1]).toBeCloseTo(0.96, 2);
    expect(end('l3-momentum')[0]).toBeCloseTo(-1.06, 2);
    expect(end('l3-momentum')[1]).toBeCloseTo(-1.04, 2);
  });

  it('lesson 4 turns the arrows on, so that the look-ahead is drawn', () => {
    expect(getLesson('nesterov-look-ahead')?.scene.vectors?.gradient).toBe(true);
    expect(getLesson('nesterov-look-ahead')?.scene.runs?.some((r) => r.optimizer === 'nesterov')).toBe(true);
  });

  it('lesson 6 runs Adam with and without bias correction, everything else equal', () => {
    const runs = getLesson('adam-bias-correction')?.scene.runs ?? [];
    expect(runs.map((r) => r.biasCorrection)).toEqual([true, false]);
    expect(runs[0].params).toEqual(runs[1].params);
  });

  it('lesson 7 and lesson 2 show the noise as variants: same runs, noise on and off', () => {
    const l7 = LESSONS[6];
    expect(l7.scene.noise?.sigma).toBeGreaterThan(0);
    expect(l7.variants[0].scene.noise?.sigma).toBe(0);
    const strip = (s: Partial<SceneData>) => (s.runs ?? []).map((r) => ({ ...r, id: '' }));
    expect(strip(l7.variants[0].scene)).toEqual(strip(l7.scene));
    const l2 = LESSONS[1];
    expect(l2.scene.start?.[1]).toBe(1e-3);
    expect(l2.variants.map((v) => [v.scene.start?.[1], v.scene.noise?.sigma])).toEqual([[0, 0], [0, 0.05]]);
  });

  it('lesson 10 sets an L2 penalty, carries the λ slider in its caption, and the caption asks to move it', () => {
    const l = LESSONS[9];
    expect(l.scene.penalty).toEqual({ kind: 'l2', lambda: 0.5 });
    expect(l.controls).toEqual(['penalty']);
    expect(word('en', l.caption)).toMatch(/Move λ/);
    expect(word('ko', l.caption)).toMatch(/λ를 움직여/);
  });
});

describe('opening a lesson', () => {
  it('loads the whole scene at once, sets lessonId, pauses and rewinds', () => {
    const store = createSceneStore(defaultScene());
    store.getState().setPlaying(true);
    store.getState().setNoise({ sigma: 0.7, seed: 9 });
    seek(42);
    const resets = store.getState().cameraResets;
    expect(openLesson('local-minimum', store)).toBe(true);
    const s = store.getState();
    expect(s.lessonId).toBe('local-minimum');
    expect(s.surfaceId).toBe('local-minima');
    expect(s.runs).toBe(LESSONS[2].scene.runs);
    expect(s.noise).toEqual({ sigma: 0, seed: 1 });
    expect(s.playing).toBe(false);
    expect(s.camera).toBeNull();
    expect(s.cameraResets).toBe(resets + 1);
    expect(playhead.step).toBe(0);
  });

  it('opens a variant by lesson.variant, and refuses unknown ids without touching the scene', () => {
    const store = createSceneStore(defaultScene());
    expect(openLesson('saddle-escape.noise', store)).toBe(true);
    expect(store.getState().lessonId).toBe('saddle-escape.noise');
    expect(store.getState().noise.sigma).toBe(0.05);
    const before = store.getState();
    expect(openLesson('saddle-escape.nope', store)).toBe(false);
    expect(openLesson('no-such-lesson', store)).toBe(false);
    expect(store.getState()).toBe(before);
    expect(resolveLesson('saddle-escape.noise')?.variant?.id).toBe('noise');
    expect(getLesson('saddle-escape.ridge')?.number).toBe(2);
    expect(lessonScene('newton.saddle')?.surfaceId).toBe('saddle');
    expect(resolveLesson(null)).toBeNull();
  });
});

describe('the teaching layer’s messages', () => {
  it('are in both languages, with the same placeholders, and Korean without stray English', () => {
    for (const [key, { en, ko }] of Object.entries({ ...lessonMessages, ...lessonText, ...lessonCaptions })) {
      expect(en.trim(), key).not.toBe('');
      expect(ko.trim(), key).not.toBe('');
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(ko), key).toEqual(names(en));
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      // Optimizer names are proper names, written as the legend writes them.
      expect(words.filter((w) => !OPTIMIZERS.some((o) => o.name === w)), key).toEqual([]);
      if (ko !== en) expect(ko, key).toMatch(/[가-힣]/);
    }
  });

  it('give the arrow toggles the accessible names the tests and the brief use', () => {
    expect(lessonMessages['lessons.menu']).toEqual({ en: 'Lessons', ko: '수업' });
    expect(lessonMessages['vectors.gradient']).toEqual({ en: 'Gradient arrows', ko: '기울기 화살표' });
    expect(lessonMessages['vectors.momentum']).toEqual({ en: 'Momentum arrows', ko: '모멘텀 화살표' });
    expect(lessonMessages['vectors.step']).toEqual({ en: 'Step arrows', ko: '스텝 화살표' });
  });
});

describe('leaving a lesson', () => {
  it('switching the surface closes the caption; moving a slider inside the lesson keeps it', () => {
    const store = createSceneStore(defaultScene());
    expect(openLesson(LESSONS[0].id, store)).toBe(true);
    const run = store.getState().runs[0];
    store.getState().setParam(run.id, 'lr', 0.1);
    expect(store.getState().lessonId).toBe(LESSONS[0].id);
    store.getState().setSurface('rosenbrock');
    expect(store.getState().lessonId).toBeNull();
  });

  it('an out-of-range schedule leaves the run as it was and raises a translated notice', () => {
    const store = createSceneStore(defaultScene());
    const run = store.getState().runs[0];
    store.getState().setSchedule(run.id, { kind: 'step', every: 0, gamma: 0.5 });
    expect(store.getState().runs[0].schedule).toEqual(run.schedule);
    expect(store.getState().notice).toEqual({ key: 'notice.schedule' });
  });
});
