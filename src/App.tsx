import { useEffect } from 'react';
import { SceneCanvas } from './scene/SceneCanvas';
import { useScene } from './state/useScene';
import { ControlPanel } from './ui/ControlPanel';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { HelpDialog } from './ui/HelpDialog';
import { Legend } from './ui/Legend';
import { LossChart } from './ui/LossChart';
import { Notice } from './ui/Notice';
import { PlaybackBar } from './ui/PlaybackBar';
import { useKeyboardShortcuts } from './ui/useKeyboardShortcuts';
import { ViewControls } from './ui/ViewControls';

export function App() {
  const lang = useScene((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useKeyboardShortcuts();
  return (
    <ErrorBoundary>
      <div className="app">
        <main className="stage">
          <ErrorBoundary>
            <SceneCanvas />
          </ErrorBoundary>
          <Legend />
          <ViewControls />
        </main>
        <section className="dock">
          <PlaybackBar />
          <LossChart />
        </section>
        <aside className="panel">
          <ControlPanel />
        </aside>
        <Notice />
        <HelpDialog />
      </div>
    </ErrorBoundary>
  );
}
