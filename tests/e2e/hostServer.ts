import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A blog on another site: its own little HTTP server, reached as http://localhost:<port>, while
// Descent is served by `vite preview` at http://127.0.0.1:<E2E_PORT>. Two sites, as on the web.
// A real server rather than page.route: Chromium blocks a page that a route made up from
// framing a loopback address (local network access checks), as it would block a public site.

export interface HostServer {
  /** http://localhost:<port> */
  readonly origin: string;
  /** Serves `html` at `path` (replacing what was there). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // The browser asks every site for its icon: an empty answer, not a 404 in the console.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const html = pages.get(path);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
