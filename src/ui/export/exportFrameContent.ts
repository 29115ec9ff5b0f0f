// The words and numbers an exported frame shows besides the view: a title naming the surface
// and its formula, the step, and a legend of the visible runs. Plain data from the store and
// the computed paths, in the UI's language; src/ui/export/exportFramePainter.ts draws them.
import type { ComputedRun, ComputedScene } from '../../state/paths';
import { CUSTOM_ID, sceneSurface, type SceneData } from '../../state/store';
import { formatNumber } from '../../i18n/numberFormat';
import type { Translate } from '../../i18n';
import { plainFormula } from '../surface/plainFormula';
import { runTag } from '../runs/runTag';
import { pointIndex, runNoteAt, type RunNote } from '../runs/runStatus';
import { surfaceName } from '../surface/surfaceText';
import type { MarkerShape } from '../../state/markers';
import { OPTIMIZER_LINE_STYLES, type LineStyle } from '../../state/palette';

export interface FrameTitle {
  /** The surface's name in the UI's language; null for a typed formula, which names itself. */
  readonly name: string | null;
  /** "f(x, y) = …" as plain text. */
  readonly formula: string;
}

/**
 * A formula as plain text the way it is typeset on screen: powers raised, minus signs, and
 * products of numbers, variables and brackets written without a dot ("100(y − x²)²", "6xy",
 * "2πx"), as KaTeX shows them. A dot stays before a function name ("20·exp(…)") so that the two
 * do not read as one word.
 */
export function titleFormula(formula: string): string {
  // A factor that can stand against the next one: a number, a power, a closing bracket, π, x or y.
  const left = '(\\d|[⁰¹²³⁴⁵⁶⁷⁸⁹)π]|(?<![A-Za-z])[xy])';
  const right = '(?=\\(|π|[xy](?![A-Za-z]))';
  return (
    plainFormula(formula.replace(/\s*\^\s*/g, '^'))
      .replace(new RegExp(`${left}·${right}`, 'g'), '$1')
      // mathjs prints implicit multiplication with a space: "3 y" → "3y"
      .replace(new RegExp(`(\\d) ${right}`, 'g'), '$1')
  );
}

export function frameTitle(t: Translate, scene: Pick<SceneData, 'surfaceId' | 'custom'>): FrameTitle {
  const surface = sceneSurface(scene);
  const custom = scene.surfaceId === CUSTOM_ID && scene.custom !== null;
  return { name: custom ? null : surfaceName(t, surface), formula: `f(x, y) = ${titleFormula(surface.formula)}` };
}

/** "step 120 / 1000": the whole step under the playhead and where playback ends. */
export function stepOfTotal(t: Translate, step: number, total: number): string {
  return t('export.frame.step', { step: pointIndex(step, total), total });
}

export interface LegendEntry {
  readonly id: string;
  readonly color: string;
  /** The path's stroke, so that the frame's key matches the drawn path. */
  readonly line: LineStyle;
  /** The particle's shape, drawn on the stroke sample. */
  readonly marker: MarkerShape;
  /** The optimizer's name in the UI's language. */
  readonly name: string;
  /** The schedule or "without bias correction"; '' for none. */
  readonly tag: string;
  /** The point shown: stops at the run's last point when it ended early. */
  readonly step: number;
  readonly loss: number;
  /** The loss as the legend on screen writes it. */
  readonly lossText: string;
  readonly note: RunNote;
  /** What the note says ("diverged at step 12"); '' while the run is fine. */
  readonly status: string;
}

function statusText(t: Translate, note: RunNote): string {
  if (note.kind === 'ok') return '';
  return t(note.ahead ? `legend.${note.kind}Ahead` : `legend.${note.kind}`, { k: note.at });
}

/** Each visible run at playhead `step`, in run-list order: what the on-screen legend shows. */
export function legendEntries(t: Translate, computed: Pick<ComputedScene, 'runs'>, step: number): LegendEntry[] {
  const k = Math.floor(step + 1e-9);
  const runs = computed.runs.map((c) => c.run);
  return computed.runs
    .filter(({ run }) => run.visible)
    .map((c) => {
      const i = pointIndex(k, c.path.steps);
      const note = runNoteAt(c, k);
      return {
        id: c.run.id,
        color: c.run.color,
        line: OPTIMIZER_LINE_STYLES[c.run.optimizer],
        marker: c.marker,
        name: t(`optimizer.${c.run.optimizer}`),
        tag: runTag(c.run, runs, t),
        step: i,
        loss: c.path.loss[i],
        lossText: formatNumber(c.path.loss[i]),
        note,
        status: statusText(t, note),
      };
    });
}

/**
 * Every status text a run shows at some step from 0 to `end`, so that a video's legend can
 * keep room for what appears halfway through ("left the plot", then "diverged").
 */
export function statusTextsUpTo(t: Translate, run: Pick<ComputedRun, 'path' | 'leftAt'>, end: number): string[] {
  const texts = new Set<string>();
  // From step 0 a run's fate is told ahead ("diverges at step 37"), then as done.
  for (const k of [0, run.leftAt, run.path.steps, end]) {
    if (k < 0 || k > end) continue;
    const text = statusText(t, runNoteAt(run, k));
    if (text) texts.add(text);
  }
  return [...texts];
}

/**
 * The loss texts of a run over steps 0 to `end` that are the longest in characters (sampled on
 * long paths): what a video's loss column must have room for.
 */
export function longestLossTexts(run: { readonly path: { readonly loss: ArrayLike<number>; readonly steps: number } }, end: number, samples = 4000): string[] {
  const last = Math.min(end, run.path.steps);
  const stride = Math.max(1, Math.floor(last / samples));
  let longest: string[] = [];
  let length = 0;
  for (let i = 0; i <= last; i = i === last ? last + 1 : Math.min(last, i + stride)) {
    const text = formatNumber(run.path.loss[i]);
    if (text.length > length) {
      length = text.length;
      longest = [text];
    } else if (text.length === length && longest.length < 8 && !longest.includes(text)) {
      longest.push(text);
    }
  }
  return longest;
}
