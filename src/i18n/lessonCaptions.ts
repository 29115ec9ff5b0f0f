// The lessons' captions load when a lesson is first shown, not with the first frame: they are the
// longest words of the app (both languages), and most visits open no lesson.
import type { Lang } from './lang';
import type { lessonCaptions as Captions } from './messages/lessonCaptions';

type CaptionTable = typeof Captions;

let loaded: CaptionTable | null = null;
let pending: Promise<void> | null = null;

/** Starts loading the captions (once); resolves when they are there. */
export function loadLessonCaptions(): Promise<void> {
  pending ??= import('./messages/lessonCaptions').then((m) => {
    loaded = m.lessonCaptions;
  });
  return pending;
}

/** Whether the captions have arrived. */
export function lessonCaptionsLoaded(): boolean {
  return loaded !== null;
}

/** A caption or note in the given language; undefined before the captions load or for another key. */
export function lessonCaption(lang: Lang, key: string): string | undefined {
  if (loaded === null || !Object.hasOwn(loaded, key)) return undefined;
  return loaded[key as keyof CaptionTable][lang];
}
