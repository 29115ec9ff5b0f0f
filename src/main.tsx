import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import './ui/shell/fonts.css';
import './ui/shell/styles.css';
import { App } from './App';
import { renderInfo } from './scene/renderInfo';
import { projectToScreen } from './scene/screenProbe';
import { computeScene } from './state/paths';
import { startPlayback } from './state/playback';
import { playhead, seek } from './state/playhead';
import { sceneStore } from './state/store';
import { mapStore } from './state/maps';
import { startUrlSync } from './state/urlSync';
import { afterFirstFrame } from './ui/shell/afterFirstFrame';
import { loadKoreanFont } from './ui/shell/koreanFont';
import { followTextScale } from './ui/shell/textScale';

// The program has loaded: public/boot.js stops waiting for it and never shows its message.
document.documentElement.setAttribute('data-started', '');
// Before the first render, so the first frame is laid out at the reader's text size.
followTextScale();

startPlayback();
// Before the first render: a shared link opens on its own scene, never on a flash of the default.
startUrlSync();

// A read-only window into the running scene for tests, the benchmark and curious students in
// the console: the store, the computed paths, the playhead, where a point is drawn, and what
// three.js holds on the GPU (renderInfo, for the soak run).
Object.assign(window, { __descent: { store: sceneStore, computeScene, playhead, seek, project: projectToScreen, maps: mapStore, renderInfo } });

// Offline support registers after the page's load (registerServiceWorker.ts), so its code comes
// then too, not with the first download.
if (import.meta.env.PROD) {
  const register = () => void import('./registerServiceWorker').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

// Korean text needs its font now; an English page only for "한국어" on the language switch.
if (sceneStore.getState().lang === 'ko') void loadKoreanFont();
else afterFirstFrame(() => void loadKoreanFont());
sceneStore.subscribe((s) => {
  if (s.lang === 'ko') void loadKoreanFont();
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
