import { useCallback } from 'react';
import type { Lang } from './lang';
import { app } from './messages/app';
import { exportMessages } from './messages/export';
import { formula } from './messages/formula';
import { lessonMessages } from './messages/lessons';
import { lessonText } from './messages/lessonText';
import { panel } from './messages/panel';
import { playback } from './messages/playback';
import { present } from './messages/present';
import { sceneMessages } from './messages/scene';
import { share } from './messages/share';
import { teach } from './messages/teach';

// Every area of the UI keeps its messages in its own file under messages/; they meet here.
const MESSAGES = { ...app, ...panel, ...playback, ...formula, ...exportMessages, ...present, ...teach, ...share, ...lessonMessages, ...lessonText, ...sceneMessages };

export type MessageKey = keyof typeof MESSAGES;
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];

/** Whether a key that comes from data (a lesson's words) names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** A message in the given language, with {name} placeholders filled from vars. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return fillMessage(MESSAGES[key][lang], vars);
}

/** A message's {name} placeholders filled from vars (a name vars lacks stays as it is). */
export function fillMessage(text: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * t() for the given language, stable while it stays the same. The language is the store's:
 * ui/shell/useT.ts and the scene read it there (i18n depends on nothing of the app).
 */
export function useTranslator(lang: Lang): Translate {
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
