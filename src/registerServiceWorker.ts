// Offline after the first visit (public/sw.js). Registered only where it can help and cannot
// hurt: a production build, over http(s), as a top-level page. An embed stores nothing (a strict
// one has an opaque origin with no storage at all), and any embed would make a blog's readers
// download the whole app.
import { isFramed } from './embed/framed';

function inScope(entries: readonly PerformanceEntry[], scope: string): string[] {
  return entries.map((e) => e.name).filter((url) => url.startsWith(scope) && !url.endsWith('/sw.js'));
}

/**
 * Hands the worker what this page loads from its own folder, for the next, offline, visit: what
 * it loaded before the worker existed, and what finishes loading later (a font subset requested
 * before the worker took control arrives after it). The worker skips what it already has.
 */
function handOver(registration: ServiceWorkerRegistration): void {
  const send = (urls: string[]) => {
    if (urls.length) registration.active?.postMessage({ type: 'descent:cache', urls });
  };
  try {
    send(inScope(performance.getEntriesByType('resource'), registration.scope));
    new PerformanceObserver((list) => send(inScope(list.getEntries(), registration.scope))).observe({ type: 'resource' });
  } catch {
    // No Resource Timing: the worker still has the precached app.
  }
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!('serviceWorker' in navigator)) return;
    if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
    if (window.origin === 'null' || isFramed()) return;
  } catch {
    return;
  }
  const register = () => {
    // Relative to the page, so the worker's scope is the folder the app is served from.
    navigator.serviceWorker
      .register('./sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(handOver)
      .catch(() => {
        // Refused (private mode, a CSP, an insecure origin other than localhost): the app works online.
      });
  };
  // After load: the first visit's own downloads come first.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
