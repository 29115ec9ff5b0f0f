import type { KeyboardEvent } from 'react';

/**
 * The keys of an open dropdown menu, as a native one has them: arrows move round the items,
 * Home and End jump, Escape closes and gives focus back to the button, Tab closes and lets the
 * focus go on. ← and → are held back from the app's shortcuts, which would step the playhead
 * under the open menu.
 */
export function menuKeyHandler(items: () => HTMLElement[], close: (returnFocus: boolean) => void): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}

/** ↓ or ↑ on the menu's button opens it on the first or the last item. */
export function menuButtonKeyHandler(open: (focus: 'first' | 'last') => void): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
}
