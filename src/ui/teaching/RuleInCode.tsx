import { Fragment } from 'react';
import { frameworkCall, getOptimizer, type Hyperparams } from '../../engine';
import { computeScene } from '../../state/paths';
import type { RunConfig } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useUpdateRuleText } from '../../i18n/updateRuleText';
import { useLang, useT } from '../shell/useT';

/** A call that may break after its opening parenthesis and between arguments, never inside a number. */
function Call({ text }: { text: string }) {
  const open = text.indexOf('(');
  const args = text.slice(open + 1).split(', ');
  return (
    <>
      {text.slice(0, open + 1)}
      <wbr />
      {args.map((arg, i) => (
        <Fragment key={i}>
          <span className="rule-code-arg">{i < args.length - 1 ? `${arg},` : arg}</span>
          {i < args.length - 1 ? ' ' : ''}
        </Fragment>
      ))}
    </>
  );
}

/**
 * The run's optimizer as PyTorch and Keras construct it, with this run's values: the names a
 * student meets in torch.optim and in the Hands-On ML chapter (written in Keras), side by side.
 */
export function RuleInCode({ run }: { run: RunConfig }) {
  const t = useT();
  const rt = useUpdateRuleText(useLang());
  // The resolved hyperparameters (surface demo defaults filled in) of the path on show.
  const params: Readonly<Hyperparams> | undefined = useScene((s) => computeScene(s).runs.find((c) => c.run.id === run.id)?.path.params);
  const info = getOptimizer(run.optimizer);
  if (!info || !params) return null;
  const name = t(`optimizer.${run.optimizer}`);
  // torch's less common options are written only where they are set, as people write calls.
  const optional = { keys: info.options ?? [], defaults: info.defaults };
  if (!info.torch && !info.keras) return <p className="rule-code-none">{rt('teach.code.none', { name })}</p>;
  return (
    <div className="rule-code" role="group" aria-label={rt('teach.code.heading')}>
      <span className="rule-code-title">{rt('teach.code.heading')}</span>
      {info.torch && (
        <code className="rule-code-line" data-framework="torch">
          <Call text={frameworkCall('torch', info.torch, info.params, params, optional)} />
        </code>
      )}
      {info.keras ? (
        <code className="rule-code-line" data-framework="keras">
          <Call text={frameworkCall('keras', info.keras, info.params, params, optional)} />
        </code>
      ) : (
        <span className="rule-code-note">{rt('teach.code.noKeras', { name })}</span>
      )}
    </div>
  );
}
