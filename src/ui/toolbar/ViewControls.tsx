import { useStore } from 'zustand';
import { useScene } from '../../state/useScene';
import { webglStatus } from '../../state/webglStatus';
import { useT } from '../shell/useT';
import { panelDrawer, togglePanel, togglePresentation } from '../shell/presentation';

// Drawn, not typed: ☀ and ☾ turn into colour emoji on some phones.
const ICON = {
  sun: 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM11 1h2v3h-2zM11 20h2v3h-2zM1 11h3v2H1zM20 11h3v2h-3zM4.2 2.8l2.1 2.1-1.4 1.4-2.1-2.1zM17.7 17.7l2.1 2.1-1.4 1.4-2.1-2.1zM2.8 19.8l2.1-2.1 1.4 1.4-2.1 2.1zM17.7 6.3l2.1-2.1 1.4 1.4-2.1 2.1z',
  moon: 'M20.5 14.6A8.5 8.5 0 0 1 9.4 3.5a8.5 8.5 0 1 0 11.1 11.1z',
  present: 'M2 3h20v2h-1v10a2 2 0 0 1-2 2h-6v2.3l3.2 2-1.1 1.7-3.1-2-3.1 2-1.1-1.7 3.2-2V17H5a2 2 0 0 1-2-2V5H2zm3 2v10h14V5zm2 7h3v2H7zm5-3h3v5h-3z',
  panel: 'M3 5h18v2H3zM3 11h18v2H3zM3 17h18v2H3zM7 3h2v6H7zM15 9h2v6h-2zM9 15h2v6H9z',
};

function Icon({ d }: { readonly d: string }) {
  return (
    <svg className="view-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/**
 * In the bar above the canvas: 3D / 2D, camera reset, the light theme, presentation mode and, while
 * presenting, the button that brings back the hidden settings panel.
 */
export function ViewControls() {
  const chosen = useScene((s) => s.view);
  // Without WebGL only the 2D drawing can be shown: the bar says so, and keeps the reader's choice
  // (the link's view) for a browser that has WebGL.
  const noWebgl = useStore(webglStatus, (s) => s.unavailable);
  const view = noWebgl ? '2d' : chosen;
  const setView = useScene((s) => s.setView);
  const resetCamera = useScene((s) => s.resetCamera);
  const theme = useScene((s) => s.theme);
  const setTheme = useScene((s) => s.setTheme);
  const presentation = useScene((s) => s.presentation);
  const panelOpen = useStore(panelDrawer, (s) => s.open);
  const t = useT();
  const withKey = (label: string, key: string) => t('playback.shortcut', { label, key });
  return (
    <div className="view-controls">
      <div className="segmented" role="group" aria-label={t('view.group')}>
        <button
          type="button"
          aria-pressed={view === '3d'}
          // aria-disabled, not disabled: the button stays in the Tab order, so its reason is heard.
          aria-disabled={noWebgl || undefined}
          aria-describedby={noWebgl ? 'view-3d-reason' : undefined}
          title={noWebgl ? t('view.3dNeedsWebgl') : undefined}
          onClick={() => {
            if (!noWebgl) setView('3d');
          }}
        >
          {t('view.3d')}
        </button>
        <button type="button" aria-pressed={view === '2d'} onClick={() => setView('2d')} aria-label={t('view.2d')}>
          <span className="toolbar-long">{t('view.2d')}</span>
          <span className="toolbar-short" aria-hidden="true">
            {t('view.2dShort')}
          </span>
        </button>
        {noWebgl && (
          <span id="view-3d-reason" className="visually-hidden">
            {t('view.3dNeedsWebgl')}
          </span>
        )}
      </div>
      <button type="button" className="button" onClick={resetCamera} title={t('view.resetCamera')}>
        <span aria-hidden="true">⟲</span>
        <span className="toolbar-label">{t('view.resetCamera')}</span>
      </button>
      <button
        type="button"
        className="button view-icon-button"
        aria-pressed={theme === 'light'}
        aria-label={t('theme.light')}
        title={t('theme.light')}
        onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}
        data-control="theme"
      >
        <Icon d={theme === 'light' ? ICON.sun : ICON.moon} />
      </button>
      <button
        type="button"
        className="button view-icon-button"
        aria-pressed={presentation}
        aria-label={t('present.mode')}
        title={withKey(t('present.mode'), 'P')}
        onClick={togglePresentation}
        data-control="presentation"
      >
        <Icon d={ICON.present} />
      </button>
      {presentation && (
        <button
          type="button"
          className="button view-icon-button"
          aria-expanded={panelOpen}
          aria-controls="settings-panel"
          aria-label={t('present.panel')}
          title={withKey(t('present.panel'), 'S')}
          onClick={() => togglePanel()}
          data-panel-toggle=""
        >
          <Icon d={ICON.panel} />
        </button>
      )}
    </div>
  );
}
