import { expect, test } from '@playwright/test';
import { canvasPixels, expectNoErrors, nextFrames, openApp, pixelDistance, watchErrors } from './helpers';
import './window';

test.describe('the app', () => {
  test('loads with no console errors and shows the surface', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const px = await canvasPixels(page);
    expect(px.width).toBeGreaterThan(300);
    // Not blank, and coloured by height: many distinct colours, most of the canvas painted.
    expect(px.colours).toBeGreaterThan(400);
    expect(px.painted).toBeGreaterThan(0.15);
    await expect(page.getByRole('heading', { name: 'Descent' })).toBeVisible();
    await expectNoErrors(errors);
  });

  test('dragging a learning-rate slider changes the path and the legend', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.evaluate(() => window.__descent.seek(200));
    const before = await canvasPixels(page);
    const runId = await page.evaluate(() => window.__descent.store.getState().runs[0].id);
    const legendLoss = page.locator(`[data-run-id="${runId}"] [data-field="loss"]`);
    const lossBefore = await legendLoss.textContent();
    const lrBefore = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);

    const slider = page.getByRole('slider', { name: 'Learning rate η' }).first();
    const box = await slider.boundingBox();
    if (!box) throw new Error('slider not visible');
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();

    const lrAfter = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);
    expect(lrAfter).not.toBe(lrBefore);
    await expect(legendLoss).not.toHaveText(lossBefore ?? '');
    const after = await canvasPixels(page);
    expect(pixelDistance(before, after)).toBeGreaterThan(0.05);
    await expectNoErrors(errors);
  });

  test('clicking the surface moves the start; play advances; the timeline scrubs back', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const startBefore = await page.evaluate(() => window.__descent.store.getState().start);
    const canvas = page.locator('.stage canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas not visible');
    // The middle of the canvas is on the surface (the camera looks at its centre).
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.55);
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().start)).not.toEqual(startBefore);
    const start = await page.evaluate(() => window.__descent.store.getState().start);
    const path0 = await page.evaluate(() => {
      const c = window.__descent.computeScene(window.__descent.store.getState());
      return [c.runs[0].path.x[0], c.runs[0].path.y[0]];
    });
    expect(path0).toEqual(start);
    await expect(page.getByRole('spinbutton', { name: 'Start x' })).toHaveValue(String(start[0]));

    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause' }).click();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.focus();
    await timeline.fill('2');
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(2);
    await expectNoErrors(errors);
  });

  test('adding and removing a run, switching surfaces, the 2D view', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const count = () => page.evaluate(() => window.__descent.store.getState().runs.length);
    expect(await count()).toBe(6);
    await page.getByRole('combobox', { name: 'Optimizer to add' }).selectOption('newton');
    await page.getByRole('button', { name: 'Add run' }).click();
    expect(await count()).toBe(7);
    await expect(page.locator('[data-run-id]')).toHaveCount(7);
    await page.getByRole('button', { name: 'Remove Newton' }).click();
    expect(await count()).toBe(6);

    const before = await canvasPixels(page);
    await page.getByRole('combobox', { name: 'Loss surface' }).selectOption('rosenbrock');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('rosenbrock');
    const rosen = await canvasPixels(page);
    expect(pixelDistance(before, rosen)).toBeGreaterThan(3);

    await page.getByRole('button', { name: '2D contour' }).click();
    await nextFrames(page, 5);
    const flat = await canvasPixels(page);
    expect(pixelDistance(rosen, flat)).toBeGreaterThan(3);
    // Seen from above, the square plot fills the height left free beside the legend.
    expect(flat.painted).toBeGreaterThan(0.25);
    await expectNoErrors(errors);
  });

  test('a huge learning rate diverges honestly while the other runs go on', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const field = page.getByRole('spinbutton', { name: 'Learning rate η' }).first();
    await field.fill('1000000');
    await field.press('Enter');
    await page.evaluate(() => window.__descent.seek(200));
    const id = await page.evaluate(() => window.__descent.store.getState().runs[0].id);
    await expect(page.locator(`[data-run-id="${id}"]`)).toContainText(/diverged/i);
    const statuses = await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).runs.map((r) => r.path.status));
    expect(statuses[0]).toBe('diverged');
    expect(statuses.slice(1).every((s) => s === 'ok')).toBe(true);
    await expectNoErrors(errors);
  });
});

test('keyboard: Space plays and pauses, arrows step, R rewinds, ? lists the shortcuts', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.locator('.stage canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(2);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().playing)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().playing)).toBe(false);
  await page.keyboard.press('r');
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expectNoErrors(errors);
});
