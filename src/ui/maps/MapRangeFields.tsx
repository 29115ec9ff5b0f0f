import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { hyperparamInfo, parseDecimal, type HyperparamKey } from '../../engine';
import { formatNumber } from '../../i18n/numberFormat';
import { mapStore } from '../../state/maps';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { FieldError } from '../panel/FieldError';
import { useT } from '../shell/useT';
import { useMapText } from './useMapText';

/**
 * An axis's range, typed: CS231n's "coarse to fine" is a map over the whole slider, then one over
 * the region that worked. A value outside the slider's range, or a range the wrong way round, is
 * refused with the range it must lie in; the map keeps the last good one.
 */
export function MapRangeFields({ axis, param }: { axis: 'x' | 'y'; param: HyperparamKey }) {
  const t = useT();
  const m = useMapText();
  const id = useId();
  const range = useScene((s) => (axis === 'x' ? s.map.xRange : s.map.yRange));
  const request = useStore(mapStore, (s) => s.request);
  const info = hyperparamInfo(param);
  const shown = request?.kind === 'hyper' && request[axis].param === param ? [request[axis].from, request[axis].to] : range;
  const [draft, setDraft] = useState<[string, string]>(['', '']);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(shown ? [String(shown[0]), String(shown[1])] : ['', '']);
    setError(null);
  }, [shown?.[0], shown?.[1], param]);
  if (!info) return null;

  const commit = (next: [string, string]) => {
    const from = parseDecimal(next[0]);
    const to = parseDecimal(next[1]);
    const ok = from !== null && to !== null && from >= info.min && to <= info.max && from < to && info.valid(from) && info.valid(to);
    if (!ok) {
      setError(m('maps.range.error', { min: formatNumber(info.min, 4), max: formatNumber(info.max, 4) }));
      return;
    }
    setError(null);
    sceneStore.getState().setMap(axis === 'x' ? { xParam: param, xRange: [from, to] } : { yParam: param, yRange: [from, to] });
  };

  const field = (k: 0 | 1, label: string) => (
    <label className="map-range-field">
      <span>{label}</span>
      <input
        className="number-input"
        inputMode="decimal"
        value={draft[k]}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const next: [string, string] = k === 0 ? [e.currentTarget.value, draft[1]] : [draft[0], e.currentTarget.value];
          setDraft(next);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
        }}
      />
    </label>
  );

  return (
    <div className="map-range" role="group" aria-label={`${info.symbol} ${t(`param.${param}`)}`}>
      {field(0, m('maps.from'))}
      {field(1, m('maps.to'))}
      <button type="button" className="button map-range-reset" onClick={() => sceneStore.getState().setMap(axis === 'x' ? { xRange: null } : { yRange: null })} title={m('maps.resetRange')} aria-label={m('maps.resetRange')}>
        ⤢
      </button>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
