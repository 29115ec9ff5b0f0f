import { LESSONS, getLesson, openLesson } from '../../state/lessons';
import { useScene } from '../../state/useScene';
import { focusStage } from '../shell/stageFocus';
import { lessonWord } from '../teaching/lessonWord';
import { useT } from '../shell/useT';
import { useMenu } from './useMenu';
import './LessonMenu.css';

/**
 * The lessons, by number and title, behind one button. Choosing a lesson replaces the whole
 * scene with its preset (openLesson); the one open now is checked.
 */
export function LessonMenu() {
  const t = useT();
  const current = getLesson(useScene((s) => s.lessonId))?.id ?? null;
  const menu = useMenu<HTMLUListElement>({ itemSelector: '[role="menuitemradio"]' });

  // The lesson is what the user came for: focus goes to the stage, so Space plays it rather than
  // opening this menu again.
  const choose = (id: string) => {
    menu.close(false);
    openLesson(id);
    focusStage();
  };

  return (
    <div className="lesson-menu" ref={menu.rootRef}>
      <button type="button" className="button" {...menu.buttonProps} data-control="lessons">
        <svg className="lesson-menu-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 5.5C5.5 4 8.5 4 12 6c3.5-2 6.5-2 9-.5V19c-2.5-1.5-5.5-1.5-9 .5-3.5-2-6.5-2-9-.5zM12 6v13.5" />
        </svg>
        <span className="toolbar-label">{t('lessons.menu')}</span>
      </button>
      {menu.open && (
        <ul {...menu.menuProps} aria-label={t('lessons.menu')} className="lesson-menu-list">
          {LESSONS.map((lesson) => (
            <li key={lesson.id} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={current === lesson.id}
                aria-label={t('lessons.item', { n: lesson.number, title: lessonWord(t, lesson.title) })}
                tabIndex={-1}
                className="lesson-menu-item"
                data-lesson={lesson.id}
                onClick={() => choose(lesson.id)}
              >
                <span className="lesson-menu-number" aria-hidden="true">
                  {lesson.number}
                </span>
                <span className="lesson-menu-title" aria-hidden="true">
                  {lessonWord(t, lesson.title)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
