import { useEffect, useState } from 'react';
import { descriptionText } from '../../i18n/descriptionText';
import { formatCoord, formatNumber } from '../../i18n/numberFormat';
import { translate, type Translate } from '../../i18n';
import { computeScene } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { runTag } from '../runs/runTag';
import { surfaceName } from '../surface/surfaceText';
import { readRun } from './describeRuns';

/** Quiet this long after the last change before speaking: a slider drag is one sentence, not fifty. */
const SETTLE_MS = 700;

/** The description of the scene as the store holds it now, at the playhead's whole step. */
function describeScene(): string {
  const state = sceneStore.getState();
  const t: Translate = (key, vars) => translate(state.lang, key, vars);
  const d = (key: Parameters<typeof descriptionText>[1], vars?: Readonly<Record<string, string | number>>) => descriptionText(state.lang, key, vars);
  const scene = computeScene(state);
  const step = Math.max(0, Math.floor(playhead.step + 1e-9));
  const visible = scene.runs.filter((c) => c.run.visible);
  const sentences = [d('describe.intro', { surface: surfaceName(t, scene.surface), step: Math.min(step, scene.lastStep), last: scene.lastStep })];
  if (visible.length === 0) sentences.push(d('describe.none'));
  const configs = visible.map((c) => c.run);
  for (const c of visible) {
    const r = readRun(scene.surface, c.path, c.leftAt, step);
    const tag = runTag(c.run, configs, t);
    const name = tag ? `${t(`optimizer.${c.run.optimizer}`)} (${tag})` : t(`optimizer.${c.run.optimizer}`);
    const at = { name, x: formatCoord(r.x), y: formatCoord(r.y), loss: formatNumber(r.loss) };
    const f = r.fate;
    if (f.kind === 'minimum') sentences.push(d(f.which === 'global' ? 'describe.global' : 'describe.local', { ...at, x: formatCoord(f.x), y: formatCoord(f.y), since: f.since }));
    else if (f.kind === 'saddle') sentences.push(d('describe.saddle', { ...at, x: formatCoord(f.x), y: formatCoord(f.y) }));
    else if (f.kind === 'stalled' || f.kind === 'zigzag' || f.kind === 'moving') sentences.push(d(`describe.${f.kind}`, at));
    else sentences.push(d(`describe.${f.kind}`, { name, at: f.at }));
  }
  return sentences.join(' ');
}

/**
 * A polite live region under the scene: the runs told in words, read out when the paths or the
 * step change while paused (once things settle) and when playback ends, never while it plays.
 * The stage names it as its description, so a screen reader on the picture hears it too.
 */
export function SceneDescription({ id }: { readonly id: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (sceneStore.getState().playing) return;
      timer = setTimeout(() => setText(describeScene()), SETTLE_MS);
    };
    const unsubscribe = sceneStore.subscribe(schedule);
    const offPlayhead = onPlayhead(schedule);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      offPlayhead();
    };
  }, []);
  return (
    <p id={id} className="visually-hidden" aria-live="polite" aria-atomic="true" data-field="scene-description">
      {text}
    </p>
  );
}
