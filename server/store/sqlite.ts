import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database';
import type { Database } from './schema';

/**
 * Kysely as a query *builder* for SQLite: queries are built and compiled by Kysely and run synchronously on the
 * one better-sqlite3 connection. Kysely's own SqliteDialect is async (every query a promise), which would end the
 * synchronous writer that group commit and `db.transaction` rely on; a builder with no driver keeps it. Executing
 * through Kysely (`.execute()`) on this instance fails: use `runSqlite`.
 */
export function sqliteQueryBuilder(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

/**
 * Runs compiled queries on a better-sqlite3 connection, preparing each distinct SQL text once: a builder compiles
 * the same text for the same query shape, so the hot paths reuse their statements as hand-written code does.
 */
export class SqliteRunner {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  private statement(query: CompiledQuery): Statement {
    let stmt = this.statements.get(query.sql);
    if (!stmt) {
      stmt = this.db.prepare(query.sql);
      this.statements.set(query.sql, stmt);
    }
    return stmt;
  }

  /** Rows of a query that returns rows (SELECT, or a write with RETURNING). */
  all<R>(query: CompiledQuery<R>): R[] {
    return this.statement(query).all(...(query.parameters as unknown[])) as R[];
  }

  /** The first row, or undefined. */
  first<R>(query: CompiledQuery<R>): R | undefined {
    return this.statement(query).get(...(query.parameters as unknown[])) as R | undefined;
  }

  /** A write without RETURNING: how many rows it changed. */
  run(query: CompiledQuery): number {
    return this.statement(query).run(...(query.parameters as unknown[])).changes;
  }
}

export { preparedQuery } from './prepared';
