import { useCallback, useId, type CSSProperties } from 'react';
import type { DataSurface } from '../../engine/data/dataSurfaces';
import { dataText, isDataKey, type DataKey } from '../../i18n/dataText';
import { computeScene } from '../../state/paths';
import { sceneBatch } from '../../state/runSpec';
import { sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { parseNumber } from '../shell/typedNumber';
import { useLang } from '../shell/useT';
import { FieldError } from '../panel/FieldError';
import { useNumberDraft, type DraftCheck } from '../panel/useNumberDraft';
import { DataPlot } from './DataPlot';
import './DataPanel.css';

type DataTranslate = (key: DataKey, vars?: Readonly<Record<string, string | number>>) => string;

function useDataText(): DataTranslate {
  const lang = useLang();
  return useCallback<DataTranslate>((key, vars) => dataText(lang, key, vars), [lang]);
}

/**
 * Under a data surface's name: what the model is and where its numbers come from, and the batch
 * size (1 … every example; every example is plain gradient descent on the full loss) with
 * DataLoader's drop_last. Loaded with the data sets.
 */
export function DataPanel() {
  const d = useDataText();
  const surface = useScene(sceneSurface) as Partial<DataSurface>;
  const batch = useScene((s) => s.batch);
  // The runs' steps per epoch, as the scene computed them (0 with no run to compute).
  const epochSteps = useScene((s) => computeScene(s).epochSteps);
  const id = useId();
  const count = surface.data?.examples.count ?? 0;
  // The size the runs use: every example when they descend the full loss.
  const size = useScene((s) => sceneBatch(s, sceneSurface(s))?.size) ?? count;
  const draft = useNumberDraft({
    value: size,
    format: String,
    check: (text): DraftCheck => {
      const v = parseNumber(text);
      return v !== null && Number.isInteger(v) && v >= 1 && v <= count ? { ok: true, value: v } : { ok: false, error: d('data.batch.error', { n: count }) };
    },
    apply: (v) => sceneStore.getState().setBatch({ size: v >= count ? null : v }),
    nudge: (v, dir) => Math.min(count, Math.max(1, v + dir)),
  });
  const label = useCallback((key: string, vars?: Readonly<Record<string, string | number>>) => (isDataKey(key) ? d(key, vars) : key), [d]);
  if (!surface.data || !surface.dataset || !surface.id) return null;
  const aboutKey = `data.about.${surface.id}`;
  // With no run, the scene computed no epoch: the data surface counts it the same way.
  const epoch = epochSteps > 0 ? epochSteps : surface.data.epochSteps({ size, seed: 0, dropLast: batch.dropLast });
  return (
    <div className="data-panel" data-field="data-panel">
      {isDataKey(aboutKey) && <p className="lesson">{d(aboutKey)}</p>}
      <p className="data-source">{d('data.source', { source: surface.dataset.source })}</p>
      <div className="param data-batch">
        <label className="param-label" htmlFor={id}>
          <span className="param-name">{d('data.batch')}</span>
        </label>
        <input id={id} className="number-input param-number" type="number" step={1} min={1} max={count} {...draft.inputProps} />
        <input
          className="param-range"
          type="range"
          min={1}
          max={count}
          step={1}
          value={size}
          aria-label={d('data.batch')}
          // The track fills up to the thumb, as the panel's other sliders do.
          style={{ '--fill': `${(((size - 1) / Math.max(1, count - 1)) * 100).toFixed(2)}%` } as CSSProperties}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            sceneStore.getState().setBatch({ size: v >= count ? null : v });
          }}
        />
        <FieldError id={draft.errorId} message={draft.error} />
      </div>
      <p className="data-note" data-field="batch-note">
        {size >= count ? d('data.batch.full', { n: count }) : d('data.batch.epoch', { k: epoch })}
      </p>
      <label className="check">
        <input type="checkbox" checked={batch.dropLast} disabled={size >= count} onChange={(e) => sceneStore.getState().setBatch({ dropLast: e.currentTarget.checked })} />
        <span>{d('data.dropLast')}</span>
      </label>
      <h3 className="data-plot-heading">{d('data.plot.heading')}</h3>
      <DataPlot surface={surface as DataSurface} label={label} />
      {surface.model === 'logistic' && <p className="data-note">{d('data.classes')}</p>}
    </div>
  );
}
