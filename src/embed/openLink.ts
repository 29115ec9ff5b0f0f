// The "Open in Descent" link of an embed: the same page and scene, without the embed flags.

/** URL parameters that only make sense inside a frame. */
const EMBED_ONLY = ['embed', 'controls'];

function strip(params: URLSearchParams): boolean {
  let changed = false;
  for (const name of EMBED_ONLY) {
    if (params.has(name)) {
      params.delete(name);
      changed = true;
    }
  }
  return changed;
}

/**
 * The full app's address for the scene an embed shows: `href` minus `embed` and `controls`,
 * whether the scene lives in the query or in a `#key=value&…` fragment. Anything unreadable
 * comes back unchanged rather than throwing inside a click handler.
 */
export function fullAppUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const query = new URLSearchParams(url.search);
  if (strip(query)) url.search = query.toString();
  const hash = url.hash.slice(1);
  if (hash.includes('=')) {
    const fragment = new URLSearchParams(hash);
    if (strip(fragment)) url.hash = fragment.toString();
  }
  return url.toString();
}
