import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { explainStep, type RunTrace, type StepExplanation as Explanation } from '../../engine';
import { computeScene, traceOf } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneStore, type Lang, type RunConfig, type SceneState } from '../../state/store';
import { useScene } from '../../state/useScene';
import { explainedRunId } from '../../state/explainedRun';
import { formatNumber } from '../../i18n/numberFormat';
import { useKatex, type Katex } from '../surface/katexLoader';
import { updateRuleText, useUpdateRuleText } from '../../i18n/updateRuleText';
import { useT } from '../shell/useT';
import { RULE_KATEX_OPTIONS, effLrTex, lossTex, ruleTex, startTex, substitutedTex, type TexLine } from './ruleTex';
import { EffLrChart } from './EffLrChart';
import { RuleInCode } from './RuleInCode';
import { StepExplanation } from './StepExplanation';
import { stepSentence, type SentenceInput } from './stepSentence';
import './UpdateRulePanel.css';

type Render = Katex['render'];

function explainedRun(s: SceneState): RunConfig | null {
  const id = explainedRunId(s);
  return id === null ? null : (s.runs.find((r) => r.id === id) ?? null);
}

/**
 * The trace of the run on show, from the store's derived cache (the arrows read the same one),
 * with the scene version it belongs to, and whether its gradients carry noise.
 */
function traceFor(runId: string): { readonly trace: RunTrace; readonly noisy: boolean; readonly version: number } | null {
  const state = sceneStore.getState();
  const trace = traceOf(state, runId);
  return trace ? { trace, noisy: state.noise.sigma > 0, version: computeScene(state).version } : null;
}

/** Typesetting is the costly part: at most this often while the playhead runs (≈ 15 per second). */
const MIN_INTERVAL_MS = 66;
// While playing, the numbers change faster than anyone reads them and each typeset costs a few
// milliseconds of layout: paint a few times a second, from a timer rather than the animation
// frame, so that the canvas never waits for KaTeX.
const PLAYING_INTERVAL_MS = 250;

interface Frame {
  readonly step: number;
  readonly lines: readonly TexLine[];
  readonly sentence: string;
  readonly effLr?: Explanation['effLr'];
  readonly lr?: number;
}

/** What the panel shows at whole step k: the start, or step k's rule with its numbers. */
function frameAt(trace: RunTrace, noisy: boolean, k: number, lang: Lang): Frame {
  const t = Math.min(k, trace.steps);
  const status = trace.status;
  const ended = k > trace.steps && status !== 'ok' ? { at: trace.steps + 1, why: status } : undefined;
  if (t === 0) {
    const start: SentenceInput = { kind: 'start', x: [trace.x[0], trace.y[0]], loss: trace.loss[0] };
    return { step: 0, lines: startTex(start.x, start.loss), sentence: stepSentence(start, lang) };
  }
  const e = explainStep(trace, trace.optimizer, t);
  const options = { biasCorrection: trace.biasCorrection, noisy };
  return {
    step: t,
    lines: [...substitutedTex(e, options), lossTex(e.loss, e.lossNext)],
    sentence: stepSentence({ kind: 'step', e, biasCorrection: trace.biasCorrection, noisy, ...(ended && { ended }) }, lang),
    effLr: e.effLr,
    lr: e.lr,
  };
}

/** Puts one KaTeX line per child of `box`, reusing the children already there. */
function typeset(render: Render, box: HTMLElement, lines: readonly TexLine[]): void {
  while (box.children.length > lines.length) box.lastElementChild?.remove();
  while (box.children.length < lines.length) {
    const line = document.createElement('div');
    line.className = 'rule-line';
    box.append(line);
  }
  lines.forEach((tex, i) => {
    const line = box.children[i] as HTMLElement;
    render(`\\displaystyle ${tex}`, line, RULE_KATEX_OPTIONS);
  });
}

function writeNumber(cell: HTMLElement | null, value: number): void {
  if (!cell) return;
  cell.textContent = formatNumber(value);
  cell.dataset.value = String(value);
}

/** The symbolic rule: typeset once per optimizer and setting, by React's schedule. */
function SymbolicRule({ render, lines, label }: { readonly render: Render | null; readonly lines: readonly TexLine[]; readonly label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const key = lines.join('\n');
  useEffect(() => {
    if (render && box.current) typeset(render, box.current, key.split('\n'));
  }, [render, key]);
  return (
    <figure className="rule-tex" aria-label={label}>
      <div ref={box} className="rule-lines" />
    </figure>
  );
}

/**
 * "Update rule": the explained run's rule with the lecture's symbols, the same rule with the
 * numbers of the step under the playhead, the effective learning rates of adaptive methods, and
 * the step in words. The playhead moves outside React: the numbers are written to the DOM when
 * the whole step changes, typeset at most ~15 times a second, and exactly once it stops.
 */
export function UpdateRulePanel() {
  const t = useT();
  const lang = useScene((s) => s.lang);
  const rt = useUpdateRuleText(lang);
  const run = useScene(explainedRun);
  const render = useKatex()?.render ?? null;
  const [stepMode, setStepMode] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const numbersRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLParagraphElement>(null);
  const sentenceRef = useRef<HTMLParagraphElement>(null);
  const effRef = useRef<HTMLDivElement>(null);
  const repaintRef = useRef<() => void>(() => {});

  const runId = run?.id ?? null;
  const optimizer = run?.optimizer ?? 'sgd';
  const biasCorrection = run?.biasCorrection ?? true;
  const effTex = effLrTex(optimizer, { biasCorrection });

  useEffect(() => {
    if (runId === null) return;
    let shown = '';
    let last = 0;
    let timer = 0;
    // Known from the ResizeObserver where there is one: asking the DOM (getClientRects) on every
    // playhead move would force a layout right after the last typeset.
    let shownBox: boolean | null = null;
    const isShown = () => shownBox ?? (rootRef.current?.getClientRects().length ?? 0) > 0;
    const paint = () => {
      const numbers = numbersRef.current;
      // A folded section or a hidden panel (presentation mode) costs nothing; unfolding repaints.
      if (!numbers || !rootRef.current || !isShown()) {
        shown = '';
        return;
      }
      const computed = traceFor(runId);
      const k = Math.floor(playhead.step + 1e-9);
      const key = computed ? `${computed.version}:${k}` : 'none';
      if (key === shown) return;
      shown = key;
      last = performance.now();
      if (!computed) return;
      const frame = frameAt(computed.trace, computed.noisy, k, lang);
      const tr = (key: Parameters<typeof updateRuleText>[1], vars?: Record<string, string | number>) => updateRuleText(lang, key, vars);
      if (labelRef.current) labelRef.current.textContent = frame.step === 0 ? tr('teach.rule.before') : tr('teach.rule.numbers', { t: frame.step });
      numbers.setAttribute('aria-label', frame.step === 0 ? tr('teach.rule.before') : tr('teach.rule.numbersLabel', { t: frame.step }));
      if (render) {
        typeset(render, numbers, frame.lines);
        numbers.dataset.step = String(frame.step);
      }
      if (sentenceRef.current) {
        sentenceRef.current.textContent = frame.sentence;
        sentenceRef.current.dataset.step = String(frame.step);
      }
      const eff = effRef.current;
      if (eff) {
        eff.hidden = !frame.effLr;
        if (frame.effLr && frame.lr) {
          const [ex, ey] = frame.effLr;
          writeNumber(eff.querySelector('[data-symbol="effLr_x"]'), ex);
          writeNumber(eff.querySelector('[data-symbol="effLr_y"]'), ey);
          const ratio = (cell: HTMLElement | null, v: number) => {
            if (cell) cell.textContent = tr('teach.effLr.ratio', { r: formatNumber(v / (frame.lr ?? 1), 3) });
          };
          ratio(eff.querySelector('[data-field="ratio-x"]'), ex);
          ratio(eff.querySelector('[data-field="ratio-y"]'), ey);
          // Bars on a log scale around η: which coordinate the method lets move faster, at a glance.
          const bar = (cell: HTMLElement | null, v: number) => {
            const decades = Math.log10(v / (frame.lr ?? 1));
            const width = Number.isFinite(decades) ? Math.min(100, Math.max(4, 50 + decades * 16)) : 4;
            cell?.style.setProperty('--bar', `${width.toFixed(1)}%`);
          };
          bar(eff.querySelector('[data-field="bar-x"]'), ex);
          bar(eff.querySelector('[data-field="bar-y"]'), ey);
        }
      }
    };
    const request = () => {
      const playing = sceneStore.getState().playing;
      const wait = last + (playing ? PLAYING_INTERVAL_MS : MIN_INTERVAL_MS) - performance.now();
      if (wait <= 0 && !playing) {
        window.clearTimeout(timer);
        timer = 0;
        paint();
      } else if (!timer) {
        // A trailing paint, so that the numbers always end on the exact step.
        timer = window.setTimeout(() => {
          timer = 0;
          paint();
        }, Math.max(0, wait));
      }
    };
    paint();
    repaintRef.current = () => {
      shown = '';
      request();
    };
    const offPlayhead = onPlayhead(request);
    const offStore = sceneStore.subscribe(request);
    // Shown again (a section unfolded, the presentation drawer opened): paint what was skipped.
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            const box = entries[entries.length - 1]?.contentRect;
            if (box) shownBox = box.width > 0 || box.height > 0;
            request();
          })
        : null;
    if (rootRef.current) observer?.observe(rootRef.current);
    return () => {
      offPlayhead();
      offStore();
      observer?.disconnect();
      window.clearTimeout(timer);
      repaintRef.current = () => {};
    };
  }, [runId, render, lang]);

  // The store tells the painter of a change before React has rendered it (the readout of an
  // optimizer just switched to may not exist yet): paint again once React has.
  useEffect(() => {
    repaintRef.current();
  });

  // Step by step means paused: pressing Play leaves the mode.
  useEffect(() => {
    if (!stepMode) return;
    return sceneStore.subscribe((s, prev) => {
      if (s.playing && !prev.playing) setStepMode(false);
    });
  }, [stepMode]);

  if (!run) return <p className="rule-empty">{rt('teach.rule.none')}</p>;

  const name = t(`optimizer.${run.optimizer}`);
  const toggleStepMode = () => {
    const next = !stepMode;
    if (next) sceneStore.getState().setPlaying(false);
    setStepMode(next);
  };
  return (
    <div
      ref={rootRef}
      className={`rule-panel${stepMode ? ' is-step-mode' : ''}`}
      data-explained-run={run.id}
      data-optimizer={run.optimizer}
      style={{ '--run-color': run.color } as CSSProperties}
    >
      <div className="rule-head">
        <span className="rule-swatch" aria-hidden="true" />
        <span className="rule-name">{name}</span>
        {!run.biasCorrection && (run.optimizer.startsWith('adam') || run.optimizer === 'amsgrad') && <span className="rule-tag">{t('teach.rule.noBias')}</span>}
        {run.schedule.kind !== 'constant' && <span className="rule-tag">{rt('teach.rule.schedule')}</span>}
      </div>
      <SymbolicRule render={render} lines={ruleTex(run.optimizer, { biasCorrection: run.biasCorrection, params: run.params })} label={rt('teach.rule.label', { name })} />
      {!render && <p className="rule-loading">{t('teach.rule.loading')}</p>}
      <RuleInCode run={run} />
      <p ref={labelRef} className="rule-step-label" />
      <div ref={numbersRef} className="rule-numbers" role="figure" />
      {effTex !== null && (
        <div ref={effRef} className="rule-efflr" role="group" aria-label={rt('teach.effLr.heading')}>
          <div className="rule-efflr-head">
            <span className="rule-efflr-title">{rt('teach.effLr.heading')}</span>
            <SymbolicRule render={render} lines={[effTex]} label={rt('teach.effLr.heading')} />
          </div>
          {(['x', 'y'] as const).map((axis) => (
            <div key={axis} className="rule-efflr-row">
              <span className="rule-efflr-axis">{rt(axis === 'x' ? 'teach.effLr.x' : 'teach.effLr.y')}</span>
              <span className="rule-efflr-value" data-symbol={`effLr_${axis}`} />
              <span className="rule-efflr-ratio" data-field={`ratio-${axis}`} />
              <span className="rule-efflr-bar" data-field={`bar-${axis}`} aria-hidden="true" />
            </div>
          ))}
        </div>
      )}
      <EffLrChart run={run} />
      <StepExplanation sentenceRef={sentenceRef} stepMode={stepMode} onToggle={toggleStepMode} />
    </div>
  );
}
