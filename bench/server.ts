// The built app served locally and a headless Chromium to open it: shared by the benchmark
// (bench/browser.ts) and the soak run (bench/soak.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const root = resolve(import.meta.dirname, '..');
// BENCH_DIST measures another build (an older one, to compare on the same machine and load).
export const dist = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
// BENCH_PORT lets two checkouts measure side by side.
export const PORT = Number(process.env.BENCH_PORT ?? 4319);
export const origin = `http://127.0.0.1:${PORT}`;

export async function startServer(): Promise<ChildProcess> {
  // Another server on the port would answer for ours, and the figures would be of its build.
  const taken = await fetch(`${origin}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is in use: stop that server or set BENCH_PORT`);
  const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', dist, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${origin}/`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** Debian's Chromium with software WebGL (../shared/notes/toolchain.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic'],
  });
}
