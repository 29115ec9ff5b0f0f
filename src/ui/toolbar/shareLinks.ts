// The share menu's links and snippet, and the small pieces the menu and the lazily loaded embed
// dialog both use. Pure where it can be, so that the URL tests need no DOM.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HyperparamKey } from '../../engine';
import { CUSTOM_ID, sceneStore } from '../../state/store';
import { writeUrl, type LinkedScene } from '../../state/url/codec';
import { MESSAGE_KEYS, type MessageKey, type Translate } from '../../i18n';

export { EMBED_DEFAULT_HEIGHT, EMBED_DEFAULT_WIDTH } from '../../embed/embedCode';
/** How long "Copied" stays: long enough to read, short enough not to linger over the canvas. */
export const COPIED_MS = 2000;
const KNOWN_KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS);

/** This page's address without its query and fragment, on any host and under any sub-folder. */
export function pageAddress(): string {
  try {
    return window.location.href.split(/[?#]/)[0];
  } catch {
    return './';
  }
}

/** The full app on this scene, at this step (embed flags off, whatever this page has). */
export function permalink(state: LinkedScene, step: number, base = pageAddress()): string {
  return base + writeUrl({ ...state, embed: { enabled: false, controls: [] } }, step);
}

/**
 * The embed's address. Its language is always written: a Korean lecture page should not turn
 * English for a reader whose browser prefers English.
 */
export function embedUrl(state: LinkedScene, step: number, controls: readonly HyperparamKey[], base = pageAddress()): string {
  return base + writeUrl({ ...state, embed: { enabled: true, controls } }, step, { alwaysLang: true });
}

/** "100%", "75 %" → "100%", "75%"; "640", "640px" → "640"; anything else → null. */
export function parseSize(text: string): string | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%|px)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === '%') return n > 0 && n <= 100 ? `${n}%` : null;
  return n >= 100 && n <= 4000 ? String(Math.round(n)) : null;
}

/** Clipboard where the page may use it (a secure context, not a sandboxed frame); false otherwise. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function surfaceName(t: Translate): string {
  const { surfaceId } = sceneStore.getState();
  const key = `surface.name.${surfaceId === CUSTOM_ID ? 'custom' : surfaceId}`;
  return KNOWN_KEYS.has(key) ? t(key as MessageKey) : surfaceId;
}

/** "Copied" for a moment after a copy; re-arming restarts the moment. */
export function useFlag(ms: number): [boolean, () => void] {
  const [on, setOn] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const raise = useCallback(() => {
    clearTimeout(timer.current);
    setOn(true);
    timer.current = setTimeout(() => setOn(false), ms);
  }, [ms]);
  return [on, raise];
}
