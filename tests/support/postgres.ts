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
 * `icuLocale` (e.g. 'da-DK') creates the database with that language's collation, as managed servers usually are,
 * instead of the server's default: what tests of text ordering need, since a C-collated server would order bytewise
 * whatever the schema said.
 */
export async function createTestDatabase(options: { icuLocale?: string; template?: string } = {}): Promise<TestDatabase> {
  // Lower-case hex only: a valid identifier without quoting.
  const name = `kaskade_test_${randomBytes(6).toString('hex')}`;
  const locale = options.icuLocale;
  if (locale !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z]{2})?$/.test(locale)) throw new Error(`not an ICU locale: ${locale}`);
  const template = options.template;
  if (template !== undefined && !/^kaskade_test_[0-9a-f]+$/.test(template)) throw new Error(`not a test database: ${template}`);
  const how = locale ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${locale}'` : template ? ` TEMPLATE ${template}` : '';
  await admin((c) => c.query(`CREATE DATABASE ${name}${how}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
