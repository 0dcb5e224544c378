import fastifyRateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Where the counts live: in this process by default; a Redis client (or another store) shares them between instances. */
export type RateLimitStore = Pick<RateLimitPluginOptions, 'redis' | 'store' | 'nameSpace' | 'skipOnError'>;

/**
 * @fastify/rate-limit, off by default: a route opts in with `config: { rateLimit: perMinute(n) }`. Clients are
 * counted by address, IPv6 ones by their /64 (the plugin's default), behind a proxy by the address the trusted hops
 * name (trust-proxy.ts). Refusals answer 429 RATE_LIMITED through the error handler, with Retry-After.
 */
export const rateLimit = fp<RateLimitStore>(
  async (app, store) => {
    await app.register(fastifyRateLimit, {
      ...store,
      global: false,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`Too many attempts; try again in ${context.after}.`), { statusCode: context.statusCode }),
    });
  },
  { name: 'rate-limit' },
);

/** A route's limit: `max` requests per client and minute. */
export const perMinute = (max: number) => ({ max, timeWindow: 60_000 });
