import { useId } from 'react';
import type { Domain } from '../../engine';
import { FieldError } from './FieldError';
import { useFormulaEditorText, type FormulaEditorKey, type FormulaEditorText } from '../../i18n/formulaEditorText';
import { useLang } from '../shell/useT';
import { formatCoord } from '../../i18n/numberFormat';
import { parseNumber } from '../shell/typedNumber';
import { useNumberDraft, type DraftCheck, type NumberDraft } from './useNumberDraft';

type Axis = 'x' | 'y';
type Edge = 0 | 1;

export type DomainEdgeCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: 'notNumber' | 'order' };

/**
 * One typed end of a domain range against the other end as it stands: a finite number, and
 * min < max. Pure, so the rule is tested without a DOM.
 */
export function checkDomainEdge(text: string, edge: Edge, other: number): DomainEdgeCheck {
  const v = parseNumber(text);
  if (v === null) return { ok: false, reason: 'notNumber' };
  if (edge === 0 ? !(v < other) : !(other < v)) return { ok: false, reason: 'order' };
  return { ok: true, value: v };
}

const LABELS: Readonly<Record<Axis, readonly [FormulaEditorKey, FormulaEditorKey]>> = {
  x: ['domain.xMin', 'domain.xMax'],
  y: ['domain.yMin', 'domain.yMax'],
};

function withEdge(domain: Domain, axis: Axis, edge: Edge, v: number): Domain {
  const range: [number, number] = [domain[axis][0], domain[axis][1]];
  range[edge] = v;
  return { ...domain, [axis]: range };
}

function useEdgeDraft(domain: Domain, axis: Axis, edge: Edge, apply: (d: Domain) => void, t: FormulaEditorText): NumberDraft {
  return useNumberDraft({
    value: domain[axis][edge],
    format: formatCoord,
    check: (text): DraftCheck => {
      const r = checkDomainEdge(text, edge, domain[axis][edge === 0 ? 1 : 0]);
      if (r.ok) return r;
      return { ok: false, error: r.reason === 'order' ? t('domain.order', { axis }) : t('domain.notNumber', { field: t(LABELS[axis][edge]) }) };
    },
    apply: (v) => apply(withEdge(domain, axis, edge, v)),
  });
}

interface DomainFieldsProps {
  readonly domain: Domain;
  /** Called with a valid domain (finite, min < max on both axes) when a field is applied. */
  readonly onApply: (domain: Domain) => void;
}

/**
 * The plotted ranges of a typed surface, x min … x max and y min … y max. Like the start
 * fields, a value applies on Enter or when the field loses focus, never keystroke by keystroke:
 * "-" on the way to "-5" would refit the view for nothing.
 */
export function DomainFields({ domain, onApply }: DomainFieldsProps) {
  const t = useFormulaEditorText(useLang());
  const headingId = useId();
  const xMin = useEdgeDraft(domain, 'x', 0, onApply, t);
  const xMax = useEdgeDraft(domain, 'x', 1, onApply, t);
  const yMin = useEdgeDraft(domain, 'y', 0, onApply, t);
  const yMax = useEdgeDraft(domain, 'y', 1, onApply, t);
  const drafts: Record<Axis, readonly [NumberDraft, NumberDraft]> = { x: [xMin, xMax], y: [yMin, yMax] };
  const input = (axis: Axis, edge: Edge) => (
    <input className="number-input domain-input" type="number" step="any" aria-label={t(LABELS[axis][edge])} {...drafts[axis][edge].inputProps} />
  );
  return (
    <div className="domain-fields" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="field-label">
        {t('formula.domain')}
      </span>
      {(['x', 'y'] as const).map((axis) => (
        <div key={axis} className="domain-row">
          <span className="input-prefix domain-axis" aria-hidden="true">
            {axis}
          </span>
          {input(axis, 0)}
          <span className="domain-dash" aria-hidden="true">
            –
          </span>
          {input(axis, 1)}
        </div>
      ))}
      <div className="domain-errors">
        {[xMin, xMax, yMin, yMax].map((d) => (
          <FieldError key={d.errorId} id={d.errorId} message={d.error} />
        ))}
      </div>
    </div>
  );
}
