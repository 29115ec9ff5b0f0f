import type { OverlayToggles as Toggles } from '../../state/store';
import { useScene } from '../../state/useScene';
import type { OverlayKey } from '../../i18n/overlayText';
import { ToggleGroup, type ToggleKind } from './ToggleGroup';
import { useOverlayText } from './useOverlayText';

const KINDS: readonly ToggleKind<keyof Toggles, OverlayKey>[] = [
  { kind: 'curvature', name: 'overlays.curvature', short: 'overlays.curvatureShort', hint: 'overlays.curvatureHint' },
  { kind: 'effLr', name: 'overlays.effLr', short: 'overlays.effLrShort', hint: 'overlays.effLrHint' },
];

/** Each overlay as the scene draws it, so that the button doubles as its legend. */
function Sample({ kind }: { readonly kind: keyof Toggles }) {
  return (
    <svg className={`overlay-sample overlay-sample-${kind}`} viewBox="0 0 24 14" aria-hidden="true" focusable="false">
      {kind === 'curvature' ? (
        <>
          <path className="overlay-sample-low" d="M3 11.5L21 2.5M2.1 9.7l1.8 3.6M20.1 0.7l1.8 3.6" />
          <path className="overlay-sample-high" d="M9.5 3.5l5 7M8 4.6l3-2.2M13 11.6l3-2.2" />
        </>
      ) : (
        <path d="M4 7h16M12 2v10M4 4.5v5M20 4.5v5M9.5 2h5M9.5 12h5" />
      )}
    </svg>
  );
}

/**
 * Two switches beside the arrows': the curvature axes (src/scene/CurvatureAxes.tsx, with their
 * readout) and the step-size crosses (src/scene/VectorArrows.tsx).
 */
export function OverlayToggles() {
  const t = useOverlayText();
  const overlays = useScene((s) => s.overlays);
  const setOverlays = useScene((s) => s.setOverlays);
  return (
    <ToggleGroup
      className="vector-toggles overlay-toggles"
      label={t('overlays.group')}
      kinds={KINDS}
      t={t}
      on={overlays}
      set={setOverlays}
      data="overlay"
      Sample={Sample}
    />
  );
}
