import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { Vector3, type Camera, type OrthographicCamera as OrthoCam, type PerspectiveCamera as PerspCam } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { computeScene } from '../state/paths';
import { sceneStore, type CameraPose, type ViewMode } from '../state/store';
import { fitPointsInView } from './cameraFit';
import { freeRegions, measureOverlays, toNdc, type Box, type Overlays } from './overlayRegion';
import { surfaceGridFor } from './surfaceGrid';
import { SURFACE_HEIGHT, type WorldMapping } from './worldMapping';

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
  const canvas = useThree((s) => s.gl.domElement);
  // The default camera and controls, whichever are current: drei swaps both when the view
  // changes, so placing them must wait until the new ones are in the store.
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;

  // The fitted view makes room for the overlays: a lesson's caption appearing or folding, or
  // (seen from above) the legend folding, refits it. A pose the user left still wins in 3D.
  const [overlayChanges, setOverlayChanges] = useState(0);
  useEffect(() => {
    const stage = canvas.closest('.stage');
    if (!stage || typeof MutationObserver !== 'function') return;
    const bump = () => setOverlayChanges((n) => n + 1);
    const onStage = new MutationObserver(bump);
    onStage.observe(stage, { childList: true });
    const legend = stage.querySelector('.legend');
    const onLegend = new MutationObserver(() => {
      if (sceneStore.getState().view === '2d') bump();
    });
    if (legend) onLegend.observe(legend, { attributes: true, attributeFilter: ['data-open'] });
    return () => {
      onStage.disconnect();
      onLegend.disconnect();
    };
  }, [canvas]);

  useEffect(() => {
    const target: [number, number, number] = placeCamera(camera, view, mapping, silhouette, measureOverlays(canvas), startInWorld(), size.width, size.height) ?? [0, 0, 0];
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
  }, [view, mapping, silhouette, resets, overlayChanges, camera, controls, invalidate, canvas]);

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

function placeCamera(camera: Camera, view: ViewMode, mapping: WorldMapping, silhouette: Float32Array, overlays: Overlays, start: Vector3 | null, width: number, height: number): [number, number, number] | null {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const aspect = w / h;
  if (view === '3d' && (camera as PerspCam).isPerspectiveCamera) {
    // Clear of the toolbar and the arrows' key. The legend may cover a corner of the surface
    // (moving the whole view aside for it would shrink it a lot), but not the start of the
    // paths: if it would, the view goes beside or under the legend, whichever is larger.
    const persp = camera as PerspCam;
    const fit = (region: Box) => fitPointsInView(persp, silhouette, aspect, VIEW_DIRECTION, toNdc(region, w, h));
    const [free] = freeRegions(w, h, { ...overlays, legend: null }, 1, gap(aspect));
    let t = fit(free);
    const legend = overlays.legend;
    if (legend && startUnder(persp, start, legend, w, h)) {
      const sized = freeRegions(w, h, overlays, 1, gap(aspect)).map((region) => {
        const target = fit(region);
        return { region, distance: persp.position.distanceTo(target) };
      });
      sized.sort((a, b) => a.distance - b.distance);
      if (sized[0]) t = fit(sized[0].region);
    }
    return [t.x, t.y, t.z];
  }
  if (view === '2d' && (camera as OrthoCam).isOrthographicCamera) {
    // Seen from above, a corner under the legend would hide the start of every path: the map
    // goes where nothing covers it, under the legend or beside it, whichever leaves it larger.
    const [free] = freeRegions(w, h, overlays, mapping.halfX / mapping.halfZ, gap(aspect));
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

/** Where the runs start, in world coordinates (read at fit time: moving the start keeps the view). */
function startInWorld(): Vector3 | null {
  const state = sceneStore.getState();
  const scene = computeScene(state);
  const grid = surfaceGridFor(scene.surface);
  const [x, y] = state.start;
  const f = scene.surface.value(x, y);
  if (!Number.isFinite(f)) return null;
  return new Vector3(grid.mapping.toWorldX(x), grid.scale.toUnit(f) * SURFACE_HEIGHT, grid.mapping.toWorldZ(y));
}

/** Whether the point falls under the box on screen (with a little room around it). */
function startUnder(camera: PerspCam, start: Vector3 | null, box: Box, width: number, height: number): boolean {
  if (!start) return false;
  const p = start.clone().project(camera);
  const x = ((p.x + 1) / 2) * width;
  const y = ((1 - p.y) / 2) * height;
  // The start's marker is a pin standing over the point: room for its head too.
  const room = 24;
  return x > box.left - room && x < box.right + room && y > box.top - room && y < box.bottom + room;
}

/** The space kept between the view and the canvas's edges or the overlays, in CSS pixels. */
function gap(aspect: number): number {
  return Math.round((aspect >= 1 ? 0.9 : 0.6) * rootRem());
}
