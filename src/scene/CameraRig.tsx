import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { OrthographicCamera as OrthoCam, PerspectiveCamera as PerspCam } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { ViewMode } from '../state/store';
import { SURFACE_HEIGHT, type WorldMapping } from './worldMapping';

/**
 * The two views. 3D: a perspective camera orbiting the surface. 2D: an orthographic camera
 * looking straight down (x right, y up), pan and zoom only. The camera is put back whenever
 * the view, the surface or the reset button asks for it.
 */
export function CameraRig({ view, mapping, resets }: { view: ViewMode; mapping: WorldMapping; resets: number }) {
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<OrbitControlsImpl | null>(null);
  const persp = useRef<PerspCam | null>(null);
  const ortho = useRef<OrthoCam | null>(null);
  const aspect = size.width / Math.max(1, size.height);

  useEffect(() => {
    const target: [number, number, number] = view === '3d' ? [0, SURFACE_HEIGHT * 0.3, 0] : [0, 0, 0];
    if (view === '3d' && persp.current) {
      // A narrow (portrait) canvas needs the camera further back to keep the whole surface in view.
      const distance = 3.1 / Math.min(1, Math.pow(aspect, 0.75));
      persp.current.position.set(distance * 0.24, distance * 0.72, distance * 0.66);
      persp.current.lookAt(...target);
    }
    if (view === '2d' && ortho.current) {
      ortho.current.position.set(0, 10, 0);
      ortho.current.up.set(0, 0, -1);
      ortho.current.lookAt(0, 0, 0);
      ortho.current.zoom = 0.9 * Math.min(size.width / (2 * mapping.halfX), size.height / (2 * mapping.halfZ));
      ortho.current.updateProjectionMatrix();
    }
    if (controls.current) {
      controls.current.target.set(...target);
      controls.current.update();
    }
    invalidate();
    // The size is deliberately left out: resizing the window must not undo the user's orbit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, mapping, resets, invalidate]);

  return (
    <>
      {view === '3d' ? (
        <PerspectiveCamera ref={persp} makeDefault fov={38} near={0.01} far={100} position={[1.7, 1.9, 1.9]} />
      ) : (
        <OrthographicCamera ref={ortho} makeDefault near={0.01} far={100} position={[0, 10, 0]} zoom={100} />
      )}
      <OrbitControls
        key={view}
        ref={controls}
        makeDefault
        enableRotate={view === '3d'}
        enableDamping={false}
        screenSpacePanning
        minDistance={0.5}
        maxDistance={12}
        maxPolarAngle={Math.PI * 0.49}
        target={view === '3d' ? [0, SURFACE_HEIGHT * 0.3, 0] : [0, 0, 0]}
      />
    </>
  );
}
