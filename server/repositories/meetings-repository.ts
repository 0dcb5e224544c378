import type { BoardEvent } from '../../shared/protocol';
import type { BoardCadence, Card, Escalation, Meeting } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { type CardRow, toCard } from './rows';

interface CadenceRow {
  cadence: BoardCadence['cadence'];
  next_meeting_date: string | null;
  meeting_minutes: number;
}

/** Cadences, meetings and escalations (entities stored whole as their last event carried them). */
export function meetingsRepository(db: Db) {
  const cadenceOf = db.prepare<[string], CadenceRow>('SELECT * FROM board_cadences WHERE board_id = ?');
  const saveCadence = db.prepare(`INSERT INTO board_cadences (board_id, cadence, next_meeting_date, meeting_minutes)
    VALUES (?, ?, ?, ?) ON CONFLICT (board_id) DO UPDATE SET cadence = excluded.cadence,
    next_meeting_date = excluded.next_meeting_date, meeting_minutes = excluded.meeting_minutes`);
  const meetingById = db.prepare<[string], { body: string }>('SELECT body FROM meetings WHERE id = ?');
  const running = db.prepare<[string], { body: string }>("SELECT body FROM meetings WHERE board_id = ? AND status = 'running'");
  const lastEnded = db.prepare<[string], { body: string }>(
    "SELECT body FROM meetings WHERE board_id = ? AND status = 'ended' ORDER BY ended_at DESC LIMIT 1",
  );
  const meetingsOf = db.prepare<[string], { body: string }>('SELECT body FROM meetings WHERE board_id = ? ORDER BY started_at DESC');
  const saveMeeting = db.prepare(`INSERT INTO meetings (id, board_id, status, started_at, ended_at, body)
    VALUES (@id, @boardId, @status, @startedAt, @endedAt, @body) ON CONFLICT (id) DO UPDATE SET
    status = excluded.status, ended_at = excluded.ended_at, body = excluded.body`);
  const escalationById = db.prepare<[string], { body: string }>('SELECT body FROM escalations WHERE id = ?');
  const escalationsOf = db.prepare<[string], { body: string }>(`SELECT e.body FROM escalations e
    JOIN escalation_boards eb ON eb.escalation_id = e.id WHERE eb.board_id = ? ORDER BY e.due_date, e.id`);
  const saveEscalation = db.prepare(`INSERT INTO escalations (id, card_id, holder_board_id, status, due_date, updated_at, body)
    VALUES (@id, @cardId, @holderBoardId, @status, @dueDate, @updatedAt, @body) ON CONFLICT (id) DO UPDATE SET
    holder_board_id = excluded.holder_board_id, status = excluded.status, due_date = excluded.due_date,
    updated_at = excluded.updated_at, body = excluded.body`);
  const linkBoard = db.prepare('INSERT OR IGNORE INTO escalation_boards (escalation_id, board_id) VALUES (?, ?)');
  const allCards = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE board_id = ?');
  const boardOfUnit = db.prepare<[string], { id: string }>('SELECT id FROM boards WHERE unit_id = ? ORDER BY created_at, id LIMIT 1');
  const eventsAfter = db.prepare<[string, string], { board_id: string; seq: number; op_id: string; actor: string; at: string; payload: string }>(
    'SELECT * FROM events WHERE board_id = ? AND at > ? ORDER BY seq',
  );
  const eventsBetween = db.prepare<[string, string, string], { board_id: string; seq: number; op_id: string; actor: string; at: string; payload: string }>(
    'SELECT * FROM events WHERE board_id = ? AND at > ? AND at <= ? ORDER BY seq',
  );
  const history = db.prepare<[string, number, number], { board_id: string; seq: number; op_id: string; actor: string; at: string; payload: string }>(
    'SELECT * FROM events WHERE board_id = ? AND seq <= ? ORDER BY seq DESC LIMIT ?',
  );
  const cardEvents = db.prepare<[string, string, string, number], { board_id: string; seq: number; op_id: string; actor: string; at: string; payload: string }>(
    `SELECT * FROM events WHERE board_id = ? AND (json_extract(payload, '$.card.id') = ? OR json_extract(payload, '$.escalation.cardId') = ?)
     ORDER BY seq DESC LIMIT ?`,
  );
  // Accounts live in another migration's tables; until they exist an actor is shown as recorded.
  let names: { user: { get(id: string): unknown }; device: { get(id: string): unknown } } | null | undefined;
  const nameStatements = () => {
    if (names === undefined) {
      try {
        names = {
          user: db.prepare('SELECT display_name AS name FROM users WHERE id = ?'),
          device: db.prepare('SELECT name FROM devices WHERE id = ?'),
        };
      } catch {
        names = null;
      }
    }
    return names;
  };
  const parse = <T>(row: { body: string } | undefined): T | undefined => (row ? (JSON.parse(row.body) as T) : undefined);
  const toEvent = (r: { board_id: string; seq: number; op_id: string; actor: string; at: string; payload: string }): BoardEvent => ({
    boardId: r.board_id, seq: r.seq, opId: r.op_id, actor: r.actor, at: r.at, body: JSON.parse(r.payload) as BoardEvent['body'],
  });

  return {
    cadence: (boardId: string): BoardCadence | null => {
      const row = cadenceOf.get(boardId);
      return row ? { cadence: row.cadence, nextMeetingDate: row.next_meeting_date, meetingMinutes: row.meeting_minutes } : null;
    },
    saveCadence: (boardId: string, c: BoardCadence): void => {
      saveCadence.run(boardId, c.cadence, c.nextMeetingDate, c.meetingMinutes);
    },
    meeting: (id: string): Meeting | undefined => parse<Meeting>(meetingById.get(id)),
    running: (boardId: string): Meeting | null => parse<Meeting>(running.get(boardId)) ?? null,
    lastEnded: (boardId: string): Meeting | null => parse<Meeting>(lastEnded.get(boardId)) ?? null,
    meetingsOf: (boardId: string): Meeting[] => meetingsOf.all(boardId).map((r) => JSON.parse(r.body) as Meeting),
    saveMeeting: (m: Meeting): void => {
      saveMeeting.run({ ...m, body: JSON.stringify(m) });
    },
    escalation: (id: string): Escalation | undefined => parse<Escalation>(escalationById.get(id)),
    escalationsOf: (boardId: string): Escalation[] => escalationsOf.all(boardId).map((r) => JSON.parse(r.body) as Escalation),
    saveEscalation: (e: Escalation): void => {
      saveEscalation.run({ ...e, body: JSON.stringify(e) });
      for (const boardId of e.boardIds) linkBoard.run(e.id, boardId);
    },
    /** Every card of a board, archived ones too (the rebuild of a past board needs them). */
    allCards: (boardId: string): Card[] => allCards.all(boardId).map(toCard),
    boardOfUnit: (unitId: string): string | undefined => boardOfUnit.get(unitId)?.id,
    eventsAfter: (boardId: string, at: string): BoardEvent[] => eventsAfter.all(boardId, at).map(toEvent),
    /** The events after `from` up to and including `to`, oldest first. */
    eventsBetween: (boardId: string, from: string, to: string): BoardEvent[] => eventsBetween.all(boardId, from, to).map(toEvent),
    /** A person's or screen's display name for an actor id (`user:…`, `device:…`), else the actor as recorded. */
    displayName: (actor: string): string => {
      const statements = nameStatements();
      const [kind, id] = [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)];
      const row = statements && (kind === 'user' || kind === 'device') ? (statements[kind].get(id) as { name: string } | undefined) : undefined;
      return row?.name ?? actor;
    },
    /** A card's events on its board (its own changes and its escalation's steps), newest first. */
    cardEvents: (boardId: string, cardId: string, limit: number): BoardEvent[] =>
      cardEvents.all(boardId, cardId, cardId, limit).map(toEvent),
    /** The newest events up to `beforeSeq`, newest first. */
    history: (boardId: string, beforeSeq: number, limit: number): BoardEvent[] =>
      history.all(boardId, beforeSeq, limit).map(toEvent),
  };
}
export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
