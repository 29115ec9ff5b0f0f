import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { HYPERPARAMS, type HyperparamKey } from '../../engine';
import { playhead } from '../../state/playhead';
import { optimizerParams, sceneStore } from '../../state/store';
import { useLang, useT } from '../shell/useT';
import { embedText, type EmbedKey } from '../../i18n/embedText';
import { embedScriptUrl, frameAttributes, iframeSnippet, placeholderAttributes, scriptSnippet, type Attribute, type FrameOptions } from '../../embed/embedCode';
import { COPIED_MS, EMBED_DEFAULT_HEIGHT, EMBED_DEFAULT_WIDTH, copyText, embedUrl, pageAddress, parseSize, surfaceName, useFlag } from '../toolbar/shareLinks';

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
  const et = useEmbedText();
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
          <h2 id={headingId}>{et('share.embed.dialog')}</h2>
          <button type="button" className="button ghost embed-dialog-close" onClick={onClose} aria-label={t('share.close')}>
            ✕
          </button>
        </div>
        {open && <EmbedForm />}
      </div>
    </dialog>
  );
}

type CodeKind = 'iframe' | 'script';

/** What the preview builds: exactly the elements the snippet prints, from the same attributes. */
type PreviewSpec =
  | { readonly kind: 'iframe'; readonly attributes: readonly Attribute[]; readonly width: string; readonly height: string }
  | { readonly kind: 'script'; readonly attributes: readonly Attribute[]; readonly scriptUrl: string };

function EmbedForm() {
  const t = useT();
  const et = useEmbedText();
  const ids = { title: useId(), width: useId(), height: useId(), snippet: useId(), sizeHint: useId(), titleHint: useId(), kindHint: useId(), strictHint: useId() };
  // The scene as it was when the dialog opened: the dialog is modal, but playback may still run.
  const [snapshot] = useState(() => ({ state: sceneStore.getState(), step: playhead.step }));
  const [title, setTitle] = useState<string | null>(null);
  const [widthText, setWidthText] = useState(EMBED_DEFAULT_WIDTH);
  const [heightText, setHeightText] = useState(EMBED_DEFAULT_HEIGHT);
  const [controls, setControls] = useState<ReadonlySet<HyperparamKey>>(() => new Set<HyperparamKey>(['lr']));
  const [kind, setKind] = useState<CodeKind>('iframe');
  const [strict, setStrict] = useState(false);
  const [copied, flagCopied] = useFlag(COPIED_MS);
  const [manual, setManual] = useState(false);
  const snippetRef = useRef<HTMLTextAreaElement>(null);

  const width = parseSize(widthText);
  const height = parseSize(heightText);
  // The script's frame is always as wide as the column: only the height is the author's.
  const sizeOk = height !== null && (kind === 'script' || width !== null);
  const shownTitle = title ?? et('share.embed.defaultTitle', { surface: surfaceName(t) });
  // Only the settings some run of the scene reads: a slider for a rule that is not there would
  // move nothing (27 of them, Strong-Wolfe's line search among them, only puzzle an author).
  const offered = useMemo(() => HYPERPARAMS.filter((h) => controls.has(h.key) || snapshot.state.runs.some((r) => optimizerParams(r.optimizer).includes(h.key))), [snapshot, controls]);
  const keys = useMemo(() => HYPERPARAMS.map((h) => h.key).filter((k) => controls.has(k)), [controls]);
  const src = useMemo(() => embedUrl(snapshot.state, snapshot.step, keys), [snapshot, keys]);
  const frameWidth = width ?? EMBED_DEFAULT_WIDTH;
  const frameHeight = height ?? EMBED_DEFAULT_HEIGHT;

  const { snippet, preview } = useMemo((): { snippet: string; preview: PreviewSpec } => {
    if (kind === 'script') {
      const options = { src, title: shownTitle, height: frameHeight };
      const scriptUrl = embedScriptUrl(pageAddress());
      return { snippet: scriptSnippet(options, scriptUrl), preview: { kind, attributes: placeholderAttributes(options), scriptUrl } };
    }
    const options: FrameOptions = { src, title: shownTitle, width: frameWidth, height: frameHeight, sandbox: strict ? 'strict' : 'default' };
    return { snippet: iframeSnippet(options), preview: { kind, attributes: frameAttributes(options), width: frameWidth, height: frameHeight } };
  }, [kind, src, shownTitle, frameWidth, frameHeight, strict]);

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
          <label htmlFor={ids.title}>{et('share.embed.titleField')}</label>
          <input id={ids.title} className="share-field" type="text" value={shownTitle} onChange={(e) => setTitle(e.target.value)} aria-describedby={ids.titleHint} />
          <p id={ids.titleHint} className="share-note">
            {et('share.embed.titleHint')}
          </p>
        </div>
        <fieldset className="embed-kind" aria-describedby={ids.kindHint}>
          <legend>{et('share.embed.kind')}</legend>
          <div className="embed-kind-options">
            {(['iframe', 'script'] as const).map((k) => (
              <label key={k} className="embed-check">
                <input type="radio" name="embed-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{et(`share.embed.kind.${k}`)}</span>
              </label>
            ))}
          </div>
          <p id={ids.kindHint} className="share-note">
            {et(`share.embed.kindHint.${kind}`)}
          </p>
        </fieldset>
        <div className="embed-size" data-kind={kind}>
          {kind === 'iframe' && (
            <div className="embed-field">
              <label htmlFor={ids.width}>{et('share.embed.width')}</label>
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
          )}
          <div className="embed-field">
            <label htmlFor={ids.height}>{et(kind === 'script' ? 'share.embed.startHeight' : 'share.embed.height')}</label>
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
        <p id={ids.sizeHint} className={sizeOk ? 'share-note' : 'share-note share-error'} role={sizeOk ? undefined : 'alert'}>
          {sizeOk ? et('share.embed.sizeHint') : et('share.embed.badSize')}
        </p>
        <fieldset className="embed-controls-choice">
          <legend>{et('share.embed.controls')}</legend>
          <div className="embed-checks">
            {offered.map((h) => (
              <label key={h.key} className="embed-check">
                <input type="checkbox" checked={controls.has(h.key)} onChange={() => toggle(h.key)} />
                <span>
                  {t(`param.${h.key}`)} {h.symbol}
                </span>
                <code aria-hidden="true">{h.key}</code>
              </label>
            ))}
          </div>
          <p className="share-note">{et('share.embed.controlsHint')}</p>
        </fieldset>
        {kind === 'iframe' && (
          <div className="embed-strict">
            <label className="embed-check">
              <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} aria-describedby={ids.strictHint} />
              <span>{et('share.embed.strict', { token: 'allow-same-origin' })}</span>
            </label>
            <p id={ids.strictHint} className="share-note">
              {et('share.embed.strictHint', { header: 'Access-Control-Allow-Origin: *', pages: 'GitHub Pages' })}
            </p>
          </div>
        )}
        <div className="embed-field">
          <label htmlFor={ids.snippet}>{et('share.embed.snippet')}</label>
          <textarea ref={snippetRef} id={ids.snippet} className="share-field embed-snippet" readOnly rows={5} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          <p className="share-note">{et('share.embed.hostHint', { readme: 'README' })}</p>
        </div>
        <div className="embed-actions">
          <button type="button" className="button primary" onClick={copy}>
            {et('share.embed.copy')}
          </button>
          <span className="share-inline-status" role="status" aria-live="polite">
            {copied ? t('share.copied') : manual ? et('share.embed.copyManually') : ''}
          </span>
        </div>
      </div>
      <EmbedPreview spec={preview} />
    </div>
  );
}

/** How wide the preview's stage is: the frame's width in pixels, or a typical blog column. */
function stageWidth(spec: PreviewSpec): number {
  return spec.kind === 'iframe' && !spec.width.endsWith('%') ? Number(spec.width) : PREVIEW_BASIS_WIDTH;
}

/** Builds, inside `stage`, exactly what the snippet puts on a page: the same elements, the same attributes. */
function buildPreview(stage: HTMLElement, spec: PreviewSpec): void {
  const doc = stage.ownerDocument;
  if (spec.kind === 'iframe') {
    const frame = doc.createElement('iframe');
    // Every attribute before the frame joins the document: the sandbox governs its first load.
    for (const [name, value] of spec.attributes) frame.setAttribute(name, value);
    stage.append(frame);
    return;
  }
  const placeholder = doc.createElement('div');
  for (const [name, value] of spec.attributes) placeholder.setAttribute(name, value);
  stage.append(placeholder);
  // The real embed.js, as a reader's browser runs it (it is idempotent: a second copy only rescans).
  const script = doc.createElement('script');
  script.src = spec.scriptUrl;
  script.async = true;
  stage.append(script);
}

/**
 * The embed as a reader would see it, scaled down to fit; rebuilt only after typing pauses. It is
 * built from the snippet's own attributes (the iframe, or the placeholder and embed.js), so a
 * snippet that would fail on the reader's page (a strict sandbox on a server without the CORS
 * header) fails here too, with the same message.
 */
function EmbedPreview({ spec }: { readonly spec: PreviewSpec }) {
  const et = useEmbedText();
  const boxRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  const [stageHeight, setStageHeight] = useState(Number(EMBED_DEFAULT_HEIGHT));
  const [shown, setShown] = useState(spec);

  useEffect(() => {
    const timer = setTimeout(() => setShown(spec), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [spec]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    const stage = stageRef.current;
    if (!box || !stage) return;
    const measure = () => {
      setBoxWidth(box.clientWidth);
      setStageHeight(stage.offsetHeight);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    // The script embed's frame grows with its resize messages: the box follows it.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    buildPreview(stage, shown);
    return () => stage.replaceChildren();
  }, [shown]);

  const width = stageWidth(shown);
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / width) : 0.5;
  // A percentage height is of the element around the frame: the preview gives it the default height.
  const fixedHeight = shown.kind === 'iframe' && shown.height.endsWith('%') ? Number(EMBED_DEFAULT_HEIGHT) : undefined;
  const stageStyle: CSSProperties = { width, height: fixedHeight, transform: `scale(${scale})` };

  return (
    <section className="embed-preview" aria-label={et('share.embed.preview')}>
      <h3>{et('share.embed.preview')}</h3>
      <div ref={boxRef} className="embed-preview-box" style={{ height: Math.ceil(stageHeight * scale) }}>
        <div ref={stageRef} className="embed-preview-stage" data-kind={shown.kind} style={stageStyle} />
      </div>
    </section>
  );
}

/** useT for the dialog's own words (loaded with the dialog). */
function useEmbedText(): (key: EmbedKey, vars?: Readonly<Record<string, string | number>>) => string {
  const lang = useLang();
  return useCallback((key: EmbedKey, vars?: Readonly<Record<string, string | number>>) => embedText(lang, key, vars), [lang]);
}
