// The real Kaskade server (validation, access, durable commit, broadcast) in a child process of the bench.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../server/config';
import { startServer } from '../../server/server';
import { serveParent } from '../lib/procs';

// The moves benchmark measures what the pipeline carries, not the per-connection command rate limit (where the
// server has one: 100/s per socket by default).
const options = {
  logger: false,
  ...(process.env.BENCH_UNLIMITED_COMMANDS === '1' && { app: { commandRate: { burst: 1e9, perSecond: 1e9 } } }),
};
const server = await startServer(
  {
    port: 0,
    host: '127.0.0.1',
    databasePath: process.env.DATABASE_PATH!,
    // PostgreSQL benches (pg-benches.ts) start the same server on a database URL; the file is then unused.
    databaseUrl: process.env.DATABASE_URL || null,
    migrationsDir: join(projectRoot, 'migrations'),
    clientDir: process.env.CLIENT_DIR || null,
    seedDemo: false,
  },
  options,
);

serveParent({
  rss: () => {
    globalThis.gc?.();
    globalThis.gc?.();
    return { rss: process.memoryUsage().rss };
  },
  /**
   * CPU time this process has used so far (user + system), and the time its event loop was busy: the busy time
   * beyond the CPU time is mostly the loop waiting in a commit's sync.
   */
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return { cpuUs: user + system, busyUs: performance.eventLoopUtilization().active * 1000 };
  },
  stop: async () => {
    await server.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready', url: server.url.replace('localhost', '127.0.0.1') });
