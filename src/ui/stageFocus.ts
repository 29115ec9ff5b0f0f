// Where keyboard focus goes when a control has done its job for the scene (a lesson chosen from
// the menu, the next lesson from a presenter's clicker): onto the stage, so that Space plays
// instead of pressing the menu button again.

const STAGE_SELECTOR = '.stage';

export function focusStage(): void {
  if (typeof document === 'undefined') return;
  document.querySelector<HTMLElement>(STAGE_SELECTOR)?.focus({ preventScroll: true });
}
