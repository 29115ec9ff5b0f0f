import { readFileSync } from 'node:fs';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { iframeSnippet } from '../../src/embed/embedCode';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import { startHostServer, type HostServer } from './hostServer';
import './window';

// Extreme numbers (issue 15) in the real app, through a link, the typed fields and postMessage:
// η = 10⁶, ε = 0, β₁ = β₂ = ρ = 1, 10⁶ steps, a start at 10³⁰⁰, a formula that overflows. Each is
// shown honestly (the run says it diverged, or the value is refused with its range) and the page
// still plays afterwards. The same cases, channel by channel, are in tests/unit/extremes.test.ts.

// A loaded machine (SwiftShader, other browsers) can take half a minute to open the app: room for two loads a test.
test.describe.configure({ timeout: 120_000 });

/** Play advances the playhead within a few seconds: the page is still responsive. */
async function expectPlays(page: Page | Frame, step: () => Promise<number> = () => page.evaluate(() => window.__descent.playhead.step)): Promise<void> {
  const before = await step();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(step, { timeout: 5000 }).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('a link: η = 10⁶ diverges and says so, ε = 0 is used, β₁ = β₂ = ρ = 1, 10⁶ steps and a start at 10³⁰⁰ are named with their ranges', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?runs=sgd:lr=1e6,adam:eps=0,adam:beta1=1;beta2=1,momentum:rho=1&steps=1000000&start=1e300,1e300');
  await expect(page.locator('.notice')).toContainText(
    '“start=1e300,1e300” ([-5, 5] × [-2.5, 2.5]), “steps=1000000” (1 … 20000), “runs=adam:beta1=1” ([0, 1)), “runs=adam:beta2=1” ([0, 1))',
  );
  const rows = page.locator('.legend tr[data-run-id]');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('diverged at step 1');
  await expect(rows.nth(1)).toContainText('ε = 0');
  for (const i of [1, 2, 3]) await expect(rows.nth(i)).not.toContainText('diverge');
  const scene = await page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { start: s.start, steps: s.steps, params: s.runs.map((r) => r.params) };
  });
  expect(scene.start).toEqual([-4, 1]);
  expect(scene.steps).toBe(200);
  expect(scene.params[0].lr).toBe(1e6);
  expect(scene.params[1].eps).toBe(0);
  expect([scene.params[2].beta1, scene.params[2].beta2, scene.params[3].rho]).toEqual([0.9, 0.999, 0.9]);
  await expectPlays(page);

  // A formula that overflows where a link's start put it: the notice names the start, and the
  // runs start where f is finite instead (and diverge there at once, which the legend says).
  await openApp(page, '?expr=exp(x%5E2*1000)&start=2,2');
  await expect(page.locator('.notice')).toContainText('“start=2,2” (|f(x, y)| < ∞)');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().surfaceId)).toBe('custom');
  const start = await page.evaluate(() => window.__descent.store.getState().start);
  expect(start).not.toEqual([2, 2]);
  await expect(page.locator('.legend tr[data-run-id]').first()).toContainText('diverged at step 1');
  await expectPlays(page);
  await expectNoErrors(errors);
});

test('typed into the panel: η = 10⁶ diverges and says so, ε = 0 is taken, β₁ = β₂ = ρ = 1, 10⁶ steps and x = 10³⁰⁰ are refused with their ranges', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const type = async (name: string, text: string, nth = 0) => {
    const field = page.getByRole('spinbutton', { name }).nth(nth);
    await field.fill(text);
    await field.press('Enter');
    return field;
  };
  await page.evaluate(() => document.querySelectorAll('details.run-options').forEach((d) => ((d as HTMLDetailsElement).open = true)));

  await type('Learning rate η', '1e6');
  await expect(page.locator('.legend tr[data-run-id]').first()).toContainText('diverged at step 1');
  await type('Epsilon ε', '0', 2);
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().runs[5].params.eps)).toBe(0);

  for (const name of ['First-moment decay β₁', 'Second-moment decay β₂', 'Momentum ρ']) {
    const field = await type(name, '1');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const described = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`)).toHaveText('Must be at least 0 and less than 1.');
    await field.press('Escape');
  }
  const steps = await type('Steps', '1000000');
  await expect(page.getByText('Enter a whole number from 1 to 20000.')).toBeVisible();
  await steps.press('Escape');
  const x = await type('Start x', '1e300');
  await expect(page.getByText('x must lie in the plotted range, -5 to 5.')).toBeVisible();
  await x.press('Escape');

  const scene = await page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { start: s.start, steps: s.steps, adam: s.runs[5].params, momentum: s.runs[1].params };
  });
  expect(scene).toMatchObject({ start: [-4, 1], steps: 200, adam: { beta1: 0.9, beta2: 0.999, eps: 0 }, momentum: { rho: 0.9 } });
  await page.screenshot({ path: test.info().outputPath('typed-extremes.png') });
  await expectPlays(page);
  await expectNoErrors(errors);
});

// --- postMessage ------------------------------------------------------------------------------

const HOST_HTML = readFileSync(new URL('./fixtures/embed-host.html', import.meta.url), 'utf8');
let host: HostServer;
test.beforeAll(async () => {
  host = await startHostServer();
});
test.afterAll(async () => {
  await host.close();
});

interface Message {
  readonly type: string;
  readonly [key: string]: unknown;
}

declare global {
  interface Window {
    received: Message[];
    send(message: unknown): void;
  }
}

const received = (page: Page, type: string) => page.evaluate((type) => window.received.filter((m) => m !== null && typeof m === 'object' && m.type === type), type);
const send = (page: Page, message: unknown) => page.evaluate((m) => window.send(m), message);

let nextRequest = 1;
async function getState(page: Page): Promise<{ step: number; playing: boolean; runs: { params: Record<string, number>; status: string }[] }> {
  const requestId = `x${nextRequest++}`;
  await send(page, { type: 'descent:getState', requestId });
  await expect.poll(async () => (await received(page, 'descent:state')).some((m) => m.requestId === requestId)).toBe(true);
  return (await received(page, 'descent:state')).find((m) => m.requestId === requestId)?.state as Awaited<ReturnType<typeof getState>>;
}

test('postMessage: extremes refused with a reason or shown diverged, 150 random payloads and a sibling frame change nothing they should not, and the embed still plays', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const snippet = iframeSnippet({ src: `${new URL(baseURL ?? '').origin}/?embed=1`, title: 'Descent', width: '100%', height: '420' });
  await page.goto(host.page('/extremes-host.html', HOST_HTML.replace('<!--EMBED-->', snippet)));
  await expect.poll(() => received(page, 'descent:ready'), { timeout: 30_000 }).toHaveLength(1);
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (!frame) throw new Error('no embedded frame');
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  // Errors inside the frame, counted by the frame itself (it is another site's process).
  await frame.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { frameErrors: string[] }).frameErrors = seen;
    window.addEventListener('error', (e) => seen.push(String(e.message)));
    window.addEventListener('unhandledrejection', (e) => seen.push(String(e.reason)));
  });
  const frameErrors = () => frame.evaluate(() => (window as unknown as { frameErrors: string[] }).frameErrors);

  for (const params of [{ beta1: 1 }, { beta2: 1 }, { rho: 1 }]) await send(page, { type: 'descent:setParams', params });
  await send(page, { type: 'descent:setParams', runIndex: 0, params: { lr: 1e6 } });
  await send(page, { type: 'descent:setParams', runIndex: 5, params: { eps: 0 } });
  const state = await getState(page);
  expect((await received(page, 'descent:refused')).map((m) => m.reason)).toEqual([
    'params.beta1 must be a number in [0, 1), got 1',
    'params.beta2 must be a number in [0, 1), got 1',
    'params.rho must be a number in [0, 1), got 1',
  ]);
  expect(state.runs[0]).toMatchObject({ params: { lr: 1e6 }, status: 'diverged' });
  expect(state.runs[5].params).toMatchObject({ eps: 0, beta1: 0.9, beta2: 0.999 });
  expect(state.runs[1].params.rho).toBe(0.9);

  const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
  const namesBefore = await frame.evaluate(prototypeNames);

  // 150 random payloads, made in the page (own "__proto__" keys from JSON.parse, NaN, huge values).
  const sent = await page.evaluate(() => {
    let seed = 15;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const numbers = [Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 1e6, 1e300, 0.5, 1e-300, 2 ** 53];
    const values = (): unknown => pick([pick(numbers), 'x'.repeat(Math.floor(rnd() * 200_000)), new Array(20_000).fill(pick(numbers)), null, true, '0.1', {}, [1], { lr: 0.1 }]);
    const types = ['descent:play', 'descent:pause', 'descent:reset', 'descent:seek', 'descent:setParams', 'descent:getState', 'descent:state', 'descent:refused', 'other', '__proto__'];
    const keys = ['lr', 'rho', 'beta1', 'beta2', 'eps', 'radius', '__proto__', 'constructor', 'prototype', 'nope'];
    const make = (): unknown => {
      switch (Math.floor(rnd() * 6)) {
        case 0:
          return JSON.parse(pick(['{"__proto__":{"type":"descent:play"}}', '{"type":"descent:setParams","params":{"__proto__":{"lr":0.2}}}', '{"type":"descent:play","constructor":{"prototype":{"x":1}}}']));
        case 1:
          return values();
        case 2:
          return { type: 'descent:setParams', params: { [pick(keys)]: rnd() < 0.5 ? rnd() * 0.9 + 1e-3 : values() }, ...(rnd() < 0.3 && { runIndex: pick([0, 5, 99, -1, 1.5, '0']) }) };
        case 3:
          return { type: 'descent:seek', step: rnd() < 0.5 ? Math.floor(rnd() * 300) : values() };
        case 4:
          return { type: 'descent:getState', requestId: rnd() < 0.5 ? `r${Math.floor(rnd() * 1e6)}` : values() };
        default:
          return { type: pick(types), [pick(keys)]: values() };
      }
    };
    for (let i = 0; i < 150; i++) window.send(make());
    return 150;
  });
  expect(sent).toBe(150);
  // Nothing reached the frame's Object.prototype.
  expect(await frame.evaluate(prototypeNames)).toBe(namesBefore);
  expect(await frame.evaluate(() => ['type', 'lr', 'x'].filter((k) => k in {}))).toEqual([]);

  // A sibling frame on the host page is not the parent: it can neither drive the embed nor read it.
  const lrBefore = (await getState(page)).runs[2].params.lr;
  await page.evaluate(() => {
    const sibling = document.createElement('iframe');
    sibling.srcdoc = "<script>parent.frames[0].postMessage({ type: 'descent:setParams', runIndex: 2, params: { lr: 0.3 } }, '*'); parent.frames[0].postMessage({ type: 'descent:getState', requestId: 'sibling' }, '*');</script>";
    document.body.append(sibling);
  });
  await page.waitForTimeout(500);
  const after = await getState(page);
  expect(after.runs[2].params.lr).toBe(lrBefore);
  expect((await received(page, 'descent:state')).filter((m) => m.requestId === 'sibling')).toEqual([]);

  // Still playing, and answering.
  await send(page, { type: 'descent:reset' });
  await expect.poll(async () => (await getState(page)).step).toBe(0);
  await expectPlays(frame, async () => (await getState(page)).step);
  expect(await frameErrors()).toEqual([]);
  await expectNoErrors(errors);
});
