import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, DataTexture, DoubleSide, MeshBasicMaterial, NearestFilter, RGBAFormat, SRGBColorSpace, type Mesh } from 'three';
import type { Surface } from '../engine';
import { basinColors } from '../state/basinColors';
import { basinsOf } from '../state/mapBasins';
import { mapStore } from '../state/maps';
import { sceneStore } from '../state/store';
import { surfaceGridFor } from './surfaceGrid';

/**
 * How opaque a basin's colour lies on the surface: enough that yellow reads yellow over the
 * surface's dark purple and matches the legend (0.62 made it beige), while the shading and the
 * contours drawn above it still show the shape.
 */
const OPACITY = 0.8;

/**
 * The Maps section's basin map laid on the surface (3D) or the contour map (2D): each start
 * coloured by where its run ends. Same triangles as the surface, drawn just in front of it and
 * under the contours and paths; redrawn as the map's cells arrive.
 */
export function BasinOverlay({ surface, flat }: { surface: Surface; flat: boolean }) {
  const grid = surfaceGridFor(surface);
  const mesh = useRef<Mesh>(null);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    const position = new BufferAttribute(grid.positions, 3);
    g.setAttribute('position', position);
    g.setIndex(new BufferAttribute(grid.index, 1));
    // Texture coordinates from each node's place in the plot's domain, where the map's cells lie.
    const uv = new Float32Array((grid.positions.length / 3) * 2);
    const { x, y } = surface.domain;
    for (let k = 0; k < grid.positions.length / 3; k++) {
      const [px, py] = grid.mapping.fromWorld(grid.positions[3 * k], grid.positions[3 * k + 2]);
      uv[2 * k] = (px - x[0]) / (x[1] - x[0]);
      uv[2 * k + 1] = (py - y[0]) / (y[1] - y[0]);
    }
    g.setAttribute('uv', new BufferAttribute(uv, 2));
    return g;
  }, [grid, surface]);
  const material = useMemo(() => new MeshBasicMaterial({ transparent: true, opacity: OPACITY, side: DoubleSide, depthWrite: false }), []);
  const drawn = useMemo(() => ({ version: -1, texture: null as DataTexture | null }), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // The canvas draws on demand: a map's arriving cells, or its settings, ask for a frame.
  const invalidate = useThree((s) => s.invalidate);
  // Only while a basin map is (or was just) on the surface: software-rendered WebGL would spend
  // the workers' cores redrawing the scene for every batch of a hyperparameter map.
  useEffect(
    () =>
      mapStore.subscribe((s, prev) => {
        // The section mounts this overlay only while the scene's map is an open basin map on the surface.
        if (s.request?.kind === 'basin' || prev.request?.kind === 'basin') invalidate();
      }),
    [invalidate],
  );
  useEffect(
    () => () => {
      material.dispose();
      drawn.texture?.dispose();
    },
    [material, drawn],
  );

  useFrame(() => {
    const m = mesh.current;
    if (!m) return;
    const s = mapStore.getState();
    const settings = sceneStore.getState().map;
    const show = settings.open && settings.onSurface && s.request?.kind === 'basin' && s.outcomes !== null && s.request.domain === surface.domain;
    m.visible = show;
    if (!show || !s.outcomes || s.request?.kind !== 'basin' || drawn.version === s.version) return;
    drawn.version = s.version;
    const outcomes = s.outcomes;
    const basins = basinsOf(s, surface.minima);
    if (!basins) return;
    const { cellClass, classes } = basins;
    const rgb = basinColors(classes).map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const { nx, ny } = outcomes;
    let texture = drawn.texture;
    if (!texture || texture.image.width !== nx || texture.image.height !== ny) {
      texture?.dispose();
      texture = new DataTexture(new Uint8Array(4 * nx * ny), nx, ny, RGBAFormat);
      texture.magFilter = NearestFilter;
      texture.minFilter = NearestFilter;
      texture.colorSpace = SRGBColorSpace;
      drawn.texture = texture;
      material.map = texture;
      material.needsUpdate = true;
    }
    const data = texture.image.data as Uint8Array;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const o = 4 * (j * nx + i);
        const shown = outcomes.shownCell(i, j);
        const k = shown >= 0 ? cellClass[shown] : -1;
        if (k < 0) {
          data[o + 3] = 0;
          continue;
        }
        data[o] = rgb[k][0];
        data[o + 1] = rgb[k][1];
        data[o + 2] = rgb[k][2];
        data[o + 3] = 255;
      }
    }
    texture.needsUpdate = true;
  });

  return (
    <group scale={[1, flat ? 0.0005 : 1, 1]}>
      <mesh ref={mesh} geometry={geometry} material={material} visible={false} renderOrder={0} />
    </group>
  );
}
