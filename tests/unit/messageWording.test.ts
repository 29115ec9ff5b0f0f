import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/state/lessons';
import { MESSAGE_KEYS, translate } from '../../src/i18n';
import { lessonCaptions } from '../../src/i18n/messages/lessonCaptions';
import { embedDialog } from '../../src/i18n/messages/embedDialog';
import { maps } from '../../src/i18n/messages/maps';
import { data } from '../../src/i18n/messages/data';
import { description } from '../../src/i18n/messages/description';
import { exportMenuMessages } from '../../src/i18n/messages/exportMenu';
import { formulaErrors } from '../../src/i18n/messages/formulaErrors';
import { help } from '../../src/i18n/messages/help';
import { formulaEditor } from '../../src/i18n/messages/formulaEditor';
import { updateRule } from '../../src/i18n/messages/updateRule';
import { embedControls } from '../../src/i18n/messages/embedControls';
import { scheduleSettings } from '../../src/i18n/messages/scheduleSettings';
import { notices } from '../../src/i18n/messages/notices';

// Every Korean text the app shows: the UI's messages, the lessons' titles, and their captions and
// notes (which load with the first lesson, apart from the other messages), and the words of the
// Maps section, the Embed dialog, the Export menu, a refused formula, the shortcuts list, the
// formula editor, the update-rule panel, the embedded player, a schedule's settings and the store's
// notices (which load with them).
function koreanTexts(): Array<[string, string]> {
  const lazy = { ...lessonCaptions, ...maps, ...data, ...embedDialog, ...exportMenuMessages, ...formulaErrors, ...help, ...formulaEditor, ...updateRule, ...embedControls, ...scheduleSettings, ...notices, ...description };
  return [...MESSAGE_KEYS.map((key): [string, string] => [key, translate('ko', key)]), ...Object.entries(lazy).map(([key, m]): [string, string] => [key, m.ko])];
}

describe('the Korean texts checked here', () => {
  it('include every lesson’s title, caption, label and variant notes', () => {
    const keys = new Set(koreanTexts().map(([key]) => key));
    for (const l of LESSONS) {
      for (const key of [l.title, l.caption, ...(l.label ? [l.label] : []), ...l.variants.flatMap((v) => [v.label, v.note])]) expect(keys.has(key), key).toBe(true);
    }
  });
});

describe('Korean terms', () => {
  it('spell Newton one way: 뉴턴 (the Latin name only as a gloss, "뉴턴 방법(Newton)")', () => {
    expect(translate('ko', 'optimizer.newton')).toBe('뉴턴');
    for (const [where, text] of koreanTexts()) {
      const latin = text.replace(/뉴턴 방법\(Newton\)/g, '');
      expect(latin, `${where}: ${text}`).not.toMatch(/Newton/);
    }
  });
});

describe('buttons with a visible word and a longer accessible name', () => {
  // WCAG 2.5.3 (label in name): speech users say what they see.
  it('the run card’s update-rule button: its word is part of its name, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const word = translate(lang, 'teach.explainShort');
      const name = translate(lang, 'teach.explain', { name: 'Adam' });
      expect(name.toLowerCase(), lang).toContain(word.toLowerCase());
      expect(name, lang).toContain('Adam');
    }
  });
});
