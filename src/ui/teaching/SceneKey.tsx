import { Suspense, lazy } from 'react';
import { markedKey, sceneMarks } from '../../state/markedPoints';
import { computeScene } from '../../state/paths';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';
import { useAfterFirstFrame } from '../shell/afterFirstFrame';
import { VectorToggles } from './VectorToggles';

// The overlays' switches and readout follow the first frame, with their words: the first download
// has no room to spare.
const OverlayControls = lazy(() => import('./OverlayControls').then((m) => ({ default: m.OverlayControls })));
// With the data sets' words, for a scene in mini-batches only.
const BatchKey = lazy(() => import('../data/BatchKey').then((m) => ({ default: m.BatchKey })));

type MarkKind = 'start' | 'global' | 'local' | 'saddle' | 'unpenalized' | 'origin';

/** A drawing of each marker as the scene shows it, so that the key needs no colour words. */
function Mark({ kind }: { readonly kind: MarkKind }) {
  return (
    <svg className={`scene-mark scene-mark-${kind}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {kind === 'start' ? (
        <path d="M4 3h8l-4 6zM7.3 8h1.4v7H7.3z" />
      ) : kind === 'origin' ? (
        <path d="M3 8h10M8 3v10" />
      ) : (
        <ellipse cx="8" cy="8" rx="6" ry="3.6" />
      )}
    </svg>
  );
}

/**
 * Under the canvas: what the pin and the rings mean (only those drawn), that a click moves the
 * start, the switches for the arrows at the particles and the overlays, and (with the curvature
 * axes on) their readout.
 */
export function SceneKey() {
  const t = useT();
  // Re-rendered when the marked points change (a run settling in another local minimum).
  useScene((s) => markedKey(sceneMarks(s)));
  const marked = sceneMarks(sceneStore.getState());
  const later = useAfterFirstFrame();
  const inBatches = useScene((s) => computeScene(s).epochSteps > 0);
  const gradientArrows = useScene((s) => s.vectors.gradient);
  const hasGlobal = marked.minima.some((m) => m.kind === 'global');
  const hasLocal = marked.minima.some((m) => m.kind !== 'global');
  return (
    <div className="scene-key">
      <ul className="scene-key-marks" aria-label={t('scene.key')}>
        <li title={t('scene.key.start')}>
          <Mark kind="start" />
          <span className="scene-key-wide">{t('scene.key.start')}</span>
          <span className="scene-key-narrow">{t('scene.key.startShort')}</span>
        </li>
        {hasGlobal && (
          <li>
            <Mark kind="global" />
            {t('scene.key.global')}
          </li>
        )}
        {(hasLocal || marked.hiddenLocal > 0) && (
          <li title={marked.hiddenLocal > 0 ? t('scene.key.hiddenLocal', { n: marked.hiddenLocal }) : undefined}>
            <Mark kind="local" />
            {t('scene.key.local')}
            {marked.hiddenLocal > 0 && <span className="visually-hidden"> ({t('scene.key.hiddenLocal', { n: marked.hiddenLocal })})</span>}
          </li>
        )}
        {marked.unpenalized.length > 0 && (
          <li>
            <Mark kind="unpenalized" />
            <span className="scene-key-wide">{t('scene.key.unpenalized')}</span>
            <span className="scene-key-narrow">{t('scene.key.unpenalizedShort')}</span>
          </li>
        )}
        {marked.origin && (
          <li>
            <Mark kind="origin" />
            <span className="scene-key-wide">{t('scene.key.origin')}</span>
            <span className="scene-key-narrow">{t('scene.key.originShort')}</span>
          </li>
        )}
        {marked.saddles.length > 0 && (
          <li>
            <Mark kind="saddle" />
            {t('scene.key.saddle')}
          </li>
        )}
        {inBatches && (
          <Suspense fallback={null}>
            <BatchKey arrows={gradientArrows} />
          </Suspense>
        )}
      </ul>
      <VectorToggles />
      {later && (
        <Suspense fallback={null}>
          <OverlayControls />
        </Suspense>
      )}
    </div>
  );
}
