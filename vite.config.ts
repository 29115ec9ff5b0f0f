import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Built files the service worker fetches at install: the app itself, not every font format. */
function precached(file: string): boolean {
  if (file === 'sw.js') return false;
  // Browsers that run the worker take woff2; the Korean font's 248 unicode-range subsets are
  // cached as pages ask for them instead of all 2 MB up front.
  if (/\.(woff|ttf|eot)$/.test(file) || /noto-sans-kr/.test(file)) return false;
  return /\.(html|js|css|svg|png|ico|json|webmanifest|woff2)$/.test(file);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/**
 * Writes the list of built files and a version (a hash of their contents) into dist/sw.js,
 * copied there from public/. Paths stay relative, so the worker works from any base path; the
 * version changes with any file, so browsers see a new worker after every deploy.
 */
function precachePlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'descent:precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const sw = join(outDir, 'sw.js');
      let source: string;
      try {
        source = readFileSync(sw, 'utf8');
      } catch {
        return; // A failed build, or a build without the public folder: nothing to fill in.
      }
      const files = listFiles(outDir)
        .map((path) => relative(outDir, path).split(sep).join('/'))
        .filter(precached)
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const build = { version: hash.digest('hex').slice(0, 16), files };
      const filled = source.replace(/\/\*__DESCENT_BUILD__\*\/[\s\S]*?\/\*__DESCENT_BUILD_END__\*\//, `/*__DESCENT_BUILD__*/ ${JSON.stringify(build)} /*__DESCENT_BUILD_END__*/`);
      if (filled === source) throw new Error('descent:precache: the build placeholder is missing from public/sw.js');
      writeFileSync(sw, filled);
    },
  };
}

/**
 * The built page's Content-Security-Policy (issue 15): scripts, styles, fonts and workers from
 * this site only, no eval, no inline script; data: images for the inline SVG icons in the CSS,
 * blob: for exports. The same as public/_headers's, less frame-ancestors, which a meta tag cannot
 * carry. Build only: the dev server's hot reload injects an inline script.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "media-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'descent:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// base './' so that dist/ works from any sub-folder of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), precachePlugin(), contentSecurityPolicyPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // The engine has no import-time side effects (it runs in Node, browsers and workers alike):
      // a module of it that only a lazy chunk uses (the export formats, which its index re-exports)
      // then stays out of the first download.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false }] },
    },
    // Fonts stay files: a strict Content-Security-Policy allows fonts from 'self' only, and
    // Vite would inline KaTeX's smallest woff2 as a data: URL (under the 4 KB default).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/.test(file) ? false : undefined),
  },
  // The map workers load the formula compiler only for a typed surface: a dynamic import, which
  // needs module workers (the default, iife, cannot split).
  worker: {
    format: 'es',
  },
  preview: {
    // No CORS headers, as on most static hosts: the default embed (allow-same-origin) must work
    // without them. Tests that need the header for the strict embed add it themselves.
    cors: false,
  },
});
