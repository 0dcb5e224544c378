import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { negotiateEncoding, registerCompression } from './compression';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: `card-${i}`, title: 'A card on the board' })) };

async function app() {
  const app = Fastify();
  registerCompression(app, { threshold: 1024 });
  app.get('/big', async () => big);
  app.get('/small', async () => ({ ok: true }));
  app.get('/png', async (_req, reply) => reply.type('image/png').send(Buffer.alloc(4096)));
  app.get('/stream', async (_req, reply) => reply.type('text/javascript').send(Readable.from(['let a = 1;\n'.repeat(500)])));
  app.get('/events', async (_req, reply) => reply.type('text/event-stream').send('data: x\n\n'.repeat(200)));
  app.get('/encoded', async (_req, reply) => reply.header('content-encoding', 'gzip').send(Buffer.alloc(2048)));
  await app.ready();
  return app;
}

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and the wildcard', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('identity;q=0, *;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe('registerCompression', () => {
  it('gzips a large JSON body with its compressed length and Vary', async () => {
    const res = await (await app()).inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toEqual(big);
  });

  it('does not compress the answer to a HEAD request, which carries no body', async () => {
    const res = await (await app()).inject({ method: 'HEAD', url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers brotli when the client accepts it', async () => {
    const res = await (await app()).inject({ url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual(big);
  });

  it('leaves small bodies, unaccepted encodings, binary types, event streams and encoded bodies alone', async () => {
    const a = await app();
    expect((await a.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
    expect((await a.inject({ url: '/big' })).headers['content-encoding']).toBeUndefined();
    expect((await a.inject({ url: '/png', headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
    expect((await a.inject({ url: '/events', headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
    const encoded = await a.inject({ url: '/encoded', headers: { 'accept-encoding': 'br' } });
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(encoded.rawPayload.length).toBe(2048);
  });

  it('compresses a stream as it flows, without a length', async () => {
    const res = await (await app()).inject({ url: '/stream', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBeUndefined();
    expect(gunzipSync(res.rawPayload).toString()).toBe('let a = 1;\n'.repeat(500));
  });
});
