import { useEffect } from 'react';
import { nudgeCamera, type CameraNudge } from '../../state/cameraNudge';
import { adjacentLesson, openLesson } from '../../state/lessons';
import { jumpToEnd, rewind, stepBy, togglePlaying } from '../../state/playback';
import { sceneStore } from '../../state/store';
import { focusStage } from '../shell/stageFocus';
import { toggleFullscreen } from '../toolbar/fullscreen';
import { toggleTrace } from '../audio/audioTrace';
import { panelDrawer, togglePanel, togglePresentation } from '../shell/presentation';

// Input types where typing goes into the field: every key belongs to the field there.
const TEXT_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password', 'date', 'time', 'datetime-local', 'month', 'week', 'color']);

export type Focus = 'none' | 'text' | 'range' | 'activatable';

/** The parts of an element this module reads; duck-typed so that the logic runs in Node tests. */
interface KeyTarget {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

function asKeyTarget(target: EventTarget | null): KeyTarget | null {
  const t = target as Partial<KeyTarget> | null;
  return t && typeof t.tagName === 'string' && typeof t.getAttribute === 'function' ? (t as KeyTarget) : null;
}

/** What the focused element does with keys itself. */
export function focusKind(eventTarget: EventTarget | null): Focus {
  const target = asKeyTarget(eventTarget);
  if (!target) return 'none';
  if (target.isContentEditable) return 'text';
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = (target.type ?? 'text').toLowerCase();
    if (type === 'range') return 'range';
    if (type === 'checkbox' || type === 'radio' || type === 'button' || type === 'submit' || type === 'reset') return 'activatable';
    return TEXT_INPUT_TYPES.has(type) ? 'text' : 'none';
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return 'activatable';
  const role = target.getAttribute('role');
  if (role === 'button' || role === 'checkbox' || role === 'switch' || role === 'menuitem' || role === 'tab' || role === 'option') return 'activatable';
  return 'none';
}

/** The fields of a KeyboardEvent the handler reads. */
export type ShortcutEvent = Pick<
  KeyboardEvent,
  'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing' | 'keyCode' | 'defaultPrevented' | 'target' | 'preventDefault'
>;

/**
 * Space play/pause, ← → one step, Shift + arrows turn or tilt the view, + − zoom, R or Home rewind, End the last step, PageDown / PageUp the
 * next or previous lesson (what a presenter's clicker sends), F full screen, P presentation
 * mode, S the settings panel while presenting, ? help, Esc closes help or the panel. An embed keeps only the playback keys:
 * it shows no help, panel or presentation, and a host page decides about full screen.
 * Letters are matched by physical key (e.code) so that they also work while a Korean IME is on,
 * where R types ㄱ.
 */
/** A press of Shift + ← or → turns the view by this much; Shift + ↑ or ↓ tilts it. */
const KEY_TURN = Math.PI / 12;

function cameraMove(e: ShortcutEvent): CameraNudge | null {
  if (e.shiftKey) {
    switch (e.key) {
      case 'ArrowLeft':
        return { turn: KEY_TURN, tilt: 0, zoom: 0 };
      case 'ArrowRight':
        return { turn: -KEY_TURN, tilt: 0, zoom: 0 };
      case 'ArrowUp':
        return { turn: 0, tilt: -KEY_TURN, zoom: 0 };
      case 'ArrowDown':
        return { turn: 0, tilt: KEY_TURN, zoom: 0 };
    }
  }
  // "+" is Shift + "=" on most keyboards; the numeric pad's keys send the same.
  if (e.key === '+' || e.key === '=') return { turn: 0, tilt: 0, zoom: 1 };
  if (e.key === '-' || e.key === '_' || e.key === '\u2212') return { turn: 0, tilt: 0, zoom: -1 };
  return null;
}

export function handleShortcut(e: ShortcutEvent): void {
  // keyCode 229: a key the IME is still composing (Safari does not set isComposing).
  if (e.defaultPrevented || e.isComposing || e.keyCode === 229) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const state = sceneStore.getState();
  const isHelp = e.key === '?' || (e.code === 'Slash' && e.shiftKey);

  if (state.helpOpen) {
    // The dialog is modal: only the keys that close it are ours; Tab, Space and Enter are its own.
    if (e.key === 'Escape' || (isHelp && !e.repeat)) {
      e.preventDefault();
      state.setHelpOpen(false);
    }
    return;
  }

  const focus = focusKind(e.target);
  if (focus === 'text') return;
  const embedded = state.embed.enabled;

  if (e.key === 'Escape' && state.presentation && panelDrawer.getState().open) {
    e.preventDefault();
    togglePanel(false);
    return;
  }
  if (isHelp && !embedded) {
    if (!e.repeat) state.setHelpOpen(true);
    e.preventDefault();
    return;
  }
  // The camera from the keyboard: Shift + arrows turn and tilt it, + and − zoom (a slider keeps
  // its own arrows).
  const move = focus === 'range' ? null : cameraMove(e);
  if (move) {
    e.preventDefault();
    nudgeCamera(move);
    return;
  }
  switch (e.code === 'Space' || e.key === ' ' ? 'Space' : e.key) {
    case 'Space':
      // A focused button or checkbox is activated by Space; taking it away would be a trap.
      if (focus === 'activatable') return;
      e.preventDefault();
      if (!e.repeat) togglePlaying();
      return;
    case 'ArrowRight':
    case 'ArrowLeft':
      // A focused slider moves its own thumb with the arrows (the timeline seeks by itself).
      if (focus === 'range') return;
      e.preventDefault();
      stepBy(e.key === 'ArrowRight' ? 1 : -1);
      return;
    case 'Home':
    case 'End':
      // A slider's own Home and End move its thumb.
      if (focus === 'range') return;
      e.preventDefault();
      if (e.key === 'Home') rewind();
      else jumpToEnd();
      return;
    case 'PageDown':
    case 'PageUp': {
      if (focus === 'range' || embedded) return;
      e.preventDefault();
      if (e.repeat) return;
      const next = adjacentLesson(state.lessonId, e.key === 'PageDown' ? 1 : -1);
      if (next && openLesson(next.id)) focusStage();
      return;
    }
    default:
      break;
  }
  if (e.repeat) return;
  const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
  if (e.code === 'KeyR' || letter === 'r') {
    e.preventDefault();
    rewind();
  } else if (embedded) {
    return;
  } else if (e.code === 'KeyF' || letter === 'f') {
    e.preventDefault();
    toggleFullscreen();
  } else if (e.code === 'KeyH' || letter === 'h') {
    e.preventDefault();
    toggleTrace();
  } else if (e.code === 'KeyP' || letter === 'p') {
    e.preventDefault();
    togglePresentation();
  } else if ((e.code === 'KeyS' || letter === 's') && state.presentation) {
    e.preventDefault();
    togglePanel();
  }
}

/** Installs the app's keyboard shortcuts on the window while the calling component is mounted. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
}
