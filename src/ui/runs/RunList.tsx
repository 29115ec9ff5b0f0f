import { runMarkers } from '../../state/markers';
import { useScene } from '../../state/useScene';
import { AddRunMenu } from './AddRunMenu';
import { useT } from '../shell/useT';
import { RunCard } from './RunCard';

/** Every run as a card, then the control that adds one. */
export function RunList() {
  const runs = useScene((s) => s.runs);
  const t = useT();
  const markers = runMarkers(runs);
  return (
    <>
      {runs.length === 0 ? (
        <p className="runs-empty">{t('runs.empty')}</p>
      ) : (
        <ul className="run-list">
          {runs.map((run, i) => (
            <RunCard key={run.id} run={run} marker={markers[i]} />
          ))}
        </ul>
      )}
      <AddRunMenu />
    </>
  );
}
