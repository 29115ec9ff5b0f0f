import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState } from 'react';
import { SURFACES } from '../../engine';
import { DATA_SURFACE_IDS } from '../../engine/data/dataIds';
import { CUSTOM_ID, sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { FormulaView } from './FormulaView';
import { useT } from '../shell/useT';
import { surfaceAbout, surfaceName } from './surfaceText';
import './SurfacePicker.css';

// A data surface's words and batch control load with the data sets.
const DataPanel = lazy(() => import('../data/DataPanel').then((m) => ({ default: m.DataPanel })));
// The formula editor loads the first time it opens ("Type a formula", or a link with a formula),
// and stays mounted after, hidden, so that what was typed is kept.
const FormulaEditor = lazy(() => import('./FormulaEditor').then((m) => ({ default: m.FormulaEditor })));

/** The surface menu, its typeset formula and what it teaches; or the typed formula's editor. */
export function SurfacePicker() {
  const surfaceId = useScene((s) => s.surfaceId);
  const surface = useScene(sceneSurface);
  const setSurface = useScene((s) => s.setSurface);
  const t = useT();
  const selectId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // "Custom formula…" chosen before any formula compiled: the built-in surface stays on screen
  // until one does, but the menu and the panel already show the editor.
  const [drafting, setDrafting] = useState(false);
  const [focusField, setFocusField] = useState(false);
  const [editorReady, setEditorReady] = useState(false);
  const onEditorMount = useCallback(() => setEditorReady(true), []);
  const custom = surfaceId === CUSTOM_ID;
  const editing = custom || drafting;
  const editorWanted = useRef(false);
  if (editing) editorWanted.current = true;

  useEffect(() => {
    if (!focusField || !editing || !editorReady) return;
    inputRef.current?.focus();
    setFocusField(false);
  }, [focusField, editing, editorReady]);

  // A scene reset (or anything else that shows a built-in) ends a draft that never compiled.
  useEffect(() => {
    if (custom) setDrafting(false);
  }, [custom]);

  const choose = (id: string) => {
    if (id === CUSTOM_ID) {
      setDrafting(true);
      // Back to the last formula that compiled, if there is one.
      if (sceneStore.getState().custom) setSurface(CUSTOM_ID);
    } else {
      setDrafting(false);
      setSurface(id);
    }
  };

  const lesson = editing ? null : surfaceAbout(t, surface);
  return (
    <div className="surface-picker">
      <div className="surface-picker-head">
        <label className="field-label" htmlFor={selectId}>
          {t('surface.label')}
        </label>
        {!editing && (
          <button
            type="button"
            className="formula-open"
            onClick={() => {
              choose(CUSTOM_ID);
              setFocusField(true);
            }}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M2.5 13.5l.6-2.9 7.6-7.6a1.6 1.6 0 0 1 2.3 2.3l-7.6 7.6-2.9.6zM9.6 4.1l2.3 2.3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
            </svg>
            {t('formula.open')}
          </button>
        )}
      </div>
      <select id={selectId} className="select" value={editing ? CUSTOM_ID : surface.id} onChange={(e) => choose(e.currentTarget.value)}>
        <optgroup label={t('surface.group.builtIn')}>
          {SURFACES.map((s) => (
            <option key={s.id} value={s.id}>
              {surfaceName(t, s)}
            </option>
          ))}
          <option value={CUSTOM_ID}>{t('formula.option')}</option>
        </optgroup>
        <optgroup label={t('surface.group.data')}>
          {DATA_SURFACE_IDS.map((id) => (
            <option key={id} value={id}>
              {surfaceName(t, { id, name: id })}
            </option>
          ))}
        </optgroup>
      </select>
      {!editing && (
        <>
          <FormulaView latex={surface.latex} text={surface.formula} label={t('surface.formula')} />
          {lesson && <p className="lesson">{lesson}</p>}
          {surface.data && (
            <Suspense fallback={null}>
              <DataPanel />
            </Suspense>
          )}
        </>
      )}
      {editorWanted.current && (
        <Suspense fallback={null}>
          <FormulaEditor open={editing} inputRef={inputRef} onMount={onEditorMount} />
        </Suspense>
      )}
    </div>
  );
}
