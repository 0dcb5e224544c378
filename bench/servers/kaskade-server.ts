// The real Kaskade server (validation, access, durable commit, broadcast) in a child process of the bench.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { percentile } from '../lib/stats';
import { serveParent } from '../lib/procs';

// How long each commit waits for its WAL flush (fdatasync on the thread pool, until its callback runs), timed
// from outside the product: node:fs is wrapped before the server is imported, and syncBuiltinESMExports hands
// the wrapper to the server's `import { fdatasync } from 'node:fs'`. The fan-out bench reports the median, since
// a durable move waits for it before anyone hears of the move; the moves bench, how many moves share one.
const flushMs: number[] = [];
const fdatasync = fs.fdatasync;
fs.fdatasync = ((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
  const started = performance.now();
  fdatasync(fd, (err) => {
    flushMs.push(performance.now() - started);
    done(err);
  });
}) as typeof fs.fdatasync;
syncBuiltinESMExports();
const { projectRoot } = await import('../../server/config');
const { startServer } = await import('../../server/server');

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
  /** The WAL flushes since the last call: how many, and their median and p90 in µs. */
  flushes: () => {
    const ms = flushMs.splice(0);
    return { count: ms.length, p50Us: percentile(ms, 50) * 1000, p90Us: percentile(ms, 90) * 1000 };
  },
  /** CPU time this process has used so far (user + system), for the per-move figure of the moves bench. */
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return { cpuUs: user + system };
  },
  stop: async () => {
    await server.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready', url: server.url.replace('localhost', '127.0.0.1') });
