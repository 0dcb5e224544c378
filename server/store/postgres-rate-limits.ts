import type pg from 'pg';
import type { RateLimitStore } from '../plugins/rate-limit';

/** The table migration 0009 creates for the counts. */
const TABLE = 'kaskade_live.rate_limits';

/** Every this many attempts, expired counts are deleted (one cheap statement now and then, no timer to stop). */
const PRUNE_EVERY = 500;

interface StoreParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}
type Callback = (err: Error | null, result: { current: number; ttl: number } | null) => void;

/** @fastify/rate-limit options that make this store unusable: refused at start-up rather than half-honoured. */
export class RateLimitOptionError extends Error {
  override name = 'RateLimitOptionError';
}

/**
 * Sign-in and enrolment limits counted in PostgreSQL, for several instances without Redis: an attacker spread over
 * the instances meets one limit. One statement per attempt, atomic under concurrency (an upsert on the key's row),
 * timed by the database's clock so the instances' clocks do not matter. With REDIS_URL the Redis store is used
 * instead (shared-limits.ts): no write to the database that commits the moves for each attempt.
 *
 * The store is a class, as @fastify/rate-limit constructs it (`new Store(params)`, then `child` per route).
 */
export function postgresRateLimits(pool: pg.Pool): RateLimitStore {
  let attempts = 0;
  class PostgresRateLimitStore {
    constructor(
      private readonly params: StoreParams,
      private readonly prefix = 'kaskade:',
    ) {
      if (params.exponentialBackoff) throw new RateLimitOptionError('The PostgreSQL rate-limit store does not implement exponentialBackoff.');
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      const extend = this.params.continueExceeding === true;
      pool
        .query<{ count: number | string; ttl: number }>(
          `INSERT INTO ${TABLE} AS r (key, count, expires_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.count + 1 END,
             expires_at = CASE
               WHEN r.expires_at <= now() OR ($3 AND r.count + 1 > $4) THEN now() + $2 * interval '1 millisecond'
               ELSE r.expires_at END
           RETURNING count, GREATEST(0, extract(epoch FROM expires_at - now()) * 1000)::float8 AS ttl`,
          [this.prefix + key, timeWindow, extend, max],
        )
        .then(({ rows }) => cb(null, { current: Number(rows[0]!.count), ttl: Math.round(rows[0]!.ttl) }), (err: Error) => cb(err, null));
      if (++attempts % PRUNE_EVERY === 0) void pool.query(`DELETE FROM ${TABLE} WHERE expires_at < now()`).catch(() => {});
    }

    child(routeOptions: StoreParams & { routeInfo: { method: string; url: string } }): PostgresRateLimitStore {
      return new PostgresRateLimitStore({ ...this.params, ...routeOptions }, `${this.prefix}${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}-`);
    }
  }
  // If PostgreSQL cannot be reached the limit is skipped (and logged by the plugin), as with Redis.
  return { store: PostgresRateLimitStore as unknown as RateLimitStore['store'], skipOnError: true };
}
