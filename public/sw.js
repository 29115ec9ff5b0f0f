/* Descent's service worker: the app keeps working offline after the first visit.
 *
 * Every path is relative to the worker's own scope (the folder it is served from), so a build
 * works from any base path. The build (vite.config.ts, precachePlugin) writes the list of files
 * into BUILD below; a new build changes this file, which is how browsers notice an update.
 *
 * Strategy: the built app (HTML, JS, CSS, Latin and math fonts) is cached at install; every
 * request inside the scope is answered from the cache first and from the network otherwise, and
 * what the network returns is kept (the Korean font's subsets arrive this way, as pages need
 * them, and what the first visit loaded before the worker took over is sent over by the page).
 * A navigation to the app with any query string (a shared link, an embed) gets the cached
 * index.html. A new version waits until no tab runs the old one; activating it deletes the old
 * caches.
 */
const BUILD = /*__DESCENT_BUILD__*/ { version: 'dev', files: [] } /*__DESCENT_BUILD_END__*/;

const PREFIX = 'descent-';
const CACHE = PREFIX + BUILD.version;
const SCOPE = self.registration.scope;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(BUILD.files.map((f) => new URL(f, SCOPE).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The app's one page: the scope itself or its index.html, whatever the query or fragment. */
function isAppPage(url) {
  const path = url.origin + url.pathname;
  return path === SCOPE || path === INDEX;
}

async function respond(request) {
  const url = new URL(request.url);
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' && isAppPage(url) ? INDEX : request;
  const cached = await cache.match(key, { ignoreSearch: key === INDEX });
  if (cached) return cached;
  const response = await fetch(request);
  // Only whole, ordinary same-origin answers are worth keeping (no errors, no partial ranges).
  if (response.ok && response.status === 200 && response.type === 'basic') {
    cache.put(key, response.clone()).catch(() => {});
  }
  return response;
}

// The first visit's page was not yet controlled by this worker: it sends the addresses of what it
// loaded (the Korean font's subsets among them), and they are kept for the next, offline, visit.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'descent:cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith(SCOPE)).slice(0, 1000);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const url of urls) {
        if (await cache.match(url)) continue;
        try {
          const response = await fetch(url);
          if (response.ok && response.status === 200 && response.type === 'basic') await cache.put(url, response);
        } catch {
          // Offline already, or gone since: the next visit asks again.
        }
      }
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(respond(request));
});
