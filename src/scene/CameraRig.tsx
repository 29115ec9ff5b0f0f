import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Camera, OrthographicCamera as OrthoCam, PerspectiveCamera as PerspCam } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { sceneStore, type CameraPose, type ViewMode } from '../state/store';
import { fitPointsInView } from './cameraFit';
import type { WorldMapping } from './worldMapping';

const FOV = 38;
// From above and in front, a little to the right: the view of a textbook's surface plot.
const VIEW_DIRECTION: [number, number, number] = [0.14, 0.74, 0.66];

/**
 * The two views. 3D: a perspective camera orbiting the surface. 2D: an orthographic camera
 * looking straight down (x right, y up), pan and zoom only. The camera is put back whenever
 * the view, the surface or the reset button asks for it.
 */
export function CameraRig({ view, mapping, silhouette, resets }: { view: ViewMode; mapping: WorldMapping; silhouette: Float32Array; resets: number }) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  // The default camera and controls, whichever are current: drei swaps both when the view
  // changes, so placing them must wait until the new ones are in the store.
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;

  useEffect(() => {
    const target: [number, number, number] = placeCamera(camera, view, mapping, silhouette, size.width, size.height) ?? [0, 0, 0];
    // A pose the user left (or a shared URL carries) wins over the fitted view, in 3D only.
    const pose = view === '3d' ? sceneStore.getState().camera : null;
    if (pose && validPose(pose)) {
      camera.position.set(...pose.position);
      target.splice(0, 3, ...pose.target);
    }
    if (controls) {
      controls.target.set(...target);
      controls.update();
    }
    invalidate();
    // The size is deliberately left out: resizing the window must not undo the user's orbit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, mapping, silhouette, resets, camera, controls, invalidate]);

  // Remember where the user leaves the camera (for the URL), once per drag, not per frame.
  useEffect(() => {
    if (!controls || view !== '3d') return;
    const onEnd = () => {
      const round = (v: number) => Math.round(v * 1000) / 1000;
      const p = camera.position;
      const t = controls.target;
      sceneStore.getState().setCamera({ position: [round(p.x), round(p.y), round(p.z)], target: [round(t.x), round(t.y), round(t.z)] });
    };
    controls.addEventListener('end', onEnd);
    return () => controls.removeEventListener('end', onEnd);
  }, [controls, camera, view]);

  return (
    <>
      {view === '3d' ? (
        <PerspectiveCamera makeDefault fov={FOV} near={0.01} far={100} position={[0.8, 2.3, 2.1]} />
      ) : (
        <OrthographicCamera makeDefault near={0.01} far={100} position={[0, 10, 0]} zoom={100} />
      )}
      <OrbitControls
        key={view}
        makeDefault
        enableRotate={view === '3d'}
        enableDamping={false}
        screenSpacePanning
        minDistance={0.5}
        maxDistance={12}
        maxPolarAngle={Math.PI * 0.49}
      />
    </>
  );
}

/** The root font size in pixels: the overlays are sized in rem and grow in presentation mode. */
function rootRem(): number {
  const size = typeof document === 'undefined' ? Number.NaN : Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

function validPose(pose: CameraPose): boolean {
  return [...pose.position, ...pose.target].every(Number.isFinite) && Math.hypot(...pose.position) < 50;
}

function placeCamera(camera: Camera, view: ViewMode, mapping: WorldMapping, silhouette: Float32Array, width: number, height: number): [number, number, number] | null {
  const aspect = width / Math.max(1, height);
  let target: [number, number, number] | null = null;
  if (view === '3d' && (camera as PerspCam).isPerspectiveCamera) {
    // Clear of the overlays: the toolbar's rows at the top, the arrows' key at the bottom. An
    // embed has neither and gives the surface its whole frame.
    const px = (n: number) => (2 * n * rootRem()) / Math.max(1, height);
    const embed = sceneStore.getState().embed.enabled;
    const region = embed
      ? { left: -0.94, right: 0.94, bottom: -1 + px(1), top: 1 - px(1) }
      : { left: -0.94, right: 0.94, bottom: -1 + px(3.5), top: 1 - px(aspect >= 1 ? 6 : 5.5) };
    const t = fitPointsInView(camera as PerspCam, silhouette, aspect, VIEW_DIRECTION, region);
    target = [t.x, t.y, t.z];
  }
  if (view === '2d' && (camera as OrthoCam).isOrthographicCamera) {
    const ortho = camera as OrthoCam;
    camera.position.set(0, 10, 0);
    camera.up.set(0, 0, -1);
    camera.lookAt(0, 0, 0);
    ortho.zoom = 0.9 * Math.min(width / (2 * mapping.halfX), height / (2 * mapping.halfZ));
    ortho.updateProjectionMatrix();
  }
  return target;
}
