import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../src/engine';
import { fitPointsInView } from '../../src/scene/cameraFit';
import { buildSurfaceGrid, silhouetteSample } from '../../src/scene/surfaceGrid';

function projectedExtents(camera: PerspectiveCamera, points: ArrayLike<number>) {
  const p = new Vector3();
  const e = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (let i = 0; i < points.length; i += 3) {
    p.set(points[i], points[i + 1], points[i + 2]).project(camera);
    e.minX = Math.min(e.minX, p.x);
    e.maxX = Math.max(e.maxX, p.x);
    e.minY = Math.min(e.minY, p.y);
    e.maxY = Math.max(e.maxY, p.y);
  }
  return e;
}

describe('fitPointsInView', () => {
  const direction: [number, number, number] = [0.14, 0.74, 0.66];
  for (const id of ['ravine', 'rosenbrock', 'saddle', 'rastrigin']) {
    for (const [aspect, region] of [
      [958 / 530, { left: -0.94, right: 0.94, bottom: -0.79, top: 0.64 }],
      [390 / 388, { left: -0.94, right: 0.94, bottom: -0.71, top: 0.55 }],
    ] as const) {
      it(`fills the free region with ${id} at aspect ${aspect.toFixed(2)}, centred, nothing outside`, () => {
        const surface = getSurface(id);
        if (!surface) throw new Error(id);
        const points = silhouetteSample(buildSurfaceGrid(surface, 100));
        const camera = new PerspectiveCamera(38, aspect, 0.01, 100);
        const target = fitPointsInView(camera, points, aspect, direction, region);
        const e = projectedExtents(camera, points);
        const tol = 1e-3;
        expect(e.minX).toBeGreaterThanOrEqual(region.left - tol);
        expect(e.maxX).toBeLessThanOrEqual(region.right + tol);
        expect(e.minY).toBeGreaterThanOrEqual(region.bottom - tol);
        expect(e.maxY).toBeLessThanOrEqual(region.top + tol);
        // Tight: it touches the region on one axis at least (within 3 %).
        const fillX = (e.maxX - e.minX) / (region.right - region.left);
        const fillY = (e.maxY - e.minY) / (region.top - region.bottom);
        expect(Math.max(fillX, fillY)).toBeGreaterThan(0.97);
        // Centred on the limiting axis, and the camera looks at the returned target.
        if (fillX > fillY) expect(Math.abs((e.minX + e.maxX) / 2 - (region.left + region.right) / 2)).toBeLessThan(0.03);
        else expect(Math.abs((e.minY + e.maxY) / 2 - (region.bottom + region.top) / 2)).toBeLessThan(0.03);
        const ahead = new Vector3(0, 0, -1).applyQuaternion(camera.quaternion);
        const toTarget = target.clone().sub(camera.position).normalize();
        expect(ahead.dot(toTarget)).toBeGreaterThan(0.9999);
      });
    }
  }
});
