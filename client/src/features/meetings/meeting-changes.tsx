import { useMemo } from 'react';
import type { MeetingChangesResponse } from '../../../../shared/meeting-rest';
import { type AuditNames, auditSentence, boardEventEntry } from '../../lib/event-sentences';
import { useI18n } from '../../lib/i18n-context';

/**
 * "Ændringer under mødet": everything changed on the board between the meeting's start and end, card moves that were
 * not on the agenda too, as sentences in the reader's local time.
 */
export function MeetingChanges({ changes }: { changes: MeetingChangesResponse | 'failed' | null }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const names = useMemo<AuditNames | null>(() => {
    if (!changes || changes === 'failed') return null;
    return {
      user: () => undefined,
      unit: () => undefined,
      board: () => undefined,
      indicator: (id) => changes.indicators[id],
      column: (id) => changes.columns[id],
      role: (r) => t.access.roles[r],
    };
  }, [changes, t]);
  const time = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeStyle: 'short' });
  return (
    <section aria-label={m.changesDuring}>
      <h2>{m.changesDuring}</h2>
      {changes === null && <p>{t.loading}</p>}
      {changes === 'failed' && <p role="alert">{t.loadFailed}</p>}
      {changes && names && changes !== 'failed' && (changes.events.length === 0 ? <p className="muted">{m.noChanges}</p> : (
        <ol className="meeting-changes">
          {changes.events.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{time.format(new Date(e.at))}</time>{' '}
              {auditSentence(boardEventEntry(e, changes.actors[e.actor] ?? e.actor), names, lang)}
            </li>
          ))}
        </ol>
      ))}
    </section>
  );
}
