import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  type BoardEvent,
  type ClientToServerEvents,
  type JoinResult,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { type TestUserOptions, createTestSessionFor } from './auth';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection that records every board event it receives (each event of a batch). */
export interface TestClient {
  socket: TestSocket;
  /** The signed-in test user's actor id (`user:<id>`), as events record it. */
  actor: string;
  events: BoardEvent[];
  /** Emits any event with any payload (hostile tests send what the types forbid) and waits for the ack. */
  request<T = unknown>(event: string, payload: unknown, timeoutMs?: number): Promise<Ack<T>>;
  /** Joins a board; with `since`, as a client that was told `sinceSeq` in timeline `epoch` (see JoinResult). */
  join(boardId: string, since?: { sinceSeq: number; epoch: string }): Promise<Ack<JoinResult>>;
  /** Resolves with the next board event, or rejects after `timeoutMs`. */
  nextEvent(timeoutMs?: number): Promise<BoardEvent>;
  close(): void;
}

/**
 * Connects as a new signed-in test user named `name` (admin of the whole organisation unless `options` say
 * otherwise), or with a given `token` (a session or device token).
 */
export async function connectClient(
  url: string,
  name = 'Testperson',
  options: TestUserOptions & { token?: string } = {},
): Promise<TestClient> {
  const session = options.token ? { token: options.token, actor: '' } : createTestSessionFor(url, name, options);
  const socket: TestSocket = io(url, { transports: ['websocket'], auth: { token: session.token }, reconnection: false, forceNew: true });
  const events: BoardEvent[] = [];
  const waiters: ((e: BoardEvent) => void)[] = [];
  socket.on('board:events', (batch) => {
    for (const event of batch) {
      events.push(event);
      waiters.shift()?.(event);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const request = <T>(event: string, payload: unknown, timeoutMs = 5000) =>
    (socket.timeout(timeoutMs) as unknown as Socket).emitWithAck(event, payload) as Promise<Ack<T>>;
  return {
    socket,
    actor: session.actor,
    events,
    request,
    join: (boardId, since) => request<JoinResult>('board:join', { boardId, protocol: PROTOCOL_VERSION, ...since }),
    nextEvent: (timeoutMs = 2000) =>
      new Promise<BoardEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no board event arrived')), timeoutMs);
        waiters.push((e) => {
          clearTimeout(timer);
          resolve(e);
        });
      }),
    close: () => {
      socket.disconnect();
    },
  };
}

let counter = 0;
/** A fresh opId for a command. */
export const opId = (): string => `op-${process.pid}-${Date.now()}-${++counter}`;

/** Waits long enough for a broadcast that should not come to have arrived if it were sent. */
export const settle = (ms = 150): Promise<void> => new Promise((r) => setTimeout(r, ms));
