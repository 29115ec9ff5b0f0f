import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMBED_ALLOW,
  EMBED_DEFAULT_HEIGHT,
  EMBED_LOADING,
  EMBED_SANDBOX,
  EMBED_SCRIPT_DEFAULT_TITLE,
  embedScriptUrl,
  frameAttributes,
  iframeSnippet,
  scriptSnippet,
} from '../../src/embed/embedCode';
import { boot } from '../../src/i18n/messages/boot';

const root = resolve(__dirname, '../..');
const publicFile = (name: string) => readFileSync(resolve(root, 'public', name), 'utf8');

describe('the embed code an author pastes', () => {
  const src = 'https://x.org/descent/?runs=sgd&embed=1&controls=lr,rho';

  it('is an iframe whose default sandbox keeps Descent’s own origin', () => {
    expect(iframeSnippet({ src, title: 'Adam & "friends" <3', width: '100%', height: '520' })).toBe(
      '<iframe src="https://x.org/descent/?runs=sgd&embed=1&controls=lr,rho" title="Adam &amp; &quot;friends&quot; &lt;3" width="100%" height="520" style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="fullscreen"></iframe>',
    );
  });

  it('has a strict variant without allow-same-origin, otherwise the same', () => {
    const strict = frameAttributes({ src, title: 'T', width: '640', height: '480', sandbox: 'strict' });
    const normal = frameAttributes({ src, title: 'T', width: '640', height: '480' });
    expect(Object.fromEntries(strict).sandbox).toBe('allow-scripts allow-popups allow-popups-to-escape-sandbox');
    expect(strict.filter(([name]) => name !== 'sandbox')).toEqual(normal.filter(([name]) => name !== 'sandbox'));
    // Neither may navigate the host page.
    for (const sandbox of Object.values(EMBED_SANDBOX)) expect(sandbox).not.toMatch(/top-navigation/);
  });

  it('never lets an address close its attribute', () => {
    expect(iframeSnippet({ src: 'https://x.org/?a="><script>', title: 'T', width: '1', height: '1' })).toMatch(/^<iframe src="https:\/\/x\.org\/\?a=%22%3E%3Cscript%3E" title="T"/);
  });

  it('is a placeholder and a script for the script embed, next to the app', () => {
    const scriptUrl = embedScriptUrl('https://x.org/descent/');
    expect(scriptUrl).toBe('https://x.org/descent/embed.js');
    expect(embedScriptUrl('https://x.org/descent/index.html')).toBe('https://x.org/descent/embed.js');
    expect(embedScriptUrl('http://localhost:5173/')).toBe('http://localhost:5173/embed.js');
    expect(scriptSnippet({ src, title: 'Ravine & co', height: '480' }, scriptUrl)).toBe(
      '<div data-descent="https://x.org/descent/?runs=sgd&embed=1&controls=lr,rho" data-title="Ravine &amp; co" data-height="480"></div><script src="https://x.org/descent/embed.js" async></script>',
    );
  });

  it('gives the script embed’s frame the default attributes (public/embed.js repeats them)', () => {
    const script = publicFile('embed.js');
    const constant = (name: string) => new RegExp(`const ${name} = '([^']*)';`).exec(script)?.[1];
    expect(constant('SANDBOX')).toBe(EMBED_SANDBOX.default);
    expect(constant('ALLOW')).toBe(EMBED_ALLOW);
    expect(constant('LOADING')).toBe(EMBED_LOADING);
    expect(constant('DEFAULT_TITLE')).toBe(EMBED_SCRIPT_DEFAULT_TITLE);
    expect(constant('DEFAULT_HEIGHT')).toBe(EMBED_DEFAULT_HEIGHT);
    // A frame answers for itself only: the resize listener looks the sender up among its frames.
    expect(script).toMatch(/contentWindow === event\.source/);
  });
});

describe('the boot guard (public/boot.js)', () => {
  const script = publicFile('boot.js');

  it('shows the messages of src/i18n/messages/boot.ts, in both languages', () => {
    const json = /\/\*__BOOT_TEXT__\*\/([\s\S]*?)\/\*__BOOT_TEXT_END__\*\//.exec(script)?.[1];
    expect(json).toBeDefined();
    const text = JSON.parse(json ?? '{}') as Record<'en' | 'ko', Record<string, string>>;
    const expected = { en: {} as Record<string, string>, ko: {} as Record<string, string> };
    for (const [key, { en, ko }] of Object.entries(boot)) {
      expected.en[key] = en;
      expected.ko[key] = ko;
    }
    expect(text).toEqual(expected);
  });

  it('keeps English out of the Korean, code aside', () => {
    for (const [key, { ko }] of Object.entries(boot)) {
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => w !== 'Descent'), `${key}: ${ko}`).toEqual([]);
      expect(/[\uac00-\ud7a3]/.test(ko), key).toBe(true);
    }
  });

  it('is a plain script that styles itself through CSSOM, with no style attribute or inline markup', () => {
    expect(script).not.toMatch(/setAttribute\(\s*['"]style/);
    expect(script).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
  });
});
