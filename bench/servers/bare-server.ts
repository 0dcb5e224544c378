// Baseline for fan-out and memory: a bare Socket.IO server with the same options as Kaskade's, that only puts a
// socket in a room and re-broadcasts each move as an event of the same shape to that room, in a `board:events` list
// like Kaskade's (here always of one event; no validation, no database).
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { DEFAULT_HEARTBEAT, MAX_MESSAGE_BYTES } from '../../server/realtime/socket-server';
import { serveParent } from '../lib/procs';

const http = createServer();
const io = new Server(http, {
  maxHttpBufferSize: MAX_MESSAGE_BYTES,
  pingInterval: DEFAULT_HEARTBEAT.pingIntervalMs,
  pingTimeout: DEFAULT_HEARTBEAT.pingTimeoutMs,
});
let seq = 0;
io.on('connection', (socket) => {
  socket.on('board:join', (req: { boardId: string }, ack: (a: unknown) => void) => {
    void socket.join(`board:${req.boardId}`);
    ack({ ok: true, seq, data: { kind: 'events', events: [] } });
  });
  socket.on('card:move', (cmd: { opId: string; boardId: string; cardId: string; toColumnId: string }, ack: (a: unknown) => void) => {
    const at = new Date().toISOString();
    const event = {
      boardId: cmd.boardId,
      seq: ++seq,
      opId: cmd.opId,
      actor: 'Bench',
      at,
      body: {
        type: 'card.moved',
        card: { id: cmd.cardId, boardId: cmd.boardId, columnId: cmd.toColumnId, orderKey: 'a0V', type: 'action', title: 'Flyttekort 1',
          description: '', ownerName: '', dueDate: null, archived: false, createdAt: at, updatedAt: at },
        from: { columnId: cmd.toColumnId, orderKey: 'a0' },
      },
    };
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
    process.exit(0);
  },
});
