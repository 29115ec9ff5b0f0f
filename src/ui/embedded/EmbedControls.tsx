import { useEffect, useRef, type CSSProperties, type SyntheticEvent } from 'react';
import { HYPERPARAM_KEYS, type HyperparamKey } from '../../engine';
import { fullAppUrl } from '../../embed/openLink';
import { runMarkers } from '../../state/markers';
import { computeScene } from '../../state/paths';
import { rewind, togglePlaying } from '../../state/playback';
import { onPlayhead, playhead } from '../../state/playhead';
import { optimizerParams, sceneStore } from '../../state/store';
import { writeUrl } from '../../state/url/codec';
import { useScene } from '../../state/useScene';
import { useEmbedControlsText } from '../../i18n/embedControlsText';
import { useLang, useT } from '../shell/useT';
import { ParamControl } from '../panel/ParamControl';
import { MarkerIcon } from '../runs/MarkerIcon';
import './EmbedControls.css';

const PLAY = 'M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z';
const PAUSE = 'M6 4h4v16H6zM14 4h4v16h-4z';
const REWIND = 'M5 4h2.5v16H5zM20 5v14a.8.8 0 0 1-1.2.7L9 12.7a.8.8 0 0 1 0-1.4l9.8-7A.8.8 0 0 1 20 5z';
const OPEN = 'M14 3h7v7h-2V6.4l-8.3 8.3-1.4-1.4L17.6 5H14zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z';

function Icon({ d }: { readonly d: string }) {
  return (
    <svg className="embed-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

function isHyperparamKey(key: string): key is HyperparamKey {
  return (HYPERPARAM_KEYS as readonly string[]).includes(key);
}

/**
 * The address of this scene in the full app, written from the scene itself: a frame sandboxed
 * without allow-same-origin cannot update its own address, so the page's URL may be stale.
 */
function openHref(): string {
  try {
    const state = sceneStore.getState();
    const url = new URL(window.location.href);
    url.search = writeUrl({ ...state, embed: { enabled: false, controls: [] } }, playhead.step);
    return fullAppUrl(url.href);
  } catch {
    return fullAppUrl(window.location.href);
  }
}

function refreshHref(e: SyntheticEvent<HTMLAnchorElement>): void {
  e.currentTarget.href = openHref();
}

/**
 * The embed's only chrome, under the canvas: play/pause, back to the start, the step, the
 * sliders the author chose (for each visible run whose optimizer reads them), and a link to the
 * full app. The step follows the playhead through a ref, as the playback bar's does.
 */
export function EmbedControls() {
  const t = useT();
  const et = useEmbedControlsText(useLang());
  const playing = useScene((s) => s.playing);
  const runs = useScene((s) => s.runs);
  const controls = useScene((s) => s.embed.controls);
  const lastStep = useScene((s) => computeScene(s).lastStep);
  const stepRef = useRef<HTMLSpanElement>(null);

  useEffect(
    () =>
      onPlayhead((step) => {
        const el = stepRef.current;
        if (!el) return;
        const whole = String(Math.min(lastStep, Math.floor(step + 1e-9)));
        if (el.textContent !== whole) {
          el.textContent = whole;
          el.dataset.value = whole;
        }
      }),
    [lastStep],
  );

  const keys = controls.filter(isHyperparamKey);
  // The shapes of the runs as the scene draws them (a shape depends on every run, hidden ones too).
  const markers = runMarkers(runs);
  const groups = runs
    .map((run, i) => ({ run, marker: markers[i] }))
    .filter(({ run }) => run.visible)
    .map(({ run, marker }) => ({ run, marker, keys: keys.filter((k) => optimizerParams(run.optimizer).includes(k)) }))
    .filter((g) => g.keys.length > 0);

  return (
    <div className="embed-controls">
      <div className="embed-bar" role="group" aria-label={et('embed.player')}>
        <button
          type="button"
          className="button primary embed-play"
          onClick={togglePlaying}
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          title={playing ? t('playback.pause') : t('playback.play')}
          data-playing={playing}
        >
          <Icon d={playing ? PAUSE : PLAY} />
        </button>
        <button type="button" className="button embed-button" onClick={rewind} aria-label={t('playback.rewind')} title={t('playback.rewind')}>
          <Icon d={REWIND} />
        </button>
        <span className="embed-step">
          <span className="embed-step-label">{t('playback.step')}</span>{' '}
          <span ref={stepRef} className="embed-step-value" data-field="step" style={{ minWidth: `${String(lastStep).length}ch` }} />
          <span className="embed-step-total">
            {' / '}
            <span data-field="last-step" data-value={lastStep}>
              {lastStep}
            </span>
          </span>
        </span>
        <a
          className="embed-open"
          href={openHref()}
          target="_blank"
          rel="noopener"
          title={et('embed.openHint')}
          // The scene may have changed since the last render: whichever way the link is used
          // (click, middle click, keyboard, "copy link"), it is brought up to date first.
          onPointerDown={refreshHref}
          onFocus={refreshHref}
          onClick={refreshHref}
          onContextMenu={refreshHref}
        >
          {et('embed.open')}
          <Icon d={OPEN} />
        </a>
      </div>
      {groups.length > 0 && (
        <div className="embed-params" role="group" aria-label={et('embed.params')} data-embed-fit="">
          {groups.map(({ run, marker, keys: shown }) => (
            <div
              key={run.id}
              className="embed-run"
              role="group"
              aria-label={t(`optimizer.${run.optimizer}`)}
              style={{ '--run-color': run.color } as CSSProperties}
            >
              <span className="embed-run-name" aria-hidden="true">
                {/* The particle's shape: which sliders drive which particle, without colour. */}
                <MarkerIcon shape={marker} className="embed-swatch" />
                {t(`optimizer.${run.optimizer}`)}
              </span>
              {shown.map((key) => (
                <ParamControl key={key} runId={run.id} paramKey={key} value={run.params[key]} />
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
