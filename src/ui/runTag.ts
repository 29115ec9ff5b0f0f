// What tells a run apart from the others of the same optimizer in a list (the legend, an
// exported image): its schedule, bias correction switched off, and then any hyperparameter whose
// value differs between them. Lesson 9's three SGD runs read "SGD · η = 0.3", "SGD · η = 0.5"…
import { getOptimizer, HYPERPARAMS } from '../engine';
import type { RunConfig } from '../state/store';
import { formatParam } from './sliderScale';
import type { Translate } from './i18n';

/** The run's schedule and bias-correction words, or none. */
function variantWords(run: RunConfig, t: Translate): string[] {
  const parts: string[] = [];
  if (run.schedule.kind !== 'constant') parts.push(t(`schedule.${run.schedule.kind}`));
  if (!run.biasCorrection && getOptimizer(run.optimizer)?.hasBiasCorrection) parts.push(t('teach.rule.noBias'));
  return parts;
}

/**
 * The words after a run's name, joined with commas; empty when its name alone is unique. Only the
 * hyperparameters the optimizer reads are compared, in the table's order.
 */
export function runTag(run: RunConfig, runs: readonly RunConfig[], t: Translate): string {
  const words = variantWords(run, t);
  const key = words.join('|');
  const twins = runs.filter((r) => r !== run && r.optimizer === run.optimizer && variantWords(r, t).join('|') === key);
  if (twins.length > 0) {
    const reads = new Set<string>(getOptimizer(run.optimizer)?.params ?? []);
    for (const h of HYPERPARAMS) {
      if (!reads.has(h.key)) continue;
      if (twins.some((r) => r.params[h.key] !== run.params[h.key])) words.push(`${h.symbol} = ${formatParam(run.params[h.key])}`);
    }
  }
  return words.join(', ');
}
