// What a lesson is: a scene built to show one lesson of CS231n and Hands-On ML, and the keys of
// the words that explain it. The words themselves are in i18n (lessonText), with every other
// string; the checks that hold the words to the computed paths are in tests/lessons/checks/.
import type { SceneData } from '../store';

/**
 * The i18n key of one of a lesson's words (src/i18n/messages/lessonText.ts): state holds no words
 * and imports nothing of i18n, so the key is checked against the messages by the lessons' unit
 * test, and the UI shows the key itself if one were ever missing.
 */
export type LessonTextKey = `lesson.${string}`;

/** A setting a lesson's caption shows a slider for: gradient noise σ, the penalty λ, or a data surface's batch size. */
type LessonControl = 'noise' | 'penalty' | 'batch';

/**
 * A second scene of the same lesson, for what one scene cannot hold: the start, the noise and
 * the surface are scene-wide in the store, so "the same run with and without noise" or "on the
 * ridge instead of beside it" is a variant, switched from the caption.
 */
export interface LessonVariant {
  /** Written after the lesson's id and a dot: `saddle-escape.ridge`. */
  readonly id: string;
  readonly label: LessonTextKey;
  /** What this variant changes, in a sentence shown under the caption. */
  readonly note: LessonTextKey;
  readonly scene: Partial<SceneData>;
}

export interface Lesson {
  readonly id: string;
  /** 1 … 14, the order of the course. */
  readonly number: number;
  readonly title: LessonTextKey;
  /** Two or three sentences a student understands without the lecture. */
  readonly caption: LessonTextKey;
  readonly scene: Partial<SceneData>;
  /** The main scene's name beside its variants' (only lessons with variants have one). */
  readonly label?: LessonTextKey;
  /**
   * The scene-wide settings the caption itself offers, beside the words that ask the reader to
   * move them (the panel may be hidden, or far down on a phone).
   */
  readonly controls?: readonly LessonControl[];
  /** Whether the arrows are drawn for the selected run alone (two runs' arrows would overlap). */
  readonly arrowsForSelectedOnly?: boolean;
  readonly variants: readonly LessonVariant[];
}
