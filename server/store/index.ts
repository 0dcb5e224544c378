import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from '../config';
import { type Db, openDatabase } from '../db/open-database';
import { type PostgresOptions, createPool, postgresKysely } from './postgres';
import type { Database } from './schema';
import { SqliteRunner, sqliteQueryBuilder } from './sqlite';

export type { Database } from './schema';

/**
 * The store under the repositories, tagged with its engine: the queries are one Kysely definition, but SQLite runs
 * them synchronously on its one connection (`run`, inside `db.transaction`) while PostgreSQL runs them through a
 * pool with promises (`db`), so code that commits switches on `engine` once, at the transaction, not per query.
 */
export type Store = SqliteStore | PostgresStore;

export interface SqliteStore {
  engine: 'sqlite';
  /** The better-sqlite3 connection (the writer). */
  sqlite: Db;
  /** Builds and compiles queries only; run them with `run`. */
  q: Kysely<Database>;
  run: SqliteRunner;
  close(): Promise<void>;
}

export interface PostgresStore {
  engine: 'postgres';
  pool: pg.Pool;
  /** Builds and executes queries on the pool. */
  db: Kysely<Database>;
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
    const db = postgresKysely(pool);
    // Kysely's destroy ends the pool it was given.
    return { engine: 'postgres', pool, db, close: () => db.destroy() };
  }
  const owned = !options.sqlite;
  const sqlite = options.sqlite ?? openDatabase(config.databasePath);
  return {
    engine: 'sqlite',
    sqlite,
    q: sqliteQueryBuilder(),
    run: new SqliteRunner(sqlite),
    close: async () => {
      if (owned) sqlite.close();
    },
  };
}
