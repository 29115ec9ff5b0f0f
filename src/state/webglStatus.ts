import { createStore } from 'zustand/vanilla';

// Whether this page's browser started WebGL. The scene sets it when WebGL never came and the 2D
// drawing stands in (scene/SceneCanvas.tsx); the toolbar reads it, so that it shows the view that
// is drawn and offers no 3D it cannot draw. Not a setting: it stays out of the scene's store, the
// URL and the embed's state, where `view` keeps the reader's choice for a browser that has WebGL.
export const webglStatus = createStore<{ readonly unavailable: boolean }>()(() => ({ unavailable: false }));

export function markWebglUnavailable(): void {
  if (!webglStatus.getState().unavailable) webglStatus.setState({ unavailable: true });
}
