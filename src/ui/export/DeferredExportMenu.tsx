import { Suspense, lazy, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { stopDeferring, useAfterFirstFrame } from '../shell/afterFirstFrame';
import { ExportButtonFace } from './ExportButtonFace';
import './ExportMenu.css';

// The export menu (its exporters, the video planner, the PyTorch item) is not needed for the
// first frame: it loads after it, like the update-rule panel. Until then its button is here
// already, in place, and a press on it (a click, or the menu button's arrow keys) loads the menu
// and opens it.
const ExportMenu = lazy(() => import('./ExportMenu').then((m) => ({ default: m.ExportMenu })));

export function DeferredExportMenu() {
  const ready = useAfterFirstFrame();
  const [asked, setAsked] = useState(false);
  // The button is replaced twice while the menu loads (the placeholder, Suspense's placeholder,
  // the menu's own button): a keyboard user who had focused it keeps the focus on each.
  const focused = useRef(false);
  const keepFocus = useCallback((el: HTMLButtonElement | null) => {
    if (el && focused.current && document.activeElement !== el) el.focus();
  }, []);
  const ask = () => {
    setAsked(true);
    stopDeferring();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      ask();
    }
  };
  const placeholder = (
    <div className="export-menu">
      <button
        ref={keepFocus}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={false}
        onFocus={() => (focused.current = true)}
        onBlur={() => (focused.current = false)}
        onKeyDown={onKeyDown}
        onClick={ask}
      >
        <ExportButtonFace />
      </button>
    </div>
  );
  if (!ready) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ExportMenu openAtOnce={asked} focusAtOnce={focused.current} />
    </Suspense>
  );
}
