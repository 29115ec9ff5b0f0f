import { computeScene } from '../../state/paths';
import { sceneStore } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';
import { plainFormula } from '../surface/plainFormula';
import { surfaceName } from '../surface/surfaceText';

/**
 * The surface's name and formula above the canvas: what a lecture hall reads first, and what
 * the panel (hidden while presenting) would otherwise be the only place to say.
 */
export function SceneTitle() {
  const t = useT();
  // The surface object changes with the id, a newly typed formula and the penalty.
  useScene((s) => s.surfaceId);
  useScene((s) => s.custom);
  const surface = computeScene(sceneStore.getState()).surface;
  const name = surfaceName(t, surface);
  const formula = `f(x, y) = ${plainFormula(surface.formula)}`;
  return (
    <h1 className="scene-title" title={`${name}: ${formula}`}>
      <span className="scene-title-name">{name}</span>
      <span className="scene-title-formula">{formula}</span>
    </h1>
  );
}
