import { Suspense, lazy, useState } from 'react';
import { stopDeferring, useAfterFirstFrame } from '../shell/afterFirstFrame';
import { ExportButtonFace } from './ExportButtonFace';
import './ExportMenu.css';

// The export menu (its exporters, the video planner, the PyTorch item) is not needed for the
// first frame: it loads after it, like the update-rule panel. Until then its button is here
// already, in place, and a press on it loads the menu and opens it.
const ExportMenu = lazy(() => import('./ExportMenu').then((m) => ({ default: m.ExportMenu })));

export function DeferredExportMenu() {
  const ready = useAfterFirstFrame();
  const [asked, setAsked] = useState(false);
  const placeholder = (
    <div className="export-menu">
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={false}
        onClick={() => {
          setAsked(true);
          stopDeferring();
        }}
      >
        <ExportButtonFace />
      </button>
    </div>
  );
  if (!ready) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ExportMenu openAtOnce={asked} />
    </Suspense>
  );
}
