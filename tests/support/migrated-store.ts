import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { type Engine, type Store, postgresStore, sqliteStore } from '../../server/store';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool } from '../../server/store/postgres';
import { createTestDatabase } from './postgres';

export interface MigratedStore {
  store: Store;
  /** PostgreSQL: the database's URL, for a second pool (another instance) on it. */
  url?: string;
  /** Closes the store and removes its database (the temp file, or the test's PostgreSQL database). */
  dispose(): Promise<void>;
}

/**
 * An empty, migrated store of either engine for one test file: an SQLite file in a temp folder, or a PostgreSQL
 * database of its own (created with `icuLocale` when given, to test text ordering under a language collation).
 */
export async function openMigratedStore(engine: Engine, options: { icuLocale?: string } = {}): Promise<MigratedStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kaskade-store-'));
    const db = openDatabase(join(dir, 'kaskade.db'));
    migrate(db, join(projectRoot, 'migrations'));
    const store = sqliteStore(db, true);
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase(options);
  const store = postgresStore(createPool(database.url));
  await migratePostgres(store.pool, join(projectRoot, 'migrations', 'postgres'));
  return {
    store,
    url: database.url,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}
