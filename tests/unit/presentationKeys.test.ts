import { beforeEach, describe, expect, it } from 'vitest';
import { sceneStore } from '../../src/state/store';
import { panelDrawer } from '../../src/ui/shell/presentation';
import { handleShortcut, type ShortcutEvent } from '../../src/ui/playback/useKeyboardShortcuts';

function press(key: string, code: string): boolean {
  let prevented = false;
  const event = {
    key,
    code,
    shiftKey: key === '?',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    keyCode: 0,
    defaultPrevented: false,
    target: null,
    preventDefault: () => {
      prevented = true;
    },
  } as unknown as ShortcutEvent;
  handleShortcut(event);
  return prevented;
}

beforeEach(() => {
  sceneStore.setState({ presentation: false, helpOpen: false, embed: { enabled: false, controls: [] } });
  panelDrawer.setState({ open: false });
});

describe('presentation keys', () => {
  it('P turns presentation mode on and off, by physical key too (Korean IME: ㅔ)', () => {
    expect(press('p', 'KeyP')).toBe(true);
    expect(sceneStore.getState().presentation).toBe(true);
    press('ㅔ', 'KeyP');
    expect(sceneStore.getState().presentation).toBe(false);
  });

  it('S shows and hides the panel only while presenting; Esc hides it', () => {
    expect(press('s', 'KeyS')).toBe(false);
    expect(panelDrawer.getState().open).toBe(false);
    press('p', 'KeyP');
    press('s', 'KeyS');
    expect(panelDrawer.getState().open).toBe(true);
    expect(press('Escape', 'Escape')).toBe(true);
    expect(panelDrawer.getState().open).toBe(false);
    press('s', 'KeyS');
    // Leaving the mode folds the drawer away.
    press('p', 'KeyP');
    expect(panelDrawer.getState().open).toBe(false);
  });

  it('an embed keeps the playback keys only', () => {
    sceneStore.setState({ embed: { enabled: true, controls: [] } });
    expect(press('p', 'KeyP')).toBe(false);
    expect(press('?', 'Slash')).toBe(false);
    expect(sceneStore.getState().presentation).toBe(false);
    expect(sceneStore.getState().helpOpen).toBe(false);
    expect(press('r', 'KeyR')).toBe(true);
  });
});
