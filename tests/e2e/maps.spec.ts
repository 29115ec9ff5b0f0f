import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// Maps of many runs in the app: computed in Web Workers, equal to the command line's cells,
// restarted when the scene changes, read by hover or keyboard, applied by a click or Enter.

async function openMaps(page: Page): Promise<void> {
  await page.locator('.maps-section > summary').click();
  await expect(page.locator('.map-canvas')).toBeVisible({ timeout: 20_000 });
}

/** Waits for the current map to be whole and returns its outcomes and request as plain data. */
async function finishedMap(page: Page) {
  await expect.poll(() => page.evaluate(() => window.__descent.maps.getState().outcomes?.complete ?? false), { timeout: 60_000 }).toBe(true);
  return page.evaluate(() => {
    const s = window.__descent.maps.getState();
    return { request: s.request, loss: Array.from(s.outcomes?.loss ?? []), status: Array.from(s.outcomes?.status ?? []), workers: navigator.hardwareConcurrency };
  });
}

test.describe('maps', () => {
  test('a hyperparameter map equals the command line’s, cell for cell, and a click applies a cell to the run', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    // Momentum on a polynomial surface: arithmetic only. (Chromium's Math.pow, exp, sin and log
    // round differently from Node's in the last bit for some arguments, so an Adam map — β^t —
    // or a map of Ackley agrees with the command line's to about 1e-15, not to the bit.)
    await openApp(page, '?surface=ravine&runs=momentum&steps=200');
    await openMaps(page);
    await page.getByLabel('Cells per side').selectOption('32');
    const map = await finishedMap(page);
    expect(map.request?.kind).toBe('hyper');
    expect(map.loss).toHaveLength(32 * 32);
    await expect(page.locator('[data-field="map-status"]')).toContainText('1024 runs of 200 steps');
    // Some runs diverge at the map's large η: the map covers both kinds.
    expect(map.status.filter((s) => s === 2).length).toBeGreaterThan(10);
    expect(map.status.filter((s) => s === 1).length).toBeGreaterThan(10);
    if (map.request?.kind !== 'hyper') throw new Error('a hyperparameter map');
    const { x, y } = map.request;
    const out = execFileSync('npx', ['tsx', 'src/cli/trajectory.ts', 'map', '--surface', 'ravine', '--optimizer', 'momentum', '--steps', '200', '--x', `${x.param}:${x.from}:${x.to}`, '--y', `${y.param}:${y.from}:${y.to}`, '--cells', '32', '--lr', String(map.request.run.params.lr)], { encoding: 'utf8' });
    const cli = JSON.parse(out) as { loss: (number | null)[] };
    // JSON writes a non-finite loss as null.
    expect(cli.loss).toEqual(map.loss.map((v) => (Number.isFinite(v) ? v : null)));

    // Hover reads a cell; a click puts its two values into the run.
    const canvas = page.locator('.map-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map has a box');
    await canvas.hover({ position: { x: box.width * 0.6, y: box.height * 0.3 } });
    await expect(page.locator('[data-field="readout"]')).toContainText('η = ');
    await canvas.click({ position: { x: box.width * 0.6, y: box.height * 0.3 } });
    const params = await page.evaluate(() => window.__descent.store.getState().runs[0].params);
    const cellValues = await page.evaluate(() => {
      const r = window.__descent.maps.getState().request;
      return r?.kind === 'hyper' ? [r.run.params[r.x.param], r.run.params[r.y.param]] : [];
    });
    // The map restarted for the new setting, whose values are the clicked cell's.
    expect([params.lr, params.rho]).toEqual(cellValues);
    expect(params.lr).not.toBe(map.request.run.params.lr);
    await expectNoErrors(errors);
  });

  test('a scene change cancels the map and starts one for the new scene; the keyboard reads and applies cells', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await openApp(page, '?surface=ravine&runs=momentum&steps=150');
    await openMaps(page);
    await finishedMap(page);
    const before = await page.evaluate(() => window.__descent.maps.getState().request?.run.start);
    await page.evaluate(() => window.__descent.store.getState().setStart([1.5, 0.5]));
    await expect.poll(() => page.evaluate(() => window.__descent.maps.getState().request?.run.start)).toEqual([1.5, 0.5]);
    expect(before).not.toEqual([1.5, 0.5]);
    const map = await finishedMap(page);
    expect(map.request?.run.start).toEqual([1.5, 0.5]);

    const canvas = page.locator('.map-canvas');
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('[data-field="readout"]')).toContainText('ρ = ');
    const readout = await page.locator('[data-field="readout"]').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().runs[0].params.rho)).not.toBe(0.9);
    expect(readout).toMatch(/η = .*ρ = /);
    await expectNoErrors(errors);
  });

  test('a basin map of local-minima under gradient descent: four basins, named, on the surface too', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await openApp(page, '?surface=local-minima&runs=sgd');
    await openMaps(page);
    await page.getByRole('combobox', { name: /^Map\b/ }).selectOption('basin');
    await page.getByLabel('Cells per side').selectOption('64');
    const map = await finishedMap(page);
    expect(map.request?.kind).toBe('basin');
    const legend = page.locator('.map-basins li');
    await expect(legend).toHaveCount(4);
    await expect(legend.first()).toContainText('Global minimum');
    await nextFrames(page, 3);
    await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-kind', 'basin');
    await expectNoErrors(errors);
  });

  test('a range outside the slider’s is refused with the range it must lie in; the map keeps the last good one', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?surface=bowl&runs=sgd&steps=50');
    await openMaps(page);
    await finishedMap(page);
    const from = page.getByRole('group', { name: /Learning rate/ }).getByLabel('from');
    await from.fill('100');
    await from.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Between' })).toContainText('Between 1.000e−5 and 10');
    expect(await page.evaluate(() => window.__descent.maps.getState().request?.kind)).toBe('hyper');
    await from.fill('0.001');
    await from.press('Enter');
    await expect.poll(() => page.evaluate(() => { const r = window.__descent.maps.getState().request; return r?.kind === 'hyper' ? r.x.from : null; })).toBe(0.001);
    await expectNoErrors(errors);
  });

  test('under a strict Content Security Policy a map of a typed formula runs in the app’s own workers', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:">`;
        await route.fulfill({ response, body: (await response.text()).replace('<head>', `<head>${csp}`) });
      },
    );
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await openApp(page, '?expr=x%5E2%2B3*y%5E2%2Bsin(x)&runs=momentum&steps=100');
    await openMaps(page);
    await page.getByLabel('Cells per side').selectOption('32');
    const map = await finishedMap(page);
    expect(map.request?.surface).toHaveProperty('expr');
    expect(map.status.every((s) => s !== 0)).toBe(true);
    // The formula compiler's one probe of new Function is refused by design; nothing else is.
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.filter((v) => !/eval/.test(v))).toEqual([]);
    await expectNoErrors(errors.filter((e) => !/unsafe-eval|Content Security Policy/.test(e)));
  });

  test('a link carries the map: the full app opens it, the address follows its settings, and an embed shows it beside the scene', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await openApp(page, '?surface=rosenbrock&runs=sgd,adam&steps=200&map=hyper;run=2;x=lr:0.001:1;y=beta1;cells=32');
    await expect(page.locator('.maps-section')).toHaveAttribute('open', '');
    const map = await finishedMap(page);
    if (map.request?.kind !== 'hyper') throw new Error('a hyperparameter map');
    expect([map.request.run.optimizer, map.request.x.param, map.request.x.from, map.request.x.to, map.request.y.param]).toEqual(['adam', 'lr', 0.001, 1, 'beta1']);
    await page.getByLabel('Cells per side').selectOption('64');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.search))).toContain('map=hyper;run=2;x=lr:0.001:1;y=beta1;cells=64');
    // Closing the section takes the map out of the address.
    await page.locator('.maps-section > summary').click();
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('map=');

    // The embed, which has no panel, shows a basin map beside its scene and on the surface.
    await openApp(page, '?surface=local-minima&runs=sgd&embed=1&map=basin;cells=32');
    await expect(page.locator('.embed-map .map-canvas')).toBeVisible({ timeout: 20_000 });
    const basin = await finishedMap(page);
    expect(basin.request?.kind).toBe('basin');
    await expect(page.locator('.embed-map .map-basins li')).toHaveCount(4);
    // The map first, its controls after it: the post's reader came for the picture.
    const order = await page.evaluate(() => {
      const panel = document.querySelector('.embed-map .map-panel');
      const kids = Array.from(panel?.children ?? []);
      return [kids.findIndex((k) => k.classList.contains('map-canvas')), kids.findIndex((k) => k.classList.contains('map-controls'))];
    });
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1]);
    await expectNoErrors(errors);
  });
});
