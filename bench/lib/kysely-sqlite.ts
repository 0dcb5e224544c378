// `kysely_sqlite`: what Kysely costs on the SQLite path. The same transaction a card move commits (read the card,
// write it, bump the board's seq, append the event, record the operation) written twice: with hand-written
// better-sqlite3 prepared statements, and with Kysely building and compiling each query per move, run
// synchronously on the same connection through server/store/sqlite.ts (statements cached by SQL text). Measured
// in this process on a copy of the bench database, interleaved, twice: with synchronous=OFF (the CPU each move
// costs, where a query layer's overhead shows undiluted) and with the product's synchronous=FULL (what a
// durable move costs, sync included). A third side compiles each query shape once (preparedQuery) and binds
// new values per move, as a prepared statement does.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Db, openDatabase } from '../../server/db/open-database';
import { SqliteRunner, preparedQuery, sqliteQueryBuilder } from '../../server/store/sqlite';
import { type BenchDatabase, benchTempDir } from './fixture';
import { onCleanup } from './procs';
import { type Entry, entry, interleave, median } from './stats';

type Move = (boardId: string, cardId: string, toColumnId: string) => void;

function rawMove(db: Db, nextKey: () => string): Move {
  const getCard = db.prepare('SELECT * FROM cards WHERE id = ?');
  const saveCard = db.prepare('UPDATE cards SET column_id = ?, order_key = ?, updated_at = ? WHERE id = ?');
  const bump = db.prepare('UPDATE boards SET seq = seq + 1 WHERE id = ? RETURNING seq');
  const append = db.prepare('INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const record = db.prepare('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)');
  const tx = db.transaction((boardId: string, cardId: string, toColumnId: string) => {
    const card = getCard.get(cardId) as Record<string, unknown>;
    const at = new Date().toISOString();
    const orderKey = nextKey();
    saveCard.run(toColumnId, orderKey, at, cardId);
    const { seq } = bump.get(boardId) as { seq: number };
    const opId = `raw-${orderKey}`;
    append.run(boardId, seq, opId, 'Bench', at, 'card.moved', JSON.stringify({ type: 'card.moved', card: { ...card, column_id: toColumnId, order_key: orderKey }, from: { columnId: card.column_id, orderKey: card.order_key } }));
    record.run(opId, boardId, 'card:move', 'Bench', at);
  });
  return (...args) => tx.immediate(...args);
}

function kyselyMove(db: Db, nextKey: () => string): Move {
  const q = sqliteQueryBuilder();
  const run = new SqliteRunner(db);
  const tx = db.transaction((boardId: string, cardId: string, toColumnId: string) => {
    const card = run.first(q.selectFrom('cards').selectAll().where('id', '=', cardId).compile())!;
    const at = new Date().toISOString();
    const orderKey = nextKey();
    run.run(q.updateTable('cards').set({ column_id: toColumnId, order_key: orderKey, updated_at: at }).where('id', '=', cardId).compile());
    const { seq } = run.first(q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', boardId).returning('seq').compile())!;
    const opId = `kysely-${orderKey}`;
    const payload = JSON.stringify({ type: 'card.moved', card: { ...card, column_id: toColumnId, order_key: orderKey }, from: { columnId: card.column_id, orderKey: card.order_key } });
    run.run(q.insertInto('events').values({ board_id: boardId, seq, op_id: opId, actor: 'Bench', at, type: 'card.moved', payload }).compile());
    run.run(q.insertInto('operations').values({ op_id: opId, board_id: boardId, command: 'card:move', actor: 'Bench', at }).compile());
  });
  return (...args) => tx.immediate(...args);
}

/** The same five queries as shapes compiled once (preparedQuery), bound anew per move. */
function preparedMove(db: Db, nextKey: () => string): Move {
  const q = sqliteQueryBuilder();
  const run = new SqliteRunner(db);
  const getCard = preparedQuery(['id'], (p: { id: string }) => q.selectFrom('cards').selectAll().where('id', '=', p.id));
  const saveCard = preparedQuery(['id', 'column', 'key', 'at'], (p: { id: string; column: string; key: string; at: string }) =>
    q.updateTable('cards').set({ column_id: p.column, order_key: p.key, updated_at: p.at }).where('id', '=', p.id));
  const bump = preparedQuery(['id'], (p: { id: string }) => q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', p.id).returning('seq'));
  const append = preparedQuery(['board', 'seq', 'op', 'at', 'payload'], (p: { board: string; seq: number; op: string; at: string; payload: string }) =>
    q.insertInto('events').values({ board_id: p.board, seq: p.seq, op_id: p.op, actor: 'Bench', at: p.at, type: 'card.moved', payload: p.payload }));
  const record = preparedQuery(['op', 'board', 'at'], (p: { op: string; board: string; at: string }) =>
    q.insertInto('operations').values({ op_id: p.op, board_id: p.board, command: 'card:move', actor: 'Bench', at: p.at }));
  const tx = db.transaction((boardId: string, cardId: string, toColumnId: string) => {
    const card = run.first(getCard({ id: cardId }))!;
    const at = new Date().toISOString();
    const orderKey = nextKey();
    run.run(saveCard({ id: cardId, column: toColumnId, key: orderKey, at }));
    const { seq } = run.first(bump({ id: boardId }))!;
    const opId = `prepared-${orderKey}`;
    const payload = JSON.stringify({ type: 'card.moved', card: { ...card, column_id: toColumnId, order_key: orderKey }, from: { columnId: card.column_id, orderKey: card.order_key } });
    run.run(append({ board: boardId, seq, op: opId, at, payload }));
    run.run(record({ op: opId, board: boardId, at }));
  });
  return (...args) => tx.immediate(...args);
}

export async function kyselySqliteBench(source: BenchDatabase, reps: number, durationMs: number): Promise<Entry[]> {
  const dir = benchTempDir('kysely');
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'kaskade.db');
  copyFileSync(source.path, path);
  const db = openDatabase(path);
  try {
    const { id: boardId, columns, cards } = source.moveBoard;
    // Order keys unique among a column's live cards: one counter for both sides, a prefix each.
    let counter = 0;
    const key = (prefix: string) => () => `${prefix}${String(++counter).padStart(9, '0')}`;
    const sides = { raw: rawMove(db, key('q')), kysely: kyselyMove(db, key('k')), prepared: preparedMove(db, key('p')) };
    /** Microseconds per move over `ms` of moves. */
    const measure = (move: Move, ms: number) => async () => {
      const start = performance.now();
      let moves = 0;
      while (performance.now() - start < ms) {
        move(boardId, cards[moves % cards.length]!, columns[moves % 2]!);
        moves++;
      }
      const us = ((performance.now() - start) * 1000) / moves;
      await new Promise((r) => setImmediate(r));
      return us;
    };
    const results: Entry[] = [];
    for (const [label, sync] of [['cpu', 'OFF'], ['durable', 'FULL']] as const) {
      db.pragma(`synchronous = ${sync}`);
      // Warm both (JIT, statement caches, page cache) before the clock counts.
      await measure(sides.raw, durationMs / 3)();
      await measure(sides.kysely, durationMs / 3)();
      const { a, b } = await interleave(reps, measure(sides.kysely, durationMs), measure(sides.raw, durationMs));
      const name = label === 'cpu' ? 'kysely_sqlite_cpu_ratio' : 'kysely_sqlite_durable_ratio';
      const note = label === 'cpu'
        ? `synchronous=OFF: the CPU of one move; Kysely ${median(a).toFixed(1)} µs vs raw ${median(b).toFixed(1)} µs, +${(median(a) - median(b)).toFixed(1)} µs per move (5 queries built and compiled)`
        : `synchronous=FULL as in the product: ${(1e6 / median(a)).toFixed(0)} vs ${(1e6 / median(b)).toFixed(0)} moves/s, one transaction per move`;
      results.push(entry(name, median(a), median(b), 'µs/move', { maxRatio: label === 'cpu' ? 2 : 1.1 }, note));
      if (label === 'cpu') {
        await measure(sides.prepared, durationMs / 3)();
        const p = await interleave(reps, measure(sides.prepared, durationMs), measure(sides.raw, durationMs));
        results.push(entry('kysely_sqlite_prepared_cpu_ratio', median(p.a), median(p.b), 'µs/move', { maxRatio: 1.1 },
          `synchronous=OFF, the five queries compiled once (preparedQuery): ${median(p.a).toFixed(1)} vs ${median(p.b).toFixed(1)} µs`));
      }
    }
    return results;
  } finally {
    db.close();
    cleanup();
  }
}
