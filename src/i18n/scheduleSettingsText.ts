// A schedule's settings' words (messages/scheduleSettings.ts), for the settings, which load when a
// run first has a schedule other than constant: imported by them alone, so that the table stays
// out of the first download.
import { useCallback } from 'react';
import { fillMessage } from './index';
import type { Lang } from './lang';
import { scheduleSettings } from './messages/scheduleSettings';

export type ScheduleSettingsKey = keyof typeof scheduleSettings;

/** The settings' t(): a message in the given language, stable while the language stays the same. */
export function useScheduleSettingsText(lang: Lang): (key: ScheduleSettingsKey, vars?: Readonly<Record<string, string | number>>) => string {
  return useCallback((key: ScheduleSettingsKey, vars?: Readonly<Record<string, string | number>>) => fillMessage(scheduleSettings[key][lang], vars), [lang]);
}
