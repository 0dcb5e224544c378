import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, type KaskadeApp } from './app';
import { type Config, projectRoot } from './config';
import { migrate } from './db/migrate';
import { type Db, openDatabase } from './db/open-database';
import { isOrganisationEmpty, seedDemo } from './seed/seed-demo';

export interface RunningServer extends KaskadeApp {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo organisation into an empty one, and listens. */
export async function startServer(config: Config, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const db = openDatabase(config.databasePath);
  try {
    migrate(db, config.migrationsDir);
    if (config.seedDemo && isOrganisationEmpty(db)) seedDemo(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const kaskade = await buildApp({ db, version, clientDir: config.clientDir, logger: options.logger ?? false });
  const address = await kaskade.app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  return {
    ...kaskade,
    db,
    url: `http://localhost:${port}`,
    close: async () => {
      await kaskade.app.close();
      db.close();
    },
  };
}
