import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress';
import { clientFiles, hasClientIndex } from './client-files';
import { errorHandling } from './errors';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const BUNDLE = 'export const greeting = "hej";\n'.repeat(200);

async function app(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-client-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  precompress(dir);
  const app = Fastify();
  const spaFallback = hasClientIndex(dir);
  await app.register(errorHandling, { spaFallback });
  if (spaFallback || files['assets/app.js']) await app.register(clientFiles, { root: dir });
  await app.ready();
  return { app, dir };
}

describe('clientFiles', () => {
  it('serves hashed assets immutable for a year and index.html revalidated, with validators', async () => {
    const { app: a } = await app({ 'index.html': '<!doctype html>', 'assets/app-1a2b3c.js': 'console.log(1);' });
    const js = await a.inject({ url: '/assets/app-1a2b3c.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log(1);');
    const again = await a.inject({ url: '/assets/app-1a2b3c.js', headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const index = await a.inject({ url: '/' });
    expect(index.body).toBe('<!doctype html>');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('sends the brotli or gzip file written at build time, byte for byte, and the plain file to others', async () => {
    const { app: a, dir } = await app({ 'index.html': '<!doctype html>', 'assets/app-9f8e.js': BUNDLE });
    const br = await a.inject({ url: '/assets/app-9f8e.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.equals(readFileSync(join(dir, 'assets/app-9f8e.js.br')))).toBe(true);
    const gz = await a.inject({ url: '/assets/app-9f8e.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.equals(readFileSync(join(dir, 'assets/app-9f8e.js.gz')))).toBe(true);
    const plain = await a.inject({ url: '/assets/app-9f8e.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('answers deep links with index.html (GET and HEAD) and unknown API paths with a JSON 404', async () => {
    const { app: a } = await app({ 'index.html': '<!doctype html>' });
    const deep = await a.inject({ url: '/boards/b1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.headers['cache-control']).toBe('no-cache');
    // A link checker or a proxy's health probe asks with HEAD: the same answer, without the body.
    const head = await a.inject({ method: 'HEAD', url: '/boards/b1' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/text\/html/);
    expect(head.body).toBe('');
    const api = await a.inject({ url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers 404 in the error shape when index.html is missing', async () => {
    const { app: a } = await app({ 'assets/app.js': 'x' });
    const deep = await a.inject({ url: '/boards/b1' });
    expect(deep.statusCode).toBe(404);
    expect(deep.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
