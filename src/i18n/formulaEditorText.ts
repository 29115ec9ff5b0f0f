// The formula editor's words (messages/formulaEditor.ts), for the editor and its domain fields,
// which load when it first opens: imported by them alone, so that the table stays out of the
// first download.
import { useCallback } from 'react';
import { fillMessage } from './index';
import type { Lang } from './lang';
import { formulaEditor } from './messages/formulaEditor';

export type FormulaEditorKey = keyof typeof formulaEditor;

export type FormulaEditorText = (key: FormulaEditorKey, vars?: Readonly<Record<string, string | number>>) => string;

/** The editor's t(): a message in the given language, stable while the language stays the same. */
export function useFormulaEditorText(lang: Lang): FormulaEditorText {
  return useCallback<FormulaEditorText>((key, vars) => fillMessage(formulaEditor[key][lang], vars), [lang]);
}
