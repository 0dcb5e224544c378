import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { BoardAtResponse } from '../../../../shared/meeting-rest';
import type { Meeting } from '../../../../shared/schemas';
import { useI18n } from '../../lib/i18n-context';
import { BoardAtView } from './board-at-view';
import { meetingsApi } from './meetings-api';
import { MinutesView } from './minutes-view';
import './meetings.css';

interface MinutesPageProps {
  boardId: string;
  meetingId: string;
  api?: Pick<typeof meetingsApi, 'get' | 'boardAt' | 'exportUrl'>;
}

/** `/boards/:id/meetings/:meetingId`: the minutes, printable and downloadable, and the board as it was then. */
export function MinutesPage({ boardId, meetingId, api = meetingsApi }: MinutesPageProps) {
  const { t } = useI18n();
  const m = t.meetings;
  const [meeting, setMeeting] = useState<Meeting | null | 'failed'>(null);
  const [boardAt, setBoardAt] = useState<BoardAtResponse | null>(null);
  useEffect(() => {
    let live = true;
    api.get(boardId, meetingId).then((x) => live && setMeeting(x)).catch(() => live && setMeeting('failed'));
    return () => {
      live = false;
    };
  }, [api, boardId, meetingId]);

  if (meeting === 'failed') return <div className="page"><h1 className="page__title">{t.loadFailed}</h1><Link href={`/boards/${boardId}`}>{m.backToBoard}</Link></div>;
  if (!meeting) return <div className="page"><p>{t.loading}</p></div>;
  return (
    <div className="page page--minutes">
      <nav className="minutes__nav no-print" aria-label={m.minutes}>
        <Link href={`/boards/${boardId}`}>{m.backToBoard}</Link>
        <Link href={`/boards/${boardId}/meeting`}>{m.backToMeeting}</Link>
        <button type="button" className="button" onClick={() => window.print()}>{m.print}</button>
        {(['md', 'csv', 'json'] as const).map((format) => (
          <a key={format} className="button" href={api.exportUrl(boardId, meetingId, format)} download>{m.exportAs(format.toUpperCase())}</a>
        ))}
        <button type="button" className="button" aria-pressed={boardAt !== null}
          onClick={() => (boardAt ? setBoardAt(null) : void api.boardAt(boardId, meetingId).then(setBoardAt).catch(() => undefined))}>
          {m.boardAsItWas}
        </button>
      </nav>
      <MinutesView meeting={meeting} />
      {boardAt && <BoardAtView data={boardAt} />}
    </div>
  );
}
