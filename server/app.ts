import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { type ZodTypeProvider, validatorCompiler } from 'fastify-type-provider-zod';
import type { Store } from './store';
import { type TrustProxy, fastifyTrustProxy } from './trust-proxy';
import { clientFiles, hasClientIndex } from './plugins/client-files';
import { cookies } from './plugins/cookies';
import { clientErrorHandler, errorHandling, frameworkErrors } from './plugins/errors';
import { compression } from './plugins/compression';
import { registerOpenApi } from './plugins/openapi';
import { type RateLimitStore, rateLimit } from './plugins/rate-limit';
import { security } from './plugins/security';
import { RAW_SECURITY_HEADERS, securityHeaders } from './plugins/security-headers';
import { type CommandRate, type Heartbeat, type RealtimeDeps, createSocketServer, disconnectWhere } from './realtime/socket-server';
import { setRealtimeLogger } from './realtime/guard';
import { DEFAULT_JOIN_PACING } from './realtime/join-pacer';
import type { KaskadeServer } from './realtime/socket-types';
import type { BoardHeads } from './realtime/relay-sweep';
import { createRepositories } from './repositories';
import { calendarDate } from '../shared/domain/periods';
import { type UnitAccessPolicy, createRoleAccess } from './services/access-policy';
import { type AuthOptions, createAuthService } from './services/auth-service';
import { type OidcConfig, createOidc } from './services/oidc';
import { adminRoutes } from './routes/admin-routes';
import { registerDeviceGuard } from './routes/device-guard';
import { type LiveSockets, authRoutes } from './routes/auth-routes';
import { createBoardService } from './services/board-service';
import { createBusinessCases } from './services/cascade/business-cases';
import { type Clock, createCommandService, systemClock } from './services/command-service';
import { boardsRoutes } from './routes/boards/boards-routes';
import { registerCascadeRoutes } from './routes/cascade';
import { createLiveUpdates, notifyingCommands } from './realtime/live-updates';
import { meetingsRoutes } from './routes/meetings/meetings-routes';
import { createMeetingReads } from './services/meeting-reads';
import { healthRoutes } from './routes/health-routes';

export interface AppDeps {
  /** The store everything runs on: SQLite (the default) or PostgreSQL. */
  store: Store;
  version?: string;
  clientDir?: string | null;
  clock?: Clock;
  /** Who may do what; by default roles from the database (see access-policy.ts). */
  access?: UnitAccessPolicy;
  logger?: FastifyServerOptions['logger'];
  /** Leave out the line per request (development: the start-up lines stay readable). */
  disableRequestLogging?: boolean;
  /** Browser origins allowed besides the server's own. */
  allowedOrigins?: readonly string[];
  oidc?: OidcConfig | null;
  /** Login and enrolment attempts per client address and minute (default 10). */
  loginAttemptsPerMinute?: number;
  /** Where rate-limit counts live (default: this process); a second instance shares them through Redis. */
  rateLimitStore?: RateLimitStore;
  /** Socket command rate per connection (default burst 300, then 100/s). */
  commandRate?: CommandRate;
  /** Per-connection allowances of each socket event class, refusals before a disconnect, send-buffer bound, join pacing. */
  socketLimits?: Pick<RealtimeDeps, 'eventRates' | 'abuseAllowance' | 'maxUnsentBytes' | 'joinPacing'>;
  /** Session and enrolment lifetimes. */
  authOptions?: AuthOptions;
  /** How often open sockets are re-checked for ended sessions and revoked devices (default 5 s). */
  revalidateMs?: number;
  /** Demo mode: the sign-in page offers the demo logins. */
  demo?: boolean;
  /** Behind a TLS-terminating proxy: the hops or proxy addresses whose X-Forwarded-Proto/For count (see trust-proxy.ts). */
  trustProxy?: TrustProxy;
  /** Socket heartbeat; defaults to 20 s + 20 s (tests of network loss use short values). */
  heartbeat?: Heartbeat;
  /** Several instances: the Socket.IO adapter that carries live updates between them (see realtime/live-adapter.ts). */
  liveAdapter?: RealtimeDeps['adapter'];
}

export interface KaskadeApp {
  app: FastifyInstance;
  io: KaskadeServer;
  /** Starts draining: `/api/ready` answers 503 so a load balancer sends no new clients; everything else still works. */
  drain(): void;
}

/** Responses are built from the shared types; serialising is plain JSON (no per-request zod encode on hot reads). */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

/**
 * Every route is validated by the shared zod schemas and serialised as plain JSON. Unless given factories for its
 * compilers, Fastify loads its default ones (ajv, fast-json-stringify) as it is created: some 6 ms of a cold start,
 * only to stand unused. (Fastify types these factories for ajv's schemas, hence the cast.)
 */
const zodOnlySchemaController = {
  compilersFactory: { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler },
} as unknown as FastifyServerOptions['schemaController'];

/** The relay sweep's view of the log: each watched board's seq and the events after a seq, from the store. */
const storeBoardHeads = (repos: ReturnType<typeof createRepositories>): BoardHeads => ({
  seqs: async (ids) => {
    const heads = new Map<string, number>();
    for (const id of ids) {
      const seq = await repos.boards.seq(id);
      if (seq !== undefined) heads.set(id, seq);
    }
    return heads;
  },
  since: (boardId, seq, limit) => repos.events.since(boardId, seq, limit),
});

/** Builds the HTTP app and its Socket.IO server from injected parts; it does not listen (server.ts does). */
export async function buildApp(deps: AppDeps): Promise<KaskadeApp> {
  const version = deps.version ?? '0.0.0';
  const app = Fastify({
    logger: deps.logger ?? false,
    ...(deps.disableRequestLogging && { logController: new LogController({ disableRequestLogging: true }) }),
    bodyLimit: 256 * 1024,
    clientErrorHandler,
    frameworkErrors,
    forceCloseConnections: true,
    trustProxy: fastifyTrustProxy(deps.trustProxy ?? false),
    schemaController: zodOnlySchemaController,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The ecosystem's plugins first (as fastify/demo registers its external plugins), then the app's own routes.
  const clientDir = deps.clientDir && hasClientIndex(deps.clientDir) ? deps.clientDir : null;
  await app.register(securityHeaders);
  await app.register(cookies);
  await app.register(compression);
  await app.register(rateLimit, deps.rateLimitStore ?? {});
  await app.register(errorHandling, { spaFallback: clientDir !== null });

  const { store } = deps;
  const repos = createRepositories(store);
  // A database from before migration 0007 (or written in bulk by a seed) gets its stored statuses built once.
  if (!(await repos.unitStatus.isBuilt())) {
    const now = (deps.clock ?? systemClock).now();
    await repos.unitStatus.rebuild(calendarDate(now), now.toISOString());
  }
  const boards = createBoardService(store, deps.clock ?? systemClock);
  // Measurements committed from any door (socket, feed, import) tell open overviews to refresh.
  const updates = createLiveUpdates();
  // A measurement from a board's socket moves the business cases that follow its indicator, on the boards showing them.
  const cases = createBusinessCases(store, deps.clock ?? systemClock);
  const commands = notifyingCommands(createCommandService(store, deps.clock ?? systemClock, undefined, cases.measured), updates);
  const auth = createAuthService(store, deps.clock ?? systemClock, deps.authOptions);
  // The policy keeps answers per access version, read from the database on every question (see access-policy.ts).
  const access = deps.access ?? createRoleAccess(repos.accounts);
  await auth.pruneSessions();
  const prune = setInterval(() => {
    auth.pruneSessions().catch((err: unknown) => app.log.error({ err }, 'pruning sessions failed'));
  }, 24 * 3600_000);
  prune.unref();
  app.addHook('onClose', async () => {
    clearInterval(prune);
    await commands.close();
  });
  const allowedOrigins = deps.allowedOrigins ?? [];
  const loginAttemptsPerMinute = deps.loginAttemptsPerMinute ?? 10;
  // Socket.IO is created after the routes; the routes end sessions' and devices' sockets through this.
  const live: LiveSockets & { io?: KaskadeServer } = {
    disconnect(match) {
      if (!live.io) return;
      disconnectWhere(live.io, match);
      // The same session's sockets on the other instances: each checks its own against the database at once (the
      // session has ended there already) instead of at its next revalidation round.
      if (deps.liveAdapter) live.io.serverSideEmit('sockets:revalidate');
    },
  };

  await app.register(security, { auth, allowedOrigins });
  registerDeviceGuard(app);
  await registerOpenApi(app, version);
  const readiness = { draining: false };
  await app.register(healthRoutes, { store, version, readiness, clock: deps.clock ?? systemClock });
  await app.register(authRoutes, {
    store,
    clock: deps.clock ?? systemClock,
    auth,
    access,
    live,
    oidc: deps.oidc ? createOidc(deps.oidc) : null,
    demo: deps.demo ?? false,
    loginAttemptsPerMinute,
  });
  await app.register(adminRoutes, {
    store, access, auth, live, clock: deps.clock ?? systemClock, statusesChanged: updates.overviewChanged,
  });
  await app.register(boardsRoutes, { boards, access });
  await registerCascadeRoutes(app, { store, access, clock: deps.clock ?? systemClock, updates, cases });
  await app.register(meetingsRoutes, {
    reads: createMeetingReads(store, deps.clock ?? systemClock),
    access,
    boardName: async (id) => (await repos.boards.get(id))?.name,
    people: async (id) => repos.accounts.peopleAroundBoard(id),
  });
  if (clientDir) await app.register(clientFiles, { root: clientDir });

  setRealtimeLogger(app.log);
  const { io, outbox } = createSocketServer(app.server, {
    boards,
    commands,
    access,
    auth,
    allowedOrigins,
    trustProxy: deps.trustProxy ?? false,
    ...(deps.heartbeat && { heartbeat: deps.heartbeat }),
    ...(deps.commandRate && { commandRate: deps.commandRate }),
    ...(deps.revalidateMs && { revalidateMs: deps.revalidateMs }),
    // On PostgreSQL a join waits on the network: a few at a time keep the pool busy without taking all of it.
    ...(store.engine === 'postgres' && { joinPacing: { ...DEFAULT_JOIN_PACING, lanes: 4 } }),
    ...(deps.liveAdapter && { adapter: deps.liveAdapter, boardHeads: storeBoardHeads(repos) }),
    ...deps.socketLimits,
  });
  live.io = io;
  // Socket.IO's long-polling answers bypass Fastify's hooks: they get the same security headers here.
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, RAW_SECURITY_HEADERS));
  updates.attach(io, (events) => outbox.publish(events));
  // Fastify owns the HTTP server: close only the sockets here (io.close() would also wait on the HTTP server,
  // and hang on a client whose network vanished), then Fastify force-closes what is left.
  app.addHook('preClose', async () => {
    updates.close();
    // This instance's sockets only: through a cluster adapter `io.disconnectSockets` disconnects every instance's
    // (a rolling deploy would drop every screen of the region), and only after a round trip to Redis or PostgreSQL,
    // by which time the engine below has closed and the sockets are not told it was the server.
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  return {
    app,
    io,
    drain: () => {
      readiness.draining = true;
    },
  };
}
