import { expect, test } from '@playwright/test';
import { canvasImage, changedPixels, expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// What makes mini-batch noise visible on the scene itself (issue 14): a ring on each path where
// an epoch begins, and, with the gradient arrows, the other batches' gradients at the particle
// (a cross per batch of the epoch, an ellipse of two standard deviations), named in the key.

test.describe('mini-batches on the scene', () => {
  test('the key names the epoch rings, and the batch gradients once the arrows are on', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?surface=iris-logistic&runs=adam&view=2d');
    const key = page.locator('.scene-key-marks');
    // The full batch: no epochs, no spread.
    await expect(key).toContainText('Global minimum');
    await expect(key).not.toContainText('Epoch begins');
    await page.evaluate(() => window.__descent.store.getState().setBatch({ size: 10 }));
    await expect(key).toContainText('Epoch begins');
    await expect(key).not.toContainText('gradients');

    await page.evaluate(() => window.__descent.seek(12));
    await nextFrames(page);
    const arrowOnly = await canvasImage(page);
    await page.getByRole('button', { name: 'Gradient arrows', exact: true }).click();
    await expect(key).toContainText('Other batches’ gradients (ellipse: 2σ)');
    await expect(key.locator('li', { hasText: 'Other batches' })).toHaveAttribute('title', /a cross for each batch of this epoch/);
    // The arrow, its ten crosses and the ellipse around them: far more than an arrow alone.
    expect(await changedPixels(page, arrowOnly)).toBeGreaterThan(800);

    // The spread follows the playhead: another step, another point, another picture.
    const atTwelve = await canvasImage(page);
    await page.evaluate(() => window.__descent.seek(31));
    await nextFrames(page);
    expect(await changedPixels(page, atTwelve)).toBeGreaterThan(300);

    // Back to the full batch: the spread and the rings go with the batches.
    await page.evaluate(() => window.__descent.store.getState().setBatch({ size: null }));
    await expect(key).not.toContainText('Epoch begins');
    await expect(key).not.toContainText('Other batches');

    await page.getByRole('button', { name: '한국어' }).click();
    await page.evaluate(() => window.__descent.store.getState().setBatch({ size: 10 }));
    await expect(key).toContainText('에포크 시작');
    await expect(key).toContainText('다른 배치의 기울기');
    await expectNoErrors(errors);
  });
});
