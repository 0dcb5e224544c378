import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { isStalePreparedStatement, statementName } from './named-statements';
import type { Database } from './schema';

/** PostgreSQL's type id for BIGINT (int8). */
const INT8 = 20;

/**
 * BIGINT columns (a board's seq, counters, generated ids) read as numbers, as SQLite's INTEGER does, so one row
 * type serves both engines. pg reads them as strings by default because they may exceed 2^53; ours never will, and
 * one that did would be refused here rather than rounded. Set per pool, never on pg's global parsers.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 && format !== 'binary') {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${value} is beyond what a JavaScript number holds exactly`);
        return n;
      };
    }
    return pg.types.getTypeParser(oid, format) as unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * A pg client that runs the query shapes as named prepared statements (see named-statements.ts), pg's own way of
 * preparing: the first run on a connection parses and plans, later runs only bind and execute. Anything else runs
 * as before. Should PostgreSQL refuse a statement it prepared because its table changed shape, the client stops
 * naming statements; the refused one did not run.
 */
class PreparingClient extends pg.Client {
  private preparing = true;

  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const name = this.preparing && typeof text === 'string' && Array.isArray(values) ? statementName(text) : undefined;
    if (name === undefined) return super.query(...(args as [pg.QueryConfig])) as never;
    const result: unknown = super.query({ name, text: text as string, values: values as unknown[] }, callback as never);
    if (result instanceof Promise) {
      result.catch((err: unknown) => {
        if (isStalePreparedStatement(err)) this.preparing = false;
      });
    }
    return result as never;
  }
}

export interface PostgresOptions {
  /** Connections in the pool (pg's default is 10). */
  max?: number;
  /** Name in pg_stat_activity, so an operator sees which instance holds a connection. */
  applicationName?: string;
}

export function createPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    types,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'kaskade',
    // An acknowledgement means the change is on disk: a server or database configured with synchronous_commit=off
    // would acknowledge commits it may still lose, so every Kaskade session asks for it on.
    options: '-c synchronous_commit=on',
  });
  // A client that loses its connection (a database restart, a failover, pg_terminate_backend) emits 'error': on the
  // pool when idle, on the client itself when checked out. Unheard, either ends the process. The query that was
  // running rejects on its own (so its command is never acknowledged); the pool drops the dead client when it is
  // released, and the next query takes a fresh one.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function postgresKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
