import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { HYPERPARAMS, type HyperparamKey } from '../engine';
import { playhead } from '../state/playhead';
import { CUSTOM_ID, sceneStore } from '../state/store';
import { writeUrl, type LinkedScene } from '../state/url/codec';
import { MESSAGE_KEYS, useT, type MessageKey, type Translate } from './i18n';
import './ShareMenu.css';

export const EMBED_DEFAULT_WIDTH = '100%';
export const EMBED_DEFAULT_HEIGHT = '520';
/** The width a "100%" embed is previewed at: a typical blog column. */
const PREVIEW_BASIS_WIDTH = 860;
/** How long "Copied" stays: long enough to read, short enough not to linger over the canvas. */
const COPIED_MS = 2000;
/** Typing in the dialog's fields reloads the preview only after a pause: each load starts a whole app. */
const PREVIEW_DELAY_MS = 400;
const KNOWN_KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS);

/** This page's address without its query and fragment, on any host and under any sub-folder. */
function pageAddress(): string {
  try {
    return window.location.href.split(/[?#]/)[0];
  } catch {
    return './';
  }
}

/** The full app on this scene, at this step (embed flags off, whatever this page has). */
export function permalink(state: LinkedScene, step: number, base = pageAddress()): string {
  return base + writeUrl({ ...state, embed: { enabled: false, controls: [] } }, step);
}

/**
 * The embed's address. Its language is always written: a Korean lecture page should not turn
 * English for a reader whose browser prefers English.
 */
export function embedUrl(state: LinkedScene, step: number, controls: readonly HyperparamKey[], base = pageAddress()): string {
  return base + writeUrl({ ...state, embed: { enabled: true, controls } }, step, { alwaysLang: true });
}

/** "100%", "75 %" → "100%", "75%"; "640", "640px" → "640"; anything else → null. */
export function parseSize(text: string): string | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%|px)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === '%') return n > 0 && n <= 100 ? `${n}%` : null;
  return n >= 100 && n <= 4000 ? String(Math.round(n)) : null;
}

const attribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetOptions {
  readonly src: string;
  readonly title: string;
  readonly width: string;
  readonly height: string;
}

/**
 * The <iframe> an author pastes. sandbox: scripts run (it is an app), popups open the full app
 * from the embed's "Open in Descent" link and leave the sandbox, so that tab is an ordinary page;
 * no allow-same-origin, so the embed can never reach into the host page.
 */
export function embedSnippet({ src, title, width, height }: SnippetOptions): string {
  // The query is percent-encoded and every name in it is followed by "=", so its "&"s need no
  // escaping and the author sees the same address the preview loads.
  return `<iframe src="${src.replace(/"/g, '%22')}" title="${attribute(title)}" width="${attribute(width)}" height="${attribute(height)}" style="border:0" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" allow="fullscreen"></iframe>`;
}

/** Clipboard where the page may use it (a secure context, not a sandboxed frame); false otherwise. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function surfaceName(t: Translate): string {
  const { surfaceId } = sceneStore.getState();
  const key = `surface.name.${surfaceId === CUSTOM_ID ? 'custom' : surfaceId}`;
  return KNOWN_KEYS.has(key) ? t(key as MessageKey) : surfaceId;
}

function LinkIcon() {
  return (
    <svg className="share-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />
    </svg>
  );
}

function CodeIcon() {
  return (
    <svg className="share-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M8 7l-5 5 5 5M16 7l5 5-5 5" />
    </svg>
  );
}

/** "Copied" for a moment after a copy; re-arming restarts the moment. */
function useFlag(ms: number): [boolean, () => void] {
  const [on, setOn] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const raise = useCallback(() => {
    clearTimeout(timer.current);
    setOn(true);
    timer.current = setTimeout(() => setOn(false), ms);
  }, [ms]);
  return [on, raise];
}

/**
 * Share (copy a permalink to the scene as it is, at the step shown) and Embed (a dialog that
 * writes the <iframe> snippet). The links are written at click time, so they never lag the
 * throttled address bar.
 */
export function ShareMenu() {
  const t = useT();
  const [copied, flagCopied] = useFlag(COPIED_MS);
  const [manual, setManual] = useState<string | null>(null);
  const [embedOpen, setEmbedOpen] = useState(false);
  const manualRef = useRef<HTMLInputElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const manualId = useId();

  const share = async () => {
    const link = permalink(sceneStore.getState(), playhead.step);
    if (await copyText(link)) {
      setManual(null);
      flagCopied();
    } else {
      setManual(link);
    }
  };

  useLayoutEffect(() => {
    if (manual === null) return;
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [manual]);

  // A press elsewhere closes it, as a menu would; not a blur, which a phone's selection handles
  // or a switch to the app the link is pasted into would also cause.
  const open = manual !== null;
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !popoverRef.current?.contains(e.target)) setManual(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  return (
    <div className="share-menu">
      <button type="button" className="button" onClick={share} title={t('share.hint')}>
        <LinkIcon />
        <span className="toolbar-label">{t('share.button')}</span>
      </button>
      <button type="button" className="button" onClick={() => setEmbedOpen(true)} title={t('share.embed.hint')} aria-haspopup="dialog">
        <CodeIcon />
        <span className="toolbar-label">{t('share.embed.button')}</span>
      </button>
      <span className="share-status" role="status" aria-live="polite">
        {copied ? t('share.copied') : ''}
      </span>
      {manual !== null && (
        <div
          ref={popoverRef}
          className="share-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setManual(null);
          }}
        >
          <label htmlFor={manualId}>{t('share.link')}</label>
          <div className="share-row">
            <input ref={manualRef} id={manualId} className="share-field" type="text" readOnly value={manual} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="button ghost share-close" onClick={() => setManual(null)} aria-label={t('share.close')}>
              ✕
            </button>
          </div>
          <p className="share-note">{t('share.copyManually')}</p>
        </div>
      )}
      <EmbedDialog open={embedOpen} onClose={() => setEmbedOpen(false)} />
    </div>
  );
}

interface EmbedDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * A native modal <dialog> (focus trap, Esc, focus return for free, as the help dialog does). Its
 * body mounts only while open, so the preview's nested app runs only then.
 */
function EmbedDialog({ open, onClose }: EmbedDialogProps) {
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
