import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { type ZodTypeProvider, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/open-database';
import { registerClientFiles } from './plugins/client-files';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { type Heartbeat, createSocketServer } from './realtime/socket-server';
import { setRealtimeLogger } from './realtime/guard';
import type { KaskadeServer } from './realtime/socket-types';
import { createRepositories } from './repositories';
import { type AccessPolicy, openAccess } from './services/access-policy';
import { createBoardService } from './services/board-service';
import { type Clock, createCommandService, systemClock } from './services/command-service';
import { boardsRoutes } from './routes/boards/boards-routes';
import { registerCascadeRoutes } from './routes/cascade';
import { createLiveUpdates, notifyingCommands } from './services/cascade/live-updates';
import { meetingsRoutes } from './routes/meetings/meetings-routes';
import { createMeetingReads } from './services/meeting-reads';
import { healthRoutes } from './routes/health-routes';

export interface AppDeps {
  db: Db;
  version?: string;
  clientDir?: string | null;
  clock?: Clock;
  access?: AccessPolicy;
  logger?: boolean;
  /** Socket heartbeat; defaults to 20 s + 20 s (tests of network loss use short values). */
  heartbeat?: Heartbeat;
}

export interface KaskadeApp {
  app: FastifyInstance;
  io: KaskadeServer;
}

/** Builds the HTTP app and its Socket.IO server from injected parts; it does not listen (server.ts does). */
export async function buildApp(deps: AppDeps): Promise<KaskadeApp> {
  const version = deps.version ?? '0.0.0';
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 256 * 1024,
    clientErrorHandler,
    frameworkErrors,
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are built from the shared types; serialising is plain JSON (no per-request zod encode on hot reads).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandling(app, { spaFallback: Boolean(deps.clientDir) });

  const repos = createRepositories(deps.db);
  const boards = createBoardService(deps.db, repos, deps.clock ?? systemClock);
  // Measurements committed from any door (socket, feed, import) tell open overviews to refresh.
  const updates = createLiveUpdates();
  const commands = notifyingCommands(createCommandService(deps.db, repos, deps.clock ?? systemClock), updates);

  // Snapshots are repetitive JSON: gzip makes a 21-indicator board a fraction of its size on a wall screen's link.
  await app.register(fastifyCompress, { threshold: 1024 });
  await registerOpenApi(app, version);
  await app.register(healthRoutes, { db: deps.db, version });
  await app.register(boardsRoutes, { boards });
  await registerCascadeRoutes(app, { db: deps.db, repos, commands, access: deps.access ?? openAccess, clock: deps.clock ?? systemClock, updates });
  await app.register(meetingsRoutes, {
    reads: createMeetingReads(deps.db, repos, deps.clock ?? systemClock),
    access: deps.access ?? openAccess,
    boardName: (id) => repos.boards.get(id)?.name,
  });
  if (deps.clientDir) await registerClientFiles(app, deps.clientDir);

  setRealtimeLogger(app.log);
  const io = createSocketServer(app.server, {
    boards,
    commands,
    access: deps.access ?? openAccess,
    ...(deps.heartbeat && { heartbeat: deps.heartbeat }),
  });
  updates.attach(io);
  // Fastify owns the HTTP server: close only the sockets here (io.close() would also wait on the HTTP server,
  // and hang on a client whose network vanished), then Fastify force-closes what is left.
  app.addHook('preClose', async () => {
    updates.close();
    io.disconnectSockets(true);
    io.engine.close();
  });
  return { app, io };
}
