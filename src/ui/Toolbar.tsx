import { ExportMenu } from './ExportMenu';
import { useT } from './i18n';
import { ShareMenu } from './ShareMenu';
import { ViewControls } from './ViewControls';

/**
 * The row over the canvas's top-right corner: how the scene is viewed, then what can be done
 * with it (share a link, export). Wraps onto a second row on a phone.
 */
export function Toolbar() {
  const t = useT();
  return (
    <div className="toolbar" role="group" aria-label={t('toolbar.label')}>
      <ViewControls />
      <ShareMenu />
      <ExportMenu />
    </div>
  );
}
