import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Security (issue 15): the built app under the strict Content-Security-Policy it ships (the meta
// tag) and the one a host sends as a header (public/_headers, with frame-ancestors, which a meta
// tag cannot carry). Over the main flows: no violation reported, no request to another origin,
// a typed formula compiled without eval.

const HEADER_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; media-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors *";

/** Serves every response of the app with the host's header, and records what the page reports. */
async function underPolicy(page: Page, origin: string): Promise<{ violations: string[]; foreign: string[] }> {
  await page.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': HEADER_POLICY } });
  });
  // Reported to the test itself, so that every page of the flow counts (a navigation would reset
  // an array kept in the page).
  const violations: string[] = [];
  await page.exposeFunction('__descentViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    const report = (window as unknown as { __descentViolation: (v: string) => void }).__descentViolation;
    document.addEventListener('securitypolicyviolation', (e) => report(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { violations, foreign };
}

test('the app and typed formulas work under the strict policy: no violation, no other origin', async ({ page, baseURL }) => {
  test.slow();
  const errors = watchErrors(page);
  const watch = await underPolicy(page, String(baseURL));
  await openApp(page, '?runs=sgd,momentum,adam');
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();

  // A typed formula: compiled on the tape, as the page forbids eval (and never probes it).
  await page.getByRole('button', { name: 'Type a formula' }).click();
  const field = page.getByRole('textbox', { name: 'Formula f(x, y)' });
  await field.fill('sin(x) * cos(y) + 0.1 (x^2 + y^2)');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('custom');
  await expect.poll(() => page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).runs[0].path.steps)).toBeGreaterThan(10);

  // Real data (a lazy chunk), the maps (module workers), a lesson, the Korean font.
  await openApp(page, '?surface=iris-logistic&batch=10&vectors=gradient');
  await expect(page.locator('[data-field="data-panel"]')).toBeVisible();
  await openApp(page, '?surface=ravine&runs=momentum&steps=100&map=hyper;run=0;x=lr:0.001:0.5;y=rho;cells=16');
  await expect.poll(() => page.evaluate(() => window.__descent.maps.getState().outcomes?.complete ?? false), { timeout: 60_000 }).toBe(true);
  await openApp(page, '?lesson=ravine-zigzag&lang=ko');
  await expect(page.locator('html')).toHaveAttribute('data-korean-font', 'loaded', { timeout: 20_000 });

  expect(watch.violations).toEqual([]);
  expect(watch.foreign).toEqual([]);
  await expectNoErrors(errors);
});
