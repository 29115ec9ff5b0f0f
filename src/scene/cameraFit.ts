import { Vector3, type PerspectiveCamera } from 'three';

/** The part of the canvas the surface's box may take, in normalized device coordinates (−1 … 1). */
export interface FitRegion {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

/**
 * Puts a perspective camera on the ray `direction` from the surface so that the projection of
 * `points` (x, y, z triples: a sample of the mesh's vertices) fills the region of the canvas left free by the overlays and is centred in it; returns the point to orbit
 * about. A bounding sphere, or even the bounding box, would leave much of the canvas empty (a
 * ravine is low in the middle): this fits the vertices themselves (the distance by bisection, since the projected size shrinks monotonically
 * with distance), then pans so the projection's centre sits on the region's centre.
 */
export function fitPointsInView(
  camera: PerspectiveCamera,
  points: ArrayLike<number>,
  aspect: number,
  direction: readonly [number, number, number],
  region: FitRegion,
): Vector3 {
  camera.aspect = aspect;
  camera.updateProjectionMatrix();
  const corners: Vector3[] = [];
  const lo3 = new Vector3(Infinity, Infinity, Infinity);
  const hi3 = new Vector3(-Infinity, -Infinity, -Infinity);
  for (let i = 0; i + 2 < points.length; i += 3) {
    const v = new Vector3(points[i], points[i + 1], points[i + 2]);
    corners.push(v);
    lo3.min(v);
    hi3.max(v);
  }
  const unit = new Vector3(...direction).normalize();
  const target = corners.length ? lo3.clone().add(hi3).multiplyScalar(0.5) : new Vector3();
  const p = new Vector3();
  const place = (distance: number) => {
    camera.position.copy(target).addScaledVector(unit, distance);
    camera.up.set(0, 1, 0);
    camera.lookAt(target);
    camera.updateMatrixWorld(true);
  };
  const extents = () => {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let behind = false;
    for (const c of corners) {
      p.copy(c).project(camera);
      // Behind the camera or past the far plane, a corner projects to nonsense.
      if (!(p.z < 1)) behind = true;
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    return { minX, maxX, minY, maxY, behind };
  };
  const fits = () => {
    const e = extents();
    return !e.behind && e.minX >= region.left && e.maxX <= region.right && e.minY >= region.bottom && e.maxY <= region.top;
  };
  const right = new Vector3();
  const up = new Vector3();
  let distance = 4;
  // Centring changes the fit a little and the fit the centre: two rounds settle both.
  for (let round = 0; round < 3; round++) {
    let lo = 0.05;
    let hi = 60;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      place(mid);
      if (fits()) hi = mid;
      else lo = mid;
    }
    distance = hi;
    place(distance);
    if (round === 2) break;
    const e = extents();
    const halfH = Math.tan((camera.fov * Math.PI) / 360) * distance;
    right.setFromMatrixColumn(camera.matrixWorld, 0);
    up.setFromMatrixColumn(camera.matrixWorld, 1);
    const dx = (e.minX + e.maxX) / 2 - (region.left + region.right) / 2;
    const dy = (e.minY + e.maxY) / 2 - (region.bottom + region.top) / 2;
    target.addScaledVector(right, dx * halfH * aspect).addScaledVector(up, dy * halfH);
  }
  place(distance);
  return target;
}
