import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppDeps, buildApp, type KaskadeApp } from './app';
import { type Config, projectRoot } from './config';
import { type Clock, systemClock } from './services/command-service';
import { migrate } from './db/migrate';
import { createLiveAdapter } from './realtime/live-adapter';
import { type Db, openDatabase } from './db/open-database';
import { createRepositories } from './repositories';
import { type Store, openStore, sqliteStore } from './store';
import { migratePostgres } from './store/migrate-postgres';
import { type DatabaseClock, databaseClock } from './store/database-clock';
import { DEMO_PASSWORD, adminFromEnvironment, demoLoginsWithPublicPassword, seedDemoUsers } from './seed/seed-users';

export interface RunningServer extends KaskadeApp {
  /** The store the server runs on. */
  store: Store;
  /** Its SQLite connection (tests, the full-disk drill). */
  db: Db;
  url: string;
  /** The clock the app stamps meetings, events and sessions with: the database's on PostgreSQL, this machine's on SQLite. */
  clock: Clock;
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
  const env = options.env ?? process.env;
  const store = await openMigratedStore(config);
  let adminNote: string;
  try {
    if (config.seedDemo) await seedDemoOrganisation(store);
    adminNote = await adminFromEnvironment(store, env);
    if (env.NODE_ENV === 'production') await refuseDemoPassword(store);
  } catch (err) {
    await store.close();
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
  // Several instances stamp meeting starts, events and session expiries on the database's clock, so every screen
  // counts a timer the same whichever instance started it or answers its clock reading (store/database-clock.ts).
  let clock: DatabaseClock | null = null;
  try {
    if (store.engine === 'postgres' && !options.app?.clock) clock = await databaseClock(store.pool);
  } catch (err) {
    await live.close();
    await limits?.close();
    await store.close();
    throw err;
  }
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
    ...(clock && { clock }),
    ...options.app,
  });
  logLive = (err) => kaskade.app.log.warn({ err, transport: live.transport }, 'live updates between instances: relay failed, retrying');
  kaskade.app.log.info(adminNote);
  const address = await kaskade.app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const close = async () => {
    await kaskade.app.close();
    clock?.stop();
    await live.close(kaskade.io);
    await limits?.close();
    await store.close();
  };
  return {
    ...kaskade,
    store,
    get db(): Db {
      if (store.engine === 'sqlite') return store.sqlite;
      throw new Error('This server runs on PostgreSQL: it has no SQLite connection (use `store`).');
    },
    url: `http://localhost:${port}`,
    clock: options.app?.clock ?? clock ?? systemClock,
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

/**
 * The store the configuration selects, migrated: the SQLite file (DATABASE_PATH), or PostgreSQL (DATABASE_URL), whose
 * runner takes an advisory lock so instances started together migrate one at a time.
 */
async function openMigratedStore(config: Config): Promise<Store> {
  if (!config.databaseUrl) {
    const db = openDatabase(config.databasePath);
    try {
      migrate(db, config.migrationsDir);
    } catch (err) {
      db.close();
      throw err;
    }
    return sqliteStore(db, true);
  }
  const store = openStore(config, { postgres: { applicationName: `kaskade ${process.pid}` } });
  if (store.engine !== 'postgres') throw new Error('expected the PostgreSQL store');
  try {
    await migratePostgres(store.pool, join(config.migrationsDir, 'postgres'));
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * The demo organisation and its logins, into an empty organisation. PostgreSQL gets the rows the SQLite seed writes,
 * copied in one transaction (seed-postgres.ts): one seeding code for both engines. Several instances starting on an
 * empty database at once: one copy commits, the others find the target no longer empty and go on.
 */
async function seedDemoOrganisation(store: Store): Promise<void> {
  // The demo organisation and its data generators are loaded in demo mode only.
  const { isOrganisationEmpty, seedDemo } = await import('./seed/seed-demo');
  if (store.engine === 'sqlite') {
    if (await isOrganisationEmpty(store.sqlite)) await seedDemo(store.sqlite);
  } else if (await createRepositories(store).system.isOrganisationEmpty()) {
    const { seedPostgresThroughSqlite } = await import('./store/seed-postgres');
    const { TargetNotEmptyError } = await import('./store/copy-to-postgres');
    try {
      await seedPostgresThroughSqlite(store, async (sqlite) => {
        await seedDemo(sqlite);
      });
    } catch (err) {
      if (!(err instanceof TargetNotEmptyError)) throw err;
    }
  }
  await seedDemoUsers(store);
}

/** The demo logins that still have the demo password's accounts (by username), for the start-up message. */
async function demoLogins(store: Store): Promise<RunningServer['demoLogins']> {
  const rows = await createRepositories(store).system.demoAccountRoles();
  return rows.map((r) => ({ username: r.username, password: DEMO_PASSWORD, role: r.role, unitId: r.unit_id }));
}

/** Production never runs with logins whose password is published in the README. */
async function refuseDemoPassword(store: Store): Promise<void> {
  const open = await demoLoginsWithPublicPassword(store);
  if (open.length === 0) return;
  throw new Error(
    `Refusing to start in production: the demo logins ${open.join(', ')} still accept the public demo password ` +
      `"${DEMO_PASSWORD}". Fix: start on a new, empty database (DATABASE_PATH) with SEED_DEMO=false and ` +
      'ADMIN_USERNAME/ADMIN_PASSWORD; or, to keep this one, start it once without NODE_ENV=production, sign in as ' +
      'an administrator and give each demo login a new password or disable it (Administration → People).',
  );
}
