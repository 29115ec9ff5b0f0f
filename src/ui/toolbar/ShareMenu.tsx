import { Suspense, lazy, useId, useLayoutEffect, useRef, useState } from 'react';
import { playhead } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { useT } from '../shell/useT';
import { COPIED_MS, copyText, permalink, useFlag } from './shareLinks';
import { usePressOutside } from './useMenu';
import './ShareMenu.css';

const EmbedDialog = lazy(() => import('../dialogs/EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

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
  // Mounted from the first opening on, so that closing it returns focus as a native dialog does.
  const [embedWanted, setEmbedWanted] = useState(false);
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

  // A press elsewhere closes it, as it would a menu.
  usePressOutside(popoverRef, manual !== null, () => setManual(null));

  return (
    <div className="share-menu">
      <button type="button" className="button" onClick={share} title={t('share.hint')}>
        <LinkIcon />
        <span className="toolbar-label">{t('share.button')}</span>
      </button>
      <button type="button" className="button" onClick={() => {
          setEmbedWanted(true);
          setEmbedOpen(true);
        }} title={t('share.embed.hint')} aria-haspopup="dialog">
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
      {embedWanted && (
        <Suspense fallback={null}>
          <EmbedDialog open={embedOpen} onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
