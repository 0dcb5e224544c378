// Sign-in limits shared through PostgreSQL when there is no Redis: attempts spread over two instances (two real
// Fastify servers on loopback, each with its own pool, as two processes would have) meet one limit, per client and
// route, and the window ends by the database's clock. A PostgreSQL database of its own, dropped after.
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { perMinute, rateLimit } from '../../server/plugins/rate-limit';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { RateLimitOptionError, postgresRateLimits } from '../../server/store/postgres-rate-limits';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

describe('rate limits in PostgreSQL (several instances without Redis)', () => {
  let pgDb: TestDatabase;
  const pools: pg.Pool[] = [];
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];

  async function instance(windowMs: number): Promise<string> {
    const pool = new pg.Pool({ connectionString: pgDb.url, max: 2 });
    pools.push(pool);
    const app = Fastify({ trustProxy: true });
    await app.register(rateLimit, postgresRateLimits(pool));
    app.post('/login', { config: { rateLimit: { max: 3, timeWindow: windowMs } } }, async () => ({ ok: true }));
    app.post('/enrol', { config: { rateLimit: perMinute(3) } }, async () => ({ ok: true }));
    apps.push(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  }
  const attempt = (url: string, client: string, path = '/login') =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'x-forwarded-for': client } }).then((r) => r.status);

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: pgDb.url, max: 1 });
    await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    await pool.end();
    urls.push(await instance(60_000), await instance(60_000));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(pools.map((p) => p.end()));
    await pgDb?.drop();
  });

  it('counts attempts spread over two instances together, per client and per route', async () => {
    const [a, b] = urls as [string, string];
    expect([await attempt(a, '10.0.0.1'), await attempt(b, '10.0.0.1'), await attempt(a, '10.0.0.1')]).toEqual([200, 200, 200]);
    expect(await attempt(b, '10.0.0.1')).toBe(429);
    expect(await attempt(a, '10.0.0.1')).toBe(429);
    expect(await attempt(b, '10.0.0.2')).toBe(200); // another client
    expect(await attempt(b, '10.0.0.1', '/enrol')).toBe(200); // another route
  });

  it('holds the limit under concurrent attempts: exactly max pass', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(urls[i % 2]!, '10.0.0.3')));
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });

  it('starts a new window once the old one has passed', async () => {
    const short = await instance(300);
    for (let i = 0; i < 3; i++) expect(await attempt(short, '10.0.0.4')).toBe(200);
    expect(await attempt(short, '10.0.0.4')).toBe(429);
    await new Promise((r) => setTimeout(r, 400));
    expect(await attempt(short, '10.0.0.4')).toBe(200);
  });

  it('refuses options it does not implement, at start-up', () => {
    const { store } = postgresRateLimits(pools[0]!);
    const Store = store as unknown as new (params: object) => unknown;
    expect(() => new Store({ exponentialBackoff: true })).toThrow(RateLimitOptionError);
  });
});
