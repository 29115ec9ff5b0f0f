import { useCallback } from 'react';
import type { Lang } from '../../state/store';
import { useScene } from '../../state/useScene';
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

/** A message in the given language, with {name} placeholders filled from vars. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** t() for the current language; components re-render when the language changes. */
export function useT(): Translate {
  const lang = useScene((s) => s.lang);
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
