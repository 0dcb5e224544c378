import { boardBefore } from '../../shared/domain/board-at';
import type { BoardEvent } from '../../shared/protocol';
import type { BoardAtResponse, MeetingChangesResponse } from '../../shared/meeting-rest';
import type { Meeting } from '../../shared/schemas';
import { type Repositories, createRepositories } from '../repositories';
import type { Store } from '../store';
import { type Clock, systemClock } from './command-service';
import { readTransaction } from './read-transaction';

/** Reads of meetings and history: past meetings, the board as it was at one, and the readable log of a card. */
export function createMeetingReads(store: Store, clock: Clock = systemClock) {
  const repos = createRepositories(store);

  const meetingOn = async (r: Repositories, boardId: string, meetingId: string): Promise<Meeting | undefined> => {
    const meeting = await r.meetings.meeting(meetingId);
    return meeting?.boardId === boardId ? meeting : undefined;
  };

  const namesOf = async (r: Repositories, actors: readonly string[]): Promise<Record<string, string>> => {
    const names: [string, string][] = [];
    for (const a of new Set(actors)) names.push([a, await r.meetings.displayName(a)]);
    return Object.fromEntries(names);
  };

  // One read transaction, so the current state and the events undone from it are of the same moment.
  const boardAt = (boardId: string, meetingId: string, moment: 'start' | 'end'): Promise<BoardAtResponse | undefined> =>
    readTransaction(store, async (tx) => {
      const r = createRepositories(tx);
      const meeting = await meetingOn(r, boardId, meetingId);
      const unitId = await r.boards.unitId(boardId);
      if (!meeting || !unitId) return undefined;
      const at = moment === 'start' ? meeting.startedAt : (meeting.endedAt ?? meeting.startedAt);
      const today = clock.now().toISOString().slice(0, 10);
      const past = boardBefore(
        {
          columns: await r.columns.onBoard(boardId),
          cards: await r.meetings.allCards(boardId),
          indicators: await r.indicators.forBoard(boardId, unitId, today),
        },
        await r.meetings.eventsAfter(boardId, at),
      );
      return { meeting, at: moment, columns: past.columns, cards: past.cards.filter((c) => !c.archived), indicators: past.indicators };
    });

  /**
   * What was changed on the board between the meeting's start and end (or now, while it runs): card moves that were
   * not on the agenda too. The meeting's own events are left out (the minutes hold them), and so is the next
   * meeting date that ending it set.
   */
  const changes = (boardId: string, meetingId: string): Promise<MeetingChangesResponse | undefined> =>
    readTransaction(store, async (tx) => {
      const r = createRepositories(tx);
      const meeting = await meetingOn(r, boardId, meetingId);
      const unitId = await r.boards.unitId(boardId);
      if (!meeting || !unitId) return undefined;
      const all = await r.meetings.eventsBetween(boardId, meeting.startedAt, meeting.endedAt ?? clock.now().toISOString());
      const endOp = all.find((e) => e.body.type === 'meeting.ended')?.opId;
      const events = all.filter((e) => !e.body.type.startsWith('meeting.') && e.opId !== endOp);
      const today = clock.now().toISOString().slice(0, 10);
      return {
        events,
        actors: await namesOf(r, events.map((e) => e.actor)),
        columns: Object.fromEntries((await r.columns.onBoard(boardId)).map((c) => [c.id, c.name])),
        indicators: Object.fromEntries((await r.indicators.forBoard(boardId, unitId, today)).map((i) => [i.id, i.name])),
      };
    });

  return {
    list: async (boardId: string): Promise<Meeting[]> => repos.meetings.meetingsOf(boardId),
    get: (boardId: string, meetingId: string): Promise<Meeting | undefined> => meetingOn(repos, boardId, meetingId),
    boardAt: (boardId: string, meetingId: string, moment: 'start' | 'end' = 'end') => boardAt(boardId, meetingId, moment),
    changes: (boardId: string, meetingId: string) => changes(boardId, meetingId),
    actorNames: (actors: string[]): Promise<Record<string, string>> => namesOf(repos, actors),
    /** Newest first: a card's events (with its escalation's steps), or the whole board's. */
    history: async (boardId: string, cardId: string | undefined, limit: number): Promise<BoardEvent[]> =>
      cardId
        ? repos.meetings.cardEvents(boardId, cardId, limit)
        : repos.meetings.history(boardId, Number.MAX_SAFE_INTEGER, limit),
  };
}
export type MeetingReads = ReturnType<typeof createMeetingReads>;
