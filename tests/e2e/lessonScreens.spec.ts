import { expect, test, type Page } from '@playwright/test';
import { getSurface, traceRun } from '../../src/engine';
import { LESSONS } from '../../src/state/lessons';
import { expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';
import { lessonText } from '../lessons/lessonText';

// What each lesson must show on screen, at a desktop's and a phone's size: its caption's claims
// are only taught if the reader can see them. tests/unit/lessons-presets.test.ts checks the
// numbers behind each claim; this file checks the pixels those numbers become.

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a point of the plane is drawn (x, y, and its height f on the current surface). */
async function drawnAt(page: Page, x: number, y: number): Promise<Point> {
  const p = await page.evaluate(
    ([x, y]) => {
      const d = window.__descent;
      const surface = d.computeScene(d.store.getState()).surface;
      return d.project(x, y, surface.value(x, y));
    },
    [x, y] as const,
  );
  if (!p) throw new Error(`(${x}, ${y}) is not drawn`);
  return p;
}

/** Where a run's point k is drawn. */
async function runPointAt(page: Page, runId: string, k: number | 'end'): Promise<Point> {
  const p = await page.evaluate(
    ([id, k]) => {
      const d = window.__descent;
      const c = d.computeScene(d.store.getState()).runs.find((r) => r.run.id === id);
      if (!c) return null;
      const i = k === 'end' ? c.path.steps : Math.min(k, c.path.steps);
      return d.project(c.path.x[i], c.path.y[i], c.path.loss[i]);
    },
    [runId, k] as const,
  );
  if (!p) throw new Error(`${runId} point ${k} is not drawn`);
  return p;
}

const gap = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Every legend row's name and tag, as read. */
function legendNames(page: Page): Promise<string[]> {
  return page.locator('.legend tbody .legend-label').allInnerTexts();
}

/** What must be visible, lesson by lesson: the sentence, and its check. */
const ON_SCREEN: Readonly<Record<string, { readonly what: string; check(page: Page): Promise<void> }>> = {
  'ravine-zigzag': {
    what: 'SGD’s zig-zag is visible: its first ten points alternate sides of the valley floor by several pixels; the loss chart is in log scale',
    async check(page) {
      const floor = await Promise.all(Array.from({ length: 10 }, async (_, k) => (await drawnAt(page, -4 + 0.1 * k, 0)).y));
      const ys = await Promise.all(Array.from({ length: 10 }, async (_, k) => (await runPointAt(page, 'l1-sgd', k)).y));
      for (let k = 1; k < 10; k++) {
        const side = Math.sign(ys[k] - floor[k]);
        expect(side, `step ${k} on the same side as step ${k - 1}`).not.toBe(Math.sign(ys[k - 1] - floor[k - 1]));
      }
      expect(Math.abs(ys[3] - floor[3])).toBeGreaterThan(3);
      await expect(page.locator('.lc-axis')).toHaveAttribute('data-mode', 'known');
    },
  },
  'saddle-escape': {
    what: 'the loss chart spans the losses on the plot, not a run far off it, so the steps at which each run escapes can be told apart',
    async check(page) {
      const range = (await page.locator('.lc-plot').getAttribute('data-loss-range'))?.split(',').map(Number) ?? [];
      expect(range).toHaveLength(2);
      expect(range[0]).toBeGreaterThan(-10);
      expect(range[1]).toBeLessThan(10);
    },
  },
  'local-minimum': {
    what: 'SGD ends on the white ring of the local minimum, Momentum on the gold ring of the global minimum',
    async check(page) {
      const minima = getSurface('local-minima')!.minima;
      const global = minima.find((m) => m.kind === 'global')!;
      const local = minima.find((m) => m.kind === 'local' && m.x > 0 && m.y > 0)!;
      expect(gap(await runPointAt(page, 'l3-sgd', 'end'), await drawnAt(page, local.x, local.y))).toBeLessThan(6);
      expect(gap(await runPointAt(page, 'l3-momentum', 'end'), await drawnAt(page, global.x, global.y))).toBeLessThan(6);
      await expect(page.locator('.scene-key')).toContainText(/Local minimum|국소 최솟값/);
      await expect(page.locator('.scene-key')).toContainText(/Global minimum|전역 최솟값/);
    },
  },
  'nesterov-look-ahead': {
    what: 'a few steps in, Nesterov’s look-ahead ring is drawn clearly apart from its particle',
    async check(page) {
      const lesson = LESSONS.find((l) => l.id === 'nesterov-look-ahead')!;
      const run = lesson.scene.runs!.find((r) => r.optimizer === 'nesterov')!;
      const trace = traceRun({ surface: getSurface('ravine')!, optimizer: 'nesterov', params: run.params, start: lesson.scene.start!, steps: 10 });
      await page.evaluate(() => window.__descent.seek(3));
      await nextFrames(page, 2);
      const particle = await runPointAt(page, run.id, 3);
      const look = trace.vectors.look!;
      const ring = await drawnAt(page, look[0][4], look[1][4]);
      expect(gap(particle, ring)).toBeGreaterThan(6);
      await page.evaluate(() => window.__descent.seek(0));
    },
  },
  'adagrad-vs-rmsprop': {
    what: 'RMSProp ends on the gold ring; AdaGrad stops visibly short of it',
    async check(page) {
      const min = await drawnAt(page, 1, 3);
      expect(gap(await runPointAt(page, 'l5-rmsprop', 'end'), min)).toBeLessThan(6);
      expect(gap(await runPointAt(page, 'l5-adagrad', 'end'), min)).toBeGreaterThan(40);
    },
  },
  'adam-bias-correction': {
    what: 'the first step without bias correction is drawn about three times as long as with it',
    async check(page) {
      const step = async (id: string) => gap(await runPointAt(page, id, 0), await runPointAt(page, id, 1));
      const corrected = await step('l6-adam');
      const raw = await step('l6-adam-raw');
      expect(corrected).toBeGreaterThan(4);
      expect(raw / corrected).toBeGreaterThan(2.5);
      expect(raw / corrected).toBeLessThan(3.5);
    },
  },
  'minibatch-noise': {
    what: 'the σ slider is in the caption; at the end, constant-η SGD jitters over a wider patch than the decaying one',
    async check(page) {
      const slider = page.locator('.lesson-caption').getByRole('slider');
      await slider.scrollIntoViewIfNeeded();
      await expect(slider).toBeInViewport();
      const spread = async (id: string) => {
        const pts = await Promise.all(Array.from({ length: 20 }, (_, i) => runPointAt(page, id, 280 + i)));
        const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
        const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
        return pts.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / pts.length;
      };
      expect(await spread('l7-sgd')).toBeGreaterThan(2 * (await spread('l7-sgd-decay')));
    },
  },
  newton: {
    what: 'Newton’s first step lands on the gold ring',
    async check(page) {
      expect(gap(await runPointAt(page, 'l8-newton', 1), await drawnAt(page, 0, 0))).toBeLessThan(4);
    },
  },
  'learning-rate-too-large': {
    what: 'the legend tells the three SGD runs apart by η, and says which one diverged',
    async check(page) {
      const names = await legendNames(page);
      for (const lr of ['0.3', '0.5', '0.55']) expect(names.some((n) => n.includes(`η = ${lr}`)), names.join(' | ')).toBe(true);
      await expect(page.locator('[data-run-id="l9-diverging"]')).toHaveAttribute('data-status', 'diverged');
    },
  },
  'l2-regularization': {
    what: 'the key marks the minimum without the penalty and the origin; the λ slider is in the caption; taking λ to 0 moves the runs’ ends toward (1, 1)',
    async check(page) {
      await expect(page.locator('.scene-key')).toContainText(/Minimum without the penalty|규제 없을 때의 최솟값/);
      await expect(page.locator('.scene-key')).toContainText(/Origin|원점/);
      const slider = page.locator('.lesson-caption').getByRole('slider');
      await slider.scrollIntoViewIfNeeded();
      await expect(slider).toBeInViewport();
      const ids = ['l10-momentum', 'l10-nesterov'];
      const target = await drawnAt(page, 1, 1);
      const penalized = await Promise.all(ids.map(async (id) => gap(await runPointAt(page, id, 'end'), target)));
      const field = page.locator('.lesson-caption').getByRole('spinbutton');
      await field.fill('0');
      await field.press('Enter');
      await expect.poll(() => page.evaluate(() => window.__descent.store.getState().penalty.lambda)).toBe(0);
      await nextFrames(page, 2);
      const target0 = await drawnAt(page, 1, 1);
      for (const [i, id] of ids.entries()) {
        const free = gap(await runPointAt(page, id, 'end'), target0);
        expect(free, `${id}: ${penalized[i]} px from (1, 1) with λ, ${free} without`).toBeLessThan(penalized[i] / 2);
      }
    },
  },
  'rotated-ravine': {
    what: 'after 40 steps Shampoo’s point is drawn nearer the minimum than AdaGrad’s, RMSProp’s and Adam’s',
    async check(page) {
      const target = await drawnAt(page, 0, 0);
      const shampoo = gap(await runPointAt(page, 'l11-shampoo', 40), target);
      for (const id of ['l11-adagrad', 'l11-rmsprop', 'l11-adam']) {
        const other = gap(await runPointAt(page, id, 40), target);
        expect(shampoo, `${id} is ${other} px away, Shampoo ${shampoo} px`).toBeLessThan(other);
      }
    },
  },
  'batch-size-noise': {
    what: 'the batch slider is in the caption at 10; typed down to 1 there, the last 100 points are drawn over a patch at least three times as wide',
    async check(page) {
      const field = page.locator('.lesson-caption').getByRole('spinbutton', { name: 'Batch size' });
      await field.scrollIntoViewIfNeeded();
      await expect(field).toBeInViewport();
      await expect(field).toHaveValue('10');
      const ten = await spread(page, 'l12-sgd', 200, 300);
      await field.fill('1');
      await field.press('Enter');
      await expect.poll(() => page.evaluate(() => window.__descent.store.getState().batch.size)).toBe(1);
      await nextFrames(page, 2);
      const one = await spread(page, 'l12-sgd', 200, 300);
      expect(one, `batch 1: ${one} px, batch 10: ${ten} px`).toBeGreaterThan(3 * ten);
      await field.fill('10');
      await field.press('Enter');
    },
  },
  'noise-ball': {
    what: 'over the last 100 steps the constant-η run’s points are drawn over a patch at least three times as wide as the decaying run’s',
    async check(page) {
      const constant = await spread(page, 'l13-sgd', 300, 400);
      const decayed = await spread(page, 'l13-sgd-decay', 300, 400);
      expect(constant, `constant ${constant} px, decaying ${decayed} px`).toBeGreaterThan(3 * decayed);
    },
  },
  'linear-scaling': {
    what: 'in the scene of batch 20, the run at η = 20 ends where batch 10 at η = 10 ended (within 6 px), the run at η = 10 far behind',
    async check(page) {
      const end = (id: string) =>
        page.evaluate((id) => {
          const c = window.__descent.computeScene(window.__descent.store.getState()).runs.find((r) => r.run.id === id);
          if (!c) throw new Error(`no run ${id}`);
          const k = c.path.steps;
          return { x: c.path.x[k], y: c.path.y[k] };
        }, id);
      const small = await end('l14-sgd');
      const lesson = LESSONS.find((l) => l.id === 'linear-scaling')!;
      const button = page.getByRole('group', { name: /Scenes of this lesson|이 수업의 장면/ }).getByRole('button', { name: lessonText('en', lesson.variants[0].label), exact: true });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await expect.poll(() => page.evaluate(() => window.__descent.store.getState().lessonId)).toBe('linear-scaling.double');
      await nextFrames(page, 3);
      // Drawn now, on the scene of batch 20 (the same surface and view as batch 10's).
      const was = await drawnAt(page, small.x, small.y);
      const scaled = gap(await runPointAt(page, 'l14d-sgd-scaled', 'end'), was);
      const unscaled = gap(await runPointAt(page, 'l14d-sgd', 'end'), was);
      expect(scaled, `η = 20 ends ${scaled} px from batch 10's end`).toBeLessThan(6);
      expect(unscaled, `η = 10 ends ${unscaled} px from it`).toBeGreaterThan(5 * Math.max(scaled, 2));
    },
  },
};

/** How widely a run's points k0 … k1 are drawn: their mean distance from their centre, in pixels. */
async function spread(page: Page, runId: string, k0: number, k1: number): Promise<number> {
  const pts = await Promise.all(Array.from({ length: k1 - k0 + 1 }, (_, i) => runPointAt(page, runId, k0 + i)));
  const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  return pts.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / pts.length;
}

test('every lesson has a statement of what it must show', () => {
  expect(Object.keys(ON_SCREEN).sort()).toEqual(LESSONS.map((l) => l.id).sort());
});

for (const size of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`each lesson shows what its caption claims (${size.name}, ${size.width}×${size.height})`, async ({ page }) => {
    test.setTimeout(300_000);
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await openApp(page, `?lesson=${LESSONS[0].id}`);
    for (const lesson of LESSONS) {
      if (lesson !== LESSONS[0]) {
        // A check may leave focus in a caption's field, which keeps its own keys (Page Down included).
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('PageDown');
        await expect.poll(() => page.evaluate(() => window.__descent.store.getState().lessonId)).toBe(lesson.id);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await nextFrames(page, 3);
      await expect(page.locator('.lesson-caption-title')).toContainText(lessonText('en', lesson.title));
      // Two runs never share a label in the legend.
      const names = await legendNames(page);
      expect(new Set(names).size, `lesson ${lesson.number}: ${names.join(' | ')}`).toBe(names.length);
      await test.step(`lesson ${lesson.number}: ${ON_SCREEN[lesson.id].what}`, () => ON_SCREEN[lesson.id].check(page));
    }
    await expectNoErrors(errors);
  });
}
