// The URL table (src/state/url/schema.ts) drives both directions: each row below is read into its
// place in the scene and written back from it, with nothing but the row to say how. Adding a row
// to the table means adding its example here; the first test fails until it has one.
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../src/engine/formula';
import { CUSTOM_ID, defaultScene, type SceneData } from '../../src/state/store';
import { readUrl, urlCodec, writeUrl, type LinkedScene, type ReadResult } from '../../src/state/url/codec';
import { at } from '../../src/state/url/places';
import { URL_SCHEMA } from '../../src/state/url/schema';
import { row } from '../../src/state/url/urlRow';
import { flag } from '../../src/state/url/valueCodecs';

/**
 * One link per row, as writeUrl writes it: a value that differs from the row's default, with the
 * rows it needs beside it (a domain is only read with a formula).
 */
const EXAMPLES: Readonly<Record<string, string>> = {
  lesson: '?lesson=saddle-escape',
  surface: '?surface=rosenbrock',
  expr: '?expr=x%5E2%2By%5E2',
  domain: '?expr=x*y&domain=-1,1,-2,2',
  start: '?start=0.5,-1',
  steps: '?steps=123',
  runs: '?runs=sgd:lr=0.0123;hidden,adam:nobc;sched=step;every=50;gamma=0.5;color=123456',
  speed: '?speed=7',
  step: '?step=42.5',
  view: '?view=2d',
  cam: '?cam=1,2,3,0,0,0.5',
  seed: '?seed=7',
  sigma: '?sigma=0.5',
  penalty: '?penalty=l1',
  lambda: '?lambda=0.1',
  lang: '?lang=ko',
  theme: '?theme=light',
  present: '?present=1',
  embed: '?embed=1',
  controls: '?controls=lr,rho',
  log: '?log=0',
  vectors: '?vectors=gradient,step',
  overlays: '?overlays=curvature,effLr',
  curvatureAt: '?curvatureAt=start',
  map: '?map=hyper;run=2;x=lr:0.001:1;y=rho;cells=64;samples=16',
  batch: '?batch=10',
  dropLast: '?batch=10&dropLast=1',
};

const EN = { preferredLang: 'en' } as const;
const PLACEHOLDER = compileFormula('x').surface;

/** The scene a read link restores, as the app holds it (urlSync compiles the formula). */
function restored(read: ReadResult): LinkedScene {
  const scene: SceneData = { ...defaultScene(), lang: 'en', ...read.scene };
  if (read.expr) return { ...scene, surfaceId: CUSTOM_ID, custom: { ...read.expr, surface: PLACEHOLDER } };
  return { ...scene, custom: null };
}

/** Run ids are handed out afresh on every read; a link never carries them. */
function withoutIds(scene: Partial<SceneData>): Record<string, unknown> {
  return { ...scene, runs: scene.runs?.map(({ id: _id, ...rest }) => rest) };
}

describe('the URL table', () => {
  it('has an example for every row, and each example names its row', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(URL_SCHEMA.map((r) => r.name).sort());
    for (const r of URL_SCHEMA) expect(EXAMPLES[r.name]).toMatch(new RegExp(`[?&]${r.name}=`));
  });

  it.each(URL_SCHEMA.map((r) => [r.name, r] as const))('reads %s into its place and writes it back from there', (name, r) => {
    const link = EXAMPLES[name];
    const read = readUrl(link, EN);
    expect(read.ignored).toEqual([]);
    expect(writeUrl(restored(read), read.step ?? 0, EN)).toBe(link);

    // A row the other defaults depend on changes more than its own place (a lesson is a whole scene).
    if (r.decidesDefaults) return;
    const plain = withoutIds(readUrl('', EN).scene);
    const changed = withoutIds(read.scene);
    const moved = Object.keys(changed).filter((k) => JSON.stringify(changed[k]) !== JSON.stringify(plain[k]));
    const keys: readonly string[] = r.place.keys;
    for (const k of moved) expect(keys, `${name} changed ${k}`).toContain(k);
    if (keys.includes('step')) expect(read.step).toBeGreaterThan(0);
    else expect(moved.length, `${name} changed nothing`).toBeGreaterThan(0);
  });

  it('reads and writes a property once it is one row more, and not at all without its row', () => {
    const help = row({ name: 'help', doc: 'The help sheet is open.', place: at('helpOpen'), codec: flag() });
    const withHelp = urlCodec([...URL_SCHEMA, help]);
    const read = withHelp.readUrl('?theme=light&help=1', EN);
    expect(read.ignored).toEqual([]);
    expect(read.scene.helpOpen).toBe(true);
    expect(withHelp.writeUrl({ ...defaultScene(), lang: 'en', helpOpen: true }, 0, EN)).toBe('?help=1');
    expect(readUrl('?help=1', EN).ignored.map((i) => [i.name, i.reason])).toEqual([['help', 'unknown']]);

    const withoutTheme = urlCodec(URL_SCHEMA.filter((r) => r.name !== 'theme'));
    expect(withoutTheme.readUrl('?theme=light', EN).ignored.map((i) => [i.name, i.reason])).toEqual([['theme', 'unknown']]);
    expect(withoutTheme.writeUrl({ ...defaultScene(), lang: 'en', theme: 'light' }, 0, EN)).toBe('');
  });
});
