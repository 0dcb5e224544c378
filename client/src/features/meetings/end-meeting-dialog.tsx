import { attendeeText } from '../../../../shared/domain/meeting';
import type { Meeting, MeetingRole } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { useT } from '../../lib/i18n-context';

/** "Afslut mødet?": what the minutes will hold, asked in the app (not the browser's confirm box). */
export function EndMeetingDialog({ meeting, onEnd, onClose }: { meeting: Meeting; onEnd: () => void; onClose: () => void }) {
  const t = useT();
  const role = (r: MeetingRole) => t.meetings.meetingRoles[r].toLocaleLowerCase();
  const f = t.flows;
  const done = meeting.items.filter((i) => !i.skipped && i.startedAt).length;
  const skipped = meeting.items.filter((i) => i.skipped).length;
  const decisions = meeting.items.reduce((n, i) => n + i.decisions.length, 0);
  const actions = meeting.items.reduce((n, i) => n + i.actionIds.length, 0);
  return (
    <Dialog title={f.endTitle} onClose={onClose}>
      <p>{f.endSummary(done, skipped, decisions, actions)}</p>
      <p>{meeting.attendees.length > 0 ? f.endAttendees(meeting.attendees.map((a) => attendeeText(a, role)).join(', ')) : f.noAttendees}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onEnd}>{f.endConfirm}</button>
        <button type="button" className="button" data-autofocus onClick={onClose}>{f.keepGoing}</button>
      </div>
    </Dialog>
  );
}
