import type { ReactNode } from 'react';
import type { Status } from '../../../shared/domain/status';
import { CheckIcon, CrossIcon, DashIcon, WarningIcon } from './icons';

const ICONS = { green: CheckIcon, amber: WarningIcon, red: CrossIcon, none: DashIcon } as const;

/** Status as colour, icon and word together: colour is never the only signal. */
export function StatusPill({ status, text, size = 'md' }: { status: Status; text: string; size?: 'md' | 'lg' }) {
  const Icon = ICONS[status];
  return (
    <span className={`status status--${status}${size === 'lg' ? ' status--large' : ''}`}>
      <Icon className="status__icon" />
      <span>{text}</span>
    </span>
  );
}

export function StatusIcon({ status }: { status: Status }) {
  const Icon = ICONS[status];
  return <Icon className="status__icon" />;
}

type BadgeTone = 'neutral' | 'info' | 'warning' | 'danger' | 'success';

/** A small count or label (e.g. "3 åbne"); the words carry the meaning, the tone only supports it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
