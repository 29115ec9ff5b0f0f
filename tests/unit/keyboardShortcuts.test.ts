import { beforeEach, describe, expect, it } from 'vitest';
import { playhead, seek } from '../../src/state/playhead';
import { sceneStore } from '../../src/state/store';
import { focusKind, handleShortcut, type ShortcutEvent } from '../../src/ui/playback/useKeyboardShortcuts';

interface FakeTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

function element(tagName: string, type?: string, role?: string): FakeTarget {
  return { tagName, type, getAttribute: (name) => (name === 'role' ? (role ?? null) : null) };
}

function press(key: string, code: string, extra: Partial<Omit<ShortcutEvent, 'target'>> & { target?: FakeTarget | null } = {}) {
  let prevented = false;
  const event = {
    key,
    code,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    keyCode: 0,
    defaultPrevented: false,
    target: null,
    ...extra,
    preventDefault: () => {
      prevented = true;
    },
  } as unknown as ShortcutEvent;
  handleShortcut(event);
  return prevented;
}

beforeEach(() => {
  sceneStore.setState({ playing: false, helpOpen: false });
  seek(0);
});

describe('focusKind', () => {
  it('tells text fields, sliders and buttons apart', () => {
    expect(focusKind(element('INPUT', 'text') as unknown as EventTarget)).toBe('text');
    expect(focusKind(element('INPUT', 'number') as unknown as EventTarget)).toBe('text');
    expect(focusKind(element('TEXTAREA') as unknown as EventTarget)).toBe('text');
    expect(focusKind(element('SELECT') as unknown as EventTarget)).toBe('text');
    expect(focusKind(element('INPUT', 'range') as unknown as EventTarget)).toBe('range');
    expect(focusKind(element('BUTTON') as unknown as EventTarget)).toBe('activatable');
    expect(focusKind(element('INPUT', 'checkbox') as unknown as EventTarget)).toBe('activatable');
    expect(focusKind(element('DIV', undefined, 'button') as unknown as EventTarget)).toBe('activatable');
    expect(focusKind(element('DIV') as unknown as EventTarget)).toBe('none');
    expect(focusKind(null)).toBe('none');
    expect(focusKind({ ...element('DIV'), isContentEditable: true } as unknown as EventTarget)).toBe('text');
  });
});

describe('shortcuts', () => {
  it('Space plays and pauses, and is kept from scrolling the page', () => {
    expect(press(' ', 'Space')).toBe(true);
    expect(sceneStore.getState().playing).toBe(true);
    press(' ', 'Space');
    expect(sceneStore.getState().playing).toBe(false);
  });
  it('Space on a slider still plays; Space on a button is the button’s', () => {
    press(' ', 'Space', { target: element('INPUT', 'range') });
    expect(sceneStore.getState().playing).toBe(true);
    sceneStore.setState({ playing: false });
    expect(press(' ', 'Space', { target: element('BUTTON') })).toBe(false);
    expect(sceneStore.getState().playing).toBe(false);
  });
  it('arrows step, pausing playback, but not while a slider has focus', () => {
    sceneStore.setState({ playing: true });
    expect(press('ArrowRight', 'ArrowRight')).toBe(true);
    expect(sceneStore.getState().playing).toBe(false);
    expect(playhead.step).toBe(1);
    press('ArrowRight', 'ArrowRight');
    press('ArrowLeft', 'ArrowLeft');
    expect(playhead.step).toBe(1);
    expect(press('ArrowRight', 'ArrowRight', { target: element('INPUT', 'range') })).toBe(false);
    expect(playhead.step).toBe(1);
  });
  it('R rewinds, also with a Korean IME on (matched by physical key)', () => {
    seek(7);
    expect(press('r', 'KeyR')).toBe(true);
    expect(playhead.step).toBe(0);
    seek(7);
    press('ㄱ', 'KeyR');
    expect(playhead.step).toBe(0);
  });
  it('ignores keys typed into text fields, composed by an IME or held with Ctrl/⌘', () => {
    seek(3);
    expect(press('r', 'KeyR', { target: element('INPUT', 'text') })).toBe(false);
    expect(press(' ', 'Space', { target: element('TEXTAREA') })).toBe(false);
    expect(press('r', 'KeyR', { isComposing: true })).toBe(false);
    expect(press('r', 'KeyR', { ctrlKey: true })).toBe(false);
    expect(press('Process', 'KeyR', { keyCode: 229 })).toBe(false);
    expect(playhead.step).toBe(3);
    expect(sceneStore.getState().playing).toBe(false);
  });
  it('? toggles help and Esc closes it; other keys wait while it is open', () => {
    expect(press('?', 'Slash', { shiftKey: true })).toBe(true);
    expect(sceneStore.getState().helpOpen).toBe(true);
    expect(press(' ', 'Space')).toBe(false);
    expect(sceneStore.getState().playing).toBe(false);
    expect(press('Escape', 'Escape')).toBe(true);
    expect(sceneStore.getState().helpOpen).toBe(false);
    press('?', 'Slash', { shiftKey: true });
    press('?', 'Slash', { shiftKey: true });
    expect(sceneStore.getState().helpOpen).toBe(false);
  });
  it('F asks for full screen without failing where there is none', () => {
    expect(press('f', 'KeyF')).toBe(true);
  });
});

describe('the camera from the keyboard', () => {
  it('Shift + arrows turn and tilt, + and − zoom, and a plain arrow still steps', async () => {
    const { onCameraNudge } = await import('../../src/state/cameraNudge');
    const moves: { turn: number; tilt: number; zoom: number }[] = [];
    const stop = onCameraNudge((n) => moves.push(n));
    seek(3);
    expect(press('ArrowLeft', 'ArrowLeft', { shiftKey: true })).toBe(true);
    expect(press('ArrowUp', 'ArrowUp', { shiftKey: true })).toBe(true);
    expect(press('+', 'Equal', { shiftKey: true })).toBe(true);
    expect(press('-', 'Minus')).toBe(true);
    expect(moves.map((m) => [Math.sign(m.turn), Math.sign(m.tilt), m.zoom])).toEqual([
      [1, 0, 0],
      [0, -1, 0],
      [0, 0, 1],
      [0, 0, -1],
    ]);
    // The playhead did not move for any of them; a plain arrow steps as before.
    expect(playhead.step).toBe(3);
    press('ArrowRight', 'ArrowRight');
    expect(playhead.step).toBe(4);
    // A slider keeps its own Shift + arrows; a text field its own + and −.
    expect(press('ArrowLeft', 'ArrowLeft', { shiftKey: true, target: element('INPUT', 'range') })).toBe(false);
    expect(press('-', 'Minus', { target: element('INPUT', 'text') })).toBe(false);
    expect(moves).toHaveLength(4);
    stop();
  });
});
