import type { renderInfo } from '../src/scene/renderInfo';
import type { projectToScreen } from '../src/scene/screenProbe';
import type { computeScene } from '../src/state/paths';
import type { SceneStore } from '../src/state/store';
import type { mapStore } from '../src/state/maps';

/** What main.tsx puts on window.__descent, as the benchmark and the e2e tests see it. */
export interface DescentHandle {
  store: SceneStore;
  computeScene: typeof computeScene;
  seek(step: number): void;
  playhead: { step: number };
  /** Where the point (x, y) at height f is drawn, in page coordinates; null without a view. */
  project: typeof projectToScreen;
  /** The map's store: its request and outcomes (its settings are the scene's `map`). */
  maps: typeof mapStore;
  /** Geometries, textures and shader programs three.js holds now; null without a WebGL view. */
  renderInfo: typeof renderInfo;
}
