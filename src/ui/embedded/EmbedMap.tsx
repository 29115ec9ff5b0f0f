import { Suspense, lazy } from 'react';
import { useT } from '../shell/useT';
import './EmbedMap.css';

const MapPanel = lazy(() => import('../maps/MapPanel').then((m) => ({ default: m.MapPanel })));

/**
 * An embed whose link shows a map (map=hyper or map=basin): the map beside the scene (below it on
 * a narrow frame), with its controls, as the full app's Maps section has them. An embed has no
 * panel, so without this a shared map would compute nowhere and show nothing.
 */
export function EmbedMap() {
  const t = useT();
  return (
    <aside className="embed-map" aria-labelledby="embed-map-title">
      <h2 id="embed-map-title" className="embed-map-title">
        {t('maps.heading')}
      </h2>
      <Suspense fallback={null}>
        <MapPanel embedded />
      </Suspense>
    </aside>
  );
}
