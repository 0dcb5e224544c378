import { createHash } from 'node:crypto';
import type { BoardEventBody } from '../../../shared/protocol';
import type { Db } from '../../../server/db/open-database';

/**
 * Invariants every reliability test checks on a database file; each returns a list of problems (empty = fine),
 * so a failure says what broke instead of only that something did.
 */
export function integrityProblems(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  return problems;
}

/** Each board's events are seq 1..boards.seq with no gap and no extra. */
export function seqProblems(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.seq, count(e.seq) AS n, coalesce(min(e.seq), 0) AS lo, coalesce(max(e.seq), 0) AS hi
       FROM boards b LEFT JOIN events e ON e.board_id = b.id GROUP BY b.id`,
    )
    .all() as { id: string; seq: number; n: number; lo: number; hi: number }[];
  return rows
    .filter((r) => r.n !== r.seq || r.hi !== r.seq || (r.n > 0 && r.lo !== 1))
    .map((r) => `board ${r.id}: seq ${r.seq} but events ${r.lo}..${r.hi} (${r.n} rows)`);
}

/** Every card sits in one existing column of its own board; live order keys are unique per column. */
export function cardProblems(db: Db): string[] {
  const misplaced = db
    .prepare(
      `SELECT c.id FROM cards c LEFT JOIN columns col ON col.id = c.column_id
       WHERE col.id IS NULL OR col.board_id <> c.board_id`,
    )
    .pluck()
    .all() as string[];
  const duplicates = db
    .prepare(
      `SELECT column_id || ' ' || order_key FROM cards WHERE archived = 0
       GROUP BY column_id, order_key HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
  return [
    ...misplaced.map((id) => `card ${id} is not in a column of its board`),
    ...duplicates.map((d) => `duplicate order key in column: ${d}`),
  ];
}

/** Every opId has one operations row, and its events exist iff the row does (a command commits whole or not). */
export function operationProblems(db: Db): string[] {
  const orphans = db
    .prepare('SELECT DISTINCT e.op_id FROM events e LEFT JOIN operations o ON o.op_id = e.op_id WHERE o.op_id IS NULL')
    .pluck()
    .all() as string[];
  return orphans.map((op) => `events of ${op} without its operations row`);
}

/** The tables agree with the log: each card's and measurement's row is what its last event says it is. */
export function logProblems(db: Db): string[] {
  const problems: string[] = [];
  const last = new Map<string, BoardEventBody>();
  // Within a board seq orders events; a card lives on one board and (in these fixtures) a unit's measurements
  // on one board, so per entity this is its history in order.
  const perBoard = db.prepare('SELECT payload FROM events ORDER BY board_id, seq').pluck().iterate() as Iterable<string>;
  for (const payload of perBoard) {
    const body = JSON.parse(payload) as BoardEventBody;
    if ('card' in body) last.set(`card ${body.card.id}`, body);
    if (body.type === 'measurement.recorded') {
      const m = body.measurement;
      last.set(`m ${m.indicatorId}|${m.unitId}|${m.periodStart}`, body);
    }
  }
  const card = db.prepare('SELECT * FROM cards WHERE id = ?');
  const measurement = db.prepare('SELECT * FROM measurements WHERE indicator_id = ? AND unit_id = ? AND period_start = ?');
  for (const [key, body] of last) {
    if ('card' in body) {
      const row = card.get(body.card.id) as { order_key: string; column_id: string; title: string; archived: number } | undefined;
      const c = body.card;
      if (!row || row.order_key !== c.orderKey || row.column_id !== c.columnId || row.title !== c.title || row.archived !== (c.archived ? 1 : 0)) {
        problems.push(`${key}: row ${JSON.stringify(row)} differs from its last event`);
      }
    } else if (body.type === 'measurement.recorded') {
      const m = body.measurement;
      const row = measurement.get(m.indicatorId, m.unitId, m.periodStart) as { value: number } | undefined;
      if (!row || row.value !== m.value) problems.push(`${key}: row ${JSON.stringify(row)} differs from its last event`);
    }
  }
  return problems;
}

/** All of the above. */
export function allProblems(db: Db): string[] {
  return [...integrityProblems(db), ...seqProblems(db), ...cardProblems(db), ...operationProblems(db), ...logProblems(db)];
}

/** A digest of every row of every table: equal before and after means the database did not change at all. */
export function fingerprint(db: Db): string {
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
