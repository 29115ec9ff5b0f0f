import { useScene } from '../state/useScene';
import { useT } from './i18n';

/** 3D / 2D switch and camera reset, over the canvas's corner. */
export function ViewControls() {
  const view = useScene((s) => s.view);
  const setView = useScene((s) => s.setView);
  const resetCamera = useScene((s) => s.resetCamera);
  const t = useT();
  return (
    <div className="view-controls">
      <div className="segmented" role="group" aria-label="View">
        <button type="button" aria-pressed={view === '3d'} onClick={() => setView('3d')}>
          {t('view.3d')}
        </button>
        <button type="button" aria-pressed={view === '2d'} onClick={() => setView('2d')}>
          {t('view.2d')}
        </button>
      </div>
      <button type="button" className="button" onClick={resetCamera} title={t('view.resetCamera')}>
        ⟲ <span className="label-wide">{t('view.resetCamera')}</span>
      </button>
    </div>
  );
}
