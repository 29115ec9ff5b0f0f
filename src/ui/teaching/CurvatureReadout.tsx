import { useLayoutEffect, useRef } from 'react';
import { translate } from '../../i18n';
import { overlayText, type OverlayKey } from '../../i18n/overlayText';
import { formatNumber } from '../../i18n/numberFormat';
import { curvaturePoint } from '../../state/curvaturePoint';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneStore, type CurvaturePlace } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useOverlayText } from './useOverlayText';
import './CurvatureReadout.css';

const PLACES: readonly { readonly place: CurvaturePlace; readonly label: OverlayKey }[] = [
  { place: 'particle', label: 'curvature.place.particle' },
  { place: 'start', label: 'curvature.place.start' },
];

function write(cell: Element | null, value: number): void {
  if (!(cell instanceof HTMLElement)) return;
  cell.textContent = formatNumber(value, 4);
  cell.dataset.value = String(value);
}

/**
 * Under the canvas while the curvature axes are on: where they are drawn, the Hessian's
 * eigenvalues λ₁ ≤ λ₂ (each with the colour of its axis), κ and the kind of point. The numbers
 * follow the playhead outside React (written to the DOM when the whole step changes), as the
 * legend's do.
 */
export function CurvatureReadout() {
  const t = useOverlayText();
  const lang = useScene((s) => s.lang);
  const at = useScene((s) => s.curvatureAt);
  const setAt = useScene((s) => s.setCurvatureAt);
  const rootRef = useRef<HTMLDivElement>(null);

  // Before paint, so that the numbers never show empty.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let shown = '';
    let frame = 0;
    const paint = () => {
      frame = 0;
      const state = sceneStore.getState();
      const p = curvaturePoint(state, playhead.step);
      const c = p.curvature;
      const run = p.runId === null ? undefined : state.runs.find((r) => r.id === p.runId);
      const key = `${p.x},${p.y},${c.hessian.join()},${p.runId},${p.step},${run?.optimizer},${lang}`;
      if (key === shown) return;
      shown = key;
      const tr = (k: OverlayKey, vars?: Record<string, string | number>) => overlayText(lang, k, vars);
      const where = root.querySelector('[data-field="where"]');
      if (where) {
        where.textContent = run ? tr('curvature.atParticle', { name: translate(lang, `optimizer.${run.optimizer}`), t: p.step }) : tr('curvature.atStart');
      }
      root.style.setProperty('--point-color', p.color ?? 'currentColor');
      const defined = Number.isFinite(c.lambda1) && Number.isFinite(c.lambda2);
      write(root.querySelector('[data-symbol="lambda1"]'), c.lambda1);
      write(root.querySelector('[data-symbol="lambda2"]'), c.lambda2);
      write(root.querySelector('[data-symbol="kappa"]'), c.condition);
      // Which of the two is drawn orange: the one of larger |λ| (λ₁ only on a saddle or a cap).
      const secondHigh = Math.abs(c.lambda2) >= Math.abs(c.lambda1);
      for (const [symbol, high, lambda] of [
        ['lambda1', !secondHigh, c.lambda1],
        ['lambda2', secondHigh, c.lambda2],
      ] as const) {
        const swatch = root.querySelector<HTMLElement>(`[data-swatch="${symbol}"]`);
        if (!swatch) continue;
        swatch.dataset.bend = high ? 'high' : 'low';
        swatch.dataset.sign = lambda < 0 ? 'negative' : 'positive';
        swatch.setAttribute('aria-label', tr(high ? 'curvature.high' : 'curvature.low'));
      }
      const shape = root.querySelector<HTMLElement>('[data-field="shape"]');
      if (shape) {
        shape.textContent = defined ? tr(`curvature.shape.${c.shape}`) : tr('curvature.undefined');
        shape.dataset.shape = defined ? c.shape : 'undefined';
      }
    };
    const request = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    paint();
    const offPlayhead = onPlayhead(request);
    const offStore = sceneStore.subscribe(request);
    return () => {
      offPlayhead();
      offStore();
      cancelAnimationFrame(frame);
    };
  }, [lang]);

  return (
    <div ref={rootRef} className="curvature-readout" role="group" aria-label={t('curvature.heading')} data-curvature-at={at}>
      <span className="curvature-title">
        <span className="curvature-name">{t('curvature.heading')}</span> <span className="curvature-where" data-field="where" />
      </span>
      <dl className="curvature-values" aria-label={t('curvature.values')}>
        {(['lambda1', 'lambda2'] as const).map((symbol, i) => (
          <div key={symbol} className="curvature-value">
            <dt>
              <span className="curvature-swatch" data-swatch={symbol} role="img" />
              {i === 0 ? 'λ₁' : 'λ₂'}
            </dt>
            <dd data-symbol={symbol} />
          </div>
        ))}
        <div className="curvature-value">
          <dt title={t('curvature.kappa')}>
            <span aria-hidden="true">κ</span>
            <span className="visually-hidden">{t('curvature.kappa')}</span>
          </dt>
          <dd data-symbol="kappa" />
        </div>
      </dl>
      <span className="curvature-shape" data-field="shape" />
      <div className="segmented curvature-place" role="group" aria-label={t('curvature.place')}>
        {PLACES.map(({ place, label }) => (
          <button key={place} type="button" aria-pressed={at === place} data-place={place} onClick={() => setAt(place)}>
            {t(label)}
          </button>
        ))}
      </div>
    </div>
  );
}
