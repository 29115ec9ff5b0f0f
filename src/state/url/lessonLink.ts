// A link to a lesson (lesson=saddle-escape, or lesson.variant): the rest of the link is written
// against the lesson's scene, so an unchanged lesson is this one property, and a lesson someone
// changed is the lesson plus its changes.
import { lessonScene, resolveLesson } from '../lessons';
import type { SceneData } from '../store';
import { ok, refuse, type Codec, type Place } from './urlRow';

export const lessonCodec: Codec<string | null> = {
  maxLength: 100,
  parse(text) {
    const ref = resolveLesson(text.trim());
    return ref ? ok<string | null>(ref.id) : refuse(text.trim() === '' ? 'empty' : 'unknownLesson');
  },
  format: (v) => v ?? '',
  equals: (a, b) => a === b,
};

/** The lesson the scene was opened as; an id that names no lesson is no lesson. */
export const lessonPlace: Place<string | null, 'lessonId'> = {
  keys: ['lessonId'],
  get: (link) => (resolveLesson(link.lessonId) ? link.lessonId : null),
  set(link, lessonId) {
    link.lessonId = lessonId;
  },
};

/** What a lesson's scene sets, as defaults for the rest of its link (the surface is decided apart: surfaceLink.ts). */
export function lessonDefaults(lessonId: string | null): Omit<Partial<SceneData>, 'surfaceId'> {
  const preset = lessonId ? lessonScene(lessonId) : null;
  if (!preset) return {};
  const { surfaceId: _surface, ...rest } = preset;
  return rest;
}
