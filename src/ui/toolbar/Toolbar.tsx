import { DeferredExportMenu } from '../export/DeferredExportMenu';
import { useT } from '../shell/useT';
import { LessonMenu } from './LessonMenu';
import { ShareMenu } from './ShareMenu';
import { ViewControls } from './ViewControls';

/**
 * The row over the canvas's top-right corner: the lessons, how the scene is viewed, then what
 * can be done with it (share a link, export). Wraps onto more rows where the stage is narrow.
 */
export function Toolbar() {
  const t = useT();
  return (
    <div className="toolbar" role="group" aria-label={t('toolbar.label')}>
      <LessonMenu />
      <ViewControls />
      <ShareMenu />
      <DeferredExportMenu />
    </div>
  );
}
