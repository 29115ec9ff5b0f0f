import { useId } from 'react';
import { SURFACES, getSurface } from '../engine';
import { useScene } from '../state/useScene';
import { FormulaView } from './FormulaView';
import { useT } from './i18n';
import { surfaceLesson, surfaceName } from './surfaceText';

/** The surface menu, its typeset formula and what it teaches. */
export function SurfacePicker() {
  const surfaceId = useScene((s) => s.surfaceId);
  const setSurface = useScene((s) => s.setSurface);
  const t = useT();
  const selectId = useId();
  const surface = getSurface(surfaceId) ?? SURFACES[0];
  const lesson = surfaceLesson(t, surface);
  return (
    <div className="surface-picker">
      <label className="field-label" htmlFor={selectId}>
        {t('surface.label')}
      </label>
      <select id={selectId} className="select" value={surface.id} onChange={(e) => setSurface(e.currentTarget.value)}>
        {SURFACES.map((s) => (
          <option key={s.id} value={s.id}>
            {surfaceName(t, s)}
          </option>
        ))}
      </select>
      <FormulaView latex={surface.latex} text={surface.formula} label={t('surface.formula')} />
      {lesson && <p className="lesson">{lesson}</p>}
    </div>
  );
}
