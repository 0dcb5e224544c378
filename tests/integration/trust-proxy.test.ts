import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { type TestServer, startTestServer } from '../helpers/test-server';

// Behind one proxy (TRUST_PROXY=1) the client is the address the proxy appended: what the client itself put in
// X-Forwarded-For does not count, so rotating it gets no fresh sign-in or enrolment budget.
let srv: TestServer;
beforeAll(async () => {
  const { trustProxy } = loadConfig({ TRUST_PROXY: '1' });
  srv = await startTestServer({ app: { ...(trustProxy !== undefined && { trustProxy }), loginAttemptsPerMinute: 3 } });
});
afterAll(async () => {
  await srv.stop();
});

let n = 0;
/** A request as the proxy forwards it: whatever the client claimed, then the address the proxy saw. */
const viaProxy = (path: string, client: string, body: unknown) =>
  fetch(`${srv.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1', 'x-forwarded-for': `198.51.100.${++n % 250}, ${client}` },
    body: JSON.stringify(body),
  });

describe.each([
  ['sign-in', '/api/auth/login', { username: 'nobody', password: 'wrong-password' }],
  ['enrolment', '/api/devices/enrol', { code: '00000000' }],
])('the %s rate limit behind a proxy', (_name, path, body) => {
  it('holds against a rotating X-Forwarded-For, and counts each real client apart', async () => {
    const attacker = path.includes('login') ? '203.0.113.7' : '203.0.113.17';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await viaProxy(path, attacker, body)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Someone else behind the same proxy still has their own budget.
    expect((await viaProxy(path, path.includes('login') ? '203.0.113.8' : '203.0.113.18', body)).status).toBe(401);
  });
});
