import { expect, test, type Page } from '@playwright/test';
import { LESSONS, type Lesson } from '../../src/state/lessons';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';
import { lessonText } from '../lessons/lessonText';

// The lessons on real data (12–14) in the browser: their surfaces are a chunk of their own, which
// the page loads only when asked. Opened from the menu, the presenter's keys or a link, a lesson
// shows once that chunk is there, never its caption over another scene meanwhile; its caption's
// batch slider works, in presentation mode too.

// The app's service worker answers from its cache, where the page's routes cannot hold the data
// chunk back (slowData); these tests run without it.
test.use({ serviceWorkers: 'block' });

const byId = (id: string): Lesson => {
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
};
const BATCH = byId('batch-size-noise');
const BALL = byId('noise-ball');
const SCALING = byId('linear-scaling');

/**
 * Records every store state in which a lesson is open on a surface other than its own (a data
 * lesson shown before its data, on the default surface): there must be none.
 */
async function watchMismatches(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const d = window.__descent;
    const seen: string[] = [];
    (window as unknown as { __mismatches: string[] }).__mismatches = seen;
    const check = () => {
      const s = d.store.getState();
      if (s.lessonId === null) return;
      const drawn = d.computeScene(s).surface.id;
      if (drawn !== s.surfaceId) seen.push(`${s.lessonId}: ${s.surfaceId} drawn as ${drawn}`);
    };
    d.store.subscribe(check);
    check();
  });
  return () => page.evaluate(() => (window as unknown as { __mismatches: string[] }).__mismatches);
}

/** Holds the data chunk back for a while, so that what happens while it loads can be seen. */
async function slowData(page: Page, ms = 1500): Promise<void> {
  await page.route(/\/dataSurfaces-[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

async function state(page: Page) {
  return page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { lessonId: s.lessonId, surfaceId: s.surfaceId, batch: s.batch, steps: s.steps, runs: s.runs.map((r) => r.id), step: window.__descent.playhead.step };
  });
}

test('a link to a data lesson loads the data first, then shows the lesson whole', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, `?lesson=${BALL.id}`);
  await expect(page.locator('.lesson-caption')).toContainText(lessonText('en', BALL.caption));
  expect(await state(page)).toEqual({ lessonId: BALL.id, surfaceId: 'iris-logistic', batch: { size: 5, dropLast: false }, steps: 400, runs: ['l13-sgd', 'l13-sgd-decay'], step: 0 });
  const drawn = await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).surface.id);
  expect(drawn).toBe('iris-logistic');
  // The link stays the lesson's id alone.
  await expect.poll(() => page.evaluate(() => window.location.search)).toBe(`?lesson=${BALL.id}`);
  await expectNoErrors(errors);
});

test('from the menu, before the data have loaded: the old scene stays until the lesson can be shown, then the lesson opens', async ({ page }) => {
  const errors = watchErrors(page);
  await slowData(page);
  await openApp(page);
  const mismatches = await watchMismatches(page);
  const before = await state(page);
  expect(before.surfaceId).not.toBe('iris-logistic');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('menuitemradio', { name: `${BATCH.number}. ${lessonText('en', BATCH.title)}` }).click();
  // While the data load, the scene is the one that was there, with no caption over it.
  expect(await state(page)).toEqual(before);
  await expect(page.locator('.lesson-caption')).toHaveCount(0);
  await expect(page.locator('.lesson-caption')).toContainText(lessonText('en', BATCH.caption));
  expect(await state(page)).toEqual({ lessonId: BATCH.id, surfaceId: 'iris-logistic', batch: { size: 10, dropLast: false }, steps: 300, runs: ['l12-sgd'], step: 0 });
  // Focus is on the scene, as for every lesson: Space plays it.
  await expect(page.locator('.stage')).toBeFocused();
  expect(await mismatches()).toEqual([]);
  await expectNoErrors(errors);
});

test('the presenter’s Page Down reaches the data lessons, three quick presses three lessons on', async ({ page }) => {
  const errors = watchErrors(page);
  await slowData(page);
  await openApp(page, '?present=1&lesson=rotated-ravine');
  const mismatches = await watchMismatches(page);
  await page.locator('.stage').focus();
  // Pressed before the data arrive: each press counts from the lesson on its way.
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  expect((await state(page)).lessonId).toBe('rotated-ravine');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().lessonId)).toBe(SCALING.id);
  await expect(page.locator('.lesson-caption')).toContainText(lessonText('en', SCALING.caption));
  await page.keyboard.press('PageUp');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().lessonId)).toBe(BALL.id);
  expect(await mismatches()).toEqual([]);
  await expectNoErrors(errors);
});

test('the caption’s batch slider sets the scene’s batch, keeps the lesson, and the link says so; in presentation mode too', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, `?present=1&lesson=${BATCH.id}`);
  const caption = page.locator('.lesson-caption');
  await expect(caption).toContainText(lessonText('en', BATCH.caption));
  const slider = caption.getByRole('slider', { name: 'Batch size' });
  const field = caption.getByRole('spinbutton', { name: 'Batch size' });
  await expect(slider).toBeInViewport();
  await expect(field).toHaveValue('10');

  // The keyboard on the slider: one example fewer.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await state(page)).batch.size).toBe(9);

  // Typed: one flower a batch, 100 steps an epoch.
  await field.fill('1');
  await field.press('Enter');
  await expect.poll(async () => (await state(page)).batch.size).toBe(1);
  expect((await state(page)).lessonId).toBe(BATCH.id);
  expect(await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).epochSteps)).toBe(100);
  await expect.poll(() => page.evaluate(() => window.location.search)).toContain('batch=1');

  // All 100: the full batch, which the link writes as such against the lesson's 10.
  await field.fill('100');
  await field.press('Enter');
  await expect.poll(async () => (await state(page)).batch.size).toBeNull();
  await expect.poll(() => page.evaluate(() => window.location.search)).toContain('batch=full');
  await expect(slider).toHaveAttribute('aria-valuetext', /full batch/);

  // A bad size is named and changes nothing.
  await field.fill('0');
  await field.press('Enter');
  await expect(caption.getByText('A whole number from 1 to 100')).toBeVisible();
  expect((await state(page)).batch.size).toBeNull();
  await expectNoErrors(errors);
});
