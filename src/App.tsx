import { Suspense, lazy, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useStore } from 'zustand';
import { isFramed } from './embed/framed';
import { SceneCanvas } from './scene/SceneCanvas';
import { useScene } from './state/useScene';
import { ControlPanel } from './ui/panel/ControlPanel';
import { ErrorBoundary } from './ui/shell/ErrorBoundary';
import { translate } from './i18n';
import { useT } from './ui/shell/useT';
import { Legend } from './ui/runs/Legend';
import { LessonCaption } from './ui/teaching/LessonCaption';
import { LossChart } from './ui/chart/LossChart';
import { Notice } from './ui/shell/Notice';
import { PlaybackBar } from './ui/playback/PlaybackBar';
import { useAfterFirstFrame } from './ui/shell/afterFirstFrame';
import { panelDrawer } from './ui/shell/presentation';
import { Toolbar } from './ui/toolbar/Toolbar';
import { useKeyboardShortcuts } from './ui/playback/useKeyboardShortcuts';
import { SceneKey } from './ui/teaching/SceneKey';
import { SceneTitle } from './ui/toolbar/SceneTitle';
import { provideMapThreads } from './state/maps';

// Maps run in Web Workers (src/workers), which only the App may name: the map runner starts them,
// loading their starter with the Maps section.
provideMapThreads(() => import('./workers/browserMapThread').then((m) => ({ spawn: m.spawnBrowserMapThread, count: m.browserMapThreads() })));

// The shortcuts dialog loads when first asked for (?), and only an embed shows its controls.
const HelpDialog = lazy(() => import('./ui/dialogs/HelpDialog').then((m) => ({ default: m.HelpDialog })));

/** The shortcuts dialog, mounted (and so downloaded) from the first time it is opened. */
function DeferredHelpDialog() {
  const asked = useRef(false);
  const open = useScene((s) => s.helpOpen);
  if (open) asked.current = true;
  if (!asked.current) return null;
  return (
    <Suspense fallback={null}>
      <HelpDialog />
    </Suspense>
  );
}

const EmbedControls = lazy(() => import('./ui/embedded/EmbedControls').then((m) => ({ default: m.EmbedControls })));

// The scene in words for screen readers: loaded after the first frame, with its own words.
const SceneDescription = lazy(() => import('./ui/description/SceneDescription').then((m) => ({ default: m.SceneDescription })));
const DESCRIPTION_ID = 'scene-description';

/** The live description of the scene, from the first frame on (the stage names it). */
function DeferredSceneDescription() {
  const later = useAfterFirstFrame();
  if (!later) return null;
  return (
    <Suspense fallback={null}>
      <SceneDescription id={DESCRIPTION_ID} />
    </Suspense>
  );
}
const WheelGate = lazy(() => import('./ui/embedded/WheelGate').then((m) => ({ default: m.WheelGate })));
const EmbedMap = lazy(() => import('./ui/embedded/EmbedMap').then((m) => ({ default: m.EmbedMap })));

// The theme colours the browser paints before and around the page (address bar, overscroll).
const THEME_COLOR = { dark: '#0d1117', light: '#f3f5f8' } as const;

/** Mirrors the store's look onto <html>, where styles.css reads it (before paint: no flash). */
function useDocumentFlags(): void {
  const lang = useScene((s) => s.lang);
  const theme = useScene((s) => s.theme);
  const presentation = useScene((s) => s.presentation);
  const embed = useScene((s) => s.embed.enabled);
  const panelOpen = useStore(panelDrawer, (s) => s.open);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dataset.theme = theme;
    root.dataset.presentation = String(presentation && !embed);
    root.dataset.embed = String(embed);
    root.dataset.panel = presentation && panelOpen ? 'open' : 'closed';
    document.title = translate(lang, 'app.documentTitle');
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOR[theme]);
  }, [lang, theme, presentation, embed, panelOpen]);
}

/**
 * While presenting, the panel is a drawer: opening it moves focus into it, closing it (S, Esc,
 * the button) brings focus back to the button, so a keyboard user never loses their place.
 */
function useDrawerFocus(panel: RefObject<HTMLElement | null>): void {
  const open = useStore(panelDrawer, (s) => s.open);
  const presentation = useScene((s) => s.presentation);
  const wasOpen = useRef(false);
  useEffect(() => {
    const el = panel.current;
    if (presentation && open) {
      el?.querySelector<HTMLElement>('button, select, input, summary, [tabindex="0"]')?.focus();
    } else if (wasOpen.current) {
      const active = document.activeElement;
      if (!active || active === document.body || el?.contains(active)) {
        document.querySelector<HTMLElement>('[data-panel-toggle]')?.focus();
      }
    }
    wasOpen.current = presentation && open;
  }, [open, presentation, panel]);
  // Leaving presentation mode folds the drawer away, so that it is closed when the mode returns.
  useEffect(() => {
    if (!presentation) panelDrawer.setState({ open: false });
  }, [presentation]);
}

function EmbedLayout() {
  const stageRef = useRef<HTMLDivElement>(null);
  const map = useScene((s) => s.map.open);
  return (
    <div className="embed">
      <div className="embed-body">
        {/* The same scene grid as the full app (caption beside or under the canvas, never over
            it), without the bar and the key. */}
        <main className="scene embed-scene">
          <div className="scene-grid">
            <div ref={stageRef} className="stage embed-stage" aria-describedby={DESCRIPTION_ID}>
              <ErrorBoundary>
                <SceneCanvas />
              </ErrorBoundary>
              <Suspense fallback={null}>
                <WheelGate stageRef={stageRef} />
              </Suspense>
            </div>
            <LessonCaption />
            <DeferredSceneDescription />
          </div>
        </main>
        {map && (
          <Suspense fallback={null}>
            <EmbedMap />
          </Suspense>
        )}
      </div>
      <Suspense fallback={null}>
        <EmbedControls />
      </Suspense>
      <Notice />
    </div>
  );
}

function FullLayout() {
  const t = useT();
  const panelRef = useRef<HTMLElement>(null);
  const presentation = useScene((s) => s.presentation);
  const panelOpen = useStore(panelDrawer, (s) => s.open);
  useDrawerFocus(panelRef);
  return (
    <div className="app">
      {/* The scene's grid: the bar above, the canvas, the caption beside or under it, the key
          below. Nothing is laid over the canvas, so the fitted view is the whole canvas. */}
      <main className="scene">
        <div className="scene-grid">
          <header className="scene-bar">
            <SceneTitle />
            <Toolbar />
          </header>
          {/* Focusable (not in the tab order) so that a chosen lesson can hand focus to the scene. */}
          <div className="stage" tabIndex={-1} role="group" aria-label={t('scene.stage')} aria-describedby={DESCRIPTION_ID}>
            <ErrorBoundary>
              <SceneCanvas />
            </ErrorBoundary>
          </div>
          <DeferredSceneDescription />
          <LessonCaption />
          <SceneKey />
        </div>
      </main>
      <section className="dock" aria-label={t('app.dock')}>
        <PlaybackBar />
        <div className="readouts">
          <LossChart />
          <Legend />
        </div>
      </section>
      <aside
        ref={panelRef}
        id="settings-panel"
        className="panel"
        // Hidden while presenting: out of the tab order and the accessibility tree, not just the view.
        inert={presentation && !panelOpen}
      >
        <ControlPanel />
      </aside>
      <Notice />
      <DeferredHelpDialog />
    </div>
  );
}

export function App() {
  const embed = useScene((s) => s.embed.enabled);
  useDocumentFlags();
  useKeyboardShortcuts();
  // The postMessage bridge, only inside a frame (and then loaded: most pages are not framed).
  useEffect(() => {
    if (!isFramed()) return;
    let stop: (() => void) | null = null;
    let gone = false;
    void import('./embed/messages').then(({ startEmbedMessages }) => {
      if (!gone) stop = startEmbedMessages(document.getElementById('root'));
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return <ErrorBoundary>{embed ? <EmbedLayout /> : <FullLayout />}</ErrorBoundary>;
}
