import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, projectRoot } from '../../server/config';
import type { AppDeps } from '../../server/app';
import { type RunningServer, startServer } from '../../server/server';
import { migrate } from '../../server/db/migrate';
import { type Db, openDatabase } from '../../server/db/open-database';
import Database from 'better-sqlite3';
import { type Store, openStore, sqliteStore } from '../../server/store';
import { createPool } from '../../server/store/postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { seedPostgresThroughSqlite } from '../../server/store/seed-postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';
import { type TestDatabaseTarget, registerTestDatabase } from './auth';
import { createFixtureOrganisation } from './fixtures';
import { testEngine } from './test-engine';

export interface TestServer {
  server: RunningServer;
  url: string;
  /** The SQLite file (SQLite runs only; on PostgreSQL inspect the database through `server.store`). */
  databasePath: string;
  /** Where the data lives, for the session helpers (tests/helpers/auth.ts). */
  database: TestDatabaseTarget;
  /** A connection of the test's own to the server's database (not the server's): it sees only what is committed. */
  openReader(): Store;
  /** Stops the server and starts a new one on the same database (and the same port). */
  restart(): Promise<void>;
  /** Stops serving (clients see the connection drop) until `resume`. */
  pause(): Promise<void>;
  /** Starts a new server on the same database and port after `pause`. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Migrates a new PostgreSQL test database and fills it with what `seed` writes into SQLite (seed-postgres.ts):
 * one seeding code for both engines.
 */
export async function seedTestPostgres(url: string, seed?: (db: Db) => void | Promise<void>): Promise<void> {
  const pool = createPool(url);
  try {
    await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    if (seed) await seedPostgresThroughSqlite(pool, seed);
  } finally {
    await pool.end();
  }
}

/**
 * A real server listening on loopback, on the engine of the test project (test-engine.ts): a real temp SQLite file,
 * or a PostgreSQL database of its own, dropped on `stop`. By default the database holds the small fixture
 * organisation; `demo: true` seeds the demo psychiatry organisation instead.
 */
export async function startTestServer(
  options: { demo?: boolean; clientDir?: string | null; app?: Partial<AppDeps>; config?: Pick<Config, 'redisUrl'> } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-test-'));
  const sqlitePath = join(dir, 'kaskade.db');
  let postgres: TestDatabase | undefined;
  if (testEngine === 'postgres') {
    // The fixture organisation is copied from the run's template (tests/support/postgres-template.ts) when there is one.
    const template = !options.demo && process.env.VITEST ? (await import('vitest')).inject('postgresFixtureTemplate') : undefined;
    postgres = await createTestDatabase(template ? { template } : {});
    try {
      if (!template) await seedTestPostgres(postgres.url, options.demo ? undefined : createFixtureOrganisation);
    } catch (err) {
      await postgres.drop();
      throw err;
    }
  } else if (!options.demo) {
    const db = openDatabase(sqlitePath);
    migrate(db, join(projectRoot, 'migrations'));
    createFixtureOrganisation(db);
    db.close();
  }
  const database: TestDatabaseTarget = postgres ? { postgresUrl: postgres.url } : sqlitePath;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databasePath: sqlitePath,
    databaseUrl: postgres?.url ?? null,
    migrationsDir: join(projectRoot, 'migrations'),
    clientDir: options.clientDir ?? null,
    seedDemo: options.demo ?? false,
    ...options.config,
  };
  let server: RunningServer;
  try {
    server = await startServer(config, { app: options.app });
  } catch (err) {
    await postgres?.drop();
    throw err;
  }
  const handle: TestServer = {
    server,
    get url() {
      return handle.server.url;
    },
    get databasePath() {
      if (postgres) throw new Error('This test server runs on PostgreSQL: it has no SQLite file (inspect the database through server.store).');
      return sqlitePath;
    },
    database,
    openReader: () =>
      postgres ? openStore({ databasePath: sqlitePath, databaseUrl: postgres.url }) : sqliteStore(new Database(sqlitePath, { readonly: true }), true),
    async restart() {
      await handle.pause();
      await handle.resume();
    },
    async pause() {
      config.port = Number(new URL(handle.server.url).port);
      await handle.server.close();
    },
    async resume() {
      handle.server = await startServer(config, { app: options.app });
      registerTestDatabase(handle.server.url, database);
    },
    async stop() {
      await handle.server.close();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  registerTestDatabase(handle.server.url, database);
  return handle;
}
