import { useEffect, useState, type RefObject } from 'react';
import { startWheelGate } from '../../embed/wheelGate';
import { useEmbedControlsText } from '../../i18n/embedControlsText';
import { useLang } from '../shell/useT';
import './WheelGate.css';

/** How long the hint stays after the last wheel that scrolled past the scene. */
const HINT_MS = 1500;

/** ⌘ on Apple keyboards, Ctrl elsewhere. */
function zoomKey(): string {
  try {
    return /Mac|iPhone|iPad|iPod/i.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';
  } catch {
    return 'Ctrl';
  }
}

/**
 * The embed's wheel gate (src/embed/wheelGate.ts) over the stage, and its hint: "Ctrl + scroll
 * to zoom" for a moment, centred over the canvas, when a plain wheel scrolled the page instead.
 * Only the embed mounts it; the full app keeps its wheel.
 */
export function WheelGate({ stageRef }: { readonly stageRef: RefObject<HTMLElement | null> }) {
  const t = useEmbedControlsText(useLang());
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = startWheelGate(stage, () => {
      setShown(true);
      clearTimeout(timer);
      timer = setTimeout(() => setShown(false), HINT_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [stageRef]);

  // Pointer-only help, repeated on every wheel: kept out of the accessibility tree.
  return (
    <div className="wheel-hint" data-shown={shown} aria-hidden="true">
      {t('embed.wheelHint', { key: zoomKey() })}
    </div>
  );
}
