import { type ChildServer, freePort, startChildServer } from '../reliability/helpers/child-server';

/**
 * Several whole Kaskade instances, each `server/main.ts` in a child process of its own (as behind a load
 * balancer), on one database: `DATABASE_URL` when given (PostgreSQL: every instance's store, migrations under the
 * advisory lock), else the SQLite file at `databasePath` (one machine only; what the tests can run until the store
 * runs on PostgreSQL). `REDIS_URL` makes the live updates travel through Redis streams instead of PostgreSQL.
 *
 * Clients of an instance get credentials from `databasePath` (tests/helpers/auth.ts writes the session rows there);
 * on PostgreSQL, the test writes them itself.
 */
export interface AppInstancesOptions {
  /** The SQLite file every instance opens (and test clients get sessions in). */
  databasePath: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** More environment for every instance (SHUTDOWN_DRAIN_MS, LOG_LEVEL …). */
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
  /** The database is migrated already (the test wrote its organisation first): start every instance at once. */
  together?: boolean;
}

export interface AppInstances {
  instances: ChildServer[];
  /** Starts instance `i` again on its port (after a kill: the balancer's address for it stays the same). */
  restart(i: number): Promise<ChildServer>;
  /** SIGKILLs every instance still running. */
  stop(): Promise<void>;
}

export async function startAppInstances(count: number, options: AppInstancesOptions): Promise<AppInstances> {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
    ...(options.redisUrl && { REDIS_URL: options.redisUrl }),
  };
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const start = (port: number) => startChildServer(options.databasePath, port, 'server/main.ts', options.startTimeoutMs ?? 90_000, env);
  // One after the other: the first migrates (and, on a new database, seeds), the rest find it done.
  const instances: ChildServer[] = [];
  try {
    if (options.together) {
      const started = await Promise.allSettled(ports.map(start));
      for (const s of started) if (s.status === 'fulfilled') instances.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
    } else {
      for (const port of ports) instances.push(await start(port));
    }
  } catch (err) {
    await Promise.all(instances.map((i) => i.kill()));
    throw err;
  }
  return {
    instances,
    async restart(i) {
      await instances[i]!.kill();
      instances[i] = await start(ports[i]!);
      return instances[i];
    },
    stop: async () => {
      await Promise.all(instances.map((i) => i.kill()));
    },
  };
}
