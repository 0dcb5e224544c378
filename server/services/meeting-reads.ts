import { boardBefore } from '../../shared/domain/board-at';
import type { BoardEvent } from '../../shared/protocol';
import type { BoardAtResponse } from '../../shared/meeting-rest';
import type { Meeting } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { type Clock, systemClock } from './command-service';

/** Reads of meetings and history: past meetings, the board as it was at one, and the readable log of a card. */
export function createMeetingReads(db: Db, repos: Repositories, clock: Clock = systemClock) {
  const meetingOn = (boardId: string, meetingId: string): Meeting | undefined => {
    const meeting = repos.meetings.meeting(meetingId);
    return meeting?.boardId === boardId ? meeting : undefined;
  };

  // One read transaction, so the current state and the events undone from it are of the same moment.
  const boardAt = db.transaction((boardId: string, meetingId: string): BoardAtResponse | undefined => {
    const meeting = meetingOn(boardId, meetingId);
    const unitId = repos.boards.unitId(boardId);
    if (!meeting || !unitId) return undefined;
    const at = meeting.endedAt ?? meeting.startedAt;
    const today = clock.now().toISOString().slice(0, 10);
    const past = boardBefore(
      {
        columns: repos.columns.onBoard(boardId),
        cards: repos.meetings.allCards(boardId),
        indicators: repos.indicators.forBoard(boardId, unitId, today),
      },
      repos.meetings.eventsAfter(boardId, at),
    );
    return { meeting, columns: past.columns, cards: past.cards.filter((c) => !c.archived), indicators: past.indicators };
  });

  return {
    list: (boardId: string): Meeting[] => repos.meetings.meetingsOf(boardId),
    get: meetingOn,
    boardAt: (boardId: string, meetingId: string) => boardAt(boardId, meetingId),
    actorNames: (actors: string[]): Record<string, string> =>
      Object.fromEntries([...new Set(actors)].map((a) => [a, repos.meetings.displayName(a)])),
    /** Newest first: a card's events (with its escalation's steps), or the whole board's. */
    history: (boardId: string, cardId: string | undefined, limit: number): BoardEvent[] =>
      cardId
        ? repos.meetings.cardEvents(boardId, cardId, limit)
        : repos.meetings.history(boardId, Number.MAX_SAFE_INTEGER, limit),
  };
}
export type MeetingReads = ReturnType<typeof createMeetingReads>;
