import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Server } from 'socket.io';
import { type Socket, io as connect } from 'socket.io-client';
import type { BoardEvent, ServerToClientEvents } from '../../shared/protocol';
import type { Config } from '../../server/config';
import { type BoardRelay, createBoardRelay } from '../../server/realtime/board-relay';
import { type LiveAdapter, createLiveAdapter } from '../../server/realtime/live-adapter';
import { type KaskadeServer, OVERVIEW_ROOM, boardRoom } from '../../server/realtime/socket-types';

/** Redis for the tests (the one every developer and CI machine has, see README); KASKADE_TEST_REDIS_URL for another. */
export const TEST_REDIS_URL = process.env.KASKADE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A real Socket.IO server on real HTTP (loopback) with the live adapter the configuration selects and the board
 * relay: the realtime half of an instance, without the app's sign-in. A client names in its handshake the board
 * room (and whether the overview room) it is put in.
 */
export interface LiveInstance {
  io: KaskadeServer;
  relay: BoardRelay;
  live: LiveAdapter;
  url: string;
  close(): Promise<void>;
}

export async function startLiveInstance(config: Pick<Config, 'databaseUrl' | 'redisUrl'>, redisPrefix?: string): Promise<LiveInstance> {
  const live = await createLiveAdapter(config, { heartbeatIntervalMs: 300, ...(redisPrefix && { redisPrefix }) });
  const http = createServer();
  const io: KaskadeServer = new Server(http, { transports: ['websocket'], ...(live.adapter && { adapter: live.adapter }) });
  const relay = createBoardRelay(io, { acrossInstances: live.transport !== 'memory' });
  io.on('connection', (socket) => {
    const auth = socket.handshake.auth as { board?: unknown; overview?: unknown };
    if (typeof auth.board === 'string') void socket.join(boardRoom(auth.board));
    if (auth.overview === true) void socket.join(OVERVIEW_ROOM);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    io,
    relay,
    live,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      // io.close() closes the adapter (its farewell, heartbeat and listener) and the HTTP server; then the connections.
      await io.close();
      await live.close();
    },
  };
}

export interface LiveClient {
  socket: Socket<ServerToClientEvents>;
  /** Every `board:events` message, as it came. */
  batches: BoardEvent[][];
  overviewNotices: number;
  /** Resolves once `predicate` holds for what arrived, or rejects after `timeoutMs`. */
  until(predicate: (c: LiveClient) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function liveClient(url: string, auth: { board?: string; overview?: boolean }): Promise<LiveClient> {
  const socket: Socket<ServerToClientEvents> = connect(url, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
  const client: LiveClient = {
    socket,
    batches: [],
    overviewNotices: 0,
    until: async (predicate, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(client)) {
        if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms; got ${JSON.stringify(client.batches.map((b) => b.map((e) => e.seq)))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => void socket.disconnect(),
  };
  socket.on('board:events', (events) => void client.batches.push(events));
  socket.on('overview:changed', () => void client.overviewNotices++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return client;
}

/** A board event of `boardId` with `seq`; `padding` characters of description make it as large as needed. */
export function boardEvent(boardId: string, seq: number, padding = 0): BoardEvent {
  const now = '2026-12-01T10:00:00.000Z';
  return {
    boardId,
    seq,
    opId: `op-${boardId}-${seq}`,
    actor: 'user:test',
    at: now,
    body: {
      type: 'card.moved',
      card: { id: `card-${seq}`, columnId: 'col-1', orderKey: 'a0', updatedAt: now, ...(padding > 0 && { description: 'x'.repeat(padding) }) },
    } as BoardEvent['body'],
  };
}

export const randomId = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * Waits until each instance hears the others: the adapters connect (LISTEN, the stream reader, Pub/Sub) after
 * the server starts, and what is relayed before that is not heard. Probes with real relayed batches.
 */
export async function untilConnected(instances: readonly LiveInstance[], timeoutMs = 10_000): Promise<void> {
  const board = randomId('probe');
  const clients = await Promise.all(instances.map((i) => liveClient(i.url, { board })));
  try {
    const deadline = Date.now() + timeoutMs;
    let seq = 0;
    // One sender at a time, with ever higher seqs: a relayed probe older than what a room was sent is dropped.
    for (const [i, sender] of instances.entries()) {
      const others = clients.filter((_, j) => j !== i);
      const heard = () => others.every((c) => c.batches.some((b) => b.some((e) => e.opId === `probe-from-${i}`)));
      while (!heard()) {
        if (Date.now() > deadline) throw new Error('the instances did not hear each other');
        sender.relay.toRoom(board, [{ ...boardEvent(board, ++seq), opId: `probe-from-${i}` }]);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    for (const c of clients) c.close();
  }
}
