import { describe, expect, it } from 'vitest';
import { HYPERPARAMS, OPTIMIZERS, SURFACES } from '../../src/engine';
import { panel } from '../../src/i18n/messages/panel';

const messages: Readonly<Record<string, { en: string; ko: string }>> = panel;

// Latin words allowed in the Korean UI: proper names and the language switch's "English".
const PROPER_NAMES = new Set([
  ...OPTIMIZERS.map((o) => o.name),
  'Rosenbrock',
  'Booth',
  'Matyas',
  'Beale',
  'Himmelblau',
  'Styblinski',
  'Tang',
  'Rastrigin',
  'Ackley',
  'Goldstein',
  'Price',
  'English',
  'PyTorch',
  // L-BFGS (read as the word BFGS) and its strong-Wolfe line search.
  'BFGS',
  'Wolfe',
  // SF-AdamW, schedule-free AdamW.
  'SF',
]);
// Single letters are math (x, y, e, d) or placeholders' values, never words.
const isMath = (word: string) => word.length === 1;

describe('panel messages', () => {
  it('name every optimizer and every hyperparameter, the English as the engine has it', () => {
    for (const o of OPTIMIZERS) expect(messages[`optimizer.${o.id}`]?.en, o.id).toBe(o.name);
    for (const h of HYPERPARAMS) expect(messages[`param.${h.key}`], h.key).toBeDefined();
  });

  it('name and explain every built-in surface in both languages', () => {
    for (const s of SURFACES) {
      expect(messages[`surface.name.${s.id}`], s.id).toBeDefined();
      expect(messages[`surface.name.${s.id}`].en).toBe(s.name);
      // What a surface teaches is UI text, kept here only (the engine's surfaces carry none).
      expect(messages[`surface.about.${s.id}`]?.en, s.id).toMatch(/\w{3}/);
      expect(messages[`surface.about.${s.id}`]?.ko, s.id).toMatch(/[가-힣]/);
    }
  });

  it('use the engine’s English names for hyperparameters and optimizers', () => {
    // The e2e tests find sliders by "Learning rate η": the English must be the engine's.
    for (const h of HYPERPARAMS) expect(messages[`param.${h.key}`].en).toBe(h.name);
    for (const o of OPTIMIZERS) expect(messages[`optimizer.${o.id}`].en).toBe(o.name);
  });

  it('keep English out of the Korean UI, proper names and math aside', () => {
    for (const [key, { ko }] of Object.entries(messages)) {
      const text = ko.replace(/\{\w+\}/g, '');
      const words = text.match(/[A-Za-z]+/g) ?? [];
      const stray = words.filter((w) => !PROPER_NAMES.has(w) && !isMath(w));
      expect(stray, `${key}: ${ko}`).toEqual([]);
    }
  });

  it('are really translated: Korean text has Hangul unless it is a proper name', () => {
    for (const [key, { en, ko }] of Object.entries(messages)) {
      if (ko === en) {
        const words = en.match(/[A-Za-z]+/g) ?? [];
        expect(words.every((w) => PROPER_NAMES.has(w) || isMath(w)), `${key} is untranslated: ${en}`).toBe(true);
      } else {
        expect(/[\uac00-\ud7a3]/.test(ko), `${key}: ${ko}`).toBe(true);
      }
    }
  });

  it('fill the same placeholders in both languages', () => {
    for (const [key, { en, ko }] of Object.entries(messages)) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(ko), key).toEqual(names(en));
    }
  });
});
