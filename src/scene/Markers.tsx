import { BoxGeometry, ConeGeometry, CylinderGeometry, MeshBasicMaterial, MeshStandardMaterial, TorusGeometry } from 'three';
import type { Surface, Vec2 } from '../engine';
import { markedKey, sceneMarks } from '../state/markedPoints';
import { sceneStore } from '../state/store';
import { useScene } from '../state/useScene';
import { surfaceGridFor } from './surfaceGrid';
import { SURFACE_HEIGHT } from './worldMapping';

const ring = new TorusGeometry(0.045, 0.008, 8, 40);
const globalMaterial = new MeshBasicMaterial({ color: '#ffd54a' });
const localMaterial = new MeshBasicMaterial({ color: '#f2f2f2' });
const saddleMaterial = new MeshBasicMaterial({ color: '#f2f2f2', transparent: true, opacity: 0.6 });
// Where a minimum was before the penalty moved it: the gold of a global minimum, faded.
const unpenalizedMaterial = new MeshBasicMaterial({ color: '#ffd54a', transparent: true, opacity: 0.45 });
const cross = new BoxGeometry(0.09, 0.006, 0.012);
const pin = new CylinderGeometry(0.006, 0.006, 0.22, 8);
const pinHead = new ConeGeometry(0.03, 0.06, 16);
const pinMaterial = new MeshStandardMaterial({ color: '#ffffff', emissive: '#ffffff', emissiveIntensity: 0.3 });

/**
 * The known minima (gold: global, white: local) that matter to the runs (see markedPoints),
 * saddles, under a penalty the minimum it moved (faded gold) and the origin it pulls toward (a
 * cross), and a pin at the start.
 */
export function Markers({ surface, start, flat }: { surface: Surface; start: Vec2; flat: boolean }) {
  const grid = surfaceGridFor(surface);
  const { mapping, scale } = grid;
  const height = (f: number) => (flat ? 0.004 : scale.toUnit(f) * SURFACE_HEIGHT + 0.01);
  const startHeight = height(surface.value(start[0], start[1]));
  // Re-rendered only when the set of marked points changes, not on every slider move.
  useScene((s) => markedKey(sceneMarks(s)));
  const { minima, saddles, unpenalized, origin } = sceneMarks(sceneStore.getState());
  return (
    <group>
      {minima.map((m, i) => (
        <mesh
          key={`m${i}`}
          geometry={ring}
          material={m.kind === 'global' ? globalMaterial : localMaterial}
          position={[mapping.toWorldX(m.x), height(m.f), mapping.toWorldZ(m.y)]}
          rotation={[Math.PI / 2, 0, 0]}
        />
      ))}
      {unpenalized.map((m, i) => (
        <mesh
          key={`u${i}`}
          geometry={ring}
          material={unpenalizedMaterial}
          position={[mapping.toWorldX(m.x), height(surface.value(m.x, m.y)), mapping.toWorldZ(m.y)]}
          rotation={[Math.PI / 2, 0, 0]}
          scale={1.25}
        />
      ))}
      {origin && (
        <group position={[mapping.toWorldX(0), height(surface.value(0, 0)), mapping.toWorldZ(0)]}>
          <mesh geometry={cross} material={localMaterial} />
          <mesh geometry={cross} material={localMaterial} rotation={[0, Math.PI / 2, 0]} />
        </group>
      )}
      {saddles.map(([x, y], i) => (
        <mesh
          key={`s${i}`}
          geometry={ring}
          material={saddleMaterial}
          position={[mapping.toWorldX(x), height(surface.value(x, y)), mapping.toWorldZ(y)]}
          rotation={[Math.PI / 2, 0, 0]}
          scale={0.7}
        />
      ))}
      {Number.isFinite(startHeight) && (
        <group position={[mapping.toWorldX(start[0]), startHeight, mapping.toWorldZ(start[1])]}>
          <mesh geometry={pin} material={pinMaterial} position={[0, 0.11, 0]} visible={!flat} />
          <mesh geometry={pinHead} material={pinMaterial} position={[0, flat ? 0.05 : 0.25, 0]} rotation={[Math.PI, 0, 0]} />
        </group>
      )}
    </group>
  );
}
