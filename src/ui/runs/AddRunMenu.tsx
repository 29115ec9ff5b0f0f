import { useId, useState } from 'react';
import { OPTIMIZERS, isOptimizerId, type OptimizerId } from '../../engine';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';

/** The first optimizer no run uses yet: what "Add" most likely means next. */
function firstUnused(used: ReadonlySet<string>): OptimizerId {
  return (OPTIMIZERS.find((o) => !used.has(o.id)) ?? OPTIMIZERS[0]).id;
}

/**
 * A menu and a button rather than a menu that adds on change: with the keyboard, a select
 * changes on every arrow press, which would add a run per press.
 */
export function AddRunMenu() {
  const t = useT();
  const addRun = useScene((s) => s.addRun);
  // A string, so that the selector's result compares equal while the set of optimizers stays.
  const usedKey = useScene((s) => s.runs.map((r) => r.optimizer).join(' '));
  const [choice, setChoice] = useState<OptimizerId | null>(null);
  const selected = choice ?? firstUnused(new Set(usedKey.split(' ')));
  const id = useId();
  return (
    <div className="add-run">
      <label htmlFor={id} className="visually-hidden">
        {t('add.label')}
      </label>
      <select
        id={id}
        className="select"
        value={selected}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isOptimizerId(next)) setChoice(next);
        }}
      >
        {OPTIMIZERS.map((o) => (
          <option key={o.id} value={o.id}>
            {t(`optimizer.${o.id}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          addRun(selected);
          // After an add, offer the next unused optimizer again.
          setChoice(null);
        }}
      >
        <span aria-hidden="true">+</span> {t('add.button')}
      </button>
    </div>
  );
}
