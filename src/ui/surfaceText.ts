// A surface's name and lesson in the user's language. Surface ids are plain strings (typed
// formulas and future surfaces have them too), so the message key is looked up, not assumed.
import type { Surface } from '../engine';
import { MESSAGE_KEYS, type MessageKey, type Translate } from './i18n';

const KNOWN: ReadonlySet<string> = new Set(MESSAGE_KEYS);

function isMessageKey(key: string): key is MessageKey {
  return KNOWN.has(key);
}

export function surfaceName(t: Translate, surface: Pick<Surface, 'id' | 'name'>): string {
  const key = `surface.name.${surface.id}`;
  return isMessageKey(key) ? t(key) : surface.name;
}

/** The one-line lesson, or null for a surface that has none. */
export function surfaceLesson(t: Translate, surface: Pick<Surface, 'id' | 'lesson'>): string | null {
  const key = `surface.lesson.${surface.id}`;
  if (isMessageKey(key)) return t(key);
  return surface.lesson ?? null;
}
