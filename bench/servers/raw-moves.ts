// Baseline for moves/s: the same transaction a card move commits (read the card, write it, bump the board's seq,
// append the event, record the operation), one transaction per move, straight on better-sqlite3 with the
// product's pragmas (WAL, synchronous=FULL).
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/open-database';
import { serveParent } from '../lib/procs';

const db = openDatabase(process.env.DATABASE_PATH!);
const getCard = db.prepare('SELECT * FROM cards WHERE id = ?');
const saveCard = db.prepare('UPDATE cards SET column_id = ?, order_key = ?, updated_at = ? WHERE id = ?');
const bump = db.prepare('UPDATE boards SET seq = seq + 1 WHERE id = ? RETURNING seq');
const append = db.prepare('INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
const record = db.prepare('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)');
let counter = 0;

const move = db.transaction((boardId: string, cardId: string, toColumnId: string) => {
  const card = getCard.get(cardId) as Record<string, unknown>;
  const at = new Date().toISOString();
  const orderKey = `r${String(counter).padStart(8, "0")}`;
  saveCard.run(toColumnId, orderKey, at, cardId);
  const { seq } = bump.get(boardId) as { seq: number };
  const opId = `raw-${process.pid}-${++counter}`;
  append.run(boardId, seq, opId, 'Bench', at, 'card.moved', JSON.stringify({ type: 'card.moved', card: { ...card, columnId: toColumnId, orderKey }, from: { columnId: card.column_id, orderKey: card.order_key } }));
  record.run(opId, boardId, 'card:move', 'Bench', at);
});

serveParent({
  run(m) {
    const { durationMs, boardId, cards, columns } = m as { durationMs: number; boardId: string; cards: string[]; columns: string[] };
    const start = performance.now();
    let moves = 0;
    while (performance.now() - start < durationMs) {
      move.immediate(boardId, cards[8 + (moves % 8)]!, columns[moves % 2]!);
      moves++;
    }
    return { moves, elapsedMs: performance.now() - start };
  },
  stop() {
    db.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });
