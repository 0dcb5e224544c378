import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandling } from './errors';
import { perMinute, rateLimit } from './rate-limit';

describe('rateLimit', () => {
  it('allows max requests per client and route, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const app = Fastify();
    await app.register(errorHandling, { spaFallback: false });
    await app.register(rateLimit, {});
    app.post('/login', { config: { rateLimit: perMinute(2) } }, async () => ({ ok: true }));
    app.post('/other', { config: { rateLimit: perMinute(2) } }, async () => ({ ok: true }));
    app.post('/open', async () => ({ ok: true }));
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'POST', url: '/login' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await app.inject({ method: 'POST', url: '/login' });
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again/) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    // Another route keeps its own count, another client has its own allowance, and unlimited routes stay so.
    expect((await app.inject({ method: 'POST', url: '/other' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/login', remoteAddress: '198.51.100.1' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/open' })).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64, so rotating addresses within it gains nothing', async () => {
    const app = Fastify();
    await app.register(errorHandling, { spaFallback: false });
    await app.register(rateLimit, {});
    app.post('/login', { config: { rateLimit: perMinute(2) } }, async () => ({ ok: true }));
    const codes = [];
    for (const host of ['1', '2', 'ffff:1']) {
      codes.push((await app.inject({ method: 'POST', url: '/login', remoteAddress: `2001:db8:1:2::${host}` })).statusCode);
    }
    expect(codes).toEqual([200, 200, 429]);
  });
});
