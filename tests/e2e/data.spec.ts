import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Real data (issue 14): a model's loss over a shipped data set, chosen from the surface menu or a
// link, its data loaded on demand, descended in mini-batches drawn as the command line draws them.

test.describe('real data', () => {
  test('the student picks Iris from the menu, reads where the data come from, and sets a batch size', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?runs=sgd,adam');
    await page.getByLabel('Loss surface').selectOption('iris-linear');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('iris-linear');
    const panel = page.locator('[data-field="data-panel"]');
    await expect(panel).toContainText('Fisher (1936)');
    await expect(page.locator('[data-field="batch-note"]')).toContainText('full batch (150');
    // The full batch first: plain descent, no batches.
    expect(await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).runs[0].path.batchLoss)).toBeUndefined();
    const field = page.getByRole('spinbutton', { name: 'Batch size' });
    await field.fill('10');
    await field.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().batch.size)).toBe(10);
    await expect(page.locator('[data-field="batch-note"]')).toContainText('15 batches an epoch');
    const batched = await page.evaluate(() => {
      const run = window.__descent.computeScene(window.__descent.store.getState()).runs[0];
      return { batchLoss: run.path.batchLoss?.length ?? 0, steps: run.path.steps };
    });
    expect(batched.batchLoss).toBeGreaterThan(batched.steps);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('batch=10');
    // The loss chart draws each batch's loss faintly under the full loss, and ticks each epoch.
    await expect(page.locator('.lc-note')).toHaveText('faint: each batch’s loss');
    await expect(page.locator('.lc-plot')).toHaveAttribute('data-epoch-steps', '15');
    // The data plot draws the explained run's line at the playhead: its (w, b) is the particle's point.
    await page.evaluate(() => window.__descent.seek(40));
    const point = await page.evaluate(() => {
      const path = window.__descent.computeScene(window.__descent.store.getState()).runs[0].path;
      return `${path.x[40]},${path.y[40]}`;
    });
    await expect(page.locator('[data-field="data-plot"]')).toHaveAttribute('data-model', point);
    // A bad size is refused with the range, and the last good one stays.
    await field.fill('151');
    await field.press('Enter');
    await expect(panel.locator('.field-error')).toContainText('1 to 150');
    expect(await page.evaluate(() => window.__descent.store.getState().batch.size)).toBe(10);
    await expectNoErrors(errors);
  });

  test('a link to a mini-batch run gives the command line’s path, bit for bit; a map of it runs in the workers', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await openApp(page, '?surface=iris-linear&runs=sgd&steps=50&batch=10&seed=3&map=hyper;cells=32');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('iris-linear');
    const app = await page.evaluate(() => {
      const path = window.__descent.computeScene(window.__descent.store.getState()).runs[0].path;
      return { x: Array.from(path.x.subarray(0, path.steps + 1)), y: Array.from(path.y.subarray(0, path.steps + 1)) };
    });
    const out = execFileSync('npx', ['tsx', 'src/cli/trajectory.ts', '--data', 'iris', '--model', 'linear', '--optimizer', 'sgd', '--steps', '50', '--batch', '10', '--seed', '3'], { encoding: 'utf8' });
    const cli = JSON.parse(out) as { path: [number, number, number][]; batches: number[][] };
    expect(app.x).toEqual(cli.path.map((p) => p[0]));
    expect(app.y).toEqual(cli.path.map((p) => p[1]));
    // The data plot rings step 17's batch: the command line's 17th.
    await page.evaluate(() => window.__descent.seek(17));
    await expect(page.locator('[data-field="data-plot"]')).toHaveAttribute('data-batch', cli.batches[16].join(','));
    // The map's workers load the data chunk themselves.
    await expect.poll(() => page.evaluate(() => window.__descent.maps.getState().outcomes?.complete ?? false), { timeout: 60_000 }).toBe(true);
    expect(await page.evaluate(() => window.__descent.maps.getState().error)).toBeNull();
    await expectNoErrors(errors);
  });

  test('the data plot rings the batch the explained run took at the playhead’s step, and says which it is', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?surface=iris-logistic&runs=sgd,adam&batch=10&seed=3&steps=60');
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('iris-logistic');
    const plot = page.locator('[data-field="data-plot"]');
    const caption = page.locator('[data-field="batch-caption"]');
    // Step t takes the t-th batch the engine lists for the run (100 flowers: 10 batches an epoch).
    const engineBatch = (t: number) =>
      page.evaluate((t) => {
        const state = window.__descent.store.getState();
        const scene = window.__descent.computeScene(state);
        const data = scene.surface.data;
        if (!data || state.batch.size === null) return null;
        return data.indices({ size: state.batch.size, seed: state.noise.seed, dropLast: state.batch.dropLast }, scene.runs[0].path.steps)[t].join(',');
      }, t);
    for (const [t, text] of [
      [23, 'step 23: batch 3 of 10, epoch 3 (ringed)'],
      [40, 'step 40: batch 10 of 10, epoch 4 (ringed)'],
      [41, 'step 41: batch 1 of 10, epoch 5 (ringed)'],
    ] as const) {
      await page.evaluate((t) => window.__descent.seek(t), t);
      const expected = await engineBatch(t);
      expect(expected?.split(',')).toHaveLength(10);
      await expect(plot).toHaveAttribute('data-batch', expected as string);
      await expect(caption).toHaveText(text);
    }
    // The start took no batch yet.
    await page.evaluate(() => window.__descent.seek(0));
    await expect(plot).toHaveAttribute('data-batch', '');
    await expect(caption).toHaveText('step 0: the start, before the first batch');
    // Every run of a scene draws the same batches: the second run, explained, rings the same ones.
    await page.evaluate(() => window.__descent.seek(23));
    const first = await plot.getAttribute('data-batch');
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.selectRun(s.runs[1].id);
    });
    await expect(plot).toHaveAttribute('data-model', await page.evaluate(() => {
      const path = window.__descent.computeScene(window.__descent.store.getState()).runs[1].path;
      return `${path.x[23]},${path.y[23]}`;
    }));
    expect(await plot.getAttribute('data-batch')).toBe(first);
    // On the full loss, nothing is ringed and the caption goes.
    await page.evaluate(() => window.__descent.store.getState().setBatch({ size: null }));
    await expect(caption).toBeHidden();
    await expect(plot).not.toHaveAttribute('data-batch');
    await expectNoErrors(errors);
  });

  test('in Korean, the data and the batch control speak Korean', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?lang=ko&surface=iris-logistic');
    await expect(page.locator('[data-field="data-panel"]')).toContainText('데이터');
    await expect(page.locator('[data-field="batch-note"]')).toContainText('전체 배치');
    await page.evaluate(() => window.__descent.store.getState().setBatch({ size: 10 }));
    await page.evaluate(() => window.__descent.seek(12));
    await expect(page.locator('[data-field="batch-caption"]')).toHaveText('스텝 12: 에포크 2의 배치 10개 중 2번째(테두리 친 점)');
    await expectNoErrors(errors);
  });
});
