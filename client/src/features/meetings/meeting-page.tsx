import { useEffect, useRef } from 'react';
import { BoardUnavailable } from '../../components/board-unavailable';
import { Link, useLocation } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store/store-context';
import { ConnectionBanner } from '../board';
import { ConnectionIndicator } from '../board';
import { NoticeList } from '../board';
import { useI18n } from '../../lib/i18n-context';
import { MeetingStart } from './meeting-start';
import { RunningMeeting } from './running-meeting';
import './meetings.css';

/** `/boards/:id/meeting`: meeting mode, live for everyone on the board (the facilitator and the wall screen). */
export function MeetingPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const m = t.meetings;
  const { openBoard, closeBoard } = useAppStore(useShallow((s) => ({ openBoard: s.openBoard, closeBoard: s.closeBoard })));
  const loadState = useAppStore((s) => s.loadState);
  const board = useAppStore((s) => s.view?.board);
  const meeting = useAppStore((s) => s.view?.meeting ?? null);
  const lastMeetingId = useAppStore((s) => s.view?.lastMeeting?.id ?? null);
  const [, navigate] = useLocation();
  // The facilitator who ended the meeting goes on to its minutes once the server has them.
  const ending = useRef<string | null>(null);

  useEffect(() => {
    openBoard(boardId);
    return () => closeBoard();
  }, [boardId, openBoard, closeBoard]);
  useEffect(() => {
    if (board) document.title = `${m.meetingOf(board.name)} – ${t.appName}`;
  }, [board, m, t]);
  useEffect(() => {
    if (ending.current && lastMeetingId === ending.current) navigate(`/boards/${boardId}/meetings/${lastMeetingId}`);
  }, [lastMeetingId, boardId, navigate]);

  if (loadState === 'not-found' || loadState === 'error') return <BoardUnavailable reason={loadState} />;
  return (
    <div className="page page--meeting">
      <div className="board-header">
        <div>
          <h1 className="page__title">{board ? m.meetingOf(board.name) : t.loading}</h1>
          <Link className="no-print" href={`/boards/${boardId}`}>{m.backToBoard}</Link>
          {!meeting && lastMeetingId && (
            <> · <Link className="no-print" href={`/boards/${boardId}/meetings/${lastMeetingId}`}>{m.minutes}</Link></>
          )}
        </div>
        <ConnectionIndicator />
      </div>
      <ConnectionBanner />
      <NoticeList />
      {board && (meeting
        ? <RunningMeeting meeting={meeting} onEnd={() => { ending.current = meeting.id; }} />
        : <MeetingStart boardId={boardId} />)}
    </div>
  );
}
