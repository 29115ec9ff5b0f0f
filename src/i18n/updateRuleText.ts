// The update-rule panel's words (messages/updateRule.ts), for the panel, which loads when it first
// shows: imported by its modules alone, so that the table stays out of the first download.
import { useCallback } from 'react';
import { fillMessage } from './index';
import type { Lang } from './lang';
import { updateRule } from './messages/updateRule';

type UpdateRuleKey = keyof typeof updateRule;

/** A message in the given language, with {name} placeholders filled from vars. */
export function updateRuleText(lang: Lang, key: UpdateRuleKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(updateRule[key][lang], vars);
}

/** The panel's t(): updateRuleText in the given language, stable while the language stays the same. */
export function useUpdateRuleText(lang: Lang): (key: UpdateRuleKey, vars?: Readonly<Record<string, string | number>>) => string {
  return useCallback((key: UpdateRuleKey, vars?: Readonly<Record<string, string | number>>) => updateRuleText(lang, key, vars), [lang]);
}
