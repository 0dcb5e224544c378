import { describe, expect, it } from 'vitest';
import pg from 'pg';
import Database from 'better-sqlite3';
import { isDatabaseUnreachable, isUnavailable, markCommitUncertain } from './unavailable';

/** A real refused connection: nothing listens on port 1. */
async function refusedConnection(): Promise<unknown> {
  const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
  try {
    await pool.query('SELECT 1');
    throw new Error('connected to port 1');
  } catch (err) {
    return err;
  } finally {
    await pool.end();
  }
}

const pgError = (code: string) => Object.assign(new Error('terminating connection due to administrator command'), { code });

describe('database unreachable', () => {
  it('is a refused connection', async () => {
    expect(isUnavailable(await refusedConnection())).toBe(true);
  });

  it('is PostgreSQL shutting down, starting or failing over, and any connection exception (class 08)', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08P01']) expect(isDatabaseUnreachable(pgError(code))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('is not a refusal of the statement, a conflict, or a SQLite error', () => {
    for (const code of ['23505', '40001', '40P01', '42P01', '57014']) expect(isDatabaseUnreachable(pgError(code))).toBe(false);
    const sqlite = new Database(':memory:');
    let sqliteError: unknown;
    try {
      sqlite.exec('SELECT * FROM nothing');
    } catch (err) {
      sqliteError = err;
    }
    expect(sqliteError).toBeInstanceOf(Database.SqliteError);
    expect(isDatabaseUnreachable(sqliteError)).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });

  it('is never UNAVAILABLE once the transaction reached its COMMIT: it may have committed', () => {
    const lost = new Error('Connection terminated unexpectedly');
    markCommitUncertain(lost);
    expect(isDatabaseUnreachable(lost)).toBe(true);
    expect(isUnavailable(lost)).toBe(false);
  });
});
