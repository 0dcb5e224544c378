import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { HandshakeAuth } from '../../shared/rest';
import { credentialFrom, originAllowed } from '../plugins/security';
import { type AccessPolicy, deviceMay } from '../services/access-policy';
import type { AuthService, Principal } from '../services/auth-service';
import type { BoardService } from '../services/board-service';
import type { CommandService } from '../services/command-service';
import { ackOf, failure } from './acks';
import { type CommitOutbox, createCommitOutbox } from './board-broadcast';
import { boardListeners } from './board-handlers';
import { commandListeners } from './command-handlers';
import { COMMANDS, type CommandName } from '../../shared/protocol';
import type { SharedListener } from './guard';
import type { KaskadeServer, KaskadeSocket } from './socket-types';

export interface RealtimeDeps {
  boards: BoardService;
  commands: CommandService;
  access: AccessPolicy;
  /** Heartbeat; a dead link is noticed after about interval + timeout. Tests use short values. */
  heartbeat?: Heartbeat;
  /** Resolves the handshake's session cookie or token; sockets without a valid one are refused. */
  auth: AuthService;
  /** Origins allowed besides the server's own. */
  allowedOrigins: readonly string[];
  /** Commands a socket may send in a burst, and how fast that allowance refills. */
  commandRate?: CommandRate;
  /** How often open sockets are checked for an ended session, a disabled user or a revoked device. */
  revalidateMs?: number;
}

export interface CommandRate {
  burst: number;
  perSecond: number;
}

export const DEFAULT_COMMAND_RATE: CommandRate = { burst: 300, perSecond: 100 };

export interface Heartbeat {
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

// Wall screens stay connected for weeks; missed events come from the event log, not from in-memory recovery.
export const DEFAULT_HEARTBEAT: Heartbeat = { pingIntervalMs: 20_000, pingTimeoutMs: 20_000 };

/** Largest socket message accepted; a bigger one closes the connection (no command is near this size). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const COMMAND_NAMES = new Set<string>(Object.keys(COMMANDS));

/** Disconnects, at once, every socket whose principal matches (logout, revoked device, disabled user). */
export function disconnectWhere(io: KaskadeServer, match: (p: Principal) => boolean): void {
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.principal && match(socket.data.principal)) socket.disconnect(true);
  }
}

/**
 * Socket.IO on the HTTP server Fastify listens with, so the app and its live updates share one port; and the
 * outbox that tells the boards' rooms of commits (the socket's own and, through `publish`, the rest).
 */
export function createSocketServer(httpServer: HttpServer, deps: RealtimeDeps): { io: KaskadeServer; outbox: CommitOutbox } {
  const io: KaskadeServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: (deps.heartbeat ?? DEFAULT_HEARTBEAT).pingIntervalMs,
    pingTimeout: (deps.heartbeat ?? DEFAULT_HEARTBEAT).pingTimeoutMs,
    // `cors` does not guard WebSocket upgrades; every new connection's Origin is checked here, for both transports.
    allowRequest: (req, callback) => {
      if (originAllowed(req.headers, deps.allowedOrigins)) callback(null, true);
      else callback('FORBIDDEN: origin not allowed', false);
    },
  });

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error('VALIDATION_FAILED: invalid handshake auth'));
    const token = auth.data.token ?? credentialFrom(socket.handshake.headers, socket.handshake.secure)?.token;
    const principal = deps.auth.resolve(token);
    if (!principal) return next(new Error('UNAUTHENTICATED: sign in first'));
    socket.data.principal = principal;
    socket.data.actor = principal.actor;
    deps.auth.seen(principal);
    next();
  });

  const rate = deps.commandRate ?? DEFAULT_COMMAND_RATE;
  const outbox = createCommitOutbox(io);
  // Sessions end, users are disabled and devices revoked while their sockets are open: check every few seconds,
  // and take sockets out of the rooms of boards they may no longer read (commands are checked on each one anyway).
  const revalidate = setInterval(() => {
    disconnectWhere(io, (p) => !deps.auth.stillValid(p));
    for (const socket of io.of('/').sockets.values()) {
      for (const room of socket.rooms) {
        if (room.startsWith('board:') && !deps.access.can(socket.data.actor, 'read', room.slice(6))) void socket.leave(room);
      }
    }
  }, deps.revalidateMs ?? 5000);
  revalidate.unref();
  httpServer.once('close', () => clearInterval(revalidate));

  const listeners = new Map<string, SharedListener>([
    ...boardListeners(deps.boards, deps.access),
    ...commandListeners(deps.commands, deps.access, outbox),
  ]);

  /** A token bucket per socket: a burst of `burst` commands, then `perSecond`; false once it is empty. */
  const withinRate = (socket: KaskadeSocket): boolean => {
    const now = Date.now();
    const bucket = (socket.data.commandBudget ??= { tokens: rate.burst, at: now });
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  /**
   * Every event of every socket, through one listener they all share (Socket.IO calls it with the socket as
   * `this`): no listener per socket and event, nor a middleware closure per socket. A region's wall screens stay
   * connected for weeks, and 22 listeners and a middleware each were about 3 KiB of what a connection cost the
   * server. An event no listener takes is answered at once, not left to the client's ack timeout.
   */
  function dispatch(this: KaskadeSocket, event: unknown, ...args: unknown[]): void {
    const listener = typeof event === 'string' ? listeners.get(event) : undefined;
    if (typeof event !== 'string' || !listener) {
      return void ackOf(args)?.(failure('UNKNOWN_EVENT', `Unknown event "${String(event).slice(0, 60)}".`));
    }
    if (COMMAND_NAMES.has(event)) {
      if (this.data.principal.kind === 'device' && !deviceMay(this.data.principal.mode, event as CommandName)) {
        return void ackOf(args)?.(failure('FORBIDDEN', 'A wall screen may only move and edit cards.'));
      }
      if (!withinRate(this)) return void ackOf(args)?.(failure('RATE_LIMITED', 'Too many changes at once; slow down.'));
    }
    listener.apply(this, args);
  }
  io.on('connection', (socket) => socket.onAny(dispatch));
  return { io, outbox };
}
