/*
 * Descent's script embed. On a page,
 *   <div data-descent="https://…/descent/?embed=1&…"></div>     (or <descent-embed src="…">)
 *   <script src="https://…/descent/embed.js" async></script>
 * turns each placeholder into Descent's default iframe, full width, loaded as it nears the screen,
 * whose height then follows the frame's own 'descent:resize' messages. Optional: data-title (or
 * title) for screen readers, data-height (or height): the height before the first message,
 * default 520. Plain script, no dependencies; including it twice is harmless, and
 * DescentEmbed.scan() picks up placeholders added later.
 *
 * The frame's attributes repeat the "default" ones of src/embed/embedCode.ts; a unit test keeps
 * the two equal.
 */
(() => {
  'use strict';
  const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  const ALLOW = 'fullscreen';
  const LOADING = 'lazy';
  const DEFAULT_TITLE = 'Descent';
  const DEFAULT_HEIGHT = '520';
  /** Taller than any embed needs: a broken frame must not stretch the page without end. */
  const MAX_HEIGHT = 20000;

  if (window.DescentEmbed) {
    window.DescentEmbed.scan();
    return;
  }

  /** "480", "480px" → "480"; "60%" → "60%"; anything else → the default. */
  const heightOf = (text) => {
    const m = text ? /^\s*(\d+(?:\.\d+)?)\s*(px|%)?\s*$/i.exec(text) : null;
    if (!m || !(Number(m[1]) > 0)) return DEFAULT_HEIGHT;
    return m[2] === '%' ? `${m[1]}%` : m[1];
  };

  /** The frames made here: a resize message counts only from one of their own windows. */
  const frames = [];
  /** The placeholders already given a frame (the author's elements keep their attributes). */
  const done = new WeakSet();

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'descent:resize') return;
    const frame = frames.find((f) => f.contentWindow !== null && f.contentWindow === event.source);
    const height = data.height;
    if (!frame || typeof height !== 'number' || !(height > 0) || height > MAX_HEIGHT) return;
    frame.style.height = `${Math.ceil(height)}px`;
  });

  const build = (host, src, title, height) => {
    if (!src || done.has(host)) return;
    const iframe = document.createElement('iframe');
    // Every attribute is set before the frame joins the document: the sandbox governs its first load.
    iframe.setAttribute('src', src);
    iframe.setAttribute('title', title || DEFAULT_TITLE);
    iframe.setAttribute('width', '100%');
    iframe.setAttribute('height', heightOf(height));
    iframe.setAttribute('loading', LOADING);
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('allow', ALLOW);
    // Through CSSOM, not a style attribute: a host page whose CSP forbids inline styles allows it.
    // Block, because an inline frame sits on the text's baseline and leaves a gap under it.
    iframe.style.border = '0';
    iframe.style.display = 'block';
    done.add(host);
    frames.push(iframe);
    host.appendChild(iframe);
  };

  const scan = () => {
    for (const div of document.querySelectorAll('div[data-descent]')) {
      build(div, div.getAttribute('data-descent'), div.getAttribute('data-title'), div.getAttribute('data-height'));
    }
  };

  if (window.customElements && !window.customElements.get('descent-embed')) {
    window.customElements.define(
      'descent-embed',
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = 'block';
          build(this, this.getAttribute('src'), this.getAttribute('title'), this.getAttribute('height'));
        }
      },
    );
  }

  window.DescentEmbed = { scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
