import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerClientFiles } from './client-files';
import { registerErrorHandling } from './errors';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function app(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-client-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const app = Fastify();
  registerErrorHandling(app, { spaFallback: true });
  await registerClientFiles(app, dir);
  await app.ready();
  return app;
}

describe('registerClientFiles', () => {
  it('serves files with their type and validators, and answers 304 to a matching If-None-Match', async () => {
    const a = await app({ 'index.html': '<!doctype html>', 'assets/app.js': 'console.log(1);' });
    const js = await a.inject({ url: '/assets/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body).toBe('console.log(1);');
    const again = await a.inject({ url: '/assets/app.js', headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await a.inject({ url: '/' })).body).toBe('<!doctype html>');
  });

  it('answers deep links with index.html and unknown API paths with a JSON 404', async () => {
    const a = await app({ 'index.html': '<!doctype html>' });
    const deep = await a.inject({ url: '/boards/b1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    // A link checker or a proxy's health probe asks with HEAD: the same answer, without the body.
    const head = await a.inject({ method: 'HEAD', url: '/boards/b1' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/text\/html/);
    expect(head.body).toBe('');
    const api = await a.inject({ url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('never serves files outside the folder, and answers 404 when index.html is missing', async () => {
    const a = await app({ 'assets/app.js': 'x' });
    const outside = await a.inject({ url: '/../package.json' });
    expect(outside.body).not.toContain('"name"');
    const deep = await a.inject({ url: '/boards/b1' });
    expect(deep.statusCode).toBe(404);
    expect(deep.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
