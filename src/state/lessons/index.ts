// The teaching layer's presets: fourteen lessons, each a scene (or a few) built to show one
// lesson. The data is here, one file per lesson; the words are in i18n
// (src/i18n/messages/lessonText.ts); the checks that state, on the computed paths, what the words
// promise are in tests/lessons/checks/ and never ship.
export { LESSONS } from './catalog';
export { adjacentLesson, getLesson, lessonScene, onLessonOpened, openLesson, resolveLesson } from './open';
export type { Lesson, LessonTextKey } from './types';
