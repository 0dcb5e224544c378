import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, projectRoot } from '../../server/config';
import type { AppDeps } from '../../server/app';
import { type RunningServer, startServer } from '../../server/server';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { registerTestDatabase } from './auth';
import { createFixtureOrganisation } from './fixtures';

export interface TestServer {
  server: RunningServer;
  url: string;
  databasePath: string;
  /** Stops the server and starts a new one on the same database file (and the same port). */
  restart(): Promise<void>;
  /** Stops serving (clients see the connection drop) until `resume`. */
  pause(): Promise<void>;
  /** Starts a new server on the same database file and port after `pause`. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real server on a real temp SQLite file, listening on loopback. By default the database holds the small
 * fixture organisation; `demo: true` seeds the demo psychiatry organisation instead.
 */
export async function startTestServer(
  options: { demo?: boolean; clientDir?: string | null; app?: Partial<AppDeps>; config?: Pick<Config, 'redisUrl'> } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-test-'));
  const databasePath = join(dir, 'kaskade.db');
  if (!options.demo) {
    const db = openDatabase(databasePath);
    migrate(db, join(projectRoot, 'migrations'));
    createFixtureOrganisation(db);
    db.close();
  }
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databasePath,
    migrationsDir: join(projectRoot, 'migrations'),
    clientDir: options.clientDir ?? null,
    seedDemo: options.demo ?? false,
    ...options.config,
  };
  const handle: TestServer = {
    server: await startServer(config, { app: options.app }),
    get url() {
      return handle.server.url;
    },
    databasePath,
    async restart() {
      await handle.pause();
      await handle.resume();
    },
    async pause() {
      config.port = Number(new URL(handle.server.url).port);
      await handle.server.close();
    },
    async resume() {
      handle.server = await startServer(config, { app: options.app });
      registerTestDatabase(handle.server.url, databasePath);
    },
    async stop() {
      await handle.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  registerTestDatabase(handle.server.url, databasePath);
  return handle;
}
