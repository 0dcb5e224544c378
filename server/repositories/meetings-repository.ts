import { type Kysely, sql } from 'kysely';
import type { BoardEvent } from '../../shared/protocol';
import type { BoardCadence, Card, Escalation, Meeting } from '../../shared/schemas';
import { type Database, type Executor, type Engine, queryShape } from '../store';
import { toEvent } from './events-repository';
import { toCard } from './rows';

const cadenceOf = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('board_cadences').selectAll().where('board_id', '=', p.boardId));
const meetingById = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('meetings').select('body').where('id', '=', p.id));
// The status is a literal, not a bound parameter: a bound one would make SQLite plan with its value (for the partial
// index meetings_one_running) and so prepare the statement again on every run.
const running = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('meetings').select('body').where('board_id', '=', p.boardId).where('status', '=', sql.lit('running')));
const lastEnded = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('meetings').select('body').where('board_id', '=', p.boardId).where('status', '=', 'ended')
    .orderBy('ended_at', 'desc').limit(sql.lit(1)));
const escalationById = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('escalations').select('body').where('id', '=', p.id));
const escalationsOf = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('escalations as e').innerJoin('escalation_boards as eb', 'eb.escalation_id', 'e.id').select('e.body')
    .where('eb.board_id', '=', p.boardId).orderBy('e.due_date').orderBy('e.id'));
const linkBoard = queryShape(['escalationId', 'boardId'], (q, p: { escalationId: string; boardId: string }) =>
  q.insertInto('escalation_boards').values({ escalation_id: p.escalationId, board_id: p.boardId }).onConflict((oc) => oc.doNothing()));
const userName = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('users').select('display_name as name').where('id', '=', p.id));
const deviceName = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('devices').select('name').where('id', '=', p.id));

/** The text of a field inside an event's JSON payload: the engines spell it differently. */
const payloadField = (engine: Engine, path: readonly [string, string]) =>
  engine === 'postgres'
    ? sql<string>`(CAST(payload AS jsonb) -> ${sql.lit(path[0])} ->> ${sql.lit(path[1])})`
    : sql<string>`json_extract(payload, ${sql.lit(`$.${path[0]}.${path[1]}`)})`;
const eventsOfCard = (q: Kysely<Database>, engine: Engine, p: { boardId: string; cardId: string; limit: number }) =>
  q.selectFrom('events').selectAll().where('board_id', '=', p.boardId)
    .where((eb) => eb.or([eb(payloadField(engine, ['card', 'id']), '=', p.cardId), eb(payloadField(engine, ['escalation', 'cardId']), '=', p.cardId)]))
    .orderBy('seq', 'desc').limit(p.limit);

const parse = <T>(row: { body: string } | undefined): T | undefined => (row ? (JSON.parse(row.body) as T) : undefined);

/** Cadences, meetings and escalations (entities stored whole as their last event carried them). */
export function meetingsRepository(ex: Executor) {
  return {
    cadence: async (boardId: string): Promise<BoardCadence | null> => {
      const row = await ex.first(cadenceOf(ex, { boardId }));
      return row ? { cadence: row.cadence, nextMeetingDate: row.next_meeting_date, meetingMinutes: row.meeting_minutes } : null;
    },
    saveCadence: async (boardId: string, c: BoardCadence): Promise<void> => {
      await ex.run(ex.q.insertInto('board_cadences')
        .values({ board_id: boardId, cadence: c.cadence, next_meeting_date: c.nextMeetingDate, meeting_minutes: c.meetingMinutes })
        .onConflict((oc) => oc.column('board_id').doUpdateSet((eb) => ({
          cadence: eb.ref('excluded.cadence'),
          next_meeting_date: eb.ref('excluded.next_meeting_date'),
          meeting_minutes: eb.ref('excluded.meeting_minutes'),
        }))));
    },
    meeting: async (id: string): Promise<Meeting | undefined> => parse<Meeting>(await ex.first(meetingById(ex, { id }))),
    running: async (boardId: string): Promise<Meeting | null> => parse<Meeting>(await ex.first(running(ex, { boardId }))) ?? null,
    lastEnded: async (boardId: string): Promise<Meeting | null> => parse<Meeting>(await ex.first(lastEnded(ex, { boardId }))) ?? null,
    meetingsOf: async (boardId: string): Promise<Meeting[]> =>
      (await ex.all(ex.q.selectFrom('meetings').select('body').where('board_id', '=', boardId).orderBy('started_at', 'desc')))
        .map((r) => JSON.parse(r.body) as Meeting),
    saveMeeting: async (m: Meeting): Promise<void> => {
      await ex.run(ex.q.insertInto('meetings')
        .values({ id: m.id, board_id: m.boardId, status: m.status, started_at: m.startedAt, ended_at: m.endedAt, body: JSON.stringify(m) })
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          ended_at: eb.ref('excluded.ended_at'),
          body: eb.ref('excluded.body'),
        }))));
    },
    escalation: async (id: string): Promise<Escalation | undefined> => parse<Escalation>(await ex.first(escalationById(ex, { id }))),
    escalationsOf: async (boardId: string): Promise<Escalation[]> =>
      (await ex.all(escalationsOf(ex, { boardId }))).map((r) => JSON.parse(r.body) as Escalation),
    saveEscalation: async (e: Escalation): Promise<void> => {
      await ex.run(ex.q.insertInto('escalations')
        .values({
          id: e.id, card_id: e.cardId, holder_board_id: e.holderBoardId, status: e.status, due_date: e.dueDate,
          updated_at: e.updatedAt, body: JSON.stringify(e),
        })
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
          holder_board_id: eb.ref('excluded.holder_board_id'),
          status: eb.ref('excluded.status'),
          due_date: eb.ref('excluded.due_date'),
          updated_at: eb.ref('excluded.updated_at'),
          body: eb.ref('excluded.body'),
        }))));
      for (const boardId of e.boardIds) await ex.run(linkBoard(ex, { escalationId: e.id, boardId }));
    },
    /** Every card of a board, archived ones too (the rebuild of a past board needs them). */
    allCards: async (boardId: string): Promise<Card[]> =>
      (await ex.all(ex.q.selectFrom('cards').selectAll().where('board_id', '=', boardId))).map(toCard),
    boardOfUnit: async (unitId: string): Promise<string | undefined> =>
      (await ex.first(ex.q.selectFrom('boards').select('id').where('unit_id', '=', unitId).orderBy('created_at').orderBy('id').limit(sql.lit(1))))?.id,
    eventsAfter: async (boardId: string, at: string): Promise<BoardEvent[]> =>
      (await ex.all(ex.q.selectFrom('events').selectAll().where('board_id', '=', boardId).where('at', '>', at).orderBy('seq'))).map(toEvent),
    /** The events after `from` up to and including `to`, oldest first. */
    eventsBetween: async (boardId: string, from: string, to: string): Promise<BoardEvent[]> =>
      (await ex.all(ex.q.selectFrom('events').selectAll().where('board_id', '=', boardId).where('at', '>', from).where('at', '<=', to)
        .orderBy('seq'))).map(toEvent),
    /**
     * A person's or screen's display name for an actor id (`user:…`, `device:…`), else the actor as recorded. The
     * accounts tables come with an earlier migration than the meetings', so they are always there to ask.
     */
    displayName: async (actor: string): Promise<string> => {
      const colon = actor.indexOf(':');
      const [kind, id] = [actor.slice(0, colon), actor.slice(colon + 1)];
      const shape = kind === 'user' ? userName : kind === 'device' ? deviceName : null;
      const row = shape ? await ex.first(shape(ex, { id })) : undefined;
      return row?.name ?? actor;
    },
    /** A card's events on its board (its own changes and its escalation's steps), newest first. */
    cardEvents: async (boardId: string, cardId: string, limit: number): Promise<BoardEvent[]> =>
      (await ex.all(eventsOfCard(ex.q, ex.engine, { boardId, cardId, limit }))).map(toEvent),
    /** The newest events up to `beforeSeq`, newest first. */
    history: async (boardId: string, beforeSeq: number, limit: number): Promise<BoardEvent[]> =>
      (await ex.all(ex.q.selectFrom('events').selectAll().where('board_id', '=', boardId).where('seq', '<=', beforeSeq)
        .orderBy('seq', 'desc').limit(limit))).map(toEvent),
  };
}
export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
