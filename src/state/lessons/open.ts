// Finding a lesson by the id the store and the URL carry, and opening it into the store.
import { seek } from '../playhead';
import { sceneStore, type SceneData, type SceneStore } from '../store';
import { LESSONS } from './catalog';
import type { Lesson, LessonVariant } from './types';

/** A lesson id as the store and the URL carry it: `lesson` or `lesson.variant`. */
export interface LessonRef {
  readonly lesson: Lesson;
  /** Null for the main scene. */
  readonly variant: LessonVariant | null;
  /** The full id, as written back to the store. */
  readonly id: string;
}

/** The lesson (and variant) an id names, or null for an id that names none. */
export function resolveLesson(id: string | null | undefined): LessonRef | null {
  if (!id) return null;
  const dot = id.indexOf('.');
  const lessonId = dot < 0 ? id : id.slice(0, dot);
  const lesson = LESSONS.find((l) => l.id === lessonId);
  if (!lesson) return null;
  if (dot < 0) return { lesson, variant: null, id };
  const variant = lesson.variants.find((v) => v.id === id.slice(dot + 1));
  return variant ? { lesson, variant, id } : null;
}

/** The lesson an id (with or without a variant) belongs to, or undefined. */
export function getLesson(id: string | null | undefined): Lesson | undefined {
  return resolveLesson(id)?.lesson;
}

/** The scene an id opens: the lesson's main scene or one of its variants. */
export function lessonScene(id: string): Partial<SceneData> | null {
  const ref = resolveLesson(id);
  if (!ref) return null;
  return ref.variant ? ref.variant.scene : ref.lesson.scene;
}

/**
 * The lesson before or after the open one (by number), for a presenter's clicker: from no
 * lesson, forward is the first and back the last. Null past either end.
 */
export function adjacentLesson(currentId: string | null | undefined, delta: 1 | -1): Lesson | null {
  const current = getLesson(currentId);
  if (!current) return LESSONS[delta > 0 ? 0 : LESSONS.length - 1] ?? null;
  return LESSONS[LESSONS.indexOf(current) + delta] ?? null;
}

type OpenListener = (id: string) => void;
const openListeners = new Set<OpenListener>();

/** Called after every openLesson, even of the lesson already open (its caption shows again). */
export function onLessonOpened(listener: OpenListener): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

/**
 * Replaces the scene with a lesson's (or one of its variants': `saddle-escape.ridge`), paused
 * at step 0 with the camera fitted again. Returns false, changing nothing, for an unknown id,
 * so that a caller reading a link can say so.
 */
export function openLesson(id: string, store: SceneStore = sceneStore): boolean {
  const ref = resolveLesson(id);
  if (!ref) return false;
  const state = store.getState();
  const preset = ref.variant ? ref.variant.scene : ref.lesson.scene;
  state.loadScene({ ...preset, lessonId: ref.id, playing: false, cameraResets: state.cameraResets + 1 });
  seek(0);
  for (const listener of openListeners) listener(ref.id);
  return true;
}
