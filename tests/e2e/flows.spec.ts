import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../src/state/lessons';
import { canvasImage, canvasPixels, changedPixels, expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// The three users' main flows, as they meet them: a student drags a slider at step 0 and sees
// the path move; a lecturer presents each lesson on a projector and sees the surface, the start
// and the end of every path; the lecture runs from the keyboard (and a presenter's clicker); a
// phone scrolls past the loss chart without scrubbing it.

interface SceneCheck {
  /** The canvas's share of the window. */
  readonly canvasShare: number;
  /** Start and end points of visible runs that are off the canvas or covered by something. */
  readonly hidden: readonly string[];
}

/**
 * Where the start and the end of every visible path are drawn (window.__descent.project), and
 * whether the page shows the canvas there: not off its edge, not under another element. A run
 * that leaves the plot ends, for this purpose, at its last point on it (the exit ring).
 */
async function sceneCheck(page: Page): Promise<SceneCheck> {
  await nextFrames(page, 3);
  return page.evaluate(() => {
    const d = window.__descent;
    const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const hidden: string[] = [];
    for (const c of d.computeScene(d.store.getState()).runs) {
      if (!c.run.visible) continue;
      const last = c.leftAt > 0 ? c.leftAt - 1 : c.path.steps;
      for (const [name, k] of [
        ['start', 0],
        ['end', last],
      ] as const) {
        const p = d.project(c.path.x[k], c.path.y[k], c.path.loss[k]);
        if (!p) {
          hidden.push(`${c.run.id} ${name}: not drawn`);
          continue;
        }
        const inside = p.x >= box.left + 2 && p.x <= box.right - 2 && p.y >= box.top + 2 && p.y <= box.bottom - 2;
        const top = inside ? document.elementFromPoint(p.x, p.y) : null;
        if (!inside || top !== canvas) hidden.push(`${c.run.id} ${name} at (${Math.round(p.x)}, ${Math.round(p.y)}): ${inside ? `under ${top?.className || top?.tagName}` : 'off the canvas'}`);
      }
    }
    return { canvasShare: (box.width * box.height) / (window.innerWidth * window.innerHeight), hidden };
  });
}

test.describe('the student', () => {
  test('at step 0, dragging η redraws the path in 3D and in 2D (the whole path is always shown)', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(0);
    const slider = page.getByRole('slider', { name: 'Learning rate η' }).first();
    const drag = async (from: number, to: number) => {
      const box = await slider.boundingBox();
      if (!box) throw new Error('slider not visible');
      await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
    };
    for (const [view, from, to] of [
      ['3d', 0.8, 0.45],
      ['2d', 0.45, 0.7],
    ] as const) {
      if (view === '2d') await page.getByRole('button', { name: '2D contour' }).click();
      await nextFrames(page, 4);
      const before = await canvasImage(page);
      await drag(from, to);
      expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(0);
      // The first run's path is drawn anew at step 0: hundreds of pixels change.
      expect(await changedPixels(page, before), `${view}: the scene did not change`).toBeGreaterThan(500);
    }
    await expectNoErrors(errors);
  });

  test('twelve runs: the legend sits beside the chart, over no part of the scene', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      for (const id of ['adadelta', 'amsgrad', 'adamw', 'adamax', 'nadam', 'newton'] as const) s.addRun(id);
    });
    await expect(page.locator('.legend tbody tr')).toHaveCount(12);
    const overlap = await page.evaluate(() => {
      const a = document.querySelector('.legend')!.getBoundingClientRect();
      const b = document.querySelector('.stage')!.getBoundingClientRect();
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    });
    expect(overlap).toBe(false);
    const check = await sceneCheck(page);
    expect(check.hidden).toEqual([]);
    await expectNoErrors(errors);
  });
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`the lecturer at ${size.width}×${size.height}: every lesson in presentation mode shows the surface, every start and end, and its caption`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await openApp(page, `?lang=ko&present=1&lesson=${LESSONS[0].id}`);
    for (const lesson of LESSONS) {
      if (lesson !== LESSONS[0]) {
        // The presenter's clicker: Page Down opens the next lesson.
        await page.keyboard.press('PageDown');
        await expect.poll(() => page.evaluate(() => window.__descent.store.getState().lessonId)).toBe(lesson.id);
      }
      const check = await sceneCheck(page);
      expect(check.hidden, `lesson ${lesson.number}`).toEqual([]);
      expect(check.canvasShare, `lesson ${lesson.number}: canvas share of the window`).toBeGreaterThan(0.25);
      // The surface fills a fair share of the stage: at least a third of the canvas is painted.
      const pixels = await canvasPixels(page);
      expect(pixels.painted, `lesson ${lesson.number}: painted share of the canvas`).toBeGreaterThan(1 / 3);
      // The caption is on screen whole, beside or under the canvas, never over it.
      const caption = page.locator('.lesson-caption');
      await expect(caption).toBeInViewport({ ratio: 1 });
      const overlaps = await page.evaluate(() => {
        const a = document.querySelector('.lesson-caption')!.getBoundingClientRect();
        const b = document.querySelector('.stage')!.getBoundingClientRect();
        return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      });
      expect(overlaps, `lesson ${lesson.number}: caption over the canvas`).toBe(false);
      // Its variants, the buttons a lecturer clicks, are in view without scrolling the caption.
      for (const button of await caption.locator('.lesson-caption-variants button').all()) await expect(button).toBeInViewport({ ratio: 1 });
    }
    await expectNoErrors(errors);
  });
}

test('the settings drawer (S) takes a column of its own: the scene shrinks beside it and still shows every path', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?present=1&lesson=ravine-zigzag');
  await page.keyboard.press('s');
  await expect(page.locator('.panel')).toBeVisible();
  const panel = await page.locator('.panel').boundingBox();
  // The stage ends where the drawer begins: beside it, not under it.
  await expect
    .poll(async () => {
      const stage = await page.locator('.stage').boundingBox();
      return (stage?.x ?? 0) + (stage?.width ?? Infinity);
    })
    .toBeLessThanOrEqual((panel?.x ?? 0) + 1);
  await expect.poll(async () => (await sceneCheck(page)).hidden).toEqual([]);
  await expectNoErrors(errors);
});

test('a lecture from the keyboard: choose a lesson, Space plays it, Page Down / Page Up change lessons, End shows the result', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?present=1');
  const state = () => page.evaluate(() => ({ lesson: window.__descent.store.getState().lessonId, playing: window.__descent.store.getState().playing }));
  const focusIsStage = () => page.evaluate(() => document.activeElement?.classList.contains('stage') ?? false);

  await page.locator('[data-control="lessons"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeHidden();
  expect((await state()).lesson).toBe(LESSONS[1].id);
  // Focus is on the stage, not back on the menu button: Space plays instead of reopening the menu.
  expect(await focusIsStage()).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await state()).playing).toBe(true);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await state()).playing).toBe(false);

  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await state()).lesson).toBe(LESSONS[2].id);
  expect(await focusIsStage()).toBe(true);
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await state()).lesson).toBe(LESSONS[1].id);

  await page.keyboard.press('End');
  const end = await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).lastStep);
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(end);
  await page.keyboard.press('Home');
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(0);

  // The help dialog says so.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Page Down');
  await expect(help).toContainText('Next lesson');
  await expect(help).toContainText('End');
  await expectNoErrors(errors);
});

test.describe('the phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a vertical swipe on the loss chart scrolls the page and does not seek; a sideways drag scrubs', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const cdp = await page.context().newCDPSession(page);
    // A finger's drag, as the touch screen reports it: down, ten moves a frame apart, up.
    const swipe = async (x: number, y: number, dx: number, dy: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const plot = await page.locator('.lc-plot').boundingBox();
    if (!plot) throw new Error('no chart');
    await swipe(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5, 0, -250);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
    expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(0);

    // A quick swipe flings: wait until the page is still, then bring the chart out from under
    // the pinned canvas, so the sideways drag lands on the chart and nowhere else.
    let last = -1;
    await expect.poll(async () => {
      const y = await page.evaluate(() => window.scrollY);
      const still = y === last;
      last = y;
      return still;
    }, { intervals: [250] }).toBe(true);
    await page.evaluate(() => {
      const chart = document.querySelector('.lc-plot')?.getBoundingClientRect();
      const stage = document.querySelector('.app .stage')?.getBoundingClientRect();
      if (chart && stage) window.scrollBy(0, chart.top - stage.bottom - 16);
    });
    const plot2 = await page.locator('.lc-plot').boundingBox();
    if (!plot2) throw new Error('no chart');
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.lc-plot') != null, [plot2.x + plot2.width * 0.2, plot2.y + plot2.height / 2]);
    expect(hit, 'the drag starts on the chart').toBe(true);
    await swipe(plot2.x + plot2.width * 0.2, plot2.y + plot2.height / 2, plot2.width * 0.5, 0);
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBeGreaterThan(0);
    await expectNoErrors(errors);
  });

  test('the canvas stays in view while a slider far down the panel is dragged', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const slider = page.getByRole('slider', { name: 'Learning rate η' }).nth(3);
    await slider.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const stage = await page.locator('.stage').boundingBox();
    expect(stage?.y ?? -1).toBeGreaterThanOrEqual(-1);
    expect(stage?.height ?? 0).toBeGreaterThan(250);
    // Nothing covers the pinned canvas, and the slider itself is not under it.
    const sliderBox = await slider.boundingBox();
    expect(sliderBox?.y ?? 0).toBeGreaterThan((stage?.y ?? 0) + (stage?.height ?? 0));
    const check = await sceneCheck(page);
    expect(check.hidden).toEqual([]);
    await expectNoErrors(errors);
  });
});

test('the 2D view fills its canvas and has numbered axes that follow the domain', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?view=2d');
  await expect(page.locator('.plot-axis-x .plot-tick')).not.toHaveCount(0);
  const ticks = await page.evaluate(() => {
    const read = (sel: string) => [...document.querySelectorAll(sel)].map((t) => Number((t.textContent ?? '').replace('\u2212', '-')));
    return { x: read('.plot-axis-x .plot-tick'), y: read('.plot-axis-y .plot-tick') };
  });
  // The ravine: x in [−5, 5], y in [−2.5, 2.5].
  expect(ticks.x.length).toBeGreaterThanOrEqual(3);
  expect(ticks.y.length).toBeGreaterThanOrEqual(3);
  expect(Math.min(...ticks.x)).toBeGreaterThanOrEqual(-5);
  expect(Math.max(...ticks.x)).toBeLessThanOrEqual(5);
  // Each number sits where its value is drawn: x = 0 under the projected origin.
  const offset = await page.evaluate(() => {
    const zero = [...document.querySelectorAll<HTMLElement>('.plot-axis-x .plot-tick')].find((t) => t.textContent === '0');
    const p = window.__descent.project(0, 0, 0);
    if (!zero || !p) return Infinity;
    const r = zero.getBoundingClientRect();
    return Math.abs(r.left + r.width / 2 - p.x);
  });
  expect(offset).toBeLessThan(2);
  const pixels = await canvasPixels(page);
  expect(pixels.painted).toBeGreaterThan(0.5);
  await expectNoErrors(errors);
});

test('from a small phone to a 1440p screen, in both views, with and without a lesson: the surface, every start and end, nothing over the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openApp(page);
  const defaults = await page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { surfaceId: s.surfaceId, start: s.start, steps: s.steps, runs: s.runs, lessonId: null };
  });
  const scenes = [defaults, ...['saddle-escape', 'ravine-zigzag'].map((id) => ({ ...LESSONS.find((l) => l.id === id)!.scene, lessonId: id }))];
  for (const size of [
    { width: 360, height: 640 },
    { width: 768, height: 1024 },
    { width: 1366, height: 768 },
    { width: 2560, height: 1440 },
  ]) {
    await page.setViewportSize(size);
    for (const scene of scenes) {
      for (const view of ['3d', '2d'] as const) {
        await page.evaluate(([scene, view]) => window.__descent.store.getState().loadScene({ ...scene, view, camera: null }), [scene, view] as const);
        await page.evaluate(() => window.scrollTo(0, 0));
        const label = `${size.width}×${size.height} ${scene.lessonId ?? 'no lesson'} ${view}`;
        await expect.poll(async () => (await sceneCheck(page)).hidden, { message: label, timeout: 20_000 }).toEqual([]);
        const pixels = await canvasPixels(page);
        expect(pixels.painted, `${label}: painted share of the canvas`).toBeGreaterThan(1 / 3);
      }
    }
  }
  await expectNoErrors(errors);
});
