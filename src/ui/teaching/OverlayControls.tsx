import { useScene } from '../../state/useScene';
import { CurvatureReadout } from './CurvatureReadout';
import { OverlayToggles } from './OverlayToggles';

/**
 * The overlays' part of the scene key: their switches and, while the curvature axes are on,
 * their readout. One chunk, loaded after the first frame (src/ui/teaching/SceneKey.tsx).
 */
export function OverlayControls() {
  const curvature = useScene((s) => s.overlays.curvature);
  return (
    <>
      <OverlayToggles />
      {curvature && <CurvatureReadout />}
    </>
  );
}
