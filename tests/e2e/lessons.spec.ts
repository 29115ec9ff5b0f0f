import { expect, test, type Page } from '@playwright/test';
import { LESSONS, type Lesson } from '../../src/state/lessons';
import { translate } from '../../src/ui/i18n';
import { canvasImage, changedPixels, expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// The teaching layer in the browser: the lessons menu, each lesson's caption in both languages,
// the defining behaviour as the store and the legend show it, and the arrows.

async function chooseLesson(page: Page, lesson: Lesson, lang: 'en' | 'ko' = 'en'): Promise<void> {
  await page.getByRole('button', { name: lang === 'en' ? 'Lessons' : '수업', exact: true }).click();
  const menu = page.getByRole('menu', { name: lang === 'en' ? 'Lessons' : '수업' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitemradio', { name: `${lesson.number}. ${translate(lang, lesson.title)}` }).click();
  await expect(menu).toBeHidden();
}

function caption(page: Page) {
  return page.locator('.lesson-caption');
}

/** A legend number, exactly as the legend holds it (data-value), at the playhead. */
async function legendValue(page: Page, runId: string, field: 'x' | 'y' | 'step'): Promise<number> {
  const cell = page.locator(`[data-run-id="${runId}"] [data-field="${field}"]`);
  return Number(await cell.getAttribute('data-value'));
}

async function seek(page: Page, step: number): Promise<void> {
  await page.evaluate((s) => window.__descent.seek(s), step);
  await nextFrames(page, 2);
}

test.describe('lessons', () => {
  test('every lesson opens from the menu with its caption in English, then in Korean', async ({ page }) => {
    // Ten scenes drawn in software WebGL, each read in two languages.
    test.setTimeout(150_000);
    const errors = watchErrors(page);
    await openApp(page);
    for (const lesson of LESSONS) {
      await chooseLesson(page, lesson);
      await expect(caption(page)).toContainText(translate('en', lesson.title));
      await expect(caption(page)).toContainText(translate('en', lesson.caption));
      const state = await page.evaluate(() => {
        const s = window.__descent.store.getState();
        return { lessonId: s.lessonId, surfaceId: s.surfaceId, runs: s.runs.map((r) => r.id), playing: s.playing, step: window.__descent.playhead.step };
      });
      expect(state).toEqual({
        lessonId: lesson.id,
        surfaceId: lesson.scene.surfaceId,
        runs: (lesson.scene.runs ?? []).map((r) => r.id),
        playing: false,
        step: 0,
      });
      await page.getByRole('button', { name: '한국어' }).click();
      await expect(caption(page)).toContainText(translate('ko', lesson.title));
      await expect(caption(page)).toContainText(translate('ko', lesson.caption));
      await page.getByRole('button', { name: 'English' }).click();
      await expect(caption(page)).toContainText(translate('en', lesson.caption));
    }

    // The menu, in Korean, marks the lesson that is open and opens another.
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('button', { name: '수업', exact: true }).click();
    const last = LESSONS[LESSONS.length - 1];
    await expect(page.getByRole('menuitemradio', { name: `${last.number}. ${translate('ko', last.title)}` })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await chooseLesson(page, LESSONS[0], 'ko');
    await expect(caption(page)).toContainText(translate('ko', LESSONS[0].caption));
    await expectNoErrors(errors);
  });

  test('a lesson opened as a link or an embed would (loadScene with lessonId) shows its caption; variants switch', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const lesson = LESSONS[1];
    await page.evaluate((scene) => window.__descent.store.getState().loadScene(scene), { ...lesson.scene, lessonId: lesson.id });
    await expect(caption(page)).toContainText(translate('en', lesson.caption));
    const group = page.getByRole('group', { name: 'Scenes of this lesson' });
    await expect(group.getByRole('button', { name: lesson.label ? translate('en', lesson.label) : '', exact: true })).toHaveAttribute('aria-pressed', 'true');
    for (const variant of lesson.variants) {
      await group.getByRole('button', { name: translate('en', variant.label), exact: true }).click();
      await expect(caption(page)).toContainText(translate('en', variant.note));
      const s = await page.evaluate(() => {
        const st = window.__descent.store.getState();
        return { lessonId: st.lessonId, start: st.start, sigma: st.noise.sigma };
      });
      expect(s).toEqual({ lessonId: `${lesson.id}.${variant.id}`, start: variant.scene.start, sigma: variant.scene.noise?.sigma });
    }

    // Folding the note leaves a tab that brings it back; opening a lesson unfolds it too.
    await page.getByRole('button', { name: 'Hide the lesson note' }).click();
    await expect(caption(page)).toBeHidden();
    await page.locator('.lesson-caption-tab').click();
    await expect(caption(page)).toBeVisible();
    await page.getByRole('button', { name: 'Hide the lesson note' }).click();
    await chooseLesson(page, LESSONS[2]);
    await expect(caption(page)).toContainText(translate('en', LESSONS[2].caption));

    // The menu works from the keyboard alone: ↓ opens it on the first lesson, ↓ moves, Enter opens.
    const button = page.getByRole('button', { name: 'Lessons', exact: true });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitemradio', { name: `1. ${translate('en', LESSONS[0].title)}` })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeHidden();
    // Focus moves on to the scene the lesson is about (Space then plays it), not back to the button.
    await expect(page.locator('.stage')).toBeFocused();
    expect(await page.evaluate(() => window.__descent.store.getState().lessonId)).toBe(LESSONS[1].id);
    await expectNoErrors(errors);
  });

  test('the store and the legend show what lessons 1, 3 and 9 teach', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);

    // 1: SGD's y changes sign at every step, Momentum's does not.
    await chooseLesson(page, LESSONS[0]);
    const flips = await page.evaluate(() => {
      const c = window.__descent.computeScene(window.__descent.store.getState());
      const count = (id: string) => {
        const p = c.runs.find((r) => r.run.id === id)?.path;
        if (!p) return -1;
        let n = 0;
        for (let k = 1; k <= 20; k++) if (Math.sign(p.y[k]) !== Math.sign(p.y[k - 1])) n++;
        return n;
      };
      return { sgd: count('l1-sgd'), momentum: count('l1-momentum') };
    });
    expect(flips.sgd).toBe(20);
    expect(flips.momentum).toBeLessThanOrEqual(4);
    const ys: number[] = [];
    for (let k = 0; k <= 4; k++) {
      await seek(page, k);
      ys.push(await legendValue(page, 'l1-sgd', 'y'));
    }
    for (let k = 1; k < ys.length; k++) expect(Math.sign(ys[k])).toBe(-Math.sign(ys[k - 1]));

    // 3: at the end, SGD sits in the local minimum, Momentum in the global one.
    await chooseLesson(page, LESSONS[2]);
    await seek(page, 600);
    expect(await legendValue(page, 'l3-sgd', 'x')).toBeCloseTo(0.93, 2);
    expect(await legendValue(page, 'l3-sgd', 'y')).toBeCloseTo(0.96, 2);
    expect(await legendValue(page, 'l3-momentum', 'x')).toBeCloseTo(-1.06, 2);
    expect(await legendValue(page, 'l3-momentum', 'y')).toBeCloseTo(-1.04, 2);

    // 9: η = 0.55 diverges and the legend says so; η = 0.5 and η = 0.3 do not.
    await chooseLesson(page, LESSONS[8]);
    await seek(page, 80);
    await expect(page.locator('[data-run-id="l9-diverging"]')).toHaveAttribute('data-status', 'diverged');
    await expect(page.locator('[data-run-id="l9-diverging"] [data-field="status"]')).toContainText('diverged at step');
    await expect(page.locator('[data-run-id="l9-edge"]')).toHaveAttribute('data-status', 'ok');
    await expect(page.locator('[data-run-id="l9-stable"]')).toHaveAttribute('data-status', 'ok');
    expect(Math.abs(await legendValue(page, 'l9-edge', 'y'))).toBe(1);
    await expectNoErrors(errors);
  });

  test('each arrow toggle draws something, in both languages, with no errors', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await chooseLesson(page, LESSONS[2]);
    // Seen from above the arrows are at their largest: each toggle's change is unmistakable.
    await page.getByRole('button', { name: '2D contour', exact: true }).click();
    await seek(page, 30);
    const names = ['Gradient arrows', 'Momentum arrows', 'Step arrows'];
    for (const name of names) await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'false');
    for (const name of names) {
      const before = await canvasImage(page);
      await page.getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
      expect(await changedPixels(page, before), name).toBeGreaterThan(100);
    }
    expect(await page.evaluate(() => window.__descent.store.getState().vectors)).toEqual({ gradient: true, momentum: true, step: true });

    // Playing with the arrows on moves them with the particles.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 10_000 }).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Pause' }).click();

    await page.getByRole('button', { name: '한국어' }).click();
    for (const name of ['기울기 화살표', '모멘텀 화살표', '스텝 화살표']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    }
    await page.getByRole('button', { name: '기울기 화살표', exact: true }).click();
    expect(await page.evaluate(() => window.__descent.store.getState().vectors.gradient)).toBe(false);
    await expectNoErrors(errors);
  });

  test('lesson 4 draws Nesterov’s look-ahead: the gradient arrows change the picture', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await chooseLesson(page, LESSONS[3]);
    expect(await page.evaluate(() => window.__descent.store.getState().vectors.gradient)).toBe(true);
    await seek(page, 4);
    // The look-ahead point and its gradient are drawn only for Nesterov: hiding the other run
    // leaves them as the only gradient arrows of the picture.
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.toggleRun('l4-momentum');
      s.setVectors({ step: false });
    });
    const withArrows = await canvasImage(page);
    await page.getByRole('button', { name: 'Gradient arrows', exact: true }).click();
    expect(await changedPixels(page, withArrows)).toBeGreaterThan(300);
    // In 3D as in 2D.
    await page.getByRole('button', { name: 'Gradient arrows', exact: true }).click();
    await page.getByRole('button', { name: '3D', exact: true }).click();
    const in3d = await canvasImage(page);
    await page.getByRole('button', { name: 'Gradient arrows', exact: true }).click();
    expect(await changedPixels(page, in3d)).toBeGreaterThan(100);
    await expectNoErrors(errors);
  });
});
