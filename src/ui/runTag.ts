// What tells two runs of one optimizer apart when their names match (a lesson's constant η
// against a decaying one): the schedule, or bias correction switched off. Shared by the
// legend on screen and the legend drawn into exported images, so both name a run alike.
import { getOptimizer } from '../engine';
import type { RunConfig } from '../state/store';
import type { Translate } from './i18n';

/** The run's tag, e.g. "Cosine annealing" or "Step decay, without bias correction"; '' for none. */
export function runTagText(t: Translate, run: Pick<RunConfig, 'optimizer' | 'schedule' | 'biasCorrection'>): string {
  const parts: string[] = [];
  if (run.schedule.kind !== 'constant') parts.push(t(`schedule.${run.schedule.kind}`));
  if (!run.biasCorrection && getOptimizer(run.optimizer)?.hasBiasCorrection) parts.push(t('teach.rule.noBias'));
  return parts.join(', ');
}
