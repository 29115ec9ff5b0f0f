import type { ReactNode } from 'react';

interface PanelSectionProps {
  readonly title: ReactNode;
  /** Beside the title, e.g. a count. */
  readonly aside?: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A collapsible section: open by default, so nothing is hidden at first, but on a phone a
 * student can fold the surface away and keep the runs under the thumb.
 */
export function PanelSection({ title, aside, className, children }: PanelSectionProps) {
  return (
    <details className={`panel-section${className ? ` ${className}` : ''}`} open>
      <summary className="panel-section-summary">
        <h2 className="panel-section-title">{title}</h2>
        {aside !== undefined && <span className="panel-section-aside">{aside}</span>}
        <svg className="panel-section-chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <div className="panel-section-body">{children}</div>
    </details>
  );
}
