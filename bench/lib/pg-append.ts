// `pg_append`: what Kysely costs on the PostgreSQL path. The transaction a card move commits on PostgreSQL (claim
// the opId with ON CONFLICT DO NOTHING, write the card, bump the board's seq with RETURNING, append the event) run
// through server/store/board-log-postgres.ts (Kysely over a pg pool) against the same statements sent straight
// through a pg pool, both as named prepared statements. 8 writers on the same board per side (their own pool of 8),
// as moves from one room would be; each side on a database of its own, created and dropped by the bench, on the
// machine's PostgreSQL.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { projectRoot } from '../../server/config';
import { appendOperation } from '../../server/store/board-log-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { preparedQuery } from '../../server/store/prepared';
import { createPool, postgresKysely } from '../../server/store/postgres';
import { createTestDatabase } from '../../tests/support/postgres';
import { inRawTransaction } from './raw-pg';
import { type Entry, entry, interleave, median } from './stats';

const WRITERS = 8;
const CARDS = 16;

async function prepare(pool: pg.Pool): Promise<void> {
  await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
  const now = new Date().toISOString();
  await pool.query(`INSERT INTO layers (id, rank, name) VALUES ('l0', 0, 'Region');
    INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('u0', NULL, 'l0', 'Region');
    INSERT INTO boards (id, unit_id, name, created_at) VALUES ('b0', 'u0', 'Tavle', '${now}');
    INSERT INTO columns (id, board_id, name, order_key) VALUES ('c0', 'b0', 'Nye', 'a0'), ('c1', 'b0', 'I gang', 'a1');`);
  for (let i = 0; i < CARDS; i++) {
    await pool.query(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, created_at, updated_at)
      VALUES ($1, 'b0', 'c0', $2, 'action', $3, $4, $4)`, [`card-${i}`, `y${String(i).padStart(4, '0')}`, `Kort ${i}`, now]);
  }
}

type Move = (n: number) => Promise<void>;

function rawMove(pool: pg.Pool): Move {
  return async (n) => {
    const at = new Date().toISOString();
    const opId = `raw-${n}`;
    const key = `r${String(n).padStart(9, '0')}`;
    await inRawTransaction(pool, async (client) => {
      const claimed = await client.query({ name: 'raw-append-1', text: 'INSERT INTO operations (op_id, board_id, command, actor, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (op_id) DO NOTHING RETURNING op_id', values: [opId, 'b0', 'card:move', 'Bench', at] });
      if (claimed.rowCount === 1) {
        await client.query({ name: 'raw-append-2', text: 'UPDATE cards SET column_id = $1, order_key = $2, updated_at = $3 WHERE id = $4', values: [`c${n % 2}`, key, at, `card-${n % CARDS}`] });
        const { rows } = await client.query<{ seq: number }>({ name: 'raw-append-3', text: 'UPDATE boards SET seq = seq + $1 WHERE id = $2 RETURNING seq', values: [1, 'b0'] });
        await client.query({ name: 'raw-append-4', text: 'INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)', values: ['b0', rows[0]!.seq, opId, 'Bench', at, 'card.moved', JSON.stringify({ n, key })] });
      }
    });
  };
}

function kyselyMove(pool: pg.Pool): Move {
  const db = postgresKysely(pool);
  // The card's write as the server writes a move: a query shape, compiled once and run as a prepared statement.
  const place = preparedQuery(['columnId', 'orderKey', 'at', 'id'], (p: { columnId: string; orderKey: string; at: string; id: string }) =>
    db.updateTable('cards').set({ column_id: p.columnId, order_key: p.orderKey, updated_at: p.at }).where('id', '=', p.id));
  return async (n) => {
    const at = new Date().toISOString();
    const key = `k${String(n).padStart(9, '0')}`;
    await appendOperation(
      db,
      { opId: `kysely-${n}`, command: 'card:move', originBoardId: 'b0', actor: 'Bench', at, events: [{ boardId: 'b0', type: 'card.moved', payload: JSON.stringify({ n, key }) }] },
      async (trx) => {
        await trx.executeQuery(place({ columnId: `c${n % 2}`, orderKey: key, at, id: `card-${n % CARDS}` }));
      },
    );
  };
}

export async function pgAppendBench(reps: number, durationMs: number): Promise<Entry[]> {
  const dbs = [await createTestDatabase(), await createTestDatabase()];
  const pools = dbs.map((d) => createPool(d.url, { max: WRITERS, applicationName: 'kaskade-bench' }));
  try {
    await Promise.all(pools.map(prepare));
    let counter = 0;
    /** This process's CPU (user + system) per move, per side: what the client side of each costs. */
    const cpu = new Map<Move, number[]>();
    /** Moves per second with WRITERS concurrent writers for `ms`. */
    const measure = (move: Move, ms: number) => async () => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      let moves = 0;
      await Promise.all(Array.from({ length: WRITERS }, async () => {
        while (performance.now() - start < ms) {
          await move(++counter);
          moves++;
        }
      }));
      const used = process.cpuUsage(cpuStart);
      cpu.set(move, [...(cpu.get(move) ?? []), (used.user + used.system) / moves]);
      return moves / ((performance.now() - start) / 1000);
    };
    const raw = rawMove(pools[0]!);
    const kysely = kyselyMove(pools[1]!);
    await measure(raw, durationMs / 3)();
    await measure(kysely, durationMs / 3)();
    cpu.clear();
    const { a, b } = await interleave(reps, measure(kysely, durationMs), measure(raw, durationMs));
    const cpuK = median(cpu.get(kysely)!);
    const cpuR = median(cpu.get(raw)!);
    return [entry('pg_append_ratio', median(a), median(b), 'moves/s', { minRatio: 0.9 },
      `${WRITERS} writers on one board, one transaction per move, synchronous_commit=on: Kysely (appendOperation) ${median(a).toFixed(0)} vs raw pg ${median(b).toFixed(0)} moves/s; client CPU per move ${cpuK.toFixed(0)} vs ${cpuR.toFixed(0)} µs`)];
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await Promise.all(dbs.map((d) => d.drop()));
  }
}
