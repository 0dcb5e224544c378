// Where one PostgreSQL tops out on this machine (issue 22): a short ramp of concurrent writers, each committing the
// transaction a card move commits (raw-moves-pg.ts's statements, synchronous_commit=on, one transaction per move),
// on one board (every writer queues on that board's seq row) and on a board each (no shared row). Run:
// npx tsx bench/pg-limit.ts (the machine's PostgreSQL, as for the tests). Findings: bench/FINDINGS.md, "The limit
// of one PostgreSQL".
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { projectRoot } from '../server/config';
import { migratePostgres } from '../server/store/migrate-postgres';
import { createTestDatabase } from '../tests/support/postgres';

const STEPS = [1, 4, 16, 64];
const STEP_MS = Number(process.env.STEP_MS ?? 4000);
const BOARDS = Math.max(...STEPS);

const target = await createTestDatabase();
const pool = new pg.Pool({ connectionString: target.url, max: BOARDS + 2 });
try {
  await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
  const now = new Date().toISOString();
  await pool.query(`INSERT INTO layers (id, rank, name) VALUES ('l0', 0, 'Region');
    INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('u0', NULL, 'l0', 'Region')`);
  for (let b = 0; b < BOARDS; b++) {
    await pool.query(`INSERT INTO boards (id, unit_id, name, created_at) VALUES ($1, 'u0', $1, $2)`, [`b${b}`, now]);
    await pool.query(`INSERT INTO columns (id, board_id, name, order_key) VALUES ($1, $2, 'Nye', 'a0'), ($3, $2, 'I gang', 'a1')`, [`b${b}-c0`, `b${b}`, `b${b}-c1`]);
    for (let c = 0; c < BOARDS; c++) {
      await pool.query(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, created_at, updated_at) VALUES ($1, $2, $3, $4, 'action', 'Kort', $5, $5)`, [`b${b}-k${c}`, `b${b}`, `b${b}-c0`, `y${c}`, now]);
    }
  }
  let counter = 0;
  const move = async (board: number, card: number, n: number) => {
    const client = await pool.connect();
    try {
      const at = new Date().toISOString();
      const k = ++counter;
      const opId = `limit-${k}`;
      const boardId = `b${board}`;
      const cardId = `${boardId}-k${card}`;
      await client.query('BEGIN');
      await client.query('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (op_id) DO NOTHING RETURNING op_id', [opId, boardId, 'card:move', 'Bench', at]);
      const { rows: [c] } = await client.query<Record<string, unknown>>('SELECT * FROM cards WHERE id = $1', [cardId]);
      await client.query('UPDATE cards SET column_id = $1, order_key = $2, updated_at = $3 WHERE id = $4', [`${boardId}-c${n % 2}`, `r${k}`, at, cardId]);
      const { rows: [head] } = await client.query<{ seq: string }>('UPDATE boards SET seq = seq + 1 WHERE id = $1 RETURNING seq', [boardId]);
      await client.query('INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)', [boardId, head!.seq, opId, 'Bench', at, 'card.moved', JSON.stringify({ card: c })]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  const step = async (writers: number, oneBoard: boolean) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    let moves = 0;
    await Promise.all(Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; performance.now() - start < STEP_MS; n++) {
        await move(oneBoard ? 0 : w, oneBoard ? w : 0, n);
        moves++;
      }
    }));
    const used = process.cpuUsage(cpu);
    const s = (performance.now() - start) / 1000;
    console.log(`${oneBoard ? 'one board ' : 'board each'} ${String(writers).padStart(3)} writers: ${(moves / s).toFixed(0).padStart(5)} moves/s, client CPU ${((used.user + used.system) / moves).toFixed(0)} µs/move, load ${loadavg()[0]!.toFixed(1)}`);
  };
  await step(4, false); // warm-up
  for (const writers of STEPS) {
    await step(writers, true);
    await step(writers, false);
  }
} finally {
  await pool.end();
  await target.drop();
}
