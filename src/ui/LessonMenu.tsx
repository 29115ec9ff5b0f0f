import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { LESSONS, getLesson, openLesson } from '../state/lessons';
import { useScene } from '../state/useScene';
import { menuButtonKeyHandler, menuKeyHandler } from './menuKeys';
import { focusStage } from './stageFocus';
import { useT } from './i18n';
import { INITIAL_PLACEMENT, placeMenu, placementAttributes, samePlacement, type MenuPlacement } from './menuPlacement';
import './LessonMenu.css';

/**
 * The ten lessons, by number and title, behind one button. Choosing a lesson replaces the whole
 * scene with its preset (openLesson); the one open now is checked.
 */
export function LessonMenu() {
  const t = useT();
  const current = getLesson(useScene((s) => s.lessonId))?.id ?? null;
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState<MenuPlacement>(INITIAL_PLACEMENT);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  /** Which item takes focus on opening: the checked one, or the first or last (arrow keys on the button). */
  const focusOnOpen = useRef<'current' | 'first' | 'last'>('current');
  const menuId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const openMenu = (focus: 'current' | 'first' | 'last') => {
    focusOnOpen.current = focus;
    setOpen(true);
  };

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);

  // Opens down and to the right of the button unless that would leave the window.
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
    const at = focusOnOpen.current === 'last' ? all.length - 1 : focusOnOpen.current === 'current' && checked >= 0 ? checked : 0;
    all[at]?.focus();
  }, [open]);

  // A click anywhere else closes the menu, as a native menu would.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  // The lesson is what the user came for: focus goes to the stage, so Space plays it rather than
  // opening this menu again.
  const choose = (id: string) => {
    close(false);
    openLesson(id);
    focusStage();
  };

  const onMenuKeyDown = menuKeyHandler(items, close);
  const onButtonKeyDown = menuButtonKeyHandler(openMenu);

  return (
    <div className="lesson-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('current'))}
        onKeyDown={onButtonKeyDown}
        data-control="lessons"
      >
        <svg className="lesson-menu-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 5.5C5.5 4 8.5 4 12 6c3.5-2 6.5-2 9-.5V19c-2.5-1.5-5.5-1.5-9 .5-3.5-2-6.5-2-9-.5zM12 6v13.5" />
        </svg>
        <span className="toolbar-label">{t('lessons.menu')}</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('lessons.menu')}
          className="lesson-menu-list"
          {...placementAttributes(placement)}
          onKeyDown={onMenuKeyDown}
        >
          {LESSONS.map((lesson) => (
            <li key={lesson.id} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={current === lesson.id}
                aria-label={t('lessons.item', { n: lesson.number, title: t(lesson.title) })}
                tabIndex={-1}
                className="lesson-menu-item"
                data-lesson={lesson.id}
                onClick={() => choose(lesson.id)}
              >
                <span className="lesson-menu-number" aria-hidden="true">
                  {lesson.number}
                </span>
                <span className="lesson-menu-title" aria-hidden="true">
                  {t(lesson.title)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
