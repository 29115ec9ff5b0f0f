// What three.js holds on the GPU for the scene, read from its renderer's `info`: for the soak run
// (bench/soak.ts, window.__descent.renderInfo), which checks that geometries, textures and shader
// programs do not pile up over an hour of lessons. Registered by the scene while its WebGL view
// is mounted; null without one (before the first frame, or in the 2D drawing).

export interface RenderCounts {
  /** Geometries and textures three.js has uploaded and not yet disposed. */
  readonly geometries: number;
  readonly textures: number;
  /** Compiled shader programs in three.js's cache. */
  readonly programs: number;
}

let reader: (() => RenderCounts) | null = null;

export function setRenderInfoReader(fn: (() => RenderCounts) | null): void {
  reader = fn;
}

/** The counts now, or null while no WebGL view is mounted. */
export function renderInfo(): RenderCounts | null {
  return reader ? reader() : null;
}
