import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSnapshot } from '../../shared/schemas';
import { sessionCookie, testToken } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { type TestServer, startTestServer } from '../helpers/test-server';

// API answers compressed by @fastify/compress (issue 19): a wall screen on a slow link gets its board in a fraction
// of the bytes, in the encoding it asked for, and a client that asks for none gets the plain JSON.
let srv: TestServer;
let cookie: string;
beforeAll(async () => {
  srv = await startTestServer();
  cookie = sessionCookie(testToken(srv.url));
});
afterAll(async () => {
  await srv.stop();
});

/** A GET whose body is kept as the bytes on the wire (Node's http does not decode, unlike fetch). */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${srv.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}
const snapshot = (encoding?: string) =>
  get(`/api/boards/${FIXTURE.clinicBoard}`, { cookie, ...(encoding && { 'accept-encoding': encoding }) });

describe('API answers over real HTTP', () => {
  it('sends a board snapshot gzip-compressed to a client that accepts gzip, and it decodes to the same board', async () => {
    const [plain, gz] = await Promise.all([snapshot(), snapshot('gzip')]);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    const decoded = gunzipSync(gz.body);
    expect(BoardSnapshot.parse(JSON.parse(decoded.toString())).board.id).toBe(FIXTURE.clinicBoard);
    expect(decoded.equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('prefers brotli when the client offers it as a browser does', async () => {
    const br = await snapshot('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toMatchObject({ board: { id: FIXTURE.clinicBoard } });
  });

  it('sends a report from the read pool encoded there, in the encoding asked for, decoding to the plain answer', async () => {
    const path = '/api/reports/status?unit=clinic&from=2025-01-01&to=2026-12-31';
    const [plain, gz, br] = await Promise.all([
      get(path, { cookie }), get(path, { cookie, 'accept-encoding': 'gzip' }), get(path, { cookie, 'accept-encoding': 'gzip, deflate, br' }),
    ]);
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const csv = await get(`/api/indicators/${FIXTURE.indicators.restraint}/measurements.csv?unit=nowhere`, { cookie, 'accept-encoding': 'gzip' });
    expect(csv.status).not.toBe(200);
    expect(csv.headers['content-disposition']).toBeUndefined();
  });

  it('leaves small answers as they are', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'gzip' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
  });
});
