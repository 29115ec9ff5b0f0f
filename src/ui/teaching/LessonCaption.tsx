import { Suspense, lazy, useEffect, useId, useState } from 'react';
import { lessonCaption, lessonCaptionsLoaded, loadLessonCaptions } from '../../i18n/lessonCaptions';
import type { Lesson, LessonTextKey } from '../../state/lessons';
import { onLessonOpened, openLesson, resolveLesson } from '../../state/lessons';
import { useScene } from '../../state/useScene';
import { lessonWord } from './lessonWord';
import { useT } from '../shell/useT';
import { NoiseSigmaSlider, PenaltyLambdaSlider } from '../panel/NoisePenaltyControls';
import '../toolbar/LessonMenu.css';

// Only lessons on real data offer it, and their data (with its words) load before they open.
const LessonBatchSlider = lazy(() => import('./LessonBatchSlider').then((m) => ({ default: m.LessonBatchSlider })));

/** One of the sliders a lesson's caption offers (Lesson.controls). */
function CaptionControl({ control }: { readonly control: NonNullable<Lesson['controls']>[number] }) {
  if (control === 'noise') return <NoiseSigmaSlider />;
  if (control === 'penalty') return <PenaltyLambdaSlider />;
  return (
    <Suspense fallback={null}>
      <LessonBatchSlider />
    </Suspense>
  );
}

/**
 * What the open lesson shows and why, beside or under the canvas, in the reader's language.
 * It can be folded to a small tab (and brought back); opening a lesson, even the same one
 * again, unfolds it. Lessons with variants switch between them here, right under the title, so
 * that the switches never scroll out of sight.
 */
/** A caption or a variant's note, once the captions have loaded (they load with the first lesson). */
function useCaption(key: LessonTextKey | undefined): string {
  const lang = useScene((s) => s.lang);
  const [, setLoaded] = useState(lessonCaptionsLoaded());
  useEffect(() => {
    if (key !== undefined && !lessonCaptionsLoaded()) void loadLessonCaptions().then(() => setLoaded(true));
  }, [key]);
  return key === undefined ? '' : (lessonCaption(lang, key) ?? '');
}

export function LessonCaption() {
  const t = useT();
  const ref = resolveLesson(useScene((s) => s.lessonId));
  const [folded, setFolded] = useState(false);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => onLessonOpened(() => setFolded(false)), []);
  const caption = useCaption(ref?.lesson.caption);
  const note = useCaption(ref?.variant?.note);

  if (!ref) return null;
  const { lesson, variant } = ref;
  const number = t('lessons.number', { n: lesson.number });

  if (folded) {
    return (
      <button
        type="button"
        className="lesson-caption-tab"
        aria-expanded={false}
        aria-controls={bodyId}
        title={t('lessons.show')}
        onClick={() => setFolded(false)}
      >
        <span className="lesson-caption-number">{number}</span> {lessonWord(t, lesson.title)}
      </button>
    );
  }

  return (
    <section className="lesson-caption" id={bodyId} aria-labelledby={titleId} data-lesson={lesson.id}>
      <div className="lesson-caption-head">
        <h2 id={titleId} className="lesson-caption-title">
          <span className="lesson-caption-number">{number}</span> {lessonWord(t, lesson.title)}
        </h2>
        <button type="button" className="button ghost lesson-caption-hide" aria-label={t('lessons.hide')} title={t('lessons.hide')} onClick={() => setFolded(true)}>
          ✕
        </button>
      </div>
      {lesson.variants.length > 0 && (
        <div className="segmented lesson-caption-variants" role="group" aria-label={t('lessons.variants')}>
          <button type="button" aria-pressed={variant === null} onClick={() => openLesson(lesson.id)}>
            {lessonWord(t, lesson.label ?? lesson.title)}
          </button>
          {lesson.variants.map((v) => (
            <button key={v.id} type="button" aria-pressed={variant?.id === v.id} onClick={() => openLesson(`${lesson.id}.${v.id}`)}>
              {lessonWord(t, v.label)}
            </button>
          ))}
        </div>
      )}
      {lesson.controls && lesson.controls.length > 0 && (
        <div className="lesson-caption-controls">
          {lesson.controls.map((c) => (
            <CaptionControl key={c} control={c} />
          ))}
        </div>
      )}
      {variant && (
        <p className="lesson-caption-note" aria-live="polite">
          {note}
        </p>
      )}
      <p className="lesson-caption-text">{caption}</p>
    </section>
  );
}
