import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { HYPERPARAMS, type HyperparamKey } from '../engine';
import { playhead } from '../state/playhead';
import { sceneStore } from '../state/store';
import { useT } from './i18n';
import { COPIED_MS, EMBED_DEFAULT_HEIGHT, EMBED_DEFAULT_WIDTH, copyText, embedSnippet, embedUrl, parseSize, surfaceName, useFlag } from './shareLinks';

// Loaded on the first click on Embed: the form and its live preview are not needed to start.

/** The width a "100%" embed is previewed at: a typical blog column. */
const PREVIEW_BASIS_WIDTH = 860;
/** Typing in the dialog's fields reloads the preview only after a pause: each load starts a whole app. */
const PREVIEW_DELAY_MS = 400;

interface EmbedDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * A native modal <dialog> (focus trap, Esc, focus return for free, as the help dialog does). Its
 * body mounts only while open, so the preview's nested app runs only then.
 */
export function EmbedDialog({ open, onClose }: EmbedDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="embed-dialog"
      aria-labelledby={headingId}
      aria-modal="true"
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(e) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="embed-dialog-body">
        <div className="embed-dialog-head">
          <h2 id={headingId}>{t('share.embed.dialog')}</h2>
          <button type="button" className="button ghost embed-dialog-close" onClick={onClose} aria-label={t('share.close')}>
            ✕
          </button>
        </div>
        {open && <EmbedForm />}
      </div>
    </dialog>
  );
}

function EmbedForm() {
  const t = useT();
  const ids = { title: useId(), width: useId(), height: useId(), snippet: useId(), sizeHint: useId(), titleHint: useId() };
  // The scene as it was when the dialog opened: the dialog is modal, but playback may still run.
  const [snapshot] = useState(() => ({ state: sceneStore.getState(), step: playhead.step }));
  const [title, setTitle] = useState<string | null>(null);
  const [widthText, setWidthText] = useState(EMBED_DEFAULT_WIDTH);
  const [heightText, setHeightText] = useState(EMBED_DEFAULT_HEIGHT);
  const [controls, setControls] = useState<ReadonlySet<HyperparamKey>>(() => new Set<HyperparamKey>(['lr']));
  const [copied, flagCopied] = useFlag(COPIED_MS);
  const [manual, setManual] = useState(false);
  const snippetRef = useRef<HTMLTextAreaElement>(null);

  const width = parseSize(widthText);
  const height = parseSize(heightText);
  const shownTitle = title ?? t('share.embed.defaultTitle', { surface: surfaceName(t) });
  const keys = useMemo(() => HYPERPARAMS.map((h) => h.key).filter((k) => controls.has(k)), [controls]);
  const src = useMemo(() => embedUrl(snapshot.state, snapshot.step, keys), [snapshot, keys]);
  const snippet = embedSnippet({ src, title: shownTitle, width: width ?? EMBED_DEFAULT_WIDTH, height: height ?? EMBED_DEFAULT_HEIGHT });

  const toggle = (key: HyperparamKey) =>
    setControls((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const copy = async () => {
    if (await copyText(snippet)) {
      setManual(false);
      flagCopied();
    } else {
      setManual(true);
      snippetRef.current?.focus();
      snippetRef.current?.select();
    }
  };

  return (
    <div className="embed-layout">
      <div className="embed-form">
        <div className="embed-field">
          <label htmlFor={ids.title}>{t('share.embed.titleField')}</label>
          <input id={ids.title} className="share-field" type="text" value={shownTitle} onChange={(e) => setTitle(e.target.value)} aria-describedby={ids.titleHint} />
          <p id={ids.titleHint} className="share-note">
            {t('share.embed.titleHint')}
          </p>
        </div>
        <div className="embed-size">
          <div className="embed-field">
            <label htmlFor={ids.width}>{t('share.embed.width')}</label>
            <input
              id={ids.width}
              className="share-field"
              type="text"
              inputMode="decimal"
              value={widthText}
              onChange={(e) => setWidthText(e.target.value)}
              aria-invalid={width === null}
              aria-describedby={ids.sizeHint}
            />
          </div>
          <div className="embed-field">
            <label htmlFor={ids.height}>{t('share.embed.height')}</label>
            <input
              id={ids.height}
              className="share-field"
              type="text"
              inputMode="decimal"
              value={heightText}
              onChange={(e) => setHeightText(e.target.value)}
              aria-invalid={height === null}
              aria-describedby={ids.sizeHint}
            />
          </div>
        </div>
        <p id={ids.sizeHint} className={width === null || height === null ? 'share-note share-error' : 'share-note'} role={width === null || height === null ? 'alert' : undefined}>
          {width === null || height === null ? t('share.embed.badSize') : t('share.embed.sizeHint')}
        </p>
        <fieldset className="embed-controls-choice">
          <legend>{t('share.embed.controls')}</legend>
          <div className="embed-checks">
            {HYPERPARAMS.map((h) => (
              <label key={h.key} className="embed-check">
                <input type="checkbox" checked={controls.has(h.key)} onChange={() => toggle(h.key)} />
                <span>
                  {t(`param.${h.key}`)} {h.symbol}
                </span>
                <code aria-hidden="true">{h.key}</code>
              </label>
            ))}
          </div>
          <p className="share-note">{t('share.embed.controlsHint')}</p>
        </fieldset>
        <div className="embed-field">
          <label htmlFor={ids.snippet}>{t('share.embed.snippet')}</label>
          <textarea ref={snippetRef} id={ids.snippet} className="share-field embed-snippet" readOnly rows={5} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          <p className="share-note">{t('share.embed.hostHint', { header: 'Access-Control-Allow-Origin: *', pages: 'GitHub Pages', readme: 'README' })}</p>
        </div>
        <div className="embed-actions">
          <button type="button" className="button primary" onClick={copy}>
            {t('share.embed.copy')}
          </button>
          <span className="share-inline-status" role="status" aria-live="polite">
            {copied ? t('share.copied') : manual ? t('share.embed.copyManually') : ''}
          </span>
        </div>
      </div>
      <EmbedPreview src={src} width={width ?? EMBED_DEFAULT_WIDTH} height={height ?? EMBED_DEFAULT_HEIGHT} />
    </div>
  );
}

/**
 * The embed as a reader would see it, scaled down to fit; reloaded only after typing pauses.
 * Same-origin, unlike the pasted snippet: this is the app framing itself, and it must show even
 * where the server does not send the CORS header an opaque-origin frame needs.
 */
function EmbedPreview({ src, width, height }: { readonly src: string; readonly width: string; readonly height: string }) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  const [shown, setShown] = useState({ src, width, height });

  useEffect(() => {
    const timer = setTimeout(() => setShown({ src, width, height }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [src, width, height]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setBoxWidth(box.clientWidth);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const frameWidth = shown.width.endsWith('%') ? PREVIEW_BASIS_WIDTH : Number(shown.width);
  const frameHeight = shown.height.endsWith('%') ? Number(EMBED_DEFAULT_HEIGHT) : Number(shown.height);
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / frameWidth) : 0.5;
  const frameStyle: CSSProperties = { width: frameWidth, height: frameHeight, transform: `scale(${scale})` };

  return (
    <section className="embed-preview" aria-label={t('share.embed.preview')}>
      <h3>{t('share.embed.preview')}</h3>
      <div ref={boxRef} className="embed-preview-box" style={{ height: Math.ceil(frameHeight * scale) }}>
        <iframe className="embed-preview-frame" src={shown.src} title={t('share.embed.previewTitle')} sandbox="allow-scripts allow-same-origin" style={frameStyle} tabIndex={-1} />
      </div>
    </section>
  );
}
