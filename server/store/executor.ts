import { type CompiledQuery, type Kysely, type Transaction, sql } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database';
import type { Database } from './schema';
import { type Param, preparedQuery } from './prepared';
import { SqliteRunner, sqliteQueryBuilder } from './sqlite';
import { markCommitUncertain } from './unavailable';

export type Engine = 'sqlite' | 'postgres';

/** Anything that compiles to one query: a Kysely builder, or a `sql` template. */
export interface Compilable<R> {
  compile(q: Kysely<Database>): CompiledQuery<R>;
}
export type QueryLike<R> = CompiledQuery<R> | Compilable<R>;

/**
 * Where queries run: the store itself (each statement on its own) or an open transaction. Repositories take one
 * and never know which, so the same repository code serves a request's reads and a command's transaction, on
 * either engine. Queries are built with `q` (this engine's Kysely, for building and compiling only) and run here.
 */
export interface Executor {
  readonly engine: Engine;
  /** Builds and compiles queries for this engine; run them through the executor, never with `.execute()`. */
  readonly q: Kysely<Database>;
  /** Rows of a query that returns rows (SELECT, or a write with RETURNING). */
  all<R>(query: QueryLike<R>): Promise<R[]>;
  /** The first row, or undefined. */
  first<R>(query: QueryLike<R>): Promise<R | undefined>;
  /** A write without RETURNING: how many rows it changed. */
  run(query: QueryLike<unknown>): Promise<number>;
  /**
   * Runs `fn` in a transaction and commits when it resolves, rolls back when it throws. On a transaction this is a
   * savepoint: the inner work is undone alone, as better-sqlite3's nested transactions were. Inside `fn`, run every
   * query on the executor it is given: the store itself waits for the transaction to end (SQLite) or is another
   * connection that cannot see it (PostgreSQL).
   */
  transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  /**
   * Reads that must agree with each other and write nothing (see services/read-transaction.ts): on SQLite the
   * transaction begins DEFERRED, taking no write lock; on PostgreSQL it is REPEATABLE READ, READ ONLY, one snapshot
   * for all its statements, and refuses a write (SQLite would take the write lock then and commit it: keep writes
   * out). No effect on a savepoint, which keeps its transaction's mode.
   */
  readOnly?: boolean;
}

export const compiled = <R>(query: QueryLike<R>, q: Kysely<Database>): CompiledQuery<R> =>
  'sql' in query && 'parameters' in query ? query : query.compile(q);

// ——— SQLite ———

/**
 * SQLite: one better-sqlite3 connection, whose statements run synchronously; the promises only give both engines
 * one shape. A transaction holds the connection from BEGIN to COMMIT, across the awaits of its callback,
 * so the store's own statements (another request's reads, a write outside any transaction) wait until it ends:
 * they would otherwise run inside it, reading what is not committed or committing with it.
 */
export class SqliteExecutor implements Executor {
  readonly engine = 'sqlite';
  readonly q = sqliteQueryBuilder();
  private readonly runner: SqliteRunner;
  /** Settles when the open transaction ends; null when none is open. */
  private open: Promise<void> | null = null;
  private readonly inTransaction: SqliteTransaction;

  constructor(readonly db: Db) {
    this.runner = new SqliteRunner(db);
    this.inTransaction = new SqliteTransaction(this.runner, this.q);
  }

  async all<R>(query: QueryLike<R>): Promise<R[]> {
    // Checked again after every wait, in the same synchronous step as the statement: a transaction another
    // waiter opened meanwhile is waited for too.
    while (this.open) await this.open;
    return this.runner.all(compiled(query, this.q));
  }

  async first<R>(query: QueryLike<R>): Promise<R | undefined> {
    while (this.open) await this.open;
    return this.runner.first(compiled(query, this.q));
  }

  async run(query: QueryLike<unknown>): Promise<number> {
    while (this.open) await this.open;
    return this.runner.run(compiled(query, this.q));
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T> {
    // The wait and the claim in one synchronous step after the last await: two waiters woken by the same end must
    // not both find the connection free (the second's BEGIN would fail, and its end would free the first's claim).
    while (this.open) await this.open;
    let end!: () => void;
    this.open = new Promise((resolve) => (end = resolve));
    try {
      // IMMEDIATE takes the write lock now, so the read worker's connections never make this one retry (SQLITE_BUSY).
      // A read-only one needs no lock beyond WAL's snapshot at its first read: holding the connection already keeps
      // this process's writes out, and BEGIN IMMEDIATE would wait (the event loop with it) on any other writer.
      control(this.db, options?.readOnly ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await fn(this.inTransaction);
      } catch (err) {
        if (this.db.inTransaction) control(this.db, 'ROLLBACK');
        throw err;
      }
      control(this.db, 'COMMIT');
      return result;
    } finally {
      this.open = null;
      end();
    }
  }
}

/**
 * Runs a transaction-control statement, prepared once per connection: a group commit runs BEGIN, COMMIT and a
 * savepoint and its release per command, and preparing each anew was a measurable part of a small batch's cost.
 */
const controlStatements = new WeakMap<Db, Map<string, Statement>>();
function control(db: Db, text: string): void {
  let statements = controlStatements.get(db);
  if (!statements) controlStatements.set(db, (statements = new Map<string, Statement>()));
  let stmt = statements.get(text);
  if (!stmt) statements.set(text, (stmt = db.prepare(text)));
  stmt.run();
}

class SqliteTransaction implements Executor {
  readonly engine = 'sqlite';
  private savepoints = 0;

  constructor(
    private readonly runner: SqliteRunner,
    readonly q: Kysely<Database>,
  ) {}

  /** The connection this transaction is open on. */
  get db(): Db {
    return this.runner.db;
  }

  async all<R>(query: QueryLike<R>): Promise<R[]> {
    return this.runner.all(compiled(query, this.q));
  }

  async first<R>(query: QueryLike<R>): Promise<R | undefined> {
    return this.runner.first(compiled(query, this.q));
  }

  async run(query: QueryLike<unknown>): Promise<number> {
    return this.runner.run(compiled(query, this.q));
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    const db = this.runner.db;
    control(db, `SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      control(db, `RELEASE ${name}`);
      return result;
    } catch (err) {
      // A failing disk may have rolled the whole transaction back already; then there is no savepoint to return to.
      if (db.inTransaction) {
        control(db, `ROLLBACK TO ${name}`);
        control(db, `RELEASE ${name}`);
      }
      throw err;
    } finally {
      this.savepoints--;
    }
  }
}

// ——— PostgreSQL ———

/** PostgreSQL: a pool of connections; each statement takes one, a transaction keeps one to its end. */
export class PostgresExecutor implements Executor {
  readonly engine = 'postgres';

  constructor(readonly q: Kysely<Database>) {}

  async all<R>(query: QueryLike<R>): Promise<R[]> {
    return (await this.q.executeQuery(compiled(query, this.q))).rows;
  }

  async first<R>(query: QueryLike<R>): Promise<R | undefined> {
    return (await this.all(query))[0];
  }

  async run(query: QueryLike<unknown>): Promise<number> {
    return Number((await this.q.executeQuery(compiled(query, this.q))).numAffectedRows ?? 0);
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T> {
    // READ COMMITTED gives each statement its own moment; reads that must agree need one snapshot for all. Kysely
    // says so in the transaction's first statement (START TRANSACTION ISOLATION LEVEL …), no extra round trip.
    const begin = options?.readOnly
      ? this.q.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      : this.q.transaction();
    let workDone = false;
    try {
      return await begin.execute(async (trx) => {
        const result = await fn(new PostgresTransaction(trx));
        workDone = true;
        return result;
      });
    } catch (err) {
      // Past the work, only COMMIT (or the ROLLBACK after it failed) can throw: whether it committed is unknown.
      if (workDone) markCommitUncertain(err);
      throw err;
    }
  }
}

class PostgresTransaction extends PostgresExecutor {
  private savepoints = 0;

  constructor(private readonly trx: Transaction<Database>) {
    super(trx);
  }

  override async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const name = sql.raw(`sp${++this.savepoints}`);
    await sql`SAVEPOINT ${name}`.execute(this.trx);
    try {
      const result = await fn(this);
      await sql`RELEASE SAVEPOINT ${name}`.execute(this.trx);
      return result;
    } catch (err) {
      // If even this fails (the connection is gone), the transaction fails as a whole with the first error.
      await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(this.trx).catch(() => {});
      throw err;
    } finally {
      this.savepoints--;
    }
  }
}

// ——— Query shapes ———

/**
 * A query built and compiled once per engine, then run with new parameter values: what `db.prepare` was to the
 * hand-written SQL. Repositories define their queries at module level with it, so making repositories for a
 * transaction costs no query building. See preparedQuery for what `build` may do with the parameters.
 */
export function queryShape<P extends Record<string, Param>, R>(
  names: readonly (keyof P & string)[],
  build: (q: Kysely<Database>, params: P) => QueryLike<R>,
): (ex: Executor, params: P) => CompiledQuery<R> {
  const perEngine = new Map<Engine, (params: P) => CompiledQuery<R>>();
  return (ex, params) => {
    let shape = perEngine.get(ex.engine);
    if (!shape) {
      shape = preparedQuery(names, (p: P) => ({ compile: () => compiled(build(ex.q, p), ex.q) }));
      perEngine.set(ex.engine, shape);
    }
    return shape(params);
  };
}
