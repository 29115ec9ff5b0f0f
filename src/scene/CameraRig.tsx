import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { type Camera, type OrthographicCamera as OrthoCam, type PerspectiveCamera as PerspCam } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { onCameraNudge } from '../state/cameraNudge';
import { sceneStore, type CameraPose, type ViewMode } from '../state/store';
import { fitPointsInView } from './cameraFit';
import { AXIS_ROOM_BOTTOM_REM, AXIS_ROOM_LEFT_REM } from './PlotAxes';
import { toNdc, type Box } from './screenBox';
import type { WorldMapping } from './worldMapping';

const FOV = 38;
// From above and in front, a little to the right: the view of a textbook's surface plot.
const VIEW_DIRECTION: [number, number, number] = [0.14, 0.74, 0.66];
/**
 * On a canvas not much wider than tall (a phone, a portrait tablet) the same view leaves the top
 * and bottom empty: from higher up, the surface's depth takes more of the height.
 */
const STEEP_VIEW_DIRECTION: [number, number, number] = [0.12, 0.88, 0.46];
const STEEP_BELOW_ASPECT = 1.5;

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
  // Seen from above, whether the user has panned or zoomed since the view was fitted: until they
  // do, a resized canvas (a drawer opening, a caption appearing, a phone turning) refits it.
  const moved2d = useRef(false);
  useEffect(() => {
    moved2d.current = false;
  }, [view, mapping, resets]);
  useEffect(() => {
    if (!controls || view !== '2d') return;
    const onStart = () => {
      moved2d.current = true;
    };
    controls.addEventListener('start', onStart);
    return () => controls.removeEventListener('start', onStart);
  }, [controls, view]);

  useEffect(() => {
    if (view === '2d' && moved2d.current) return;
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
  }, [view, mapping, silhouette, resets, camera, controls, invalidate, size.width, size.height]);

  // Remember where the user leaves the camera (for the URL), once per drag, not per frame.
  useEffect(() => {
    if (!controls || view !== '3d') return;
    const onEnd = () => rememberPose(camera, controls);
    controls.addEventListener('end', onEnd);
    return () => controls.removeEventListener('end', onEnd);
  }, [controls, camera, view]);

  // The keyboard's turn, tilt and zoom (Shift + arrows, + and −): what a drag and the wheel do.
  useEffect(() => {
    if (!controls) return;
    return onCameraNudge(({ turn, tilt, zoom }) => {
      if (view === '3d') {
        controls.setAzimuthalAngle(controls.getAzimuthalAngle() + turn);
        const polar = Math.min(controls.maxPolarAngle, Math.max(controls.minPolarAngle + 0.05, controls.getPolarAngle() + tilt));
        controls.setPolarAngle(polar);
      } else {
        moved2d.current = true;
      }
      if (zoom > 0) controls.dollyOut(KEY_ZOOM ** zoom);
      else if (zoom < 0) controls.dollyIn(KEY_ZOOM ** -zoom);
      controls.update();
      invalidate();
      if (view === '3d') rememberPose(camera, controls);
    });
  }, [controls, camera, view, invalidate]);

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
        // Seen from above, the camera's up is −Z, so OrbitControls measures its polar angle as a
        // right angle: a cap below it would tilt the "flat" view and skew the axes.
        maxPolarAngle={view === '3d' ? Math.PI * 0.49 : Math.PI / 2}
      />
    </>
  );
}

/** One press of + or −: the camera an eighth closer or farther, as a few notches of the wheel. */
const KEY_ZOOM = 1.25;

/** The camera's pose, rounded, into the store (and so the link). */
function rememberPose(camera: Camera, controls: OrbitControlsImpl): void {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const p = camera.position;
  const t = controls.target;
  sceneStore.getState().setCamera({ position: [round(p.x), round(p.y), round(p.z)], target: [round(t.x), round(t.y), round(t.z)] });
}

/** The root font size in pixels: the axes' numbers are sized in rem and grow in presentation mode. */
function rootRem(): number {
  const size = typeof document === 'undefined' ? Number.NaN : Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

function validPose(pose: CameraPose): boolean {
  return [...pose.position, ...pose.target].every(Number.isFinite) && Math.hypot(...pose.position) < 50;
}

function placeCamera(camera: Camera, view: ViewMode, mapping: WorldMapping, silhouette: Float32Array, width: number, height: number): [number, number, number] | null {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const aspect = w / h;
  const g = gap(aspect);
  if (view === '3d' && (camera as PerspCam).isPerspectiveCamera) {
    const region: Box = { left: g, top: g, right: w - g, bottom: h - g };
    const direction = aspect < STEEP_BELOW_ASPECT ? STEEP_VIEW_DIRECTION : VIEW_DIRECTION;
    const t = fitPointsInView(camera as PerspCam, silhouette, aspect, direction, toNdc(region, w, h));
    return [t.x, t.y, t.z];
  }
  if (view === '2d' && (camera as OrthoCam).isOrthographicCamera) {
    // Room on the left and at the bottom for the axes' numbers (PlotAxes).
    const rem = rootRem();
    // The margin stays the size it has in normal mode, in pixels: presentation's larger type
    // grows the axes' numbers, not the empty band around the plot, which the hall needs filled.
    const margin = presenting() ? Math.round(g / PRESENTATION_TYPE) : g;
    const free: Box = { left: margin + AXIS_ROOM_LEFT_REM * rem, top: margin, right: w - margin, bottom: h - margin - AXIS_ROOM_BOTTOM_REM * rem };
    const ortho = camera as OrthoCam;
    const zoom = Math.min((free.right - free.left) / (2 * mapping.halfX), (free.bottom - free.top) / (2 * mapping.halfZ));
    ortho.zoom = Math.max(1e-3, zoom);
    // Seen from above with −Z up the screen, the world point under the canvas's centre is the
    // one whose offset from the region's centre, scaled by the zoom, puts the origin there.
    const cx = -((free.left + free.right) / 2 - w / 2) / ortho.zoom;
    const cz = -((free.top + free.bottom) / 2 - h / 2) / ortho.zoom;
    camera.position.set(cx, 10, cz);
    camera.up.set(0, 0, -1);
    camera.lookAt(cx, 0, cz);
    ortho.updateProjectionMatrix();
    return [cx, 0, cz];
  }
  return null;
}

/** How much larger presentation mode sets the type (styles.css: 1.65 × the normal scale). */
const PRESENTATION_TYPE = 1.65;

function presenting(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.presentation === 'true';
}

/** The space kept between the view and the canvas's edges, in CSS pixels. */
function gap(aspect: number): number {
  return Math.round((aspect >= 1 ? 0.9 : 0.6) * rootRem());
}
