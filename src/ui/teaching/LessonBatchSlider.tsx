import { useCallback, type CSSProperties } from 'react';
import { dataText } from '../../i18n/dataText';
import { sceneBatch } from '../../state/runSpec';
import { sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { FieldError } from '../panel/FieldError';
import { useNumberDraft, type DraftCheck } from '../panel/useNumberDraft';
import { parseNumber } from '../shell/typedNumber';
import { useLang } from '../shell/useT';

/** Every example in one batch is the full batch: the store writes it as none (size null). */
function setSize(size: number, count: number): void {
  sceneStore.getState().setBatch({ size: size >= count ? null : size });
}

/**
 * The batch size in a lesson's caption (lessons on real data), beside the words that ask the
 * student to drag it: 1 … every example, as the batch control under the surface menu. Loaded with
 * the first such lesson (the data's words come with it).
 */
export function LessonBatchSlider() {
  const lang = useLang();
  const count = useScene((s) => sceneSurface(s).data?.examples.count ?? 0);
  const size = useScene((s) => sceneBatch(s, sceneSurface(s))?.size) ?? count;
  const label = dataText(lang, 'data.batch');
  const check = useCallback(
    (text: string): DraftCheck => {
      const v = parseNumber(text);
      return v !== null && Number.isInteger(v) && v >= 1 && v <= count ? { ok: true, value: v } : { ok: false, error: dataText(lang, 'data.batch.error', { n: count }) };
    },
    [count, lang],
  );
  const draft = useNumberDraft({
    value: size,
    format: String,
    check,
    apply: (v) => setSize(v, count),
    nudge: (v, dir) => Math.min(count, Math.max(1, v + dir)),
  });
  // Off a data surface (the scene left for another meanwhile) there is nothing to size.
  if (count < 2) return null;
  const fill = `${(((size - 1) / (count - 1)) * 100).toFixed(2)}%`;
  return (
    <div className="param" data-control="lesson-batch">
      {/* A word, not a symbol: the caption's sliders hide their names and show their symbols. */}
      <div className="param-label" aria-hidden="true">
        <span>{label}</span>
      </div>
      <input className="number-input param-number" type="number" step={1} min={1} max={count} aria-label={label} {...draft.inputProps} />
      <input
        className="param-range"
        type="range"
        min={1}
        max={count}
        step={1}
        value={size}
        aria-label={label}
        aria-valuetext={size >= count ? dataText(lang, 'data.batch.full', { n: count }) : String(size)}
        style={{ '--fill': fill } as CSSProperties}
        onChange={(e) => setSize(Number(e.currentTarget.value), count)}
      />
      <FieldError id={draft.errorId} message={draft.error} />
    </div>
  );
}
