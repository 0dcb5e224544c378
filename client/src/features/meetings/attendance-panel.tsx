import { useEffect, useState, type FormEvent } from 'react';
import { MEETING_ROLES } from '../../../../shared/constants';
import { attendeeName, attendeeText } from '../../../../shared/domain/meeting';
import type { BoardPeopleResponse } from '../../../../shared/meeting-rest';
import type { Attendee, Meeting, MeetingRole } from '../../../../shared/schemas';
import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n-context';
import { meetingsApi } from './meetings-api';
import type { MeetingActions } from './use-meeting-actions';

type Person = BoardPeopleResponse['people'][number];

interface AttendancePanelProps {
  meeting: Meeting;
  /** Absent for someone who follows the meeting without running it: the list alone. */
  actions?: MeetingActions | undefined;
  loadPeople?: (boardId: string) => Promise<Person[]>;
}

/**
 * Fremmøde: who is there and in what capacity. The facilitator picks people with a role on the unit (or types a name
 * for anyone else) and the role they attend in (klinikledelse, afsnitsledelse, medarbejderrepræsentant, …).
 */
export function AttendancePanel({ meeting, actions, loadPeople = meetingsApi.people }: AttendancePanelProps) {
  const { t } = useI18n();
  const m = t.meetings;
  const [people, setPeople] = useState<Person[]>([]);
  const [form, setForm] = useState<{ userId: string; name: string; role: MeetingRole | '' }>({ userId: '', name: '', role: '' });
  const [missing, setMissing] = useState(false);
  const facilitating = actions !== undefined;
  useEffect(() => {
    if (!facilitating) return;
    let live = true;
    // Without the list (offline, or no one with a role), names can still be typed in.
    loadPeople(meeting.boardId).then((list) => live && setPeople(list), () => undefined);
    return () => {
      live = false;
    };
  }, [facilitating, loadPeople, meeting.boardId]);

  const roleText = (r: MeetingRole) => m.meetingRoles[r].toLocaleLowerCase();
  const present = new Set(meeting.attendees.flatMap((a) => (typeof a !== 'string' && a.userId ? [a.userId] : [])));

  function add(event: FormEvent) {
    event.preventDefault();
    if (!actions) return;
    const person = people.find((p) => p.userId === form.userId);
    const name = person?.name ?? form.name.trim();
    if (!name) return setMissing(true);
    setMissing(false);
    const attendee: Attendee = { name, ...(person && { userId: person.userId }), ...(form.role && { role: form.role }) };
    actions.attendance([...meeting.attendees, attendee]);
    setForm({ userId: '', name: '', role: '' });
  }

  return (
    <section className="attendance" aria-label={m.attendance}>
      <h2>{m.attendance}</h2>
      {meeting.attendees.length === 0 ? <p className="muted">{m.noAttendance}</p> : (
        <ul className="attendance__list" aria-label={m.attendance}>
          {meeting.attendees.map((a, index) => (
            <li key={`${attendeeName(a)}-${index}`}>
              <span>{attendeeText(a, roleText)}</span>
              {actions && (
                <button type="button" className="button button--small no-print" aria-label={m.removeAttendee(attendeeName(a))}
                  onClick={() => actions.attendance(meeting.attendees.filter((_, i) => i !== index))}>×</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions && (
        <form className="form form--inline no-print" onSubmit={add} aria-label={m.addAttendee}>
          <Field label={m.attendeePerson}>
            {({ id }) => (
              <select id={id} value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
                <option value="">{m.attendeeSomeoneElse}</option>
                {people.filter((p) => !present.has(p.userId)).map((p) => (
                  <option key={p.userId} value={p.userId}>{`${p.name} · ${p.unitName}`}</option>
                ))}
              </select>
            )}
          </Field>
          {!form.userId && (
            <Field label={m.attendeeName} error={missing ? m.attendeeMissing : null}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="text" value={form.name} aria-describedby={describedBy} aria-invalid={invalid}
                  onChange={(e) => setForm({ ...form, name: e.target.value })} />
              )}
            </Field>
          )}
          <Field label={m.attendeeRole}>
            {({ id }) => (
              <select id={id} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as MeetingRole | '' })}>
                <option value="">{m.attendeeNoRole}</option>
                {MEETING_ROLES.map((r) => <option key={r} value={r}>{m.meetingRoles[r]}</option>)}
              </select>
            )}
          </Field>
          <button type="submit" className="button">{m.addAttendee}</button>
        </form>
      )}
    </section>
  );
}
