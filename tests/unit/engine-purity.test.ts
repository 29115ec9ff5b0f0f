import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS } from '../../src/engine';

const root = resolve(__dirname, '../..');
const engineDir = join(root, 'src/engine');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the engine knows nothing of its views', () => {
  it('imports only its own files (no React, three, DOM or Node built-ins); mathjs only for typed formulas', () => {
    for (const file of sources(engineDir)) {
      const text = readFileSync(file, 'utf8');
      const formula = file.includes(`${join('engine', 'formula')}`);
      for (const m of text.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)) {
        expect(m[1].startsWith('.') || (formula && m[1] === 'mathjs'), `${file} imports ${m[1]}`).toBe(true);
      }
      expect(/\b(window|document|navigator|requestAnimationFrame|HTMLElement)\b/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')), file).toBe(false);
    }
  });

  it('runs in plain Node, with no DOM at all', () => {
    const script = `
      import('${join(engineDir, 'index.ts').replace(/\\/g, '/')}').then((e) => {
        if (typeof globalThis.window !== 'undefined' || typeof globalThis.document !== 'undefined') throw new Error('DOM present');
        const t = e.simulateRun({ surface: e.getSurface('rosenbrock'), optimizer: 'adam', steps: 100 });
        process.stdout.write(JSON.stringify({ status: t.status, steps: t.steps, surfaces: e.SURFACES.length, optimizers: e.OPTIMIZERS.length }));
      });`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ status: 'ok', steps: 100, surfaces: expect.any(Number), optimizers: OPTIMIZER_IDS.length });
  });
});
