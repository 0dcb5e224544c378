// Baseline for the join storm: bare Socket.IO with Kaskade's options that, for a `board:join`, puts the socket in
// the board's room and answers with a snapshot it read from the same database at start and holds in memory (no
// authentication, no access check, no pacing, no reads at join time).
import { openDatabase } from '../../server/db/open-database';
import { createBoardService } from '../../server/services/board-service';
import { sqliteStore } from '../../server/store';
import type { BoardSnapshot } from '../../shared/schemas';
import { bareIo } from '../lib/bare-io';
import { serveParent } from '../lib/procs';

const db = openDatabase(process.env.DATABASE_PATH!);
const boards = createBoardService(sqliteStore(db));
const stored = new Map<string, BoardSnapshot>();
for (const { id } of await boards.list()) stored.set(id, (await boards.snapshot(id))!);
db.close();

const { http, io } = bareIo();
io.on('connection', (socket) => {
  socket.on('board:join', (req: { boardId: string }, ack: (a: unknown) => void) => {
    const snapshot = stored.get(req.boardId);
    if (!snapshot) return ack({ ok: false, error: { code: 'NOT_FOUND', message: 'no such board' } });
    void socket.join(`board:${req.boardId}`);
    ack({ ok: true, seq: snapshot.seq, data: { kind: 'snapshot', snapshot, epoch: 'bare' } });
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
serveParent({
  stop: () => {
    io.disconnectSockets(true);
    http.close();
    process.exit(0);
  },
});
