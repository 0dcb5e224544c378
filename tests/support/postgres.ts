import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A PostgreSQL database of its own for one test file: created on the machine's PostgreSQL (the one every developer
 * and CI machine has, see README) and dropped after, so runs never see each other's rows. KASKADE_TEST_PG_URL points
 * at another server's maintenance database.
 */
export const ADMIN_URL = process.env.KASKADE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL does not answer at ${ADMIN_URL} (the tests need PostgreSQL 15 there, or KASKADE_TEST_PG_URL): ${(err as Error).message}`, { cause: err });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * `icuLocale` (e.g. 'da-DK') gives the database that ICU locale as its default collation, which orders text unlike
 * byte order (as a real server's locale may), rather than the server's default.
 */
export async function createTestDatabase(options: { icuLocale?: string } = {}): Promise<TestDatabase> {
  // Lower-case hex only: a valid identifier without quoting.
  const name = `kaskade_test_${randomBytes(6).toString('hex')}`;
  const locale = options.icuLocale
    ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/[^A-Za-z-]/g, '')}'`
    : '';
  await admin((c) => c.query(`CREATE DATABASE ${name}${locale}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
