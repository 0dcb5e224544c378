import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../server/services/command-service';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { type Size, seedSize } from '../../server/seed/seed-size';
import { type RunningServer, startServer } from '../../server/server';
import { createTestSession, registerTestDatabase } from './auth';

export interface RegionServer {
  server: RunningServer;
  databasePath: string;
  /** A session of the region's administrator. */
  admin: string;
  stop(): Promise<void>;
}

/** A real server on a region-size organisation (`npm run seed -- --size`), signed in as its administrator. */
export async function startRegionServer(size: Size, options: { clock?: Clock } = {}): Promise<RegionServer> {
  const dir = mkdtempSync(join(tmpdir(), `kaskade-region-${size}-`));
  const databasePath = join(dir, 'kaskade.db');
  const db = openDatabase(databasePath);
  migrate(db, join(projectRoot, 'migrations'));
  await seedSize(db, size, options.clock ? { today: options.clock.now() } : {});
  db.close();
  const server = await startServer(
    { port: 0, host: '127.0.0.1', databasePath, migrationsDir: join(projectRoot, 'migrations'), clientDir: null, seedDemo: false },
    options.clock ? { app: { clock: options.clock } } : {},
  );
  registerTestDatabase(server.url, databasePath);
  return {
    server,
    databasePath,
    admin: createTestSession(databasePath, 'Regionsadministrator').token,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
