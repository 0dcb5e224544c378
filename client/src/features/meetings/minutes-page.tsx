import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { BoardAtResponse, MeetingChangesResponse } from '../../../../shared/meeting-rest';
import type { Meeting } from '../../../../shared/schemas';
import { useI18n } from '../../lib/i18n-context';
import { BoardAtView } from './board-at-view';
import { meetingsApi } from './meetings-api';
import { MinutesView } from './minutes-view';
import './meetings.css';

interface MinutesPageProps {
  boardId: string;
  meetingId: string;
  api?: Pick<typeof meetingsApi, 'get' | 'boardAt' | 'changes' | 'exportUrl'>;
}

type Moment = 'start' | 'end';

/**
 * `/boards/:id/meetings/:meetingId`: the minutes with the changes made during the meeting, printable and
 * downloadable, and the board as it was at the meeting's start or end.
 */
export function MinutesPage({ boardId, meetingId, api = meetingsApi }: MinutesPageProps) {
  const { t } = useI18n();
  const m = t.meetings;
  const [meeting, setMeeting] = useState<Meeting | null | 'failed'>(null);
  const [changes, setChanges] = useState<MeetingChangesResponse | null | 'failed'>(null);
  const [moment, setMoment] = useState<Moment | null>(null);
  const [loaded, setLoaded] = useState<{ at: Moment; data: BoardAtResponse | 'failed' } | null>(null);
  useEffect(() => {
    let live = true;
    api.get(boardId, meetingId).then((x) => live && setMeeting(x)).catch(() => live && setMeeting('failed'));
    api.changes(boardId, meetingId).then((x) => live && setChanges(x)).catch(() => live && setChanges('failed'));
    return () => {
      live = false;
    };
  }, [api, boardId, meetingId]);
  useEffect(() => {
    if (!moment) return;
    let live = true;
    api.boardAt(boardId, meetingId, moment).then(
      (data) => live && setLoaded({ at: moment, data }),
      () => live && setLoaded({ at: moment, data: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [api, boardId, meetingId, moment]);

  // What was loaded for another moment is not shown while this one loads.
  const boardAt = loaded && loaded.at === moment ? loaded.data : null;

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
        <button type="button" className="button" aria-pressed={moment !== null} onClick={() => setMoment(moment ? null : 'end')}>
          {m.boardAsItWas}
        </button>
      </nav>
      <MinutesView meeting={meeting} changes={changes} />
      {moment && (
        <section className="board-at" aria-label={m.boardAsItWas}>
          <h2>{m.boardAsItWas}</h2>
          <div className="minutes__nav no-print" role="group" aria-label={m.boardAtMoment}>
            {(['start', 'end'] as const).map((x) => (
              <button key={x} type="button" className="button" aria-pressed={moment === x} onClick={() => setMoment(x)}>
                {x === 'start' ? m.boardAtStart : m.boardAtEnd}
              </button>
            ))}
          </div>
          {boardAt === null && <p>{t.loading}</p>}
          {boardAt === 'failed' && <p role="alert">{t.loadFailed}</p>}
          {boardAt && boardAt !== 'failed' && <BoardAtView data={boardAt} />}
        </section>
      )}
    </div>
  );
}
