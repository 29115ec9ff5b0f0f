import { expect, test, type Frame, type Page } from '@playwright/test';
import { iframeSnippet, type EmbedSandbox } from '../../src/embed/embedCode';
import { canvasPixels, expectNoErrors, openApp, watchErrors } from './helpers';
import { startHostServer, type HostServer } from './hostServer';
import './window';

// The blogger's flow: the embed code pasted into a page on another site, with Descent served by
// `vite preview`, which (like most static hosts) sends no Access-Control-Allow-Origin header.

let host: HostServer;
test.beforeAll(async () => {
  host = await startHostServer();
});
test.afterAll(async () => {
  await host.close();
});

const appOrigin = (baseURL: string | undefined) => new URL(baseURL ?? '').origin;

function blogPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<style>body { margin: 0; font-family: sans-serif; background: #fff; } article { width: 640px; margin: 0 auto; }</style>
</head><body><article><h1>Optimizers, a post</h1>${body}<p style="height: 2400px">The rest of the post.</p></article></body></html>`;
}

function snippet(origin: string, sandbox: EmbedSandbox, query = 'embed=1&controls=lr'): string {
  return iframeSnippet({ src: `${origin}/?${query}`, title: 'Descent', width: '100%', height: '420', sandbox });
}

async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1')), { timeout: 30_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (!frame) throw new Error('no embedded frame');
  return frame;
}

async function frameReady(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
}

/** Records, in every frame, whether the boot guard's message ever appeared (a flash counts too). */
async function watchBootMessage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { shown: false };
    Object.assign(window, { __bootSeen: seen });
    new MutationObserver(() => {
      if (document.querySelector('[data-descent-boot]')) seen.shown = true;
    }).observe(document, { childList: true, subtree: true });
  });
}

test('the default snippet on another site renders the app, though the server sends no CORS header', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  await watchBootMessage(page);
  const origin = appOrigin(baseURL);
  const corsHeaders: (string | undefined)[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(origin)) corsHeaders.push(r.headers()['access-control-allow-origin']);
  });
  await page.goto(host.page('/default.html', blogPage(snippet(origin, 'default'))));
  const frame = await embedFrame(page);
  await frameReady(frame);

  expect(new URL(page.url()).origin).not.toBe(origin);
  expect(corsHeaders.length).toBeGreaterThan(0);
  expect(corsHeaders.every((h) => h === undefined)).toBe(true);
  // The scene is drawn: many colours over most of the canvas.
  const pixels = await canvasPixels(frame);
  expect(pixels.colours).toBeGreaterThan(50);
  expect(pixels.painted).toBeGreaterThan(0.2);
  // The boot guard stood down without showing anything.
  expect(await frame.evaluate(() => document.documentElement.hasAttribute('data-started'))).toBe(true);
  expect(await frame.evaluate(() => (window as unknown as { __bootSeen: { shown: boolean } }).__bootSeen.shown)).toBe(false);
  await expectNoErrors(errors);
});

test('the strict snippet says why it cannot start without the header, and runs with it', async ({ page, baseURL }) => {
  const origin = appOrigin(baseURL);
  const url = host.page('/strict.html', blogPage(snippet(origin, 'strict', 'embed=1&controls=lr&surface=saddle')));
  await page.goto(url);
  const frame = await embedFrame(page);
  const message = frame.locator('[data-descent-boot]');
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(message.getByRole('heading', { name: 'Descent could not start' })).toBeVisible();
  await expect(message).toContainText('allow-same-origin');
  await expect(message).toContainText('Access-Control-Allow-Origin: *');
  const open = message.getByRole('link', { name: 'Open this scene in a new tab' });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = new URL((await open.getAttribute('href')) ?? '');
  expect(href.origin).toBe(origin);
  expect(href.searchParams.get('surface')).toBe('saddle');
  expect(href.searchParams.has('embed')).toBe(false);
  // Readable: the text is not clipped or hidden, and fills a reasonable part of the frame.
  const box = await message.locator('p').first().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(20);

  // The same in Korean, picked from ?lang=.
  await page.goto(host.page('/strict-ko.html', blogPage(snippet(origin, 'strict', 'embed=1&lang=ko'))));
  const korean = (await embedFrame(page)).locator('[data-descent-boot]');
  await expect(korean).toBeVisible({ timeout: 30_000 });
  await expect(korean).toHaveAttribute('lang', 'ko');
  await expect(korean.getByRole('heading')).toHaveText('Descent를 시작하지 못했습니다');
  await expect(korean.getByRole('link')).toHaveText('이 장면을 새 탭에서 열기');

  // A server that sends Access-Control-Allow-Origin: * runs the strict embed.
  await page.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  const errors = watchErrors(page);
  await page.goto(url);
  const strict = await embedFrame(page);
  await frameReady(strict);
  expect(await strict.evaluate(() => window.origin)).toBe('null');
  await expect(strict.locator('[data-descent-boot]')).toHaveCount(0);
  await expect(strict.getByRole('button', { name: 'Play' })).toBeVisible();
  await expectNoErrors(errors);
});

test('sandbox="allow-scripts" alone (no same origin, no popups): the embed runs, plays and answers its host', async ({ page, baseURL }) => {
  const origin = appOrigin(baseURL);
  // Scripts only, the tightest sandbox that can run an app: its files are fetched from an opaque
  // origin, which a server allows with Access-Control-Allow-Origin: *.
  await page.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  const errors = watchErrors(page);
  const frameHtml = `<iframe src="${origin}/?embed=1&amp;controls=lr&amp;surface=saddle" title="Descent" width="100%" height="420" sandbox="allow-scripts"></iframe>
<script>
  window.replies = [];
  window.addEventListener('message', (e) => window.replies.push(e.data));
</script>`;
  await page.goto(host.page('/scripts-only.html', blogPage(frameHtml)));
  const frame = await embedFrame(page);
  await frameReady(frame);
  expect(await frame.evaluate(() => window.origin)).toBe('null');
  await expect(frame.locator('[data-descent-boot]')).toHaveCount(0);
  // Drawn, played from its own button, and driven by its host.
  const pixels = await canvasPixels(frame);
  expect(pixels.colours).toBeGreaterThan(50);
  await frame.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => frame.evaluate(() => window.__descent.playhead.step)).toBeGreaterThan(0);
  await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage({ type: 'descent:getState', requestId: 'scripts-only' }, '*'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { replies: { type: string; requestId?: string; state?: { surface: string } }[] }).replies.find((r) => r.requestId === 'scripts-only')?.state?.surface))
    .toBe('saddle');
  // Its way out names the full app's address, to open or copy (a host that forbids popups keeps
  // the click from opening a tab; the address is still the link's).
  const open = frame.getByRole('link', { name: /Open in Descent/ });
  expect(new URL((await open.getAttribute('href')) ?? '').searchParams.has('embed')).toBe(false);
  await expectNoErrors(errors);
});

test('outside a frame, an app that cannot load shows the same kind of message, not a blank page', async ({ page }) => {
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/?surface=bowl');
  const message = page.locator('[data-descent-boot]');
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message.getByRole('heading', { name: 'Descent could not start' })).toBeVisible();
  await expect(message).toContainText('could not load Descent’s program');
  // Not framed: no advice about sandboxes, and the way out is a reload of the same address.
  await expect(message).not.toContainText('allow-same-origin');
  const reload = message.getByRole('link', { name: 'Reload' });
  expect(new URL((await reload.getAttribute('href')) ?? '').search).toBe('?surface=bowl');
});

test('the script embed makes the frames, and each one’s height follows its own resize messages', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const origin = appOrigin(baseURL);
  // Two placeholders, one of each kind, and the script included twice (two snippets pasted).
  const body = `
    <div id="first" data-descent="${origin}/?embed=1&controls=lr,rho" data-title="First scene" data-height="200"></div>
    <script src="${origin}/embed.js" async></script>
    <descent-embed id="second" src="${origin}/?embed=1&surface=bowl" title="Second scene" height="480"></descent-embed>
    <script src="${origin}/embed.js" async></script>`;
  await page.goto(host.page('/script.html', blogPage(body)));
  const first = page.locator('#first iframe');
  const second = page.locator('#second iframe');
  await expect(page.locator('iframe')).toHaveCount(2);
  for (const [frame, title, height] of [
    [first, 'First scene', '200'],
    [second, 'Second scene', '480'],
  ] as const) {
    await expect(frame).toHaveAttribute('title', title);
    await expect(frame).toHaveAttribute('height', height);
    await expect(frame).toHaveAttribute('width', '100%');
    await expect(frame).toHaveAttribute('loading', 'lazy');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    await expect(frame).toHaveAttribute('allow', 'fullscreen');
  }
  // The frames load lazily: each navigates once the browser decides it is near the view.
  const embedFrames = () => page.frames().filter((f) => f.url().includes('embed=1'));
  await expect.poll(() => embedFrames().length).toBe(2);
  const frames = embedFrames();
  await Promise.all(frames.map(frameReady));

  const cssHeight = (frame: typeof first) => frame.evaluate((el) => el.getBoundingClientRect().height);
  // 200 px is too little for the scene and two sliders per run: the frame asks for more and gets it.
  await expect.poll(() => cssHeight(first)).toBeGreaterThan(250);
  await expect.poll(() => cssHeight(second)).toBe(480);
  // It settles at the height the frame reports for itself (its content's, measured inside it).
  const firstFrame = page.frames().find((f) => f.url().includes('controls=lr,rho'));
  const contentHeight = async () => (await firstFrame?.evaluate(() => Math.ceil(Math.max(document.documentElement.scrollHeight, document.getElementById('root')?.scrollHeight ?? 0)))) ?? 0;
  await expect.poll(async () => Math.round(await cssHeight(first)) === (await contentHeight())).toBe(true);
  // All of its sliders show: none is left scrolled out of sight in their box.
  const hiddenSliders = async () => (await firstFrame?.evaluate(() => [...document.querySelectorAll('[data-embed-fit]')].reduce((sum, box) => sum + box.scrollHeight - box.clientHeight, 0))) ?? -1;
  await expect.poll(hiddenSliders).toBeLessThanOrEqual(1);

  // A message resizes the frame that sent it, and no other; one from the page itself resizes none.
  // The first frame keeps reporting its own height (its content may settle by a pixel as it
  // plays), so "no other" means: it still follows its own content, never the 700 or 900 sent.
  const secondFrame = page.frames().find((f) => f.url().includes('surface=bowl'));
  const followsItself = async () => Math.round(await cssHeight(first)) === (await contentHeight());
  await secondFrame?.evaluate(() => parent.postMessage({ type: 'descent:resize', height: 700 }, '*'));
  await expect.poll(() => cssHeight(second)).toBe(700);
  await expect.poll(followsItself).toBe(true);
  expect(await cssHeight(first)).toBeLessThan(600);
  await page.evaluate(() => window.postMessage({ type: 'descent:resize', height: 900 }, '*'));
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
  expect(await cssHeight(second)).toBe(700);
  await expect.poll(followsItself).toBe(true);
  expect(await cssHeight(first)).toBeLessThan(600);
  await expectNoErrors(errors);
});

test('a wheel over the embed scrolls the blog; Ctrl + wheel, or a wheel after a click, zooms the scene', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  const errors = watchErrors(page);
  const origin = appOrigin(baseURL);
  await page.goto(host.page('/wheel.html', blogPage(snippet(origin, 'default'))));
  const frame = await embedFrame(page);
  await frameReady(frame);
  const iframe = page.locator('iframe');
  const box = await iframe.boundingBox();
  if (!box) throw new Error('no frame box');
  const overScene = { x: box.x + box.width / 2, y: box.y + 120 };
  const scrollY = () => page.evaluate(() => window.scrollY);
  const distance = () =>
    frame.evaluate(() => {
      const camera = window.__descent.store.getState().camera;
      if (!camera) return null;
      const [px, py, pz] = camera.position;
      const [tx, ty, tz] = camera.target;
      return Math.hypot(px - tx, py - ty, pz - tz);
    });

  // A plain wheel: the blog scrolls, the camera stays, and the hint shows.
  await page.mouse.move(overScene.x, overScene.y);
  await page.mouse.wheel(0, 240);
  await expect.poll(scrollY).toBeGreaterThan(100);
  expect(await distance()).toBeNull();
  const hint = frame.locator('.wheel-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText('Ctrl + scroll to zoom');
  // Brief: it goes by itself.
  await expect(hint).toBeHidden();

  // Ctrl + wheel zooms the scene and leaves the blog where it is.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(scrollY).toBe(0);
  await page.mouse.move(overScene.x, overScene.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -240);
  await page.keyboard.up('Control');
  await expect.poll(distance).not.toBeNull();
  const zoomed = (await distance()) ?? 0;
  expect(await scrollY()).toBe(0);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -240);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await distance()) ?? 0).toBeLessThan(zoomed);

  // After a click into the scene a plain wheel zooms too, until the reader goes elsewhere.
  const before = (await distance()) ?? 0;
  await page.mouse.click(overScene.x, overScene.y);
  await page.mouse.wheel(0, 240);
  await expect.poll(async () => (await distance()) ?? 0).toBeGreaterThan(before);
  expect(await scrollY()).toBe(0);
  const after = await distance();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height + 60);
  await page.mouse.move(overScene.x, overScene.y);
  await page.mouse.wheel(0, 240);
  await expect.poll(scrollY).toBeGreaterThan(100);
  expect(await distance()).toBe(after);
  await expectNoErrors(errors);
});

test('the preview in the Embed dialog is built from exactly the snippet it shows', async ({ page }) => {
  // Three previews, each a whole app drawn in software WebGL beside the page's own.
  test.slow();
  const errors = watchErrors(page);
  await openApp(page, '?surface=saddle');
  const embed = page.getByRole('button', { name: 'Embed', exact: true });
  await expect(embed).toBeVisible();
  await embed.click();
  const dialog = page.getByRole('dialog', { name: 'Embed Descent' });
  const code = dialog.getByRole('textbox', { name: 'Code to paste into your page' });

  /** The attributes of the element the snippet starts with, and of the one the preview holds. */
  const compare = async (selector: string) =>
    page.evaluate(
      ({ text, selector }) => {
        const list = (el: Element | null) => (el ? el.getAttributeNames().map((name) => [name, el.getAttribute(name)]) : null);
        const pasted = new DOMParser().parseFromString(text, 'text/html').body.firstElementChild;
        return { snippet: list(pasted), preview: list(document.querySelector(selector)) };
      },
      { text: await code.inputValue(), selector },
    );
  const expectSame = async (selector: string) => {
    await expect.poll(async () => {
      const { snippet: s, preview } = await compare(selector);
      return JSON.stringify(preview) === JSON.stringify(s) && s !== null;
    }).toBe(true);
  };

  await expectSame('.embed-preview iframe');
  expect((await compare('.embed-preview iframe')).snippet).toContainEqual(['sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox']);

  // The strict variant: its preview changes with it (and, on this server, explains itself).
  await dialog.getByRole('checkbox', { name: /Strict sandbox/ }).check();
  await expect(code).toHaveValue(/sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"/);
  await expectSame('.embed-preview iframe');
  await dialog.getByRole('checkbox', { name: /Strict sandbox/ }).uncheck();

  // The script embed: the placeholder as pasted, made into the default iframe by the real embed.js.
  await dialog.getByRole('radio', { name: 'A script that sizes the frame' }).check();
  await expect(code).toHaveValue(/^<div data-descent="[^"]*\?surface=saddle&lang=en&embed=1&controls=lr" data-title="[^"]+" data-height="520"><\/div><script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  await expectSame('.embed-preview div[data-descent]');
  const made = dialog.locator('.embed-preview div[data-descent] iframe');
  await expect(made).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  await expect(made).toHaveAttribute('src', /\?surface=saddle&lang=en&embed=1&controls=lr$/);
  await expectNoErrors(errors.filter((e) => !/Access-Control-Allow-Origin|ERR_FAILED/.test(e)));
});
