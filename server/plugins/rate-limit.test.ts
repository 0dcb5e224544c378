import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientKey, rateLimit } from './rate-limit';

describe('clientKey', () => {
  it('counts IPv4 addresses singly and IPv6 addresses by their /64', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('rateLimit', () => {
  it('allows max requests per window, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const app = Fastify();
    app.post('/login', { onRequest: rateLimit({ max: 2, windowMs: 60_000 }) }, async () => ({ ok: true }));
    app.post('/other', { onRequest: rateLimit({ max: 2, windowMs: 60_000 }) }, async () => ({ ok: true }));
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'POST', url: '/login' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await app.inject({ method: 'POST', url: '/login' });
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    // Another route keeps its own count, and another client has its own allowance.
    expect((await app.inject({ method: 'POST', url: '/other' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/login', remoteAddress: '198.51.100.1' })).statusCode).toBe(200);
  });
});
