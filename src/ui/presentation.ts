// Presentation mode for the lecture hall, and the settings panel it hides. Entering it from a
// click or a key press also asks for full screen (browsers grant that only to a user gesture);
// leaving it gives back a full screen it took, and only that one.
import { createStore } from 'zustand/vanilla';
import { sceneStore } from '../state/store';
import { fullscreenAvailable, isFullscreen } from './fullscreen';

/** Whether the panel is shown over the stage while presenting. Not scene data: never in a URL. */
export const panelDrawer = createStore<{ open: boolean }>()(() => ({ open: false }));

let fullscreenIsOurs = false;

function requestFullscreen(): void {
  if (!fullscreenAvailable() || isFullscreen()) return;
  try {
    const request = document.documentElement.requestFullscreen?.();
    if (!request) return;
    request.then(
      () => {
        fullscreenIsOurs = true;
      },
      // Refused (no gesture, an iframe without the permission): the mode works without it.
      () => {},
    );
  } catch {
    // Old engines throw synchronously instead.
  }
}

function exitFullscreen(): void {
  if (!fullscreenIsOurs) return;
  fullscreenIsOurs = false;
  if (!isFullscreen()) return;
  try {
    document.exitFullscreen?.()?.catch(() => {});
  } catch {
    // As above.
  }
}

/** Turns presentation mode on or off; call it from a user gesture so that full screen may follow. */
function setPresentationMode(on: boolean): void {
  const state = sceneStore.getState();
  if (state.presentation !== on) state.setPresentation(on);
  panelDrawer.setState({ open: false });
  if (on) requestFullscreen();
  else exitFullscreen();
}

export function togglePresentation(): void {
  setPresentationMode(!sceneStore.getState().presentation);
}

/** Shows or hides the panel; only presentation mode hides it. */
export function togglePanel(open = !panelDrawer.getState().open): void {
  if (!sceneStore.getState().presentation) return;
  panelDrawer.setState({ open });
}
