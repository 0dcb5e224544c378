import type { ReactNode } from 'react';
import type { Status } from '../../../shared/domain/status';
import { CheckIcon, CrossIcon, DashIcon, WarningIcon } from './icons';

const ICONS = { green: CheckIcon, amber: WarningIcon, red: CrossIcon, none: DashIcon } as const;

/**
 * Status as colour, icon and word together: colour is never the only signal. `short` (e.g. "Rød") is what a
 * projector shows; `text` (e.g. "Status: rød (ikke på mål)") is what is read aloud and found by search.
 */
export function StatusPill({ status, text, short, size = 'md' }: { status: Status; text: string; short?: string; size?: 'md' | 'lg' }) {
  const Icon = ICONS[status];
  return (
    <span className={`status status--${status}${size === 'lg' ? ' status--large' : ''}`}>
      <Icon className="status__icon" />
      {short ? (
        <>
          <span aria-hidden="true">{short}</span>
          <span className="visually-hidden">{text}</span>
        </>
      ) : (
        <span>{text}</span>
      )}
    </span>
  );
}

/** "rød (ikke på mål)" → "Rød": the status word alone, for tight places. */
export const statusWord = (long: string): string => {
  const word = long.split(' (')[0] ?? long;
  return word.charAt(0).toUpperCase() + word.slice(1);
};

export function StatusIcon({ status }: { status: Status }) {
  const Icon = ICONS[status];
  return <Icon className="status__icon" />;
}

type BadgeTone = 'neutral' | 'info' | 'warning' | 'danger' | 'success';

/** A small count or label (e.g. "3 åbne"); the words carry the meaning, the tone only supports it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
