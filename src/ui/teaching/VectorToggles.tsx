import type { VectorToggles as Toggles } from '../../state/store';
import { useScene } from '../../state/useScene';
import { type MessageKey } from '../../i18n';
import { useT } from '../shell/useT';
import { ToggleGroup, type ToggleKind } from './ToggleGroup';
import '../toolbar/LessonMenu.css';

const KINDS: readonly ToggleKind<keyof Toggles, MessageKey>[] = [
  { kind: 'gradient', name: 'vectors.gradient', short: 'vectors.gradientShort', hint: 'vectors.gradientHint' },
  { kind: 'momentum', name: 'vectors.momentum', short: 'vectors.momentumShort', hint: 'vectors.momentumHint' },
  { kind: 'step', name: 'vectors.step', short: 'vectors.stepShort', hint: 'vectors.stepHint' },
];

/** A sample of how each kind of arrow is drawn, so that the button doubles as its legend. */
function Sample({ kind }: { readonly kind: keyof Toggles }) {
  return (
    <svg className={`vector-sample vector-sample-${kind}`} viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      <path className="vector-sample-shaft" d="M2 6h17" />
      <path className="vector-sample-head" d="M15 2l5 4-5 4" />
    </svg>
  );
}

/** Three switches for the arrows drawn at each particle (src/scene/VectorArrows.tsx). */
export function VectorToggles() {
  const t = useT();
  const vectors = useScene((s) => s.vectors);
  const setVectors = useScene((s) => s.setVectors);
  return (
    <ToggleGroup
      className="vector-toggles"
      label={t('vectors.group')}
      kinds={KINDS}
      t={t}
      on={vectors}
      set={setVectors}
      data="vector"
      Sample={Sample}
    />
  );
}
