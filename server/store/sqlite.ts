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

type Scalar = string | number | bigint | null;

/** Stands in for a named parameter while a query shape is compiled; never reaches the database. */
const placeholder = (name: string) => `\u0000kaskade-param:${name}\u0000`;

/**
 * A query shape built and compiled by Kysely once, then reused with new parameter values: what a prepared statement
 * is to hand-written SQL. `build` gets stand-ins for the named parameters and must use each as a plain value (a
 * comparison, a SET value, an INSERT value, an arithmetic operand) — never to choose the query's shape, and never a
 * list (`in` with an array). Refused at definition time when a stand-in did not come out as exactly one bound
 * parameter. On the hot path this saves building and compiling per call (bench/FINDINGS.md, Kysely on the SQLite
 * path).
 */
export function preparedQuery<P extends Record<string, Scalar>, R>(
  names: readonly (keyof P & string)[],
  build: (params: P) => { compile(): CompiledQuery<R> },
): (params: P) => CompiledQuery<R> {
  const stand = Object.fromEntries(names.map((n) => [n, placeholder(n)])) as unknown as P;
  const compiled = build(stand).compile();
  if (compiled.sql.includes('\u0000')) throw new Error('preparedQuery: a parameter was written into the SQL text instead of bound');
  const slots = compiled.parameters.map((value) => names.find((n) => value === placeholder(n)));
  for (const n of names) {
    if (slots.filter((s) => s === n).length === 0) throw new Error(`preparedQuery: parameter ${n} is not bound in the query`);
  }
  const constants = compiled.parameters;
  // The compiled query keeps its syntax tree (with the stand-ins in it): run it by its SQL and parameters only.
  return (params) => ({
    ...compiled,
    parameters: slots.map((slot, i) => (slot === undefined ? constants[i] : params[slot])),
  });
}
