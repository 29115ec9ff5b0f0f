// The audio trace's switch (issue 15): the button and the H key start or stop the explained run's
// loss as sound. Only this is in the first download; the plan and the Web Audio code load on the
// first use, which is always the listener's own press (never autoplay).
import { useSyncExternalStore } from 'react';
import { explainedRunId } from '../../state/explainedRun';
import { computeScene } from '../../state/paths';
import { sceneStore } from '../../state/store';
import type { PlayingTrace } from './traceSound';

let playing: PlayingTrace | null = null;
let starting = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a trace is sounding (for the button's pressed state). */
export function useTracePlaying(): boolean {
  return useSyncExternalStore(subscribe, () => playing !== null || starting);
}

/** Starts the explained run's trace, or stops the one sounding. */
export function toggleTrace(): void {
  if (playing) {
    playing.stop();
    return;
  }
  if (starting) return;
  const state = sceneStore.getState();
  const id = explainedRunId(state);
  const scene = computeScene(state);
  const run = scene.runs.find((c) => c.run.id === id);
  if (!run) return;
  starting = true;
  notify();
  void Promise.all([import('./tracePlan'), import('./traceSound')])
    .then(([plan, sound]) => {
      const trace = sound.playTrace(plan.planTrace({ surface: scene.surface, path: run.path, leftAt: run.leftAt, epochSteps: scene.epochSteps }));
      playing = trace;
      void trace.ended.then(() => {
        if (playing === trace) playing = null;
        notify();
      });
    })
    // No Web Audio here, or the chunk did not arrive: the button simply stays off.
    .catch(() => {})
    .finally(() => {
      starting = false;
      notify();
    });
}
