import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { HandshakeAuth } from '../../shared/rest';
import { credentialFrom, originAllowed } from '../plugins/security';
import { type TrustProxy, requestIsSecure } from '../trust-proxy';
import { type AccessPolicy, deviceMay } from '../services/access-policy';
import type { AuthService, Principal } from '../services/auth-service';
import type { BoardService } from '../services/board-service';
import type { CommandService } from '../services/command-service';
import { ackOf, failure } from './acks';
import { type CommitOutbox, createCommitOutbox } from './board-broadcast';
import { createBoardRelay } from './board-relay';
import { type BoardHeads, startRelaySweep } from './relay-sweep';
import { boardListeners } from './board-handlers';
import { commandListeners } from './command-handlers';
import type { CommandName } from '../../shared/protocol';
import { type JoinPacing, createJoinPacer } from './join-pacer';
import { overviewListeners } from './overview-room';
import { type EventRates, type Rate, DEFAULT_ABUSE_ALLOWANCE, DEFAULT_EVENT_RATES, admit, eventClassOf, newBudget } from './rate-limits';
import { DEFAULT_MAX_UNSENT_BYTES, cutClosedConnections, dismiss, dropIfBacklogged } from './send-buffer';
import { type SharedListener, logRealtimeError } from './guard';
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
  /** The proxies trusted to say the browser used HTTPS: decides, as for REST, which session cookie counts. */
  trustProxy?: TrustProxy;
  /** Commands a socket may send in a burst, and how fast that allowance refills (overrides `eventRates.command`). */
  commandRate?: CommandRate;
  /** Per-socket allowances of each event class (see rate-limits.ts). */
  eventRates?: Partial<EventRates>;
  /** Refusals a socket may collect before it is disconnected. */
  abuseAllowance?: Rate;
  /** Unsent bytes a socket may hold before it is disconnected (see send-buffer.ts). */
  maxUnsentBytes?: number;
  /** How joins are served in slices (see join-pacer.ts). */
  joinPacing?: JoinPacing;
  /** How often open sockets are checked for an ended session, a disabled user or a revoked device. */
  revalidateMs?: number;
  /** Several instances: the adapter that relays to the others' sockets (see live-adapter.ts); absent, this process only. */
  adapter?: ServerOptions['adapter'];
  /** With an adapter: the shared log, for the sweep that sends what a lost relay did not (see relay-sweep.ts). */
  boardHeads?: BoardHeads;
}

export type CommandRate = Rate;

export const DEFAULT_COMMAND_RATE: CommandRate = DEFAULT_EVENT_RATES.command;

export interface Heartbeat {
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

// Wall screens stay connected for weeks; missed events come from the event log, not from in-memory recovery.
export const DEFAULT_HEARTBEAT: Heartbeat = { pingIntervalMs: 20_000, pingTimeoutMs: 20_000 };

/** Largest socket message accepted; a bigger one closes the connection (no command is near this size). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** How often every socket's send buffer is checked, for those that only receive (a screen that stopped reading). */
const BACKLOG_SWEEP_MS = 1000;

/** Disconnects, at once, every socket whose principal matches (logout, revoked device, disabled user). */
export function disconnectWhere(io: KaskadeServer, match: (p: Principal) => boolean): void {
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.principal && match(socket.data.principal)) socket.disconnect(true);
  }
}

const RATE_MESSAGES: Record<ReturnType<typeof eventClassOf>, string> = {
  command: 'Too many changes at once; slow down.',
  join: 'Too many joins at once; slow down.',
  watch: 'Too many requests at once; slow down.',
  other: 'Too many messages at once; slow down.',
};

/**
 * Sessions end, users are disabled and devices revoked while their sockets are open: every few seconds, each
 * distinct principal and each distinct (actor, board) is checked once, however many sockets share it (a region's
 * wall screens, one person's tabs), and sockets leave the rooms of boards they may no longer read (commands are
 * checked on each one anyway). Sign-out and revocation disconnect at once through `disconnectWhere`; this catches
 * the rest (an expired session, a role taken away).
 */
export async function revalidateSockets(io: KaskadeServer, deps: Pick<RealtimeDeps, 'auth' | 'access'>): Promise<void> {
  const valid = new Map<string, Promise<boolean>>();
  const readable = new Map<string, Promise<boolean>>();
  const checks: Promise<void>[] = [];
  for (const socket of io.of('/').sockets.values()) {
    const p = socket.data.principal;
    if (!p) continue;
    const key = p.kind === 'device' ? `d:${p.id}` : `u:${p.id}:${p.sessionHash ?? ''}`;
    let ok = valid.get(key);
    if (ok === undefined) valid.set(key, (ok = Promise.resolve(deps.auth.stillValid(p))));
    checks.push(
      ok.then(async (stillValid) => {
        if (!stillValid) {
          socket.disconnect(true);
          return;
        }
        for (const room of socket.rooms) {
          if (!room.startsWith('board:')) continue;
          const boardId = room.slice(6);
          const accessKey = `${socket.data.actor}\n${boardId}`;
          let may = readable.get(accessKey);
          if (may === undefined) readable.set(accessKey, (may = Promise.resolve(deps.access.can(socket.data.actor, 'read', boardId))));
          if (!(await may)) void socket.leave(room);
        }
      }),
    );
  }
  await Promise.all(checks);
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
    ...(deps.adapter && { adapter: deps.adapter }),
    // `cors` does not guard WebSocket upgrades; every new connection's Origin is checked here, for both transports.
    allowRequest: (req, callback) => {
      if (originAllowed(req.headers, deps.allowedOrigins)) callback(null, true);
      else callback('FORBIDDEN: origin not allowed', false);
    },
  });

  cutClosedConnections(io);

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error('VALIDATION_FAILED: invalid handshake auth'));
    const token = auth.data.token ?? credentialFrom(socket.handshake.headers, requestIsSecure(socket.request, deps.trustProxy ?? false))?.token;
    const admit = async (): Promise<void> => {
      const principal = await deps.auth.resolve(token);
      if (!principal) return next(new Error('UNAUTHENTICATED: sign in first'));
      socket.data.principal = principal;
      socket.data.actor = principal.actor;
      await deps.auth.seen(principal);
      next();
    };
    admit().catch((err: unknown) => {
      logRealtimeError({ err }, 'socket handshake failed');
      next(new Error('INTERNAL: the server could not check the sign-in'));
    });
  });

  const rates: EventRates = { ...DEFAULT_EVENT_RATES, ...deps.eventRates, ...(deps.commandRate && { command: deps.commandRate }) };
  const abuse = deps.abuseAllowance ?? DEFAULT_ABUSE_ALLOWANCE;
  const maxUnsent = deps.maxUnsentBytes ?? DEFAULT_MAX_UNSENT_BYTES;
  const pacer = createJoinPacer(deps.joinPacing);
  const relay = createBoardRelay(io, { acrossInstances: deps.adapter !== undefined });
  const outbox = createCommitOutbox(io, relay);
  const relaySweep = deps.adapter && deps.boardHeads ? startRelaySweep(io, relay, deps.boardHeads) : null;
  // One round of checks at a time: on a slow database a round must not pile up behind the last.
  let revalidating = false;
  const revalidateAll = () => {
    if (revalidating) return;
    revalidating = true;
    revalidateSockets(io, deps)
      .catch((err: unknown) => logRealtimeError({ err }, 'revalidating sockets failed'))
      .finally(() => (revalidating = false));
  };
  const revalidate = setInterval(revalidateAll, deps.revalidateMs ?? 5000);
  // Another instance ended a session (sign-out, a new password) whose sockets may be here too.
  if (deps.adapter) io.on('sockets:revalidate', revalidateAll);
  revalidate.unref();
  // Sockets that only receive never pass through `dispatch`: a reader that stopped reading is found here.
  const sweep = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) dropIfBacklogged(socket, maxUnsent);
  }, BACKLOG_SWEEP_MS);
  sweep.unref();
  httpServer.once('close', () => {
    clearInterval(revalidate);
    clearInterval(sweep);
    relaySweep?.stop();
  });

  const listeners = new Map<string, SharedListener>([
    ...boardListeners(deps.boards, deps.access, pacer, (socket) => dropIfBacklogged(socket, maxUnsent)),
    ...commandListeners(deps.commands, deps.access, outbox),
    ...overviewListeners(),
  ]);

  /**
   * Every event of every socket, through one listener they all share (Socket.IO calls it with the socket as
   * `this`): no listener per socket and event, nor a middleware closure per socket. A region's wall screens stay
   * connected for weeks, and 22 listeners and a middleware each were about 3 KiB of what a connection cost the
   * server. An event no listener takes is answered at once, not left to the client's ack timeout.
   */
  function dispatch(this: KaskadeSocket, event: unknown, ...args: unknown[]): void {
    // A client that does not read what it is sent gets nothing more: its answers would only pile up here.
    if (dropIfBacklogged(this, maxUnsent)) return;
    const name = typeof event === 'string' ? event : '';
    const cls = eventClassOf(name);
    const verdict = admit((this.data.budget ??= newBudget(abuse, Date.now())), cls, rates, abuse, Date.now());
    if (verdict === 'abusive') return dismiss(this);
    if (verdict === 'limited') return void ackOf(args)?.(failure('RATE_LIMITED', RATE_MESSAGES[cls]));
    const listener = listeners.get(name);
    if (!listener) return void ackOf(args)?.(failure('UNKNOWN_EVENT', `Unknown event "${String(event).slice(0, 60)}".`));
    if (cls === 'command' && this.data.principal.kind === 'device' && !deviceMay(this.data.principal.mode, name as CommandName)) {
      return void ackOf(args)?.(failure('FORBIDDEN', 'A wall screen may only move and edit cards.'));
    }
    listener.apply(this, args);
  }
  io.on('connection', (socket) => socket.onAny(dispatch));
  return { io, outbox };
}
