import { readFileSync } from 'node:fs';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { iframeSnippet } from '../../src/embed/embedCode';
import { expectNoErrors, watchErrors } from './helpers';
import { startHostServer, type HostServer } from './hostServer';
import './window';

// Descent inside the default embed snippet on a blog page of another site (tests/e2e/fixtures),
// driven the way a blog author's script drives it: postMessage in, postMessage out.

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

interface RunState {
  optimizer: string;
  params: Record<string, number>;
  visible: boolean;
  step: number;
  loss: number;
  x: number;
  y: number;
  status: string;
}

interface EmbedState {
  surface: string;
  step: number;
  lastStep: number;
  playing: boolean;
  runs: RunState[];
}

declare global {
  interface Window {
    received: Message[];
    send(message: unknown): void;
  }
}

async function openHost(page: Page, appOrigin: string): Promise<Frame> {
  const snippet = iframeSnippet({ src: `${appOrigin}/?embed=1&controls=lr`, title: 'Descent', width: '100%', height: '520' });
  await page.goto(host.page('/embed-host.html', HOST_HTML.replace('<!--EMBED-->', snippet)));
  await expect.poll(() => received(page, 'descent:ready'), { timeout: 30_000 }).toHaveLength(1);
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (!frame) throw new Error('no embedded frame');
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  return frame;
}

function received(page: Page, type: string): Promise<Message[]> {
  return page.evaluate((type) => window.received.filter((m) => m !== null && typeof m === 'object' && m.type === type), type);
}

function send(page: Page, message: unknown): Promise<void> {
  return page.evaluate((m) => window.send(m), message);
}

let nextRequest = 1;
/** Asks the frame for its state and waits for the answer to that very request. */
async function getState(page: Page): Promise<EmbedState> {
  const requestId = `q${nextRequest++}`;
  await send(page, { type: 'descent:getState', requestId });
  await expect.poll(async () => (await received(page, 'descent:state')).some((m) => m.requestId === requestId)).toBe(true);
  const reply = (await received(page, 'descent:state')).find((m) => m.requestId === requestId);
  return reply?.state as EmbedState;
}

test('the embed shows the canvas, playback and only the chosen sliders, and links to the full app', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const origin = new URL(baseURL ?? '').origin;
  const frame = await openHost(page, origin);
  const hostUrl = page.url();

  // allow-same-origin gives the frame Descent's origin, never the blog's: the host page, its
  // cookies and its storage stay out of reach.
  expect(await frame.evaluate(() => window.origin)).toBe(origin);
  expect(new URL(hostUrl).origin).not.toBe(origin);
  expect(await frame.evaluate(() => {
    try {
      return window.parent.document.title;
    } catch {
      return 'blocked';
    }
  })).toBe('blocked');
  await expect(frame.locator('.stage canvas')).toBeVisible();
  await expect(frame.locator('.panel')).toHaveCount(0);
  await expect(frame.locator('.legend')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Rewind' })).toBeVisible();
  // controls=lr: one learning-rate slider per visible run, and nothing else.
  await expect(frame.getByRole('slider', { name: 'Learning rate η' })).toHaveCount(6);
  await expect(frame.getByRole('slider', { name: 'Momentum ρ' })).toHaveCount(0);

  const link = frame.getByRole('link', { name: 'Open in Descent' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await link.focus();
  const href = new URL((await link.getAttribute('href')) ?? '');
  expect(href.origin).toBe(origin);
  expect(href.searchParams.has('embed')).toBe(false);
  expect(href.searchParams.has('controls')).toBe(false);

  // A slider the reader drags changes the scene, and the link follows it.
  const slider = frame.getByRole('slider', { name: 'Learning rate η' }).first();
  await slider.focus();
  await slider.press('ArrowLeft');
  const lr = (await getState(page)).runs[0].params.lr;
  expect(lr).toBeLessThan(0.45);
  await link.focus();
  expect(new URL((await link.getAttribute('href')) ?? '').search).toContain('runs=');

  const [resize] = await received(page, 'descent:resize');
  expect(resize.height).toBeGreaterThan(0);

  // It stored nothing (where the browser lets a frame of another site have storage at all), and
  // never navigated the host page: the link opens a tab.
  const empty = await frame.evaluate(() => {
    const isEmpty = (read: () => boolean) => {
      try {
        return read();
      } catch {
        return true; // Denied to this frame altogether.
      }
    };
    return [isEmpty(() => localStorage.length === 0), isEmpty(() => sessionStorage.length === 0), isEmpty(() => document.cookie === '')];
  });
  expect(empty).toEqual([true, true, true]);
  const popup = page.waitForEvent('popup');
  await link.click();
  const tab = await popup;
  expect(new URL(tab.url()).searchParams.has('embed')).toBe(false);
  await tab.close();
  expect(page.url()).toBe(hostUrl);
  await expectNoErrors(errors);
});

test('the host drives the embed by postMessage: play, pause, reset, seek, setParams, getState', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  await openHost(page, new URL(baseURL ?? '').origin);

  const first = await getState(page);
  expect(first).toMatchObject({ surface: 'ravine', step: 0, lastStep: 200, playing: false });
  expect(first.runs).toHaveLength(6);
  expect(first.runs[0]).toMatchObject({ optimizer: 'sgd', visible: true, step: 0, status: 'ok' });
  // Only what the optimizer reads: SGD has a learning rate and torch's weight decay, nothing else.
  expect(Object.keys(first.runs[0].params)).toEqual(['lr', 'weightDecay']);
  expect(Object.keys(first.runs[1].params).sort()).toEqual(['dampening', 'lr', 'rho', 'weightDecay']);
  expect(Number.isFinite(first.runs[0].loss)).toBe(true);

  await send(page, { type: 'descent:play' });
  await expect.poll(async () => (await received(page, 'descent:step')).length).toBeGreaterThan(0);
  expect((await getState(page)).playing).toBe(true);
  await send(page, { type: 'descent:pause' });
  await expect.poll(async () => (await getState(page)).playing).toBe(false);
  const paused = await getState(page);
  expect(paused.step).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect((await getState(page)).step).toBe(paused.step);

  await send(page, { type: 'descent:seek', step: 50 });
  await expect.poll(async () => (await getState(page)).step).toBe(50);
  const at50 = await getState(page);
  expect(at50.runs[0].step).toBe(50);

  // One run, then every run that reads the value.
  await send(page, { type: 'descent:setParams', runIndex: 0, params: { lr: 0.1 } });
  await expect.poll(async () => (await getState(page)).runs[0].params.lr).toBe(0.1);
  expect((await getState(page)).runs[1].params.lr).toBe(first.runs[1].params.lr);
  await send(page, { type: 'descent:setParams', params: { lr: 0.02, rho: 0.5 } });
  await expect.poll(async () => (await getState(page)).runs.map((r) => r.params.lr)).toEqual([0.02, 0.02, 0.02, 0.02, 0.02, 0.02]);
  const after = await getState(page);
  expect(after.runs[1].params.rho).toBe(0.5);
  expect(after.runs[0].params).toEqual({ lr: 0.02, weightDecay: 0 });

  await send(page, { type: 'descent:reset' });
  await expect.poll(async () => (await getState(page)).step).toBe(0);

  // Played to the end: a last step message, then finished; steps arrive throttled, not per frame.
  const stepsBefore = (await received(page, 'descent:step')).length;
  await send(page, { type: 'descent:play' });
  await expect.poll(async () => (await received(page, 'descent:finished')).length, { timeout: 20_000 }).toBe(1);
  const steps = (await received(page, 'descent:step')).slice(stepsBefore);
  expect(steps.at(-1)?.step).toBe(200);
  expect(steps.length).toBeLessThan(60);
  const end = await getState(page);
  expect(end).toMatchObject({ step: 200, playing: false });
  await expectNoErrors(errors);
});

test('malformed and unknown messages are ignored: no error, no change, no notice', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const frame = await openHost(page, new URL(baseURL ?? '').origin);
  await send(page, { type: 'descent:seek', step: 30 });
  await expect.poll(async () => (await getState(page)).step).toBe(30);
  const before = await getState(page);

  const junk: unknown[] = [
    null,
    'descent:play',
    123,
    [],
    [{ type: 'descent:play' }],
    {},
    { type: 123 },
    { type: 'descent:Play' },
    { type: 'descent:unknown' },
    { type: 'descent:play', extra: true },
    { type: 'descent:seek', step: -5 },
    { type: 'descent:seek', step: '5' },
    { type: 'descent:seek' },
    { type: 'descent:setParams', params: { lr: -1 } },
    { type: 'descent:setParams', params: { lr: 0 } },
    { type: 'descent:setParams', params: { lr: Number.NaN } },
    { type: 'descent:setParams', params: { lr: Number.POSITIVE_INFINITY } },
    { type: 'descent:setParams', params: { lr: '0.1' } },
    { type: 'descent:setParams', params: { rho: 1 } },
    { type: 'descent:setParams', params: { lr: 0.1, bogus: 1 } },
    { type: 'descent:setParams', params: { __proto__: { lr: 0.1 } } },
    { type: 'descent:setParams', params: {} },
    { type: 'descent:setParams', params: null },
    { type: 'descent:setParams', params: [0.1] },
    { type: 'descent:setParams', runIndex: 99, params: { lr: 0.1 } },
    { type: 'descent:setParams', runIndex: -1, params: { lr: 0.1 } },
    { type: 'descent:setParams', runIndex: 0.5, params: { lr: 0.1 } },
    { type: 'descent:setParams', runIndex: '0', params: { lr: 0.1 } },
    { type: 'descent:getState', requestId: { nested: true } },
    { type: 'descent:state', state: {} },
    { type: 'descent:ready' },
  ];
  const repliesBefore = (await received(page, 'descent:state')).length;
  for (const message of junk) await send(page, message);
  // A well-formed request after the junk: everything before it has been handled by then.
  const after = await getState(page);
  expect(after).toEqual(before);
  // The only reply is the one to the real request (the bad requestId got none).
  expect((await received(page, 'descent:state')).length).toBe(repliesBefore + 1);
  await expect(frame.locator('.notice')).toHaveCount(0);
  await expectNoErrors(errors);
});
