import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { HandshakeAuth } from '../../shared/rest';
import type { AccessPolicy } from '../services/access-policy';
import type { BoardService } from '../services/board-service';
import type { CommandService } from '../services/command-service';
import { ackOf, failure } from './acks';
import { registerBoardHandlers } from './board-handlers';
import { registerCommandHandlers } from './command-handlers';
import { COMMANDS } from '../../shared/protocol';
import type { KaskadeServer } from './socket-types';

export interface RealtimeDeps {
  boards: BoardService;
  commands: CommandService;
  access: AccessPolicy;
  /** Heartbeat; a dead link is noticed after about interval + timeout. Tests use short values. */
  heartbeat?: Heartbeat;
}

export interface Heartbeat {
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

// Wall screens stay connected for weeks; missed events come from the event log, not from in-memory recovery.
export const DEFAULT_HEARTBEAT: Heartbeat = { pingIntervalMs: 20_000, pingTimeoutMs: 20_000 };

/** Largest socket message accepted; a bigger one closes the connection (no command is near this size). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const KNOWN_EVENTS = new Set<string>(['board:join', 'board:leave', ...Object.keys(COMMANDS)]);

/** Socket.IO on the HTTP server Fastify listens with, so the app and its live updates share one port. */
export function createSocketServer(httpServer: HttpServer, deps: RealtimeDeps): KaskadeServer {
  const io: KaskadeServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: (deps.heartbeat ?? DEFAULT_HEARTBEAT).pingIntervalMs,
    pingTimeout: (deps.heartbeat ?? DEFAULT_HEARTBEAT).pingTimeoutMs,
  });

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error('VALIDATION_FAILED: invalid handshake auth'));
    socket.data.actor = auth.data.name ?? 'Gæst';
    next();
  });

  io.on('connection', (socket) => {
    registerBoardHandlers(socket, deps.boards, deps.access);
    registerCommandHandlers(socket, deps.commands, deps.access);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      ackOf(args)?.(failure('UNKNOWN_EVENT', `Unknown event "${String(event).slice(0, 60)}".`));
    });
  });
  return io;
}
