import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from '../config';
import { type Db, openDatabase } from '../db/open-database';
import { type Executor, PostgresExecutor, SqliteExecutor } from './executor';
import { type PostgresOptions, createPool, postgresKysely } from './postgres';
import type { Database } from './schema';

export type { Database } from './schema';
export type { Compilable, Engine, Executor, QueryLike, TransactionOptions } from './executor';
export { queryShape } from './executor';

/**
 * The store under the repositories: an Executor over the engine the configuration selects, plus what only that
 * engine has (the SQLite connection for backups, seeds and the read worker; the pg pool for the Socket.IO adapter).
 * Repositories see only the Executor, so they run unchanged on either engine.
 */
export type Store = SqliteStore | PostgresStore;

export interface SqliteStore extends Executor {
  readonly engine: 'sqlite';
  /** The better-sqlite3 connection (the writer). */
  readonly sqlite: Db;
  close(): Promise<void>;
}

export interface PostgresStore extends Executor {
  readonly engine: 'postgres';
  readonly pool: pg.Pool;
  /** Kysely over the pool (builds and executes). */
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Opens the store the configuration selects: PostgreSQL when DATABASE_URL was given (config.databaseUrl, checked by
 * loadConfig), otherwise the SQLite file. An SQLite connection already open (the server's) may be passed in; the
 * store then does not close it. Opening does not migrate: see server/db/migrate.ts and ./migrate-postgres.ts.
 */
export function openStore(
  config: Pick<Config, 'databasePath' | 'databaseUrl'>,
  options: { sqlite?: Db; postgres?: PostgresOptions } = {},
): Store {
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl, options.postgres);
    return postgresStore(pool);
  }
  const owned = !options.sqlite;
  return sqliteStore(options.sqlite ?? openDatabase(config.databasePath), owned);
}

/** A store over an open SQLite connection; `owned` closes the connection with the store. */
export function sqliteStore(db: Db, owned = false): SqliteStore {
  return Object.assign(new SqliteExecutor(db), {
    engine: 'sqlite' as const,
    sqlite: db,
    close: async () => {
      if (owned) db.close();
    },
  });
}

/** A store over a pg pool; closing it ends the pool. */
export function postgresStore(pool: pg.Pool): PostgresStore {
  const db = postgresKysely(pool);
  return Object.assign(new PostgresExecutor(db), {
    engine: 'postgres' as const,
    pool,
    db,
    // Kysely's destroy ends the pool it was given.
    close: () => db.destroy(),
  });
}
