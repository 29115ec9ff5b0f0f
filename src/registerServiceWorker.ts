// Offline after the first visit (public/sw.js). Registered only where it can help and cannot
// hurt: a production build, over http(s), as a top-level page. A sandboxed embed has an opaque
// origin with no storage, and any embed would make a blog's readers download the whole app.
import { isFramed } from './embed/messages';

/** What this page loaded from its own folder: the worker keeps it for the next, offline, visit. */
function loadedHere(scope: string): string[] {
  try {
    return performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => url.startsWith(scope));
  } catch {
    return [];
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
      .then((registration) => {
        registration.active?.postMessage({ type: 'descent:cache', urls: loadedHere(registration.scope) });
      })
      .catch(() => {
        // Refused (private mode, a CSP, an insecure origin other than localhost): the app works online.
      });
  };
  // After load: the first visit's own downloads come first.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
