import { Suspense, lazy, useState } from 'react';
import { Link } from 'wouter';
import { useAppStore } from '../../app/store/store-context';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { Timer } from './timer';
import { useBoardMode, useCanFacilitate } from '../board';

// The history is read now and then, not at every board load: kept out of the board page's bundle.
const BoardHistory = lazy(() => import('../history/board-history').then((m) => ({ default: m.BoardHistory })));

/** On the board: the running meeting with its timer and current item (live on the wall screen), or the next one. */
export function MeetingBar({ boardId }: { boardId: string }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const meeting = useAppStore((s) => s.view?.meeting ?? null);
  const cadence = useAppStore((s) => s.view?.cadence ?? null);
  const current = meeting?.items.find((i) => i.id === meeting.currentItemId);
  const [history, setHistory] = useState(false);
  // A wall screen follows a meeting but cannot open meeting mode or the history (both need a person's session);
  // before a meeting, only someone who may run it is offered the way in.
  const wall = useBoardMode() === 'wall';
  const canFacilitate = useCanFacilitate();
  return (
    <section className="meeting-bar" aria-label={m.meeting}>
      {meeting ? (
        <>
          <strong>{m.meetingRunning}</strong>
          <Timer label={m.meetingTimer} startedAt={meeting.startedAt} minutes={meeting.plannedMinutes} />
          {current && <span>{m.currentItem}: {current.title}</span>}
          {!wall && <Link className="button button--primary" href={`/boards/${boardId}/meeting`}>{m.openMeeting}</Link>}
        </>
      ) : (
        <>
          <span>{cadence?.nextMeetingDate ? m.nextMeeting(formatDate(cadence.nextMeetingDate, lang)) : m.noNextMeeting}</span>
          {!wall && canFacilitate && <Link className="button" href={`/boards/${boardId}/meeting`}>{m.meeting}</Link>}
        </>
      )}
      {!wall && <button type="button" className="button" onClick={() => setHistory(true)}>{m.history}</button>}
      {history && (
        <Suspense fallback={null}>
          <BoardHistory boardId={boardId} onClose={() => setHistory(false)} />
        </Suspense>
      )}
    </section>
  );
}
