import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { setRenderInfoReader } from './renderInfo';

/** Registers the renderer whose `info` window.__descent.renderInfo() reads (see renderInfo.ts). */
export function RenderInfoProbe() {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    setRenderInfoReader(() => ({ geometries: gl.info.memory.geometries, textures: gl.info.memory.textures, programs: gl.info.programs?.length ?? 0 }));
    return () => setRenderInfoReader(null);
  }, [gl]);
  return null;
}
