import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/auth';
import { testToken } from '../helpers/auth';
import { rawGet, rawHttp } from '../helpers/raw-http';
import { type TestServer, startTestServer } from '../helpers/test-server';

// Regression tests for issue 16, items 6, 8, 11 and 12: each fails on the code before the fix.
let srv: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
  // Behind one TLS-terminating proxy on loopback (TRUST_PROXY=1): X-Forwarded-Proto says the browser used HTTPS.
  proxied = await startTestServer({ app: { trustProxy: 1 } });
});
afterAll(async () => {
  await srv.stop();
  await proxied.stop();
});

const HELMET = ['content-security-policy', 'x-content-type-options', 'strict-transport-security', 'x-frame-options'];

describe('security hooks decide on the routed path (16.6)', () => {
  it('refuses POST /%61pi/auth/logout without the CSRF header or from a foreign Origin', async () => {
    const cookie = `kaskade_session=${testToken(srv.url, 'Encoded path')}`;
    const noCsrf = await fetch(`${srv.url}/%61pi/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const foreign = await fetch(`${srv.url}/%61pi/auth/logout`, {
      method: 'POST',
      headers: { cookie, [CSRF_HEADER]: '1', origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    // The session survived both attempts.
    expect((await fetch(`${srv.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a sign-in at /%61pi/auth/login without the CSRF header', async () => {
    const res = await fetch(`${srv.url}/%61pi/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'whatever-password' }),
    });
    expect(res.status).toBe(403);
  });

  it('resolves who asks on an encoded API path too', async () => {
    const cookie = `kaskade_session=${testToken(srv.url, 'Encoded reader')}`;
    expect((await fetch(`${srv.url}/%61pi/auth/me`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('one bearer parser for CSRF and credentials (16.8)', () => {
  it('a cookie with `Authorization: bearer x` is a bearer request: no CSRF header needed, and the cookie is not used', async () => {
    const cookie = `kaskade_session=${testToken(srv.url, 'Bearer mix')}`;
    for (const authorization of ['bearer x', 'BEARER x', 'Bearer\tx']) {
      const res = await fetch(`${srv.url}/api/admin/layers`, {
        method: 'POST',
        headers: { cookie, authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Sneaky layer' }),
      });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('a cookie with another scheme still needs the CSRF header', async () => {
    const cookie = `kaskade_session=${testToken(srv.url, 'Basic mix')}`;
    const res = await fetch(`${srv.url}/api/admin/layers`, {
      method: 'POST',
      headers: { cookie, authorization: 'Basic eDp5', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky layer' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('over HTTPS only the __Host- session cookie counts (16.11)', () => {
  const viaTls = (cookie: string) =>
    fetch(`${proxied.url}/api/auth/me`, { headers: { cookie, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });

  it('refuses a tossed plain kaskade_session and accepts __Host-kaskade_session', async () => {
    const token = testToken(proxied.url, 'Tossed cookie');
    // Signed out, /api/auth/me answers 200 with `anonymous`: the body tells whether the cookie counted.
    expect(await (await viaTls(`kaskade_session=${token}`)).json()).toEqual({ kind: 'anonymous' });
    expect(await (await viaTls(`__Host-kaskade_session=${token}`)).json()).toMatchObject({ kind: 'user', name: 'Tossed cookie' });
    // Even beside a valid __Host- cookie, a tossed plain one does not win.
    const other = testToken(proxied.url, 'Attacker');
    const me = await viaTls(`kaskade_session=${other}; __Host-kaskade_session=${token}`);
    expect(await me.json()).toMatchObject({ name: 'Tossed cookie' });
  });

  // The handshake follows the same rule: a socket.io-client through the proxy, sending the cookie as a browser does.
  const handshake = (url: string, cookie: string, headers: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie, ...headers }, reconnection: false, forceNew: true });
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (error) => {
        socket.close();
        resolve(error.message);
      });
    });
  const tls = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };

  it('the Socket.IO handshake over HTTPS refuses a plain kaskade_session and accepts __Host-kaskade_session', async () => {
    const token = testToken(proxied.url, 'Tossed socket');
    expect(await handshake(proxied.url, `kaskade_session=${token}`, tls)).toMatch(/^UNAUTHENTICATED/);
    expect(await handshake(proxied.url, `__Host-kaskade_session=${token}`, tls)).toBe('connected');
    // Without X-Forwarded-Proto the same proxied server is on plain HTTP, where the plain cookie is the one set.
    expect(await handshake(proxied.url, `kaskade_session=${token}`, {})).toBe('connected');
    // A client that is no trusted proxy cannot claim HTTPS: a direct server ignores X-Forwarded-Proto.
    expect(await handshake(srv.url, `kaskade_session=${testToken(srv.url, 'Direct socket')}`, tls)).toBe('connected');
  });

  it('over plain HTTP the plain cookie still works (development, tests)', async () => {
    const token = testToken(srv.url, 'Plain http');
    expect(await (await fetch(`${srv.url}/api/auth/me`, { headers: { cookie: `kaskade_session=${token}` } })).json()).toMatchObject({ kind: 'user', name: 'Plain http' });
  });
});

describe('security headers on every answer (16.12)', () => {
  it('on the 400 for a URL that does not decode', async () => {
    const res = await rawGet(srv.url, '/api/%E0%A4%A');
    expect(res.status).toBe(400);
    for (const name of HELMET) expect(res.headers[name], name).toBeDefined();
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('on the 431 for oversize headers, and on the 400 for garbage', async () => {
    const big = await rawHttp(srv.url, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    for (const name of HELMET) expect(big.headers[name], name).toBeDefined();
    const garbage = await rawHttp(srv.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.headers['content-security-policy']).toBeDefined();
  });

  it('on Socket.IO long-polling answers', async () => {
    const res = await rawGet(srv.url, '/socket.io/?EIO=4&transport=polling');
    expect(res.status).toBe(200);
    for (const name of HELMET) expect(res.headers[name], name).toBeDefined();
  });
});
