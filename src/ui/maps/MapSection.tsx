import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';

/** What a user does to a panel that says they are reading it: the panel stops following the map. */
const USER_MOVES = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

const MapPanel = lazy(() => import('./MapPanel').then((m) => ({ default: m.MapPanel })));

/**
 * The Maps section of the panel: closed at first (a map is thousands of runs), and its controls
 * downloaded the first time it opens. Open, it keeps its map in step with the scene; closed, it
 * computes nothing.
 */
export function MapSection() {
  const t = useT();
  const open = useScene((s) => s.map.open);
  const [mounted, setMounted] = useState(open);
  const ref = useRef<HTMLDetailsElement>(null);
  // A link that opens the map (map=…) is about the map: scroll the side panel to it. Sections
  // above it (the update rule's typeset maths) grow as their code arrives, so the panel follows
  // the section for up to 15 s (a slow device loads them late) or until the user scrolls or
  // clicks there. Only the panel scrolls: a page that scrolls as a whole, on a phone, keeps the
  // scene first.
  useEffect(() => {
    const el = ref.current;
    const panel = el?.closest('.panel');
    if (!open || !el || !(panel instanceof HTMLElement)) return;
    // The panel's sticky header stays over its top: the section goes just under it.
    const header = panel.querySelector('.panel-header');
    const align = () => {
      const under = header ? header.getBoundingClientRect().bottom : panel.getBoundingClientRect().top;
      if (panel.scrollHeight > panel.clientHeight) panel.scrollTop += el.getBoundingClientRect().top - under;
    };
    align();
    const observer = new ResizeObserver(align);
    for (const child of Array.from(panel.children)) observer.observe(child);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of USER_MOVES) panel.removeEventListener(type, stop);
    };
    const timer = setTimeout(stop, 15_000);
    for (const type of USER_MOVES) panel.addEventListener(type, stop, { passive: true });
    return stop;
    // At the first render only: later openings are the user's own, in view already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <details
      ref={ref}
      className="panel-section maps-section"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now) setMounted(true);
        if (now !== sceneStore.getState().map.open) sceneStore.getState().setMap({ open: now });
      }}
    >
      <summary className="panel-section-summary">
        <h2 className="panel-section-title">{t('maps.heading')}</h2>
        <svg className="panel-section-chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <div className="panel-section-body">
        {mounted && (
          <Suspense fallback={null}>
            <MapPanel />
          </Suspense>
        )}
      </div>
    </details>
  );
}
