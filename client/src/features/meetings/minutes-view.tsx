import type { MeetingChangesResponse } from '../../../../shared/meeting-rest';
import { attendeeText } from '../../../../shared/domain/meeting';
import type { Card, Meeting } from '../../../../shared/schemas';
import { formatDate, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { MeetingChanges } from './meeting-changes';

/**
 * An ended meeting's minutes, laid out to read on screen and to print: the items skipped are named on their own,
 * and with `changes` every change made on the board during the meeting follows.
 */
export function MinutesView({ meeting, changes }: { meeting: Meeting; changes?: MeetingChangesResponse | 'failed' | null }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const minutes = meeting.minutes;
  if (!minutes) return null;
  const time = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeStyle: 'short' });
  const action = (c: Card) => [c.title, c.ownerName && t.ownerText(c.ownerName), c.dueDate && t.dueText(formatDate(c.dueDate, lang))].filter(Boolean).join(' · ');
  const list = (items: string[]) => (items.length === 0 ? <p className="muted">{m.none}</p> : <ul>{items.map((x, i) => <li key={i}>{x}</li>)}</ul>);
  return (
    <article className="minutes" aria-labelledby="minutes-title">
      <h1 id="minutes-title" className="page__title">{m.minutesOf(formatDate(meeting.startedAt.slice(0, 10), lang))}</h1>
      <p className="muted">
        {time.format(new Date(meeting.startedAt))}–{meeting.endedAt && time.format(new Date(meeting.endedAt))} · {m.facilitator(meeting.facilitator)}
      </p>
      <section aria-label={m.attendance}><h2>{m.attendance}</h2>{list(minutes.attendees.map((a) => attendeeText(a, (r) => m.meetingRoles[r].toLocaleLowerCase())))}</section>
      <section aria-label={m.agenda}>
        <h2>{m.agenda}</h2>
        <ol>
          {minutes.items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> <span className="muted">({m.itemKinds[item.kind]}{item.skipped && `, ${m.skipped}`})</span>
              {item.outcome && <p>{m.outcome}: {item.outcome}</p>}
              {item.decisions.length > 0 && <ul>{item.decisions.map((d) => <li key={d.id}>{m.decision}: {d.text}</li>)}</ul>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-label={m.skippedItems}><h2>{m.skippedItems}</h2>{list(minutes.items.filter((i) => i.skipped).map((i) => i.title))}</section>
      <section aria-label={m.decisions}><h2>{m.decisions}</h2>{list(minutes.decisions.map((d) => `${d.text} (${d.itemTitle})`))}</section>
      <section aria-label={m.actionsCreated}><h2>{m.actionsCreated}</h2>{list(minutes.actionsCreated.map(action))}</section>
      <section aria-label={m.actionsClosed}><h2>{m.actionsClosed}</h2>{list(minutes.actionsClosed.map(action))}</section>
      <section aria-label={m.indicatorsThen}>
        <h2>{m.indicatorsThen}</h2>
        {list(minutes.indicators.map((i) => `${i.name}: ${i.value === null ? t.noData : formatValue(i.value, i.decimals ?? 1, i.unitLabel, lang)} – ${t.statusText(i.status)}`))}
      </section>
      {changes !== undefined && <MeetingChanges changes={changes} />}
    </article>
  );
}
