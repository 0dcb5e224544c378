import { Redis } from 'ioredis';
import type { RateLimitStore } from './plugins/rate-limit';

export interface SharedLimits {
  store: RateLimitStore;
  close(): Promise<void>;
}

/**
 * Sign-in and enrolment limits counted in Redis, so that an attacker spread over several instances behind a load
 * balancer meets one limit, not one per instance. Settings as @fastify/rate-limit recommends for ioredis: a short
 * connect timeout and one retry, so a slow Redis does not hold sign-ins. If Redis cannot be reached the limit is
 * skipped (and logged by the plugin) rather than refusing every sign-in while it is away.
 */
export function sharedLimits(redisUrl: string): SharedLimits {
  const redis = new Redis(redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1 });
  // ioredis reconnects by itself; without a listener each failed attempt would be an unhandled 'error' event.
  redis.on('error', () => {});
  return {
    store: { redis, nameSpace: 'kaskade:rate-limit:', skipOnError: true },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Several instances on PostgreSQL without Redis: the limits counted in the shared database instead (see
 * store/postgres-rate-limits.ts), on a small pool of their own so a burst of sign-ins never waits behind commits.
 */
export async function databaseLimits(databaseUrl: string): Promise<SharedLimits> {
  const { createPool } = await import('./store/postgres');
  const { postgresRateLimits } = await import('./store/postgres-rate-limits');
  const pool = createPool(databaseUrl, { max: 2, applicationName: 'kaskade-limits' });
  return { store: postgresRateLimits(pool), close: () => pool.end() };
}
