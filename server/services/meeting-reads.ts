import { boardBefore } from '../../shared/domain/board-at';
import type { BoardEvent } from '../../shared/protocol';
import type { BoardAtResponse, MeetingChangesResponse } from '../../shared/meeting-rest';
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
  const boardAt = db.transaction((boardId: string, meetingId: string, moment: 'start' | 'end'): BoardAtResponse | undefined => {
    const meeting = meetingOn(boardId, meetingId);
    const unitId = repos.boards.unitId(boardId);
    if (!meeting || !unitId) return undefined;
    const at = moment === 'start' ? meeting.startedAt : (meeting.endedAt ?? meeting.startedAt);
    const today = clock.now().toISOString().slice(0, 10);
    const past = boardBefore(
      {
        columns: repos.columns.onBoard(boardId),
        cards: repos.meetings.allCards(boardId),
        indicators: repos.indicators.forBoard(boardId, unitId, today),
      },
      repos.meetings.eventsAfter(boardId, at),
    );
    return { meeting, at: moment, columns: past.columns, cards: past.cards.filter((c) => !c.archived), indicators: past.indicators };
  });

  /**
   * What was changed on the board between the meeting's start and end (or now, while it runs): card moves that were
   * not on the agenda too. The meeting's own events are left out (the minutes hold them), and so is the next
   * meeting date that ending it set.
   */
  const changes = db.transaction((boardId: string, meetingId: string): MeetingChangesResponse | undefined => {
    const meeting = meetingOn(boardId, meetingId);
    const unitId = repos.boards.unitId(boardId);
    if (!meeting || !unitId) return undefined;
    const all = repos.meetings.eventsBetween(boardId, meeting.startedAt, meeting.endedAt ?? clock.now().toISOString());
    const endOp = all.find((e) => e.body.type === 'meeting.ended')?.opId;
    const events = all.filter((e) => !e.body.type.startsWith('meeting.') && e.opId !== endOp);
    const today = clock.now().toISOString().slice(0, 10);
    return {
      events,
      actors: Object.fromEntries([...new Set(events.map((e) => e.actor))].map((a) => [a, repos.meetings.displayName(a)])),
      columns: Object.fromEntries(repos.columns.onBoard(boardId).map((c) => [c.id, c.name])),
      indicators: Object.fromEntries(repos.indicators.forBoard(boardId, unitId, today).map((i) => [i.id, i.name])),
    };
  });

  return {
    list: (boardId: string): Meeting[] => repos.meetings.meetingsOf(boardId),
    get: meetingOn,
    boardAt: (boardId: string, meetingId: string, moment: 'start' | 'end' = 'end') => boardAt(boardId, meetingId, moment),
    changes: (boardId: string, meetingId: string) => changes(boardId, meetingId),
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
