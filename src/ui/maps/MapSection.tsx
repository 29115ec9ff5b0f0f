import { Suspense, lazy, useState } from 'react';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';

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
  return (
    <details
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
