import { Suspense, lazy, memo, useId, type CSSProperties, type MouseEvent } from 'react';
import { OPTIMIZERS, getOptimizer, isOptimizerId } from '../../engine';
import type { MarkerShape } from '../../state/markers';
import { optimizerParams, sceneStore, type RunConfig } from '../../state/store';
import { computeScene } from '../../state/paths';
import { useScene } from '../../state/useScene';
import { stopDeferring, useAfterFirstFrame } from '../shell/afterFirstFrame';
import { useT } from '../shell/useT';
import { ParamControl } from '../panel/ParamControl';
import { ScheduleControl } from '../panel/ScheduleControl';
import { explainedRunId } from '../../state/explainedRun';
import { revealUpdateRule } from '../teaching/revealUpdateRule';
import { MarkerIcon } from './MarkerIcon';

// Gradient descent's stability bound on η follows the first frame, with the curvature code and
// its words.
const StabilityMark = lazy(() => import('../panel/StabilityMark').then((m) => ({ default: m.StabilityMark })));

function EyeIcon({ open }: { readonly open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path
        d="M1.8 10S4.8 4.3 10 4.3 18.2 10 18.2 10 15.2 15.7 10 15.7 1.8 10 1.8 10Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <circle cx="10" cy="10" r="2.6" fill={open ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.5" />
      {!open && <path d="M3 17 17 3" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
    </svg>
  );
}

function ExplainIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M14.5 4.5h-9l5 5.5-5 5.5h9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Where focus goes when a card is removed: the next card's remove button, else the previous
 * one's, else the add control, so a keyboard user can remove several runs in a row.
 */
function focusAfterRemoval(button: HTMLElement): void {
  const card = button.closest('.run-card');
  const neighbour = card?.nextElementSibling ?? card?.previousElementSibling;
  const target =
    neighbour?.querySelector<HTMLElement>('.run-remove') ??
    button.closest('.control-panel')?.querySelector<HTMLElement>('.add-run select');
  requestAnimationFrame(() => target?.focus());
}

/**
 * One run: its optimizer, visibility and hyperparameters. Memoized by the run object: the store
 * replaces only the run that changed, so a slider drag re-renders one card, not all of them.
 */
export const RunCard = memo(function RunCard({ run, marker }: { readonly run: RunConfig; readonly marker: MarkerShape }) {
  const t = useT();
  const name = t(`optimizer.${run.optimizer}`);
  const { id } = run;
  // A boolean per card: selecting another run re-renders the two cards concerned, not all.
  const explained = useScene((s) => explainedRunId(s) === id);
  const info = getOptimizer(run.optimizer);
  const hasBiasCorrection = info?.hasBiasCorrection ?? false;
  const folded = new Set(info?.options ?? []);
  // A wrapper (SAM, Lookahead) shows its inner rule's hyperparameters, not every one it resolves.
  const all = info?.shownParams?.(run.params) ?? optimizerParams(run.optimizer);
  const main = all.filter((key) => !folded.has(key));
  const options = all.filter((key) => folded.has(key));
  // Set away from torch's default (a link, a lesson, a slider moved earlier).
  const optionsSet = options.some((key) => run.params[key] !== info?.defaults[key]);
  // Plain gradient descent's η slider shows its stability bound 2/λ_max (after the first frame).
  const boundId = useId();
  const later = useAfterFirstFrame();
  const boundMark =
    later && run.optimizer === 'sgd'
      ? {
          id: boundId,
          node: (
            <Suspense fallback={null}>
              <StabilityMark id={boundId} runId={id} value={run.params.lr} />
            </Suspense>
          ),
        }
      : undefined;
  const remove = (e: MouseEvent<HTMLButtonElement>) => {
    focusAfterRemoval(e.currentTarget);
    sceneStore.getState().removeRun(id);
  };
  const explain = () => {
    sceneStore.getState().selectRun(id);
    // Asked for by name: the rule panel and KaTeX load now, even before the first frame.
    stopDeferring();
    revealUpdateRule();
  };
  return (
    <li
      className={`run-card${run.visible ? '' : ' is-hidden'}${explained ? ' is-explained' : ''}`}
      style={{ '--run-color': run.color } as CSSProperties}
      aria-label={name}
      data-run-card={id}
    >
      {/* A click on the header's empty space selects the run too; its controls keep their own clicks. */}
      <div className="run-head" onClick={(e) => e.target === e.currentTarget && sceneStore.getState().selectRun(id)}>
        {/* The particle's shape: which card drives which particle, without colour. */}
        <MarkerIcon shape={marker} className="run-swatch" />
        <select
          className="select run-optimizer"
          aria-label={t('run.optimizer')}
          value={run.optimizer}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isOptimizerId(next)) sceneStore.getState().setOptimizer(id, next);
          }}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o.id} value={o.id}>
              {t(`optimizer.${o.id}`)}
            </option>
          ))}
        </select>
        {!run.visible && <span className="run-hidden-tag">{t('run.hidden')}</span>}
        <button
          type="button"
          className="icon-button run-toggle"
          aria-pressed={!run.visible}
          aria-label={t('run.hide', { name })}
          title={t(run.visible ? 'run.hide' : 'run.show', { name })}
          onClick={() => sceneStore.getState().toggleRun(id)}
        >
          <EyeIcon open={run.visible} />
        </button>
        {/* Σ alone said nothing: the button names what it shows, in a word and in full. */}
        <button
          type="button"
          className="icon-button run-explain"
          aria-pressed={explained}
          aria-label={t('teach.explain', { name })}
          title={explained ? t('teach.explained') : t('teach.explain', { name })}
          onClick={explain}
        >
          <ExplainIcon />
          <span className="run-explain-label">{t('teach.explainShort')}</span>
        </button>
        <button
          type="button"
          className="icon-button run-remove"
          aria-label={t('run.remove', { name })}
          title={t('run.remove', { name })}
          onClick={remove}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="run-params">
        {main.map((key) => (
          <ParamControl key={key} runId={id} paramKey={key} value={run.params[key]} mark={key === 'lr' ? boundMark : undefined} />
        ))}
      </div>
      {options.length > 0 && (
        // Open by itself when a link or a lesson has set one of them, so nothing set is hidden.
        <details className="run-options" open={optionsSet || undefined}>
          <summary>{t('run.options')}</summary>
          <div className="run-params">
            {options.map((key) => (
              <ParamControl key={key} runId={id} paramKey={key} value={run.params[key]} />
            ))}
          </div>
        </details>
      )}
      {run.optimizer === 'lbfgs' && <LbfgsNote runId={id} />}
      <div className="run-teach">
        <ScheduleControl runId={id} schedule={run.schedule} lr={run.params.lr} />
        {hasBiasCorrection && (
          <label className="check" title={t('bias.hint')}>
            <input
              type="checkbox"
              checked={run.biasCorrection}
              onChange={(e) => sceneStore.getState().setBiasCorrection(id, e.currentTarget.checked)}
            />
            {t('bias.label')}
          </label>
        )}
      </div>
    </li>
  );
});

/** L-BFGS's calls against torch's max_iter, and what they cost: torch's func_evals over the run. */
function LbfgsNote({ runId }: { runId: string }) {
  const t = useT();
  const calls = useScene((s) => computeScene(s).runs.find((c) => c.run.id === runId)?.path.steps ?? 0);
  const evaluations = useScene((s) => computeScene(s).runs.find((c) => c.run.id === runId)?.path.evaluations);
  return (
    <p className="run-note">
      {t('run.note.lbfgs')}
      {evaluations !== undefined && (
        <>
          {' '}
          <span data-field="evaluations">{t('run.note.lbfgsEvaluations', { n: evaluations, k: calls })}</span>
        </>
      )}
    </p>
  );
}
