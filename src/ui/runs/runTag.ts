// What tells a run apart from the others of the same optimizer in a list (the legend on screen,
// the legend drawn into exported images): its schedule, bias correction switched off, and then
// any hyperparameter whose value differs between them. Lesson 9's three SGD runs read
// "SGD · η = 0.3", "SGD · η = 0.5"…
import { getOptimizer, HYPERPARAMS } from '../../engine';
import type { RunConfig } from '../../state/store';
import type { Translate } from '../../i18n';
import { formatParam } from '../../i18n/numberFormat';

type TaggedRun = Pick<RunConfig, 'optimizer' | 'schedule' | 'biasCorrection' | 'params'>;

/** The run's own variant words, e.g. "Cosine annealing" or "Step decay, without bias correction"; '' for none. */
function runTagText(t: Translate, run: Pick<RunConfig, 'optimizer' | 'schedule' | 'biasCorrection'>): string {
  const parts: string[] = [];
  if (run.schedule.kind !== 'constant') parts.push(t(`schedule.${run.schedule.kind}`));
  if (!run.biasCorrection && getOptimizer(run.optimizer)?.hasBiasCorrection) parts.push(t('teach.rule.noBias'));
  return parts.join(', ');
}

/**
 * The words after a run's name, joined with commas; empty when its name alone is unique among
 * `runs`. Only the hyperparameters the optimizer reads are compared, in the table's order.
 */
export function runTag(run: TaggedRun, runs: readonly TaggedRun[], t: Translate): string {
  const own = runTagText(t, run);
  const words = own ? [own] : [];
  const twins = runs.filter((r) => r !== run && r.optimizer === run.optimizer && runTagText(t, r) === own);
  if (twins.length > 0) {
    const reads = new Set<string>(getOptimizer(run.optimizer)?.params ?? []);
    for (const h of HYPERPARAMS) {
      if (!reads.has(h.key)) continue;
      if (twins.some((r) => r.params[h.key] !== run.params[h.key])) words.push(`${h.symbol} = ${formatParam(run.params[h.key])}`);
    }
  }
  return words.join(', ');
}
