import { useT } from '../shell/useT';

/** The export button's face: its icon and word, the same before and after the menu loads. */
export function ExportButtonFace() {
  const t = useT();
  return (
    <>
      <svg className="export-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v3h16v-3" />
      </svg>
      <span className="toolbar-label">{t('export.button')}</span>
    </>
  );
}
