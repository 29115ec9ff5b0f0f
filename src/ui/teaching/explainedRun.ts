import type { SceneState } from '../../state/store';

/** The run the update-rule panel explains: the selected one, else the first visible one. */
export function explainedRunId(s: Pick<SceneState, 'runs' | 'selectedRunId'>): string | null {
  const selected = s.selectedRunId !== null ? s.runs.find((r) => r.id === s.selectedRunId) : undefined;
  return (selected ?? s.runs.find((r) => r.visible))?.id ?? null;
}

/** Opens the "Update rule" section and scrolls it into view (a run card's "explain" button). */
export function revealUpdateRule(): void {
  const section = document.querySelector<HTMLDetailsElement>('.rule-section');
  if (!section) return;
  section.open = true;
  requestAnimationFrame(() => section.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
}
