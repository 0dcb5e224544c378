import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppDeps, buildApp, type KaskadeApp } from './app';
import { type Config, projectRoot } from './config';
import { migrate } from './db/migrate';
import { createLiveAdapter } from './realtime/live-adapter';
import { type Db, openDatabase } from './db/open-database';
import { createRepositories } from './repositories';
import { type Store, openStore } from './store';
import { DEMO_PASSWORD, adminFromEnvironment, demoLoginsWithPublicPassword, seedDemoUsers } from './seed/seed-users';

export interface RunningServer extends KaskadeApp {
  /** The store the server runs on. */
  store: Store;
  /** Its SQLite connection (tests, the full-disk drill). */
  db: Db;
  url: string;
  /** Demo mode: the demo logins (printed at start-up). */
  demoLogins: { username: string; password: string; role: string; unitId: string }[];
  /** Why ADMIN_USERNAME/ADMIN_PASSWORD were or were not used (also logged at start). */
  adminNote: string;
  close(): Promise<void>;
  /**
   * A graceful stop behind a load balancer: readiness turns 503 at once, the instance keeps serving for `drainMs`
   * while the balancer takes it out, then closes. Its sockets are told the server went away and reconnect by
   * themselves after a jittered delay (client socket-transport), through the balancer to another instance.
   */
  shutdown(drainMs: number): Promise<void>;
}

/** Opens and migrates the database, seeds the demo organisation into an empty one, and listens. */
export async function startServer(
  config: Config,
  options: { logger?: AppDeps['logger']; disableRequestLogging?: boolean; env?: NodeJS.ProcessEnv; app?: Partial<AppDeps> } = {},
): Promise<RunningServer> {
  // The PostgreSQL store is being built (issue 22: migrations and ordering exist, the repositories do not run on it
  // yet): say so rather than start on the SQLite file while the operator believes the data goes to PostgreSQL.
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set, but Kaskade cannot run on PostgreSQL yet: unset it to use the SQLite file (DATABASE_PATH).');
  }
  const db = openDatabase(config.databasePath);
  // The store owns nothing here: the connection is closed below, after the app.
  const store = openStore(config, { sqlite: db });
  const env = options.env ?? process.env;
  let adminNote: string;
  try {
    migrate(db, config.migrationsDir);
    if (config.seedDemo) {
      // The demo organisation and its data generators are loaded in demo mode only.
      const { isOrganisationEmpty, seedDemo } = await import('./seed/seed-demo');
      if (await isOrganisationEmpty(db)) await seedDemo(db);
      await seedDemoUsers(db);
    }
    adminNote = await adminFromEnvironment(db, env);
    if (env.NODE_ENV === 'production') await refuseDemoPassword(db);
  } catch (err) {
    await store.close();
    db.close();
    throw err;
  }
  // Loaded only when asked for: a single instance needs no Redis client. Several on PostgreSQL without Redis count
  // in the database.
  const limits = config.redisUrl
    ? (await import('./shared-limits')).sharedLimits(config.redisUrl)
    : config.databaseUrl
      ? await (await import('./shared-limits')).databaseLimits(config.databaseUrl)
      : null;
  // Live updates across instances (Redis streams or PostgreSQL; in memory for one): see realtime/live-adapter.ts.
  let logLive = (_err: Error): void => {};
  const live = await createLiveAdapter(config, { onError: (err) => logLive(err), ...(config.redisPrefix && { redisPrefix: config.redisPrefix }) });
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const kaskade = await buildApp({
    store,
    version,
    clientDir: config.clientDir,
    logger: options.logger ?? false,
    disableRequestLogging: options.disableRequestLogging ?? false,
    allowedOrigins: config.allowedOrigins ?? [],
    oidc: config.oidc ?? null,
    demo: config.seedDemo,
    ...(config.loginAttemptsPerMinute !== undefined && { loginAttemptsPerMinute: config.loginAttemptsPerMinute }),
    ...(config.trustProxy !== undefined && config.trustProxy !== false && { trustProxy: config.trustProxy }),
    ...(limits && { rateLimitStore: limits.store }),
    ...(live.adapter && { liveAdapter: live.adapter }),
    ...options.app,
  });
  logLive = (err) => kaskade.app.log.warn({ err, transport: live.transport }, 'live updates between instances: relay failed, retrying');
  kaskade.app.log.info(adminNote);
  const address = await kaskade.app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const close = async () => {
    await kaskade.app.close();
    await live.close(kaskade.io);
    await limits?.close();
    await store.close();
    db.close();
  };
  return {
    ...kaskade,
    store,
    db,
    url: `http://localhost:${port}`,
    demoLogins: config.seedDemo ? await demoLogins(store) : [],
    adminNote,
    close,
    shutdown: async (drainMs) => {
      kaskade.drain();
      if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
      await close();
    },
  };
}

/** The demo logins that still have the demo password's accounts (by username), for the start-up message. */
async function demoLogins(store: Store): Promise<RunningServer['demoLogins']> {
  const rows = await createRepositories(store).system.demoAccountRoles();
  return rows.map((r) => ({ username: r.username, password: DEMO_PASSWORD, role: r.role, unitId: r.unit_id }));
}

/** Production never runs with logins whose password is published in the README. */
async function refuseDemoPassword(db: Db): Promise<void> {
  const open = await demoLoginsWithPublicPassword(db);
  if (open.length === 0) return;
  throw new Error(
    `Refusing to start in production: the demo logins ${open.join(', ')} still accept the public demo password ` +
      `"${DEMO_PASSWORD}". Fix: start on a new, empty database (DATABASE_PATH) with SEED_DEMO=false and ` +
      'ADMIN_USERNAME/ADMIN_PASSWORD; or, to keep this one, start it once without NODE_ENV=production, sign in as ' +
      'an administrator and give each demo login a new password or disable it (Administration → People).',
  );
}
