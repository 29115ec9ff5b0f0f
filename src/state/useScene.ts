// The React binding of the store: a thin file, as zustand's own react.ts is.
import { useStore } from 'zustand';
import { sceneStore, type SceneState } from './store';

export function useScene<T>(selector: (s: SceneState) => T): T {
  return useStore(sceneStore, selector);
}
