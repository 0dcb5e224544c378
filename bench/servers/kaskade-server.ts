// The real Kaskade server (validation, access, durable commit, broadcast) in a child process of the bench.
import { join } from 'node:path';
import { projectRoot } from '../../server/config';
import { startServer } from '../../server/server';
import { serveParent } from '../lib/procs';

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databasePath: process.env.DATABASE_PATH!,
  migrationsDir: join(projectRoot, 'migrations'),
  clientDir: process.env.CLIENT_DIR || null,
  seedDemo: false,
});

serveParent({
  rss: () => {
    globalThis.gc?.();
    globalThis.gc?.();
    return { rss: process.memoryUsage().rss };
  },
  stop: async () => {
    await server.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready', url: server.url.replace('localhost', '127.0.0.1') });
