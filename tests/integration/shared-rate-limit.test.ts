import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { type TestServer, startTestServer } from '../helpers/test-server';

// Two instances behind one load balancer: with REDIS_URL they count sign-in attempts together, so spreading
// attempts over the instances gains nothing. The machine runs Redis on 127.0.0.1:6379 (see README).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function instance(redisUrl: string | null): Promise<TestServer> {
  const { trustProxy } = loadConfig({ TRUST_PROXY: '1' });
  const srv = await startTestServer({ config: { redisUrl }, app: { ...(trustProxy !== undefined && { trustProxy }), loginAttemptsPerMinute: 3 } });
  servers.push(srv);
  return srv;
}

/** A client address of its own per test run, so counts left in Redis by an earlier run do not matter. */
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const login = (srv: TestServer, client: string) =>
  fetch(`${srv.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1', 'x-forwarded-for': client },
    body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
  }).then((r) => r.status);

describe('sign-in limits across instances', () => {
  it('with REDIS_URL, attempts spread over two instances meet one limit', async () => {
    const [a, b] = [await instance(REDIS_URL), await instance(REDIS_URL)];
    const client = clientAddress();
    expect([await login(a, client), await login(b, client), await login(a, client)]).toEqual([401, 401, 401]);
    expect(await login(b, client)).toBe(429);
    expect(await login(a, client)).toBe(429);
    // Another client keeps its own budget.
    expect(await login(b, clientAddress())).toBe(401);
  });

  it('without it, each instance counts alone (which is why several instances need REDIS_URL)', async () => {
    const [a, b] = [await instance(null), await instance(null)];
    const client = clientAddress();
    for (let i = 0; i < 3; i++) expect(await login(a, client)).toBe(401);
    expect(await login(a, client)).toBe(429);
    expect(await login(b, client)).toBe(401);
  });

  it('a Redis that cannot be reached does not stop sign-in', async () => {
    const srv = await instance('redis://127.0.0.1:1');
    expect(await login(srv, clientAddress())).toBe(401);
  });
});
