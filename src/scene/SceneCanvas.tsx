import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { computeScene } from '../state/paths';
import { setFrameRequester } from '../state/playhead';
import { sceneStore } from '../state/store';
import { markWebglUnavailable } from '../state/webglStatus';
import { useScene } from '../state/useScene';
import { useTranslator } from '../i18n';
import { CameraRig } from './CameraRig';
import { Markers } from './Markers';
import { PlotAxes } from './PlotAxes';
import { RenderInfoProbe } from './RenderInfoProbe';
import { RunVisuals } from './RunVisuals';
import { ScreenProbe } from './ScreenProbe';
import { SurfaceMesh } from './SurfaceMesh';
import { TeachingOverlays } from './TeachingOverlays';
import { VectorArrows } from './VectorArrows';
import { silhouetteFor, surfaceGridFor } from './surfaceGrid';
import { retryingRenderer, type WebGLUnavailable } from './webglContext';

// A basin map on the surface: its code loads with the first one shown.
const BasinOverlay = lazy(() => import('./BasinOverlay').then((m) => ({ default: m.BasinOverlay })));
// The scene drawn with Canvas 2D, for a browser where WebGL would not start: loaded only then.
const loadFlatScene = () => import('./flat/FlatScene');
const FlatScene = lazy(() => loadFlatScene().then((m) => ({ default: m.FlatScene })));

/** Set once WebGL failed on this page: a scene mounted again goes straight to the 2D drawing. */
let webglFailed = false;

/**
 * The Canvas's `gl`: WebGL 2 with our settings, tried again for a moment when the browser refuses
 * it (webglContext.ts). `failed` becomes true when it never came, with the way to let R3F go.
 */
function useRetryingRenderer() {
  const [failure, setFailure] = useState<{ error: WebGLUnavailable; release: () => void } | null>(null);
  const mounted = useRef(true);
  const [gl] = useState(() => {
    const unavailable = (error: WebGLUnavailable, release: () => void) => {
      webglFailed = true;
      markWebglUnavailable();
      // A scene already taken away has no Canvas left to replace.
      if (mounted.current) setFailure({ error, release });
      else release();
    };
    // The 2D drawing is fetched at the first refusal, so that it is here if the retries fail too.
    return retryingRenderer({ antialias: true, preserveDrawingBuffer: true }, unavailable, () => void loadFlatScene());
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (!failure) return;
    // The Canvas is gone by now: its root may finish (it waited for the renderer).
    console.warn(`Descent: ${failure.error.message}; the scene is drawn in 2D instead.`);
    failure.release();
  }, [failure]);
  return { gl, failed: failure !== null || webglFailed };
}

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
  const { gl, failed } = useRetryingRenderer();
  if (failed) {
    return (
      <Suspense fallback={null}>
        <FlatScene label={t('view.tapHint')} surfaceId={surfaceId} />
      </Suspense>
    );
  }
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      gl={gl}
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
      <RenderInfoProbe />
      {flat && <PlotAxes mapping={mapping} domain={surface.domain} names={{ x: 'x', y: 'y', label: t('scene.axes') }} />}
    </Canvas>
  );
}
