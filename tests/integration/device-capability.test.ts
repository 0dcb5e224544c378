import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

// A wall screen's token does over REST exactly what its socket may: read its board; touch screens move cards.
let srv: TestServer;
let touch = '';
beforeAll(async () => {
  srv = await startTestServer();
  const admin = cookieHeaders(createTestSession(srv.database, 'Skærmadmin', { roles: [{ unitId: 'clinic', role: 'admin' }] }).token);
  const created = (await (await fetch(`${srv.url}/api/admin/devices`, {
    method: 'POST', headers: admin, body: JSON.stringify({ boardId: FIXTURE.clinicBoard, name: 'Touchskærm', mode: 'touch' }),
  })).json()) as { code: string };
  const enrolled = await fetch(`${srv.url}/api/devices/enrol`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ code: created.code }),
  });
  touch = ((await enrolled.json()) as { token: string }).token;
});
afterAll(async () => {
  await srv.stop();
});

const restraint = FIXTURE.indicators.restraint;
const asDevice = (method: string, path: string, body?: string, type = 'application/json') =>
  fetch(`${srv.url}${path}`, { method, headers: { authorization: `Bearer ${touch}`, 'content-type': type }, ...(body !== undefined && { body }) });
const stored = () => srv.server.store.first(sql`SELECT count(*) AS n FROM measurements WHERE period_start = '2026-10-01'`);

describe('wall-screen tokens over REST', () => {
  it('may not record measurements, import CSV or write deviations, and nothing is saved', async () => {
    const before = await stored();
    const put = await asDevice('PUT', `/api/indicators/${restraint}/measurements`, JSON.stringify({ measurements: [{ unitId: 'clinic', periodStart: '2026-10-01', value: 2 }] }));
    expect(put.status).toBe(403);
    const imported = await asDevice('POST', '/api/imports/measurements?unit=clinic&apply=true', `indicator;period;value\n${restraint};2026-10-01;2\n`, 'text/csv');
    expect(imported.status).toBe(403);
    const deviation = await asDevice('POST', `/api/indicators/${restraint}/deviations`, JSON.stringify({ unitId: 'clinic', periodStart: '2026-09-01', cause: 'x', action: 'y', ownerName: 'z' }));
    expect(deviation.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('may not set targets, baselines or goals, nor create API tokens', async () => {
    expect((await asDevice('PUT', `/api/indicators/${restraint}/target`, JSON.stringify({ unitId: 'clinic', validFrom: '2026-01-01', target: 1, tolerance: 1 }))).status).toBe(403);
    expect((await asDevice('PUT', `/api/indicators/${restraint}/baseline`, JSON.stringify({ unitId: 'clinic', baselineTo: null }))).status).toBe(403);
    expect((await asDevice('POST', '/api/api-tokens', JSON.stringify({ name: 'x', unitId: 'clinic' }))).status).toBe(403);
  });

  it('still reads its board over REST and moves cards (but records no measurement) on its socket', async () => {
    expect((await asDevice('GET', `/api/boards/${FIXTURE.clinicBoard}`)).status).toBe(200);
    expect((await asDevice('GET', `/api/indicators/${restraint}?unit=clinic`)).status).toBe(200);
    const screen = await connectClient(srv.url, 'x', { token: touch });
    await screen.join(FIXTURE.clinicBoard);
    const move = { opId: opId(), boardId: FIXTURE.clinicBoard, cardId: FIXTURE.cards.huddle, toColumnId: FIXTURE.columns.doing, index: 0 };
    expect(await screen.request('card:move', move)).toMatchObject({ ok: true });
    const record = { opId: opId(), boardId: FIXTURE.clinicBoard, indicatorId: restraint, periodStart: '2026-10-01', value: 2 };
    expect(await screen.request('measurement:record', record)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    screen.close();
  });
});
