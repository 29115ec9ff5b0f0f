import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { computeScene } from '../../state/paths';
import { onPlaybackRate, rewind, stepBy, togglePlaying } from '../../state/playback';
import { onPlayhead, seek } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { formatSpeed } from '../../i18n/numberFormat';
import { fullscreenAvailable, isFullscreen, toggleFullscreen } from '../toolbar/fullscreen';
import { toggleTrace, useTracePlaying } from '../audio/audioTrace';
import { useT } from '../shell/useT';
import { indexToSpeed, SPEED_LADDER, speedToIndex, showsActualRate } from './speedScale';
import './PlaybackBar.css';

// Icons are drawn rather than typed: ▶ and ⏸ render as colour emoji on some phones.
function Icon({ d }: { d: string }) {
  return (
    <svg className="pb-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
const ICON = {
  play: 'M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  rewind: 'M5 4h2.5v16H5zM20 5v14a.8.8 0 0 1-1.2.7L9 12.7a.8.8 0 0 1 0-1.4l9.8-7A.8.8 0 0 1 20 5z',
  back: 'M17 5v14a.8.8 0 0 1-1.2.7L6.5 12.7a.8.8 0 0 1 0-1.4l9.3-7A.8.8 0 0 1 17 5zM4 5h2v14H4z',
  forward: 'M7 5v14a.8.8 0 0 0 1.2.7l9.3-7a.8.8 0 0 0 0-1.4l-9.3-7A.8.8 0 0 0 7 5zM18 5h2v14h-2z',
  // A note (♪), not a speaker: the button plays the run as music, it is no volume control.
  listen: 'M11 3v10.3a3.5 3.5 0 1 0 2 3.2V8h5V3z',
  help: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 16.2a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6zm1.6-5.7c-.7.5-.8.8-.8 1.5h-2c0-1.5.4-2.2 1.5-3 .8-.6 1.2-.9 1.2-1.7a1.5 1.5 0 0 0-3 0h-2a3.5 3.5 0 1 1 7 0c0 1.5-.9 2.3-1.9 3.2z',
  fullscreen: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
  exitFullscreen: 'M8 4h2v6H4V8h4zM14 4h2v4h4v2h-6zM4 14h6v6H8v-4H4zM14 14h6v2h-4v4h-2z',
};

/**
 * Play, step, rewind, the timeline and the speed. The timeline and the step readout follow the
 * playhead every frame through refs; React re-renders this bar only on user actions.
 */
export function PlaybackBar() {
  const t = useT();
  const playing = useScene((s) => s.playing);
  const speed = useScene((s) => s.speed);
  const setSpeed = useScene((s) => s.setSpeed);
  const setHelpOpen = useScene((s) => s.setHelpOpen);
  // computeScene is memoized on the inputs, so this selector is cheap and re-renders only when
  // the end of playback moves.
  const lastStep = useScene((s) => computeScene(s).lastStep);
  const timelineRef = useRef<HTMLInputElement>(null);
  const stepRef = useRef<HTMLSpanElement>(null);
  const actualRef = useRef<HTMLSpanElement>(null);
  const fullscreen = useFullscreen();
  const listening = useTracePlaying();
  const speedId = useId();
  const playedId = useId();

  useEffect(() => {
    let shown = -1;
    return onPlayhead((step) => {
      const whole = Math.min(lastStep, Math.floor(step + 1e-9));
      if (whole === shown) return;
      shown = whole;
      const input = timelineRef.current;
      if (input) {
        input.value = String(whole);
        input.setAttribute('aria-valuetext', t('playback.stepOf', { step: whole, total: lastStep }));
      }
      if (stepRef.current) {
        stepRef.current.textContent = String(whole);
        stepRef.current.dataset.value = String(whole);
      }
    });
  }, [lastStep, t]);

  // The rate played, where the device falls behind the speed set: written to the DOM as it is
  // measured (each frame), the text only when its rounded value changes.
  useEffect(() => {
    let shown = '';
    return onPlaybackRate((rate) => {
      const el = actualRef.current;
      if (!el) return;
      const text = rate !== null && showsActualRate(speed, rate) ? formatSpeed(rate) : '';
      if (text === shown) return;
      shown = text;
      el.hidden = text === '';
      el.textContent = text && t('playback.speedActual', { n: text });
      el.title = text && t('playback.speedActualHint', { n: text });
      el.dataset.value = text;
    });
  }, [speed, t]);

  const onTimeline = (e: ChangeEvent<HTMLInputElement>) => {
    // Scrubbing takes over from playback, as a video player's does.
    if (sceneStore.getState().playing) sceneStore.getState().setPlaying(false);
    seek(Number(e.currentTarget.value));
  };

  const speedIndex = speedToIndex(speed);
  const speedText = t(speed === 1 ? 'playback.speedValueOne' : 'playback.speedValue', { n: formatSpeed(speed) });
  const digits = String(lastStep).length;
  const withKey = (label: string, key: string) => t('playback.shortcut', { label, key });

  return (
    <div className="pb" role="group" aria-label={t('playback.controls')}>
      <div className="pb-buttons">
        <button type="button" className="button pb-button" onClick={rewind} aria-label={t('playback.rewind')} title={withKey(t('playback.rewind'), 'R')}>
          <Icon d={ICON.rewind} />
        </button>
        <button type="button" className="button pb-button" onClick={() => stepBy(-1)} aria-label={t('playback.stepBack')} title={withKey(t('playback.stepBack'), '←')}>
          <Icon d={ICON.back} />
        </button>
        <button
          type="button"
          className="button primary pb-button pb-play"
          onClick={togglePlaying}
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          title={withKey(playing ? t('playback.pause') : t('playback.play'), t('help.keySpace'))}
          data-playing={playing}
        >
          <Icon d={playing ? ICON.pause : ICON.play} />
        </button>
        <button type="button" className="button pb-button" onClick={() => stepBy(1)} aria-label={t('playback.stepForward')} title={withKey(t('playback.stepForward'), '→')}>
          <Icon d={ICON.forward} />
        </button>
      </div>

      <input
        ref={timelineRef}
        className="pb-timeline"
        type="range"
        min={0}
        max={lastStep}
        step={1}
        defaultValue={0}
        onChange={onTimeline}
        aria-label={t('playback.timeline')}
        disabled={lastStep === 0}
      />

      <div className="pb-readout">
        <span className="pb-readout-label">{t('playback.step')}</span>{' '}
        <span ref={stepRef} className="pb-readout-step" data-field="step" style={{ minWidth: `${digits}ch` }} />{' '}
        <span className="pb-readout-sep">/</span>{' '}
        <span className="pb-readout-total" data-field="last-step" data-value={lastStep}>
          {lastStep}
        </span>
      </div>

      <div className="pb-settings">
        <div className="pb-speed">
          <label className="pb-speed-label" htmlFor={speedId}>
            {t('playback.speed')}
          </label>
          <input
            id={speedId}
            className="pb-speed-input"
            type="range"
            min={0}
            max={SPEED_LADDER.length - 1}
            step={1}
            value={speedIndex}
            onChange={(e) => setSpeed(indexToSpeed(Number(e.currentTarget.value)))}
            aria-valuetext={speedText}
            aria-describedby={playedId}
          />
          {/* The set speed is hidden from screen readers (the slider's aria-valuetext says it); the
              rate played, shown only when it falls short, describes the slider. */}
          <span className="pb-speed-value">
            <span className="pb-speed-set" data-field="speed" data-value={speed} aria-hidden="true">
              {speedText}
            </span>
            <span ref={actualRef} id={playedId} className="pb-speed-actual" data-field="speed-played" hidden />
          </span>
        </div>

        <div className="pb-extras">
          <button
            type="button"
            className="button ghost pb-button"
            onClick={toggleTrace}
            aria-label={t('playback.listen')}
            aria-pressed={listening}
            title={withKey(t('playback.listen'), 'H')}
            data-field="listen"
          >
            <Icon d={ICON.listen} />
          </button>
          <button type="button" className="button ghost pb-button" onClick={() => setHelpOpen(true)} aria-label={t('playback.help')} title={withKey(t('playback.help'), '?')}>
            <Icon d={ICON.help} />
          </button>
          {fullscreen.available && (
            <button
              type="button"
              className="button ghost pb-button"
              onClick={toggleFullscreen}
              aria-label={t('playback.fullscreen')}
              aria-pressed={fullscreen.on}
              title={withKey(t('playback.fullscreen'), 'F')}
            >
              <Icon d={fullscreen.on ? ICON.exitFullscreen : ICON.fullscreen} />
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** Whether full screen can be had and is on; follows changes made with F or the browser's own Esc. */
function useFullscreen(): { available: boolean; on: boolean } {
  const [on, setOn] = useState(isFullscreen);
  useEffect(() => {
    const update = () => setOn(isFullscreen());
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return { available: fullscreenAvailable(), on };
}
