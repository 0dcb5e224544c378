import { sql } from 'kysely';
import { type BoardEvent, BoardEventBody } from '../../shared/protocol';
import { type Executor, queryShape } from '../store';
import type { EventsTable } from '../store/schema';

type EventRow = EventsTable;

// The payload column holds the event body as written by `append`, so reading it back needs no re-validation.
export const toEvent = (r: EventRow): BoardEvent => ({
  boardId: r.board_id,
  seq: r.seq,
  opId: r.op_id,
  actor: r.actor,
  at: r.at,
  body: JSON.parse(r.payload) as BoardEventBody,
});

const insert = queryShape(
  ['boardId', 'seq', 'opId', 'actor', 'at', 'type', 'payload'],
  (q, p: { boardId: string; seq: number; opId: string; actor: string; at: string; type: string; payload: string }) =>
    q.insertInto('events').values({ board_id: p.boardId, seq: p.seq, op_id: p.opId, actor: p.actor, at: p.at, type: p.type, payload: p.payload }),
);
// A board's seqs run without gaps, so "at most `limit`" is a range: a bound LIMIT would make SQLite compile the
// statement again on every join (see cards-repository.ts).
const since = queryShape(['boardId', 'from', 'to'], (q, p: { boardId: string; from: number; to: number }) =>
  q.selectFrom('events').selectAll().where('board_id', '=', p.boardId).where('seq', '>', p.from).where('seq', '<=', p.to).orderBy('seq'));
const byOp = queryShape(['opId'], (q, p: { opId: string }) =>
  q.selectFrom('events').selectAll().where('op_id', '=', p.opId).orderBy('board_id').orderBy('seq'));
const operation = queryShape(['opId'], (q, p: { opId: string }) =>
  q.selectFrom('operations').select(['board_id', 'command']).where('op_id', '=', p.opId));
// How far back an undo looks: a person's last change lies in a board's recent past.
const cardChanges = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q
    .selectFrom('events as e')
    .innerJoin('operations as o', 'o.op_id', 'e.op_id')
    .selectAll('e')
    .select('o.command')
    .where('e.board_id', '=', p.boardId)
    .where('e.type', 'in', ['card.created', 'card.updated', 'card.moved', 'card.archived', 'card.restored'])
    .orderBy('e.seq', 'desc')
    .limit(sql.lit(500)));
const recordOperation = queryShape(
  ['opId', 'boardId', 'command', 'actor', 'at'],
  (q, p: { opId: string; boardId: string; command: string; actor: string; at: string }) =>
    q.insertInto('operations').values({ op_id: p.opId, board_id: p.boardId, command: p.command, actor: p.actor, at: p.at }),
);

// PostgreSQL: a group commit's log rows and opId lookup with each column as one array parameter (unnest, ANY), so each
// is one statement text whatever the number of rows, prepared once (server/store/named-statements.ts).
const appendEvents = queryShape(
  ['boardIds', 'seqs', 'opIds', 'actors', 'ats', 'types', 'payloads'],
  (_q, p: { boardIds: readonly string[]; seqs: readonly number[]; opIds: readonly string[]; actors: readonly string[]; ats: readonly string[]; types: readonly string[]; payloads: readonly string[] }) =>
    sql`INSERT INTO events (board_id, seq, op_id, actor, at, type, payload)
      SELECT * FROM unnest(${p.boardIds}::text[], ${p.seqs}::bigint[], ${p.opIds}::text[], ${p.actors}::text[], ${p.ats}::text[], ${p.types}::text[], ${p.payloads}::text[])`,
);
const recordOperationRows = queryShape(
  ['opIds', 'boardIds', 'commands', 'actors', 'ats'],
  (_q, p: { opIds: readonly string[]; boardIds: readonly string[]; commands: readonly string[]; actors: readonly string[]; ats: readonly string[] }) =>
    sql`INSERT INTO operations (op_id, board_id, command, actor, at)
      SELECT * FROM unnest(${p.opIds}::text[], ${p.boardIds}::text[], ${p.commands}::text[], ${p.actors}::text[], ${p.ats}::text[])`,
);
const appliedAmong = queryShape(['opIds'], (q, p: { opIds: readonly string[] }) =>
  q.selectFrom('operations').select(['op_id', 'board_id', 'command']).where('op_id', '=', sql<string>`ANY(${p.opIds}::text[])`));

/** Rows per multi-row INSERT: well within both engines' bound-parameter limits (SQLite's 32,766) at 7 a row. */
const ROWS_PER_INSERT = 500;
const chunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_, i) => rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT));

/** An applied operation's row. */
export interface OperationRow {
  opId: string;
  boardId: string;
  command: string;
  actor: string;
  at: string;
}

/** The append-only board event log and the record of applied operations that makes retries idempotent. */
export function eventsRepository(ex: Executor) {
  return {
    append: async (event: BoardEvent): Promise<void> => {
      await ex.run(insert(ex, {
        boardId: event.boardId, seq: event.seq, opId: event.opId, actor: event.actor, at: event.at,
        type: event.body.type, payload: JSON.stringify(event.body),
      }));
    },
    /** Several events in one statement (on SQLite per ROWS_PER_INSERT), as a group commit writes those it held back. */
    appendAll: async (events: readonly BoardEvent[]): Promise<void> => {
      if (events.length === 0) return;
      if (ex.engine === 'postgres') {
        await ex.run(appendEvents(ex, {
          boardIds: events.map((e) => e.boardId), seqs: events.map((e) => e.seq), opIds: events.map((e) => e.opId), actors: events.map((e) => e.actor),
          ats: events.map((e) => e.at), types: events.map((e) => e.body.type), payloads: events.map((e) => JSON.stringify(e.body)),
        }));
        return;
      }
      for (const rows of chunks(events)) {
        await ex.run(ex.q.insertInto('events').values(rows.map((e) => ({
          board_id: e.boardId, seq: e.seq, op_id: e.opId, actor: e.actor, at: e.at, type: e.body.type, payload: JSON.stringify(e.body),
        }))));
      }
    },
    /** Several operations in one statement (on SQLite per ROWS_PER_INSERT); an opId already recorded fails the statement. */
    recordOperations: async (operations: readonly OperationRow[]): Promise<void> => {
      if (operations.length === 0) return;
      if (ex.engine === 'postgres') {
        await ex.run(recordOperationRows(ex, {
          opIds: operations.map((o) => o.opId), boardIds: operations.map((o) => o.boardId), commands: operations.map((o) => o.command),
          actors: operations.map((o) => o.actor), ats: operations.map((o) => o.at),
        }));
        return;
      }
      for (const rows of chunks(operations)) {
        await ex.run(ex.q.insertInto('operations').values(rows.map((o) => ({ op_id: o.opId, board_id: o.boardId, command: o.command, actor: o.actor, at: o.at }))));
      }
    },
    /** Events after `seq`, oldest first, at most `limit`. */
    since: async (boardId: string, seq: number, limit: number): Promise<BoardEvent[]> =>
      (await ex.all(since(ex, { boardId, from: seq, to: seq + limit }))).map(toEvent),
    byOperation: async (opId: string): Promise<BoardEvent[]> => (await ex.all(byOp(ex, { opId }))).map(toEvent),
    operation: (opId: string): Promise<{ board_id: string; command: string } | undefined> => ex.first(operation(ex, { opId })),
    /** Of these opIds, those already applied, with what they were applied as (a group commit asks once for all). */
    operations: async (opIds: readonly string[]): Promise<Map<string, { board_id: string; command: string }>> => {
      if (opIds.length === 0) return new Map();
      const wanted = [...new Set(opIds)];
      const query = ex.engine === 'postgres' ? appliedAmong(ex, { opIds: wanted }) : ex.q.selectFrom('operations').select(['op_id', 'board_id', 'command']).where('op_id', 'in', wanted);
      return new Map((await ex.all(query)).map((r) => [r.op_id, { board_id: r.board_id, command: r.command }]));
    },
    /** The board's recent card changes, newest first, each with the command that made it (an undo or not). */
    cardChanges: async (boardId: string): Promise<{ event: BoardEvent; command: string }[]> =>
      (await ex.all(cardChanges(ex, { boardId }))).map((r) => ({ event: toEvent(r), command: r.command })),
    recordOperation: async (opId: string, boardId: string, command: string, actor: string, at: string): Promise<void> => {
      await ex.run(recordOperation(ex, { opId, boardId, command, actor, at }));
    },
  };
}
export type EventsRepository = ReturnType<typeof eventsRepository>;
