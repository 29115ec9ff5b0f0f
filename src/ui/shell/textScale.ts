// The reader's text size. The UI's type follows the window's width (styles.css), which a size
// in px or vw alone would pin whatever the reader asked the browser for: so the root size is
// multiplied by --text-scale, the browser's default font size over the usual 16 px (2 for a
// reader who set text to 200 %). CSS cannot divide one length by another in every browser, hence
// this measure.

const USUAL_PX = 16;

/** The browser's default font size over 16 px: what `font-size: medium` resolves to, outside our own rules. */
function measureTextScale(doc: Document): number {
  const probe = doc.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;line-height:1;';
  probe.setAttribute('aria-hidden', 'true');
  doc.body.appendChild(probe);
  const px = Number.parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  // A browser with no answer, or an absurd one, keeps the designed sizes.
  return Number.isFinite(px) && px > 0 ? Math.min(4, Math.max(0.5, px / USUAL_PX)) : 1;
}

/**
 * Sets --text-scale now and again whenever the window may have been zoomed or its settings
 * changed (no event says the text size changed; a resize or a return to the tab comes with it).
 */
export function followTextScale(doc: Document = document): void {
  let shown = Number.NaN;
  const apply = () => {
    const scale = measureTextScale(doc);
    if (scale === shown) return;
    shown = scale;
    doc.documentElement.style.setProperty('--text-scale', String(scale));
  };
  apply();
  doc.defaultView?.addEventListener('resize', apply);
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') apply();
  });
}
