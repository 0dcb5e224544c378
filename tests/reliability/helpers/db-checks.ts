import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { BoardEventBody } from '../../../shared/protocol';
import type { Db } from '../../../server/db/open-database';
import type { Executor, Store } from '../../../server/store';

/**
 * Invariants every reliability test checks on the database, on either engine; each returns a list of problems
 * (empty = fine), so a failure says what broke instead of only that something did.
 */
export async function integrityProblems(store: Store): Promise<string[]> {
  // PostgreSQL checks its pages and enforces every foreign key as it writes; SQLite is asked.
  if (store.engine !== 'sqlite') return [];
  const db = store.sqlite;
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  return problems;
}

/** Each board's events are seq 1..boards.seq with no gap and no extra. */
export async function seqProblems(store: Executor): Promise<string[]> {
  const rows = (
    await store.all(
      sql<{ id: string; seq: number | string; n: number | string; lo: number | string; hi: number | string }>`
       SELECT b.id, b.seq, count(e.seq) AS n, coalesce(min(e.seq), 0) AS lo, coalesce(max(e.seq), 0) AS hi
       FROM boards b LEFT JOIN events e ON e.board_id = b.id GROUP BY b.id, b.seq`,
    )
  ).map((r) => ({ id: r.id, seq: Number(r.seq), n: Number(r.n), lo: Number(r.lo), hi: Number(r.hi) }));
  return rows
    .filter((r) => r.n !== r.seq || r.hi !== r.seq || (r.n > 0 && r.lo !== 1))
    .map((r) => `board ${r.id}: seq ${r.seq} but events ${r.lo}..${r.hi} (${r.n} rows)`);
}

/** Every card sits in one existing column of its own board; live order keys are unique per column. */
export async function cardProblems(store: Executor): Promise<string[]> {
  const misplaced = await store.all(
    sql<{ id: string }>`SELECT c.id FROM cards c LEFT JOIN columns col ON col.id = c.column_id
       WHERE col.id IS NULL OR col.board_id <> c.board_id`,
  );
  const duplicates = await store.all(
    sql<{ d: string }>`SELECT column_id || ' ' || order_key AS d FROM cards WHERE archived = 0
       GROUP BY column_id, order_key HAVING count(*) > 1`,
  );
  return [
    ...misplaced.map((r) => `card ${r.id} is not in a column of its board`),
    ...duplicates.map((r) => `duplicate order key in column: ${r.d}`),
  ];
}

/** Every opId has one operations row, and its events exist iff the row does (a command commits whole or not). */
export async function operationProblems(store: Executor): Promise<string[]> {
  const orphans = await store.all(
    sql<{ op_id: string }>`SELECT DISTINCT e.op_id FROM events e LEFT JOIN operations o ON o.op_id = e.op_id WHERE o.op_id IS NULL`,
  );
  return orphans.map((r) => `events of ${r.op_id} without its operations row`);
}

/** The tables agree with the log: each card's and measurement's row is what its last event says it is. */
export async function logProblems(store: Executor): Promise<string[]> {
  const problems: string[] = [];
  const last = new Map<string, BoardEventBody>();
  // Within a board seq orders events; a card lives on one board and (in these fixtures) a unit's measurements
  // on one board, so per entity this is its history in order.
  const perBoard = await store.all(sql<{ payload: string }>`SELECT payload FROM events ORDER BY board_id, seq`);
  for (const { payload } of perBoard) {
    const body = (typeof payload === 'string' ? JSON.parse(payload) : payload) as BoardEventBody;
    if ('card' in body) last.set(`card ${body.card.id}`, body);
    if (body.type === 'measurement.recorded') {
      const m = body.measurement;
      last.set(`m ${m.indicatorId}|${m.unitId}|${m.periodStart}`, body);
    }
  }
  for (const [key, body] of last) {
    if ('card' in body) {
      const row = await store.first(
        sql<{ order_key: string; column_id: string; title: string; archived: number }>`SELECT * FROM cards WHERE id = ${body.card.id}`,
      );
      const c = body.card;
      if (!row || row.order_key !== c.orderKey || row.column_id !== c.columnId || row.title !== c.title || Number(row.archived) !== (c.archived ? 1 : 0)) {
        problems.push(`${key}: row ${JSON.stringify(row)} differs from its last event`);
      }
    } else if (body.type === 'measurement.recorded') {
      const m = body.measurement;
      const row = await store.first(
        sql<{ value: number }>`SELECT * FROM measurements WHERE indicator_id = ${m.indicatorId} AND unit_id = ${m.unitId} AND period_start = ${m.periodStart}`,
      );
      if (!row || Number(row.value) !== m.value) problems.push(`${key}: row ${JSON.stringify(row)} differs from its last event`);
    }
  }
  return problems;
}

/** All of the above. */
export async function allProblems(store: Store): Promise<string[]> {
  return [
    ...(await integrityProblems(store)),
    ...(await seqProblems(store)),
    ...(await cardProblems(store)),
    ...(await operationProblems(store)),
    ...(await logProblems(store)),
  ];
}

/** A digest of every row of every table: equal before and after means the database did not change at all. */
export async function fingerprint(store: Store): Promise<string> {
  if (store.engine === 'sqlite') return sqliteFingerprint(store.sqlite);
  const hash = createHash('sha256');
  const tables = await store.all(
    sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { name } of tables) {
    hash.update(name);
    // Ordered by every column: a total order whatever the table's key.
    const rows = await store.all(sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)} AS t ORDER BY t::text`);
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function sqliteFingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(table);
    // WITHOUT ROWID tables have no rowid: order them by every column, which their primary key makes unique.
    const withoutRowid = /WITHOUT\s+ROWID/i.test(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string);
    const order = withoutRowid ? db.prepare(`SELECT count(*) FROM pragma_table_info('${table}')`).pluck().get() as number : 0;
    const by = withoutRowid ? Array.from({ length: order }, (_, i) => i + 1).join(', ') : 'rowid';
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${by}`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** A board's seq as committed. */
export async function boardSeq(store: Executor, boardId: string): Promise<number> {
  const row = await store.first(sql<{ seq: number | string }>`SELECT seq FROM boards WHERE id = ${boardId}`);
  return Number(row?.seq ?? -1);
}

/** The number a `SELECT count(*) …` answers (PostgreSQL's bigint comes back as text). */
export async function countOf(store: Executor, query: ReturnType<typeof sql<{ n: number | string }>>): Promise<number> {
  return Number((await store.first(query))?.n ?? 0);
}
