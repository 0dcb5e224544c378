import { sql } from 'kysely';
import { connect } from 'node:net';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../helpers/fixtures';
import { testToken } from '../helpers/auth';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.stop();
});

const board = FIXTURE.clinicBoard;
const count = () => srv.server.store.first(sql`SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM cards) AS n`);

describe('hostile socket input', () => {
  it('answers unknown events with a typed error', async () => {
    const c = await connectClient(srv.url);
    expect(await c.request('admin:dropTables', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    c.close();
  });

  it('answers events named like EventEmitter\'s own (error, newListener) as unknown, and keeps serving', async () => {
    const c = await connectClient(srv.url);
    expect(await c.request('error', { boom: true })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    expect(await c.request('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    expect(await c.request('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    expect(await c.join(board)).toMatchObject({ ok: true });
    c.close();
  });

  it('survives commands without an ack, with odd argument lists, and deep or huge payloads', async () => {
    const before = await count();
    const c = await connectClient(srv.url);
    const raw = c.socket as unknown as { emit: (...args: unknown[]) => void };
    raw.emit('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: 'x', index: 0 });
    raw.emit('card:create');
    raw.emit('board:join', null, null, null);
    let deep: unknown = {};
    for (let i = 0; i < 500; i++) deep = { a: deep };
    expect(await c.request('card:update', deep)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      await c.request('card:create', { opId: opId(), boardId: board, card: { id: 'x1', columnId: FIXTURE.columns.todo, type: 'idea', title: 'x'.repeat(100_000) } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'card.title' }] } });
    expect(await c.request('measurement:record', { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 'NaN' })).toMatchObject({ ok: false });
    expect(await count()).toEqual(before);
    c.close();
  });

  it('disconnects a client that sends an oversize message, and keeps serving others', async () => {
    const big = io(srv.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: testToken(srv.url) } });
    await new Promise<void>((r) => big.once('connect', () => r()));
    const closed = new Promise<void>((r) => big.once('disconnect', () => r()));
    big.emit('card:create', { opId: opId(), boardId: board, blob: 'x'.repeat(2_000_000) });
    await closed;
    const fine = await connectClient(srv.url);
    expect(await fine.join(board)).toMatchObject({ ok: true });
    fine.close();
  });

  it('refuses a handshake with malformed auth', async () => {
    const bad = io(srv.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { name: { $gt: '' } } });
    const err = await new Promise<Error>((r) => bad.once('connect_error', r));
    expect(err.message).toMatch(/VALIDATION_FAILED/);
    bad.close();
  });
});

describe('hostile HTTP input', () => {
  it('refuses oversize and malformed bodies with a typed error', async () => {
    const res = await fetch(`${srv.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const body = (await res.json()) as { error: { code: string } };
    expect(typeof body.error.code).toBe('string');
    const health = await fetch(`${srv.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('answers a URL that does not decode with a typed error', async () => {
    const res = await fetch(`${srv.url}/api/boards/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers bytes that are not HTTP with a typed error and closes the connection', async () => {
    const { port } = new URL(srv.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
