import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { DEMO_USERS, bootstrapAdmin, seedDemoUsers } from '../../server/seed/seed-users';
import { type PostgresStore, postgresStore } from '../../server/store';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool } from '../../server/store/postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

// Instances of a new installation start together on one empty PostgreSQL: each finds no users and writes the first
// ones. The one that commits second must go on as if it had found them there, not crash on the unique key.

let db: TestDatabase | undefined;
const stores: PostgresStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await db?.drop();
  db = undefined;
});

/** Two stores (two instances' pools) on one freshly migrated, empty database. */
async function twoInstances(): Promise<[PostgresStore, PostgresStore]> {
  db = await createTestDatabase();
  const a = postgresStore(createPool(db.url));
  const b = postgresStore(createPool(db.url));
  stores.push(a, b);
  await migratePostgres(a.pool, join(projectRoot, 'migrations', 'postgres'));
  return [a, b];
}

const count = async (store: PostgresStore, table: 'users' | 'org_units') =>
  Number((await store.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe('two instances starting at once on an empty PostgreSQL', () => {
  it('add the demo logins once: one adds them, the other finds them added', async () => {
    const [a, b] = await twoInstances();
    await a.pool.query("INSERT INTO layers (id, rank, name, kind) VALUES ('l', 0, 'Region', 'org')");
    await a.pool.query("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('region', NULL, 'l', 'Region'), ('psyk', 'region', 'l', 'Psykiatri'), ('k-nord', 'psyk', 'l', 'Nord'), ('n2', 'k-nord', 'l', 'N2')");
    const added = await Promise.all([seedDemoUsers(a), seedDemoUsers(b)]);
    expect(added.map((list) => list.length).sort()).toEqual([0, DEMO_USERS.length]);
    expect(await count(a, 'users')).toBe(DEMO_USERS.length);
  });

  it('create the first administrator once: one creates it, the other answers that there are users', async () => {
    const [a, b] = await twoInstances();
    const created = await Promise.all([bootstrapAdmin(a, 'ada', 'long enough password'), bootstrapAdmin(b, 'ada', 'long enough password')]);
    expect(created.sort()).toEqual([false, true]);
    expect(await count(a, 'users')).toBe(1);
    expect(await count(a, 'org_units')).toBe(1);
  });

  it('still report any other failure', async () => {
    const [a] = await twoInstances();
    await expect(bootstrapAdmin(a, 'ada', 'short')).rejects.toThrow(/at least 10/);
  });
});
