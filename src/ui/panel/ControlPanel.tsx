import { Suspense, lazy } from 'react';
import './ControlPanel.css';
import { useScene } from '../../state/useScene';
import { useAfterFirstFrame } from '../shell/afterFirstFrame';
import { useT } from '../shell/useT';
import { LanguageSwitch } from '../toolbar/LanguageSwitch';
import { NoisePenaltyControls } from './NoisePenaltyControls';
import { PanelSection } from './PanelSection';
import { RunList } from '../runs/RunList';
import { StartStepsFields } from './StartStepsFields';
import { SurfacePicker } from '../surface/SurfacePicker';
import { MapSection } from '../maps/MapSection';

// The typeset rule, its numbers and the step-by-step sentences: the first frame does not need
// them. Neither the chunk nor KaTeX is fetched before that frame is drawn, unless a run's
// "update rule" button asks for them (see afterFirstFrame.ts).
const loadUpdateRulePanel = () => import('../teaching/UpdateRulePanel');
const UpdateRulePanel = lazy(() => loadUpdateRulePanel().then((m) => ({ default: m.UpdateRulePanel })));

/** The update rule once the first frame is drawn; until then, a placeholder of about its height. */
function DeferredUpdateRule() {
  const t = useT();
  const ready = useAfterFirstFrame();
  const pending = <p className="rule-pending">{t('teach.rule.loading')}</p>;
  if (!ready) return pending;
  return (
    <Suspense fallback={pending}>
      <UpdateRulePanel />
    </Suspense>
  );
}

function RunCount() {
  const count = useScene((s) => s.runs.length);
  return <span className="run-count">{count}</span>;
}

/**
 * The panel beside (or, on a phone, under) the scene: the surface, where the runs start, one
 * card per run, the update rule of one run at the playhead, and the scene-wide noise and
 * penalty. It reads the store in narrow slices and never the playhead, so playback
 * does not re-render it.
 */
export function ControlPanel() {
  const t = useT();
  return (
    <div className="control-panel">
      <header className="panel-header">
        <h1 className="panel-title">
          <svg className="panel-logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M3 5c4 0 5 3 7 7s4 7 11 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            <circle cx="21" cy="19" r="2" fill="currentColor" />
          </svg>
          {t('app.title')}
        </h1>
        <LanguageSwitch />
      </header>
      <PanelSection title={t('surface.heading')} className="surface-section">
        <SurfacePicker />
        <StartStepsFields />
      </PanelSection>
      <PanelSection title={t('runs.heading')} aside={<RunCount />} className="runs-section">
        <RunList />
      </PanelSection>
      <PanelSection title={t('teach.rule.heading')} className="rule-section">
        <DeferredUpdateRule />
      </PanelSection>
      <PanelSection title={t('noise.heading')} className="noise-section">
        <NoisePenaltyControls />
      </PanelSection>
      <MapSection />
    </div>
  );
}
