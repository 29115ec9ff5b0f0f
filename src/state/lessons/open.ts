// Finding a lesson by the id the store and the URL carry, and opening it into the store.
import { getSurface } from '../../engine';
import { isDataSurfaceId } from '../../engine/data/dataIds';
import { loadDataSurfaces } from '../../engine/data/loadData';
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

/** A data lesson asked for while its data load: shown once they are there, unless another lesson is asked for first. */
let pending: string | null = null;
/** Bumped by every openLesson: a data lesson whose data arrive after a later request is not shown. */
let requests = 0;

/**
 * The lesson before or after the open one (by number), for a presenter's clicker: from no
 * lesson, forward is the first and back the last. Null past either end. A lesson still loading
 * its data counts as the open one, so that two quick presses move two lessons.
 */
export function adjacentLesson(currentId: string | null | undefined, delta: 1 | -1): Lesson | null {
  const current = getLesson(pending ?? currentId);
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

/** Whether the scene an id opens can be shown now: a data lesson's surface comes with the data chunk. */
function lessonReady(id: string): boolean {
  const surfaceId = lessonScene(id)?.surfaceId;
  return surfaceId === undefined || !isDataSurfaceId(surfaceId) || getSurface(surfaceId) !== undefined;
}

function show(ref: LessonRef, store: SceneStore): void {
  const state = store.getState();
  const preset = ref.variant ? ref.variant.scene : ref.lesson.scene;
  state.loadScene({ ...preset, lessonId: ref.id, playing: false, cameraResets: state.cameraResets + 1 });
  seek(0);
  for (const listener of openListeners) listener(ref.id);
}

/**
 * Replaces the scene with a lesson's (or one of its variants': `saddle-escape.ridge`), paused
 * at step 0 with the camera fitted again. Returns false, changing nothing, for an unknown id,
 * so that a caller reading a link can say so. A lesson on real data opens once the data chunk
 * has loaded (the scene on screen stays until then, and a lesson asked for meanwhile wins); if
 * the chunk cannot load, a notice says so and the scene stays.
 */
export function openLesson(id: string, store: SceneStore = sceneStore): boolean {
  const ref = resolveLesson(id);
  if (!ref) return false;
  const request = ++requests;
  if (lessonReady(ref.id)) {
    pending = null;
    show(ref, store);
    return true;
  }
  pending = ref.id;
  loadDataSurfaces().then(
    () => {
      if (request !== requests) return;
      pending = null;
      show(ref, store);
    },
    () => {
      if (request !== requests) return;
      pending = null;
      store.getState().setNotice({ key: 'notice.unknownSurface', vars: { id: lessonScene(ref.id)?.surfaceId ?? ref.id } });
    },
  );
  return true;
}
