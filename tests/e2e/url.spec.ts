import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// The address bar holds the scene (src/state/urlSync.ts, grammar in src/state/url/schema.ts).

const scene = (page: Page) =>
  page.evaluate(() => {
    const s = window.__descent.store.getState();
    return {
      surfaceId: s.surfaceId,
      steps: s.steps,
      view: s.view,
      lang: s.lang,
      start: s.start,
      runs: s.runs.map((r) => ({ optimizer: r.optimizer, params: r.params, visible: r.visible, biasCorrection: r.biasCorrection })),
      step: window.__descent.playhead.step,
    };
  });

test('a link opens exactly its scene: surface, runs, hyperparameters, step, view, language', async ({ page }) => {
  const errors = watchErrors(page);
  const query = '?surface=rosenbrock&start=-1.5,2&runs=sgd:lr=0.0015,momentum:lr=0.0004;rho=0.95,adam:lr=0.02;beta2=0.9999;hidden;nobc&step=120&view=2d&lang=ko';
  await openApp(page, query);
  const s = await scene(page);
  expect(s.surfaceId).toBe('rosenbrock');
  expect(s.view).toBe('2d');
  expect(s.lang).toBe('ko');
  expect(s.start).toEqual([-1.5, 2]);
  expect(s.step).toBe(120);
  expect(s.runs.map((r) => r.optimizer)).toEqual(['sgd', 'momentum', 'adam']);
  expect(s.runs[0].params.lr).toBe(0.0015);
  expect(s.runs[1].params).toMatchObject({ lr: 0.0004, rho: 0.95 });
  expect(s.runs[2].params).toMatchObject({ lr: 0.02, beta2: 0.9999 });
  expect(s.runs.map((r) => r.visible)).toEqual([true, true, false]);
  expect(s.runs[2].biasCorrection).toBe(false);

  // The legend, in Korean, shows the same three runs at step 120.
  const rows = page.locator('.legend tr[data-run-id]');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('SGD');
  await expect(rows.nth(1)).toContainText('모멘텀');
  await expect(rows.nth(2)).toContainText('Adam');
  await expect(rows.nth(2)).toHaveAttribute('data-visible', 'false');
  await expect(rows.nth(0).locator('[data-field="step"]')).toHaveText('120');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  // A canonical link is left as it is: nothing was ignored, nothing to rewrite.
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => location.search)).toBe(query);
  await expect(page.locator('.notice')).toHaveCount(0);
  await expectNoErrors(errors);
});

test('moving a slider rewrites the address in place (replaceState), and a reload restores it', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?surface=rosenbrock&runs=sgd:lr=0.0015,adam');
  const length = await page.evaluate(() => history.length);

  const slider = page.getByRole('slider', { name: 'Learning rate η' }).first();
  await slider.focus();
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  const lr = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);
  expect(lr).not.toBe(0.0015);
  await expect.poll(() => page.evaluate(() => location.search)).toBe(`?surface=rosenbrock&runs=sgd:lr=${String(lr).replace('e+', 'e')},adam`);

  // The timeline, while paused, moves the address too.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await timeline.fill('37');
  await expect.poll(() => page.evaluate(() => location.search)).toContain('&step=37');
  await page.getByRole('button', { name: '2D contour' }).click();
  await expect.poll(() => page.evaluate(() => location.search)).toContain('view=2d');
  expect(await page.evaluate(() => history.length)).toBe(length);

  // Playing writes nothing frame by frame; pausing writes the step where it stopped.
  await page.evaluate(() => {
    const w = window as unknown as { __writes: number };
    w.__writes = 0;
    const original = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__writes++;
      original(...args);
    };
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 10_000 }).toBeGreaterThan(80);
  expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBe(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  const stopped = await page.evaluate(() => window.__descent.playhead.step);
  await expect.poll(() => page.evaluate(() => location.search)).toContain(`&step=${Math.round(stopped * 1000) / 1000}&`);
  expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBe(1);
  await timeline.fill('37');
  await expect.poll(() => page.evaluate(() => location.search)).toContain('&step=37&');

  const before = await scene(page);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  expect(await scene(page)).toEqual(before);
  expect(before.step).toBe(37);
  expect(before.view).toBe('2d');
  await expectNoErrors(errors);
});

test('a bad link shows the default scene and a notice naming each value it could not use', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?steps=abc&surface=nope&runs=zzz');
  const notice = page.locator('.notice');
  await expect(notice).toBeVisible();
  for (const part of ['steps=abc', 'surface=nope', 'runs=zzz']) await expect(notice).toContainText(part);

  const s = await scene(page);
  expect(s.surfaceId).toBe('ravine');
  expect(s.steps).toBe(200);
  expect(s.runs.map((r) => r.optimizer)).toEqual(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']);
  // The address now describes what is shown (the default scene: the bare page).
  await expect.poll(() => page.evaluate(() => location.search)).toBe('');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expectNoErrors(errors);
});

test('a lesson link opens the lesson, and keeps its changes', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?lesson=saddle-escape&steps=120');
  const s = await page.evaluate(() => {
    const st = window.__descent.store.getState();
    return { lessonId: st.lessonId, surfaceId: st.surfaceId, steps: st.steps };
  });
  expect(s).toEqual({ lessonId: 'saddle-escape', surfaceId: 'saddle', steps: 120 });
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => location.search)).toBe('?lesson=saddle-escape&steps=120');
  await expectNoErrors(errors);
});

test('a typed formula in a link is compiled on arrival; one that does not compile is named', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?expr=x%5E2+%2B+3*y%5E2&domain=-2,2,-1,1&runs=sgd:lr=0.1');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('custom');
  const custom = await page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { expr: s.custom?.expr, domain: s.custom?.domain, lr: s.runs[0].params.lr, runs: s.runs.length };
  });
  expect(custom).toEqual({ expr: 'x^2 + 3*y^2', domain: { x: [-2, 2], y: [-1, 1] }, lr: 0.1, runs: 1 });

  await openApp(page, '?expr=x%5E%5E2&steps=50');
  await expect(page.locator('.notice')).toContainText('expr=x^^2');
  const s = await scene(page);
  expect(s.surfaceId).toBe('ravine');
  expect(s.steps).toBe(50);
  await expectNoErrors(errors);
});

test('Share copies a permalink; Embed writes an iframe snippet', async ({ page, context }) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?surface=saddle&runs=sgd:lr=0.02,momentum');
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await expect(share).toBeVisible();

  await share.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?surface=saddle&runs=sgd:lr=0\.02,momentum$/);

  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed Descent' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Momentum ρ/ }).check();
  await dialog.getByRole('textbox', { name: 'Height' }).fill('600');
  const snippet = dialog.getByRole('textbox', { name: 'Code to paste into your page' });
  await expect(snippet).toHaveValue(/^<iframe src="[^"]*\?surface=saddle&runs=sgd:lr=0\.02,momentum&lang=en&embed=1&controls=lr,rho" title="[^"]+" width="100%" height="600" style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="fullscreen"><\/iframe>$/);
  await expect(dialog.locator('iframe')).toHaveAttribute('src', /embed=1&controls=lr,rho/);
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectNoErrors(errors);
});
