import type { RefObject } from 'react';
import { stepBy } from '../../state/playback';
import { useUpdateRuleText } from '../../i18n/updateRuleText';
import { useLang } from '../shell/useT';

interface StepExplanationProps {
  /** The sentence: written by UpdateRulePanel when the step changes, never by React. */
  readonly sentenceRef: RefObject<HTMLParagraphElement | null>;
  readonly stepMode: boolean;
  readonly onToggle: () => void;
}

function Arrow({ back }: { readonly back?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" style={back ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M4 10h11M11 5.5 15.5 10 11 14.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * What happened in the current step, in a sentence, and the "Step by step" mode: paused, the
 * sentence large, ← and → (the keys or these buttons) the way forward. The sentence is only
 * announced to screen readers in that mode; during playback it would be a stream of chatter.
 */
export function StepExplanation({ sentenceRef, stepMode, onToggle }: StepExplanationProps) {
  const t = useUpdateRuleText(useLang());
  return (
    <section className="step-explanation" aria-label={t('teach.sentence')}>
      <div className="step-bar">
        <button type="button" className="button step-toggle" aria-pressed={stepMode} onClick={onToggle}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M3 15h4v-4h4V7h4V3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t('teach.stepByStep')}
        </button>
        {stepMode && (
          <div className="step-arrows">
            <button type="button" className="button step-arrow" aria-label={t('teach.prev')} title={`${t('teach.prev')} (←)`} onClick={() => stepBy(-1)}>
              <Arrow back />
            </button>
            <button type="button" className="button step-arrow" aria-label={t('teach.next')} title={`${t('teach.next')} (→)`} onClick={() => stepBy(1)}>
              <Arrow />
            </button>
          </div>
        )}
      </div>
      {stepMode && <p className="step-hint">{t('teach.stepByStep.hint')}</p>}
      <p ref={sentenceRef} className="step-sentence" aria-live={stepMode ? 'polite' : 'off'} />
    </section>
  );
}
