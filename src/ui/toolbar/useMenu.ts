import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { menuButtonKeyHandler, menuKeyHandler } from './menuKeys';
import { INITIAL_PLACEMENT, placeMenu, placementAttributes, samePlacement, type MenuPlacement } from './menuPlacement';

/**
 * While `open`, a press anywhere outside `root` calls `onPressOutside`, as a native menu closes.
 * A press, not a blur: a phone's selection handles, or a switch to the app a link is pasted
 * into, blur too.
 */
export function usePressOutside(root: RefObject<HTMLElement | null>, open: boolean, onPressOutside: () => void): void {
  // The latest callback, without listening anew on every render.
  const callback = useRef(onPressOutside);
  callback.current = onPressOutside;
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) callback.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, root]);
}

/** Which item takes focus as the menu opens: the checked one (else the first), the first, or the last. */
type OpenFocus = 'checked' | 'first' | 'last';

export interface MenuOptions {
  /** The items, in the order the arrow keys walk them. */
  readonly itemSelector: string;
  /** Runs as the menu opens, in the same event: a menu that shows a snapshot reads it here. */
  readonly onOpen?: () => void;
}

export interface Menu<M extends HTMLElement> {
  readonly open: boolean;
  readonly placement: MenuPlacement;
  /** The menu's id; item ids may be built on it. */
  readonly menuId: string;
  /** Closes the menu; `refocus` gives focus back to its button (Escape, an item that was used). */
  readonly close: (refocus: boolean) => void;
  /** Holds the button and the menu: a press inside it does not close the menu. */
  readonly rootRef: RefObject<HTMLDivElement | null>;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  /** Spread on the menu's button. */
  readonly buttonProps: {
    readonly ref: RefObject<HTMLButtonElement | null>;
    readonly 'aria-haspopup': 'menu';
    readonly 'aria-expanded': boolean;
    readonly 'aria-controls': string | undefined;
    readonly onClick: () => void;
    readonly onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  };
  /** Spread on the menu (give it an aria-label too). */
  readonly menuProps: {
    readonly ref: RefObject<M | null>;
    readonly id: string;
    readonly role: 'menu';
    readonly onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  } & ReturnType<typeof placementAttributes>;
}

/**
 * The WAI-ARIA menu button, once for every dropdown in the toolbar: a click or ↓/↑ on the button
 * opens the menu on an item (menuKeys.ts has the keys), it opens where it fits in the window
 * (menuPlacement.ts), and Escape, Tab, a second click or a press elsewhere closes it. Escape
 * hands focus back to the button; what an item does with focus is the item's business.
 */
export function useMenu<M extends HTMLElement>({ itemSelector, onOpen }: MenuOptions): Menu<M> {
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState<MenuPlacement>(INITIAL_PLACEMENT);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<M>(null);
  const focusOnOpen = useRef<OpenFocus>('checked');
  const menuId = useId();

  const items = useCallback(() => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []), [itemSelector]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const openMenu = (focus: OpenFocus) => {
    focusOnOpen.current = focus;
    onOpen?.();
    setOpen(true);
  };

  // Placed before the first paint, so that a menu near the window's edge never flashes past it.
  useLayoutEffect(() => {
    if (!open) return;
    const button = buttonRef.current?.getBoundingClientRect();
    const menu = menuRef.current?.getBoundingClientRect();
    if (button && menu) {
      const next = placeMenu(button, menu, { width: window.innerWidth, height: window.innerHeight });
      setPlacement((p) => (samePlacement(p, next) ? p : next));
    }
    const all = items();
    const checked = all.findIndex((el) => el.getAttribute('aria-checked') === 'true');
    const at = focusOnOpen.current === 'last' ? all.length - 1 : focusOnOpen.current === 'checked' && checked >= 0 ? checked : 0;
    all[at]?.focus();
  }, [open, items]);

  usePressOutside(rootRef, open, () => close(false));

  return {
    open,
    placement,
    menuId,
    close,
    rootRef,
    buttonRef,
    buttonProps: {
      ref: buttonRef,
      'aria-haspopup': 'menu',
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => (open ? close(false) : openMenu('checked')),
      onKeyDown: menuButtonKeyHandler(openMenu),
    },
    menuProps: { ref: menuRef, id: menuId, role: 'menu', onKeyDown: menuKeyHandler(items, close), ...placementAttributes(placement) },
  };
}
