/*
 * Descent's boot guard: a plain message, not a blank page, when the app cannot start. A classic
 * script without `crossorigin`, before the app's module: it loads where the module is refused (an
 * opaque-origin frame on a server without Access-Control-Allow-Origin) and, from its own file,
 * under a CSP of script-src 'self'. It speaks when the module fails to load or throws, or after
 * LIMIT_MS; the app sets <html data-started> as it starts, which stands it down and removes a
 * message shown meanwhile. Styled through CSSOM: the app's CSS may have failed too, and a CSP may
 * forbid style attributes. TEXT repeats src/i18n/messages/boot.ts (a unit test checks).
 */
(() => {
  'use strict';
  const TEXT = /*__BOOT_TEXT__*/ {
    "en": {
      "boot.failed": "Descent could not start",
      "boot.slow": "Descent has not started yet",
      "boot.frameWhy": "This page puts Descent in a frame without {token}. In such a frame the browser loads Descent’s program only from a server that sends the header {header}, and this server does not.",
      "boot.frameFix": "To fix it, paste the embed code from Descent’s Share → Embed as it is (its sandbox includes {token}), or have the server that hosts Descent send {header}.",
      "boot.pageWhy": "The browser could not load Descent’s program.",
      "boot.pageFix": "Check the connection and reload. If it keeps happening, the server may be missing some of Descent’s files.",
      "boot.open": "Open this scene in a new tab",
      "boot.reload": "Reload"
    },
    "ko": {
      "boot.failed": "Descent를 시작하지 못했습니다",
      "boot.slow": "Descent가 아직 시작되지 않았습니다",
      "boot.frameWhy": "이 페이지는 Descent를 {token} 없이 프레임에 넣었습니다. 이런 프레임에서는 서버가 {header} 헤더를 보내야만 브라우저가 Descent 프로그램을 불러오는데, 이 서버는 보내지 않습니다.",
      "boot.frameFix": "해결하려면 Descent의 공유 → 퍼가기에서 받은 코드를 그대로 붙여 넣거나({token} 포함), Descent를 호스팅하는 서버가 {header} 헤더를 보내도록 설정하세요.",
      "boot.pageWhy": "브라우저가 Descent 프로그램을 불러오지 못했습니다.",
      "boot.pageFix": "연결을 확인하고 새로 고치세요. 계속 그렇다면 서버에 Descent 파일 일부가 빠져 있을 수 있습니다.",
      "boot.open": "이 장면을 새 탭에서 열기",
      "boot.reload": "새로 고침"
    }
  } /*__BOOT_TEXT_END__*/;
  const CODE = { token: 'allow-same-origin', header: 'Access-Control-Allow-Origin: *' };
  /** Long enough for the app to arrive over a slow phone connection; the message leaves if it does. */
  const LIMIT_MS = 20000;
  /** Parameters that make sense only inside a frame (as in src/embed/openLink.ts). */
  const EMBED_ONLY = ['embed', 'controls'];

  const root = document.documentElement;
  const started = () => root.hasAttribute('data-started');
  if (started()) return;

  const attempt = (read, fallback) => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  const framed = attempt(() => window.self !== window.top, true);
  const opaque = attempt(() => window.origin === 'null', false);
  const params = (() => {
    const query = new URLSearchParams(location.search);
    const hash = location.hash.slice(1);
    return hash.includes('=') ? [query, new URLSearchParams(hash)] : [query];
  })();
  const param = (name) => params.map((p) => p.get(name)).find((v) => v !== null && v !== undefined);
  const lang = (() => {
    const asked = param('lang');
    if (asked === 'en' || asked === 'ko') return asked;
    const browser = attempt(() => (navigator.languages && navigator.languages[0]) || navigator.language, '');
    return /^ko\b/i.test(browser || '') ? 'ko' : 'en';
  })();
  const light = param('theme') === 'light';

  /** The full app on the same scene: this address without the embed-only parameters. */
  const fullAppUrl = () =>
    attempt(() => {
      const url = new URL(location.href);
      const query = new URLSearchParams(url.search);
      EMBED_ONLY.forEach((name) => query.delete(name));
      url.search = query.toString();
      const hash = url.hash.slice(1);
      if (hash.includes('=')) {
        const fragment = new URLSearchParams(hash);
        EMBED_ONLY.forEach((name) => fragment.delete(name));
        url.hash = fragment.toString();
      }
      return url.href;
    }, location.href);

  const el = (tag, style, children) => {
    const node = document.createElement(tag);
    Object.assign(node.style, style);
    (children || []).forEach((child) => node.append(child));
    return node;
  };
  const codeStyle = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '0.92em', overflowWrap: 'anywhere' };
  /** A message with its {token} and {header} set as code. */
  const paragraph = (key) =>
    el(
      'p',
      { margin: '0 0 0.75em' },
      TEXT[lang][key].split(/(\{\w+\})/).map((part) => {
        const name = /^\{(\w+)\}$/.exec(part);
        return name && CODE[name[1]] ? el('code', codeStyle, [CODE[name[1]]]) : part;
      }),
    );

  let box = null;
  let timer = 0;
  const colours = light ? { bg: '#f3f5f8', text: '#1f2328', accent: '#0969da' } : { bg: '#0d1117', text: '#e6edf3', accent: '#4cc9f0' };

  const show = (kind) => {
    if (started() || !document.body) return;
    if (box) {
      if (kind === 'failed') box.querySelector('h1').textContent = TEXT[lang]['boot.failed'];
      return;
    }
    const link = el('a', { color: colours.accent, fontWeight: '600' }, [TEXT[lang][framed ? 'boot.open' : 'boot.reload']]);
    if (framed) {
      link.href = fullAppUrl();
      link.target = '_blank';
      link.rel = 'noopener';
    } else {
      link.href = location.href;
    }
    const sandboxed = framed && opaque;
    const card = el('div', { maxWidth: '34rem' }, [
      el('h1', { fontSize: '1.15rem', margin: '0 0 0.6em', lineHeight: '1.3' }, [TEXT[lang][kind === 'failed' ? 'boot.failed' : 'boot.slow']]),
      paragraph(sandboxed ? 'boot.frameWhy' : 'boot.pageWhy'),
      paragraph(sandboxed ? 'boot.frameFix' : 'boot.pageFix'),
      el('p', { margin: '0' }, [link]),
    ]);
    box = el(
      'div',
      {
        position: 'fixed',
        inset: '0',
        zIndex: '2147483647',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '1.25rem',
        overflow: 'auto',
        background: colours.bg,
        color: colours.text,
        font: '15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif',
        wordBreak: lang === 'ko' ? 'keep-all' : 'normal',
      },
      [card],
    );
    box.setAttribute('role', 'alert');
    box.setAttribute('data-descent-boot', kind);
    box.lang = lang;
    document.body.append(box);
  };

  const showWhenReady = (kind) => {
    if (document.body) show(kind);
    else document.addEventListener('DOMContentLoaded', () => show(kind), { once: true });
  };

  const onError = (event) => {
    if (started()) return;
    const target = event.target;
    // The module (or one it imports) did not load: a refused CORS request, a 404, a wrong MIME type.
    if (target instanceof HTMLScriptElement && target.type === 'module') showWhenReady('failed');
    // The module loaded but threw before the app could start.
    else if (event instanceof ErrorEvent && target === window) showWhenReady('failed');
  };
  window.addEventListener('error', onError, true);
  timer = setTimeout(() => showWhenReady('slow'), LIMIT_MS);

  // The app has started: nothing more to guard, and a message shown meanwhile goes.
  new MutationObserver((_, observer) => {
    if (!started()) return;
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('error', onError, true);
    if (box) box.remove();
  }).observe(root, { attributes: true, attributeFilter: ['data-started'] });
})();
