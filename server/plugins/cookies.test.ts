import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clearCookie, parseCookies, setCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header: first of a name wins, escapes decoded, malformed ones kept', () => {
    expect(parseCookies('a=1; b=x%20y; a=2; c=%E0%A4%A; junk')).toEqual({ a: '1', b: 'x y', c: '%E0%A4%A' });
    expect(parseCookies(undefined)).toEqual({});
  });

  it('sets and clears cookies as separate Set-Cookie headers', async () => {
    const app = Fastify();
    app.get('/', async (_req, reply) => {
      setCookie(reply, 's', 'tok en', { path: '/', httpOnly: true, secure: true, sameSite: 'lax', expires: new Date(Date.UTC(2030, 0, 1)) });
      clearCookie(reply, 'state', { path: '/api/auth/oidc' });
      return {};
    });
    const res = await app.inject({ url: '/' });
    expect(res.headers['set-cookie']).toEqual([
      's=tok%20en; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
      'state=; Path=/api/auth/oidc; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]);
  });
});
