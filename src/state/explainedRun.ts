import type { SceneData } from './store';

/**
 * The run the teaching views follow (its update rule, its curvature point): the selected one,
 * else the first visible one.
 */
export function explainedRunId(s: Pick<SceneData, 'runs' | 'selectedRunId'>): string | null {
  const selected = s.selectedRunId !== null ? s.runs.find((r) => r.id === s.selectedRunId) : undefined;
  return (selected ?? s.runs.find((r) => r.visible))?.id ?? null;
}
