import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { CADENCES } from '../../../../shared/constants';
import type { Cadence, Meeting } from '../../../../shared/schemas';
import { Field } from '../../components/field';
import { useAppStore } from '../../app/store/store-context';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { newId } from '../../lib/ids';
import { useCanFacilitate } from '../board';
import { meetingsApi } from './meetings-api';

/** Before a meeting: the cadence and next date, the start button, and the minutes of past meetings. */
export function MeetingStart({ boardId, api = meetingsApi }: { boardId: string; api?: Pick<typeof meetingsApi, 'list'> }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const issue = useAppStore((s) => s.issue);
  const canFacilitate = useCanFacilitate();
  const cadence = useAppStore((s) => s.view?.cadence ?? null);
  const lastMeetingId = useAppStore((s) => s.view?.lastMeeting?.id ?? null);
  const [form, setForm] = useState({ cadence: cadence?.cadence ?? 'biweekly', next: cadence?.nextMeetingDate ?? '', minutes: String(cadence?.meetingMinutes ?? 15) });
  const [past, setPast] = useState<Meeting[] | null>(null);
  useEffect(() => {
    let live = true;
    api.list(boardId).then((list) => live && setPast(list.filter((x) => x.status === 'ended'))).catch(() => live && setPast([]));
    return () => {
      live = false;
    };
  }, [api, boardId, lastMeetingId]);

  function saveCadence(event: FormEvent) {
    event.preventDefault();
    const minutes = Number.parseInt(form.minutes, 10);
    issue('board:cadence', {
      cadence: form.cadence,
      nextMeetingDate: form.next || null,
      ...(Number.isFinite(minutes) && minutes > 0 && { meetingMinutes: minutes }),
    });
  }

  return (
    <div className="meeting-start">
      <p>{cadence?.nextMeetingDate ? m.nextMeeting(formatDate(cadence.nextMeetingDate, lang)) : m.noNextMeeting}</p>
      {canFacilitate && (
        <>
          <button type="button" className="button button--primary button--large" onClick={() => issue('meeting:start', { meetingId: newId() })}>
            {m.startMeeting}
          </button>
          <form className="form form--inline" onSubmit={saveCadence} aria-label={m.cadence}>
            <Field label={m.cadence}>
              {({ id }) => (
                <select id={id} value={form.cadence} onChange={(e) => setForm({ ...form, cadence: e.target.value as Cadence })}>
                  {CADENCES.map((c) => <option key={c} value={c}>{m.cadences[c]}</option>)}
                </select>
              )}
            </Field>
            <Field label={m.nextMeetingDate}>{({ id }) => <input id={id} type="date" value={form.next} onChange={(e) => setForm({ ...form, next: e.target.value })} />}</Field>
            <Field label={m.meetingLength}>{({ id }) => <input id={id} type="number" min={1} max={240} value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })} />}</Field>
            <button type="submit" className="button">{m.saveCadence}</button>
          </form>
        </>
      )}
      <h2>{m.pastMeetings}</h2>
      {past === null ? <p>{t.loading}</p> : past.length === 0 ? <p className="muted">{m.noPastMeetings}</p> : (
        <ul aria-label={m.pastMeetings}>
          {past.map((x) => (
            <li key={x.id}><Link href={`/boards/${boardId}/meetings/${x.id}`}>{m.minutesOf(formatDate(x.startedAt.slice(0, 10), lang))}</Link></li>
          ))}
        </ul>
      )}
    </div>
  );
}
