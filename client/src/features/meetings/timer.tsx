import { useI18n } from '../../lib/i18n-context';
import { useServerClockOffset } from './server-clock';
import { formatDuration, useNow } from './use-now';

interface TimerProps {
  label: string;
  /** ISO time the period started (stored on the server, so every screen counts the same). */
  startedAt: string;
  /** The planned length; past it the timer counts time over. */
  minutes: number;
  /** Stops the count (an item already left). */
  endedAt?: string | null;
  large?: boolean;
}

/** A countdown from a stored start time, shown the same on the facilitator's laptop and the wall screen. */
export function Timer({ label, startedAt, minutes, endedAt = null, large = false }: TimerProps) {
  const { t } = useI18n();
  // Counted on the server's clock, so a wall screen whose own clock is off still shows the same time left.
  const now = useNow() + useServerClockOffset();
  const end = endedAt ? Date.parse(endedAt) : now;
  const left = minutes * 60 - (end - Date.parse(startedAt)) / 1000;
  const over = left < 0;
  const text = over ? t.meetings.timeOver(formatDuration(-left)) : t.meetings.timeLeft(formatDuration(left));
  return (
    <div className={`timer${large ? ' timer--large' : ''}${over ? ' timer--over' : ''}`} role="timer" aria-label={label}>
      {/* The space keeps label and time apart in the text a screen reader or a copy reads ("Mødetid 19:58 tilbage"). */}
      <span className="timer__label">{label}</span>{' '}
      <span className="timer__value">{text}</span>
    </div>
  );
}
