// Baseline for moves/s on PostgreSQL: the transaction a card move commits there (claim the opId, read the card,
// write it, bump the board's seq with UPDATE … RETURNING, append the event), one transaction per move, straight
// through pg as prepared statements (named, as the server's query shapes are: server/store/named-statements.ts),
// with the server's durability (synchronous_commit=on, PostgreSQL's default, which the bench checks) and
// the bench's concurrency (as many writers as the product side has senders, each moving its own card).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { serveParent } from '../lib/procs';
import { inRawTransaction } from '../lib/raw-pg';

const WRITERS = Number(process.env.RAW_WRITERS ?? 8);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: WRITERS, application_name: 'kaskade-bench-raw' });
pool.on('error', () => {});
let counter = 0;

async function move(boardId: string, cardId: string, toColumnId: string): Promise<void> {
  const at = new Date().toISOString();
  const opId = `raw-${process.pid}-${++counter}`;
  const orderKey = `r${String(counter).padStart(8, '0')}`;
  await inRawTransaction(pool, async (client) => {
    const claimed = await client.query({
      name: 'raw-move-claim',
      text: 'INSERT INTO operations (op_id, board_id, command, actor, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (op_id) DO NOTHING RETURNING op_id',
      values: [opId, boardId, 'card:move', 'Bench', at],
    });
    if (claimed.rowCount === 1) {
      const { rows: [card] } = await client.query<Record<string, unknown>>({ name: 'raw-move-card', text: 'SELECT * FROM cards WHERE id = $1', values: [cardId] });
      await client.query({ name: 'raw-move-1', text: 'UPDATE cards SET column_id = $1, order_key = $2, updated_at = $3 WHERE id = $4', values: [toColumnId, orderKey, at, cardId] });
      const { rows: [head] } = await client.query<{ seq: string }>({ name: 'raw-move-2', text: 'UPDATE boards SET seq = seq + $1 WHERE id = $2 RETURNING seq', values: [1, boardId] });
      const payload = JSON.stringify({ type: 'card.moved', card: { ...card, column_id: toColumnId, order_key: orderKey }, from: { columnId: card!.column_id, orderKey: card!.order_key } });
      await client.query({ name: 'raw-move-3', text: 'INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)', values: [boardId, head!.seq, opId, 'Bench', at, 'card.moved', payload] });
    }
  });
}

serveParent({
  async run(m) {
    const { durationMs, boardId, cards, columns } = m as { durationMs: number; boardId: string; cards: string[]; columns: string[] };
    const { rows: [setting] } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    if (setting!.synchronous_commit !== 'on') throw new Error(`synchronous_commit is ${setting!.synchronous_commit}, the bench compares durable commits`);
    const start = performance.now();
    let moves = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, k) => {
        for (let n = 0; performance.now() - start < durationMs; n++) {
          await move(boardId, cards[k % cards.length]!, columns[n % 2]!);
          moves++;
        }
      }),
    );
    return { moves, elapsedMs: performance.now() - start };
  },
  async stop() {
    await pool.end();
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });
