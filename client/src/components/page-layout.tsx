import type { ReactNode } from 'react';

interface PageLayoutProps {
  title: ReactNode;
  /** A line under the title: unit, layer, period. */
  subtitle?: ReactNode;
  /** Controls at the title's right (they wrap under it on a phone). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** One page: an h1 with its subtitle and actions, then the content. */
export function PageLayout({ title, subtitle, actions, children, className }: PageLayoutProps) {
  return (
    <div className={`page${className ? ` ${className}` : ''}`}>
      <div className="page__header">
        <div className="page__heading">
          <h1 className="page__title">{title}</h1>
          {subtitle && <p className="page__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
