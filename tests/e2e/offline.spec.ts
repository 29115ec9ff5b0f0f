import { expect, test } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// After one visit the app works with no network: the service worker (public/sw.js) has the
// built files, and answers any link to the app (a shared scene, an embed) with its page.

test('the service worker precaches the build; a second visit works offline, links included', async ({ page, context }) => {
  await openApp(page);
  // The build filled in the worker's list of files and a version.
  const worker = await page.evaluate(() => fetch('./sw.js').then((r) => r.text()));
  const build = JSON.parse(/\/\*__DESCENT_BUILD__\*\/ (.*?) \/\*__DESCENT_BUILD_END__\*\//.exec(worker)?.[1] ?? 'null') as { version: string; files: string[] } | null;
  expect(build?.version).toMatch(/^[0-9a-f]{16}$/);
  expect(build?.files).toContain('index.html');
  expect(build?.files.some((f) => /^assets\/index-.*\.js$/.test(f))).toBe(true);
  // Relative paths only: the build works from any folder of a static host.
  expect(build?.files.every((f) => !f.startsWith('/') && !f.includes('//'))).toBe(true);

  // Installed, activated, in control of the page, and the page's loads handed over to it.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
  const cacheName = await page.evaluate(() => caches.keys().then((k) => k.find((n) => n.startsWith('descent-')) ?? ''));
  expect(cacheName).toBe(`descent-${build?.version}`);
  // What follows the first frame (KaTeX and its fonts, the update-rule panel) has arrived, so the
  // visit is whole before it is checked.
  await expect(page.locator('.surface-picker .formula')).toHaveAttribute('data-typeset', 'true');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Everything the first visit loaded is kept, the files it fetched before the worker existed too.
  const missing = () =>
    page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin) && !u.endsWith('/sw.js'));
      const absent: string[] = [];
      for (const url of loaded) if (!(await cache.match(url))) absent.push(url);
      return absent;
    }, cacheName);
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);
  // …and stays so a moment later: no late load is still on its way into the cache.
  await page.waitForTimeout(500);
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);

  await context.setOffline(true);
  // What the first visit showed comes back whole: not one failed request, fonts included.
  const errors = watchErrors(page);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expectNoErrors(errors);

  // A link with a scene in it, never visited before, opens offline too.
  await openApp(page, '?surface=rosenbrock&lang=ko');
  expect(await page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('rosenbrock');
  await expect(page.getByRole('button', { name: '재생' })).toBeVisible();
  await context.setOffline(false);
});
