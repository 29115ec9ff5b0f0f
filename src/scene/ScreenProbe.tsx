import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { pathPointInWorld } from './RunVisuals';
import { setProjector } from './screenProbe';
import type { SurfaceGrid } from './surfaceGrid';

/** Registers how the current camera maps a path's points to the page (see screenProbe). */
export function ScreenProbe({ grid, flat }: { grid: SurfaceGrid; flat: boolean }) {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    const v = new Vector3();
    setProjector((x, y, f) => {
      const [wx, wy, wz] = pathPointInWorld(grid, flat, x, y, f);
      if (![wx, wy, wz].every(Number.isFinite)) return null;
      camera.updateMatrixWorld();
      v.set(wx, wy, wz).project(camera);
      const r = canvas.getBoundingClientRect();
      return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
    });
    return () => setProjector(null);
  }, [camera, canvas, grid, flat]);
  return null;
}
