import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { Suspense, lazy, useEffect } from 'react';
import { computeScene } from '../state/paths';
import { setFrameRequester } from '../state/playhead';
import { sceneStore } from '../state/store';
import { useScene } from '../state/useScene';
import { useTranslator } from '../i18n';
import { CameraRig } from './CameraRig';
import { Markers } from './Markers';
import { PlotAxes } from './PlotAxes';
import { RunVisuals } from './RunVisuals';
import { ScreenProbe } from './ScreenProbe';
import { SurfaceMesh } from './SurfaceMesh';
import { TeachingOverlays } from './TeachingOverlays';
import { VectorArrows } from './VectorArrows';
import { silhouetteFor, surfaceGridFor } from './surfaceGrid';

// A basin map on the surface: its code loads with the first one shown.
const BasinOverlay = lazy(() => import('./BasinOverlay').then((m) => ({ default: m.BasinOverlay })));

/**
 * Renders on demand: a frame is drawn only when the store or the playhead changes, so an
 * idle page costs nothing. Every store change asks for one frame.
 */
function FrameBridge() {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    setFrameRequester(() => invalidate());
    const unsubscribe = sceneStore.subscribe(() => invalidate());
    // three.js rebuilds its GL state when a lost context comes back (its listener was added
    // first, with the renderer), but nothing asks for a frame: the canvas would stay blank until
    // the next input. Draw the scene again at once.
    const restored = () => invalidate();
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      unsubscribe();
      canvas.removeEventListener('webglcontextrestored', restored);
      setFrameRequester(() => {});
    };
  }, [invalidate, canvas]);
  return null;
}

/** Marks the first frame that shows the surface: the "ready" signal for tests and the benchmark. */
function ReadySignal() {
  useFrame(() => {
    const root = document.documentElement;
    if (root.dataset.ready !== 'true') {
      root.dataset.ready = 'true';
      performance.mark('descent:first-frame');
    }
  });
  return null;
}

export function SceneCanvas() {
  const surfaceId = useScene((s) => s.surfaceId);
  // Subscribed so that a newly compiled formula re-renders the scene.
  useScene((s) => s.custom);
  useScene((s) => s.penalty);
  const start = useScene((s) => s.start);
  const view = useScene((s) => s.view);
  const resets = useScene((s) => s.cameraResets);
  const t = useTranslator(useScene((s) => s.lang));
  // Recomputed only when the surface changes (computeScene is memoized).
  const surface = computeScene(sceneStore.getState()).surface;
  const grid = surfaceGridFor(surface);
  const mapping = grid.mapping;
  const flat = view === '2d';
  const basins = useScene((s) => s.map.open && s.map.onSurface && s.map.kind === 'basin');
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      gl={{ antialias: true, preserveDrawingBuffer: true }}
      fallback={<div className="error-box">{t('error.webgl')}</div>}
      // A div may carry a name only with a role: the drawing is an image (its description and
      // the runs' numbers are in the panel and the legend).
      role="img"
      aria-label={t('view.tapHint')}
      data-surface={surfaceId}
    >
      <FrameBridge />
      <ReadySignal />
      <CameraRig view={view} mapping={mapping} silhouette={silhouetteFor(grid)} resets={resets} />
      <hemisphereLight args={['#dfe9ff', '#20242c', 1.1]} />
      <directionalLight position={[2.5, 4, 1.5]} intensity={1.6} />
      <SurfaceMesh surface={surface} flat={flat} />
      {basins && (
        <Suspense fallback={null}>
          <BasinOverlay surface={surface} flat={flat} />
        </Suspense>
      )}
      <Markers surface={surface} start={start} flat={flat} />
      <RunVisuals flat={flat} />
      <VectorArrows flat={flat} />
      <TeachingOverlays flat={flat} />
      <ScreenProbe grid={grid} flat={flat} />
      {flat && <PlotAxes mapping={mapping} domain={surface.domain} names={{ x: 'x', y: 'y', label: t('scene.axes') }} />}
    </Canvas>
  );
}
