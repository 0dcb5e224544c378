// Baseline for fan-out and memory: a durable relay. Bare Socket.IO with the same options as Kaskade's, that puts a
// socket in a room and, for each move, appends the message to a SQLite table (WAL, synchronous=FULL, one
// transaction per message) before it acks and relays it to that room as a `board:events` list like Kaskade's (here
// always of one event; no validation, no access check, no board state).
import Database from 'better-sqlite3';
import { bareIo } from '../lib/bare-io';
import { serveParent } from '../lib/procs';

const db = new Database(process.env.RELAY_DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS relayed (seq INTEGER PRIMARY KEY, board_id TEXT NOT NULL, message TEXT NOT NULL)');
const append = db.prepare('INSERT INTO relayed (board_id, message) VALUES (?, ?) RETURNING seq');

const { http, io } = bareIo();
io.on('connection', (socket) => {
  socket.on('board:join', (req: { boardId: string }, ack: (a: unknown) => void) => {
    void socket.join(`board:${req.boardId}`);
    ack({ ok: true, seq: 0, data: { kind: 'events', events: [] } });
  });
  socket.on('card:move', (cmd: { opId: string; boardId: string; cardId: string; toColumnId: string }, ack: (a: unknown) => void) => {
    const at = new Date().toISOString();
    const body = {
      type: 'card.moved',
      card: { id: cmd.cardId, columnId: cmd.toColumnId, orderKey: 'a0V', updatedAt: at },
      from: { columnId: cmd.toColumnId, orderKey: 'a0' },
    };
    const { seq } = append.get(cmd.boardId, JSON.stringify({ ...cmd, at, body })) as { seq: number };
    const event = { boardId: cmd.boardId, seq, opId: cmd.opId, actor: 'Bench', at, body };
    ack({ ok: true, seq, data: { events: [event] } });
    socket.to(`board:${cmd.boardId}`).emit('board:events', [event]);
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
serveParent({
  rss: () => {
    globalThis.gc?.();
    globalThis.gc?.();
    return { rss: process.memoryUsage().rss };
  },
  stop: () => {
    io.disconnectSockets(true);
    io.engine.close();
    http.close();
    db.close();
    process.exit(0);
  },
});
