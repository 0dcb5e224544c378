import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../../shared/schemas';
import { Field } from '../../components/field';
import { AttendancePanel } from './attendance-panel';
import { useI18n } from '../../lib/i18n-context';
import { useCanFacilitate } from '../board';
import { AgendaList } from './agenda-list';
import { CurrentItem } from './current-item';
import { EndMeetingDialog } from './end-meeting-dialog';
import { Timer } from './timer';
import { useMeetingActions } from './use-meeting-actions';

/**
 * A running meeting: the meeting timer, attendance, the agenda and the item being discussed. Someone who may not
 * run it (not a facilitator of the board) follows it live without the controls.
 */
export function RunningMeeting({ meeting, onEnd }: { meeting: Meeting; onEnd: () => void }) {
  const { t } = useI18n();
  const m = t.meetings;
  const canFacilitate = useCanFacilitate();
  const actions = useMeetingActions(meeting);
  const current = meeting.items.find((i) => i.id === meeting.currentItemId);
  const [newItem, setNewItem] = useState('');
  const [ending, setEnding] = useState(false);

  function addItem(event: FormEvent) {
    event.preventDefault();
    if (!newItem.trim()) return;
    actions.addItem(newItem.trim());
    setNewItem('');
  }

  return (
    <div className="meeting">
      <div className="meeting__top">
        <Timer label={m.meetingTimer} startedAt={meeting.startedAt} minutes={meeting.plannedMinutes} large />
        {canFacilitate ? <div className="meeting__buttons no-print">
          <button type="button" className="button button--primary" onClick={actions.next}>{m.nextItem}</button>
          <button type="button" className="button button--danger" onClick={() => setEnding(true)}>
            {m.endMeeting}
          </button>
        </div> : <p role="status">{m.followingOnly}</p>}
      </div>
      {ending && (
        <EndMeetingDialog meeting={meeting} onClose={() => setEnding(false)}
          onEnd={() => { setEnding(false); actions.end(); onEnd(); }} />
      )}
      <div className="meeting__body">
        <div className="meeting__side">
          <AttendancePanel meeting={meeting} actions={canFacilitate ? actions : undefined} />
          <h2>{m.agenda}</h2>
          <AgendaList meeting={meeting} actions={canFacilitate ? actions : undefined} />
          {canFacilitate && <form className="form form--inline no-print" onSubmit={addItem}>
            <Field label={m.newItemTitle}>{({ id }) => <input id={id} type="text" value={newItem} onChange={(e) => setNewItem(e.target.value)} />}</Field>
            <button type="submit" className="button">{m.addItem}</button>
          </form>}
        </div>
        <div className="meeting__main">
          {current ? <CurrentItem key={current.id} meeting={meeting} item={current} actions={canFacilitate ? actions : undefined} /> : <p className="muted">{m.noItemOpen}</p>}
        </div>
      </div>
    </div>
  );
}
