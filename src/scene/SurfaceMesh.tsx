import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide, LineBasicMaterial, MeshStandardMaterial } from 'three';
import type { Surface } from '../engine';
import { tidyStart } from './tidyStart';
import { sceneStore } from '../state/store';
import { contourSegments, linearColors, surfaceGridFor } from './surfaceGrid';

/** Pointer travel (px) under which a press counts as a tap, not an orbit drag. */
const TAP_TOLERANCE = 6;
const CONTOUR_LEVELS = 20;

/**
 * The loss surface: a lit mesh coloured by height (viridis), with contour lines on it.
 * Clicking or tapping it sets the start of every run.
 */
export function SurfaceMesh({ surface, flat }: { surface: Surface; flat: boolean }) {
  const grid = surfaceGridFor(surface);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(grid.positions, 3));
    g.setAttribute('color', new BufferAttribute(linearColors(grid), 3));
    g.setIndex(new BufferAttribute(grid.index, 1));
    g.computeVertexNormals();
    return g;
  }, [grid]);
  const contours = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(contourSegments(grid, CONTOUR_LEVELS, 0.0015), 3));
    return g;
  }, [grid]);
  const material = useMemo(
    () =>
      new MeshStandardMaterial({
        vertexColors: true,
        roughness: 0.85,
        metalness: 0,
        side: DoubleSide,
        // Pushes the mesh back in depth so paths and contours drawn on it always win.
        polygonOffset: true,
        polygonOffsetFactor: 1,
        polygonOffsetUnits: 1,
      }),
    [],
  );
  const lineMaterial = useMemo(() => new LineBasicMaterial({ color: '#05080c', transparent: true, opacity: 0.38 }), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => contours.dispose(), [contours]);
  useEffect(
    () => () => {
      material.dispose();
      lineMaterial.dispose();
    },
    [material, lineMaterial],
  );

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > TAP_TOLERANCE) return;
    e.stopPropagation();
    const [x, y] = grid.mapping.fromWorld(e.point.x, e.point.z);
    sceneStore.getState().setStart(tidyStart([x, y], surface.domain));
  };

  // In the 2D view the same mesh is squashed flat and seen from above: one scene, two views.
  return (
    <group scale={[1, flat ? 0.0005 : 1, 1]}>
      <mesh geometry={geometry} material={material} onClick={onClick} />
      <lineSegments geometry={contours} material={lineMaterial} renderOrder={1} />
    </group>
  );
}
