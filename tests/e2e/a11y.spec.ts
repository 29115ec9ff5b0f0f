import { expect, test, type Page } from '@playwright/test';
import axe from 'axe-core';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Every reader (issue 15): axe-core scans the main page, the panel with every section open, each
// dialog and menu, a lesson, real data and the embed, in both languages: no serious or critical
// violation.

/** axe-core's own script, injected into the page under test. */
const AXE = axe.source;

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; html: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) }));
  });
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

// axe is injected as an inline script, which the app's own Content-Security-Policy refuses (as
// it should: csp.spec.ts holds the app to it); the scans run with the policy bypassed.
test.use({ bypassCSP: true });

test.describe('axe-core: no serious or critical violations', () => {
  test('the main page, the panel opened in full, the dialogs and menus, in English and Korean', async ({ page }) => {
    test.slow();
    const errors = watchErrors(page);
    await openApp(page, '?runs=sgd,momentum,adam');
    await expectAccessible(page, 'main page');

    // Every panel section open, every run's options too.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await page.waitForTimeout(800);
    await expectAccessible(page, 'panel, all open');

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectAccessible(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('menu', { name: 'Export formats' })).toBeVisible();
    await expectAccessible(page, 'export menu');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Embed Descent' })).toBeVisible();
    await expectAccessible(page, 'embed dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '한국어' }).click();
    await expectAccessible(page, 'main page, Korean');
    await expectNoErrors(errors);
  });

  test('a lesson, a typed formula, real data with its plot', async ({ page }) => {
    test.slow();
    const errors = watchErrors(page);
    await openApp(page, '?lesson=ravine-zigzag');
    await expectAccessible(page, 'lesson');
    await openApp(page, '?expr=x%5E2%2B3*y%5E2');
    await page.waitForTimeout(1500);
    await expectAccessible(page, 'typed formula');
    await openApp(page, '?surface=iris-logistic&batch=10&vectors=gradient');
    await expect(page.locator('[data-field="data-panel"]')).toBeVisible();
    await expectAccessible(page, 'real data');
    await expectNoErrors(errors);
  });

  test('the embed, at a frame’s size', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 900, height: 500 });
    await openApp(page, '?embed&runs=sgd,adam&controls=lr');
    await page.waitForTimeout(800);
    await expectAccessible(page, 'embed');
    await expectNoErrors(errors);
  });
});
