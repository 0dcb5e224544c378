import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../server/services/command-service';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { type Size, seedSize } from '../../server/seed/seed-size';
import { type RunningServer, startServer } from '../../server/server';
import { type Store, openStore, sqliteStore } from '../../server/store';
import { type TestDatabase, createTestDatabase } from '../support/postgres';
import { type TestDatabaseTarget, createTestSession, registerTestDatabase } from './auth';
import { testEngine } from './test-engine';
import { seedTestPostgres } from './test-server';

export interface RegionServer {
  server: RunningServer;
  /** Where the data lives (either engine), for the session helpers. */
  database: TestDatabaseTarget;
  /** A connection of the test's own to the server's database. */
  openReader(): Store;
  /** A session of the region's administrator. */
  admin: string;
  stop(): Promise<void>;
}

/**
 * A real server on a region-size organisation (`npm run seed -- --size`), signed in as its administrator, on the
 * test project's engine (PostgreSQL gets the same rows through seed-postgres.ts).
 */
export async function startRegionServer(size: Size, options: { clock?: Clock } = {}): Promise<RegionServer> {
  const dir = mkdtempSync(join(tmpdir(), `kaskade-region-${size}-`));
  const databasePath = join(dir, 'kaskade.db');
  const seed = async (db: Database.Database): Promise<void> => {
    await seedSize(db, size, options.clock ? { today: options.clock.now() } : {});
  };
  let postgres: TestDatabase | undefined;
  if (testEngine === 'postgres') {
    postgres = await createTestDatabase();
    await seedTestPostgres(postgres.url, seed);
  } else {
    const db = openDatabase(databasePath);
    migrate(db, join(projectRoot, 'migrations'));
    await seed(db);
    db.close();
  }
  const database: TestDatabaseTarget = postgres ? { postgresUrl: postgres.url } : databasePath;
  const server = await startServer(
    { port: 0, host: '127.0.0.1', databasePath, databaseUrl: postgres?.url ?? null, migrationsDir: join(projectRoot, 'migrations'), clientDir: null, seedDemo: false },
    options.clock ? { app: { clock: options.clock } } : {},
  );
  registerTestDatabase(server.url, database);
  return {
    server,
    database,
    openReader: () =>
      postgres ? openStore({ databasePath, databaseUrl: postgres.url }) : sqliteStore(new Database(databasePath, { readonly: true }), true),
    admin: createTestSession(database, 'Regionsadministrator').token,
    stop: async () => {
      await server.close();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
