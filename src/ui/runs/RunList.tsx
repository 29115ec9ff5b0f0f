import { useScene } from '../../state/useScene';
import { AddRunMenu } from './AddRunMenu';
import { useT } from '../shell/useT';
import { RunCard } from './RunCard';

/** Every run as a card, then the control that adds one. */
export function RunList() {
  const runs = useScene((s) => s.runs);
  const t = useT();
  return (
    <>
      {runs.length === 0 ? (
        <p className="runs-empty">{t('runs.empty')}</p>
      ) : (
        <ul className="run-list">
          {runs.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </ul>
      )}
      <AddRunMenu />
    </>
  );
}
