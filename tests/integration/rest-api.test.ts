import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardListResponse, ErrorResponse, HealthResponse } from '../../shared/rest';
import { BoardSnapshot } from '../../shared/schemas';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { FIXTURE } from '../helpers/fixtures';
import { sessionCookie, testToken } from '../helpers/auth';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.stop();
});

// Signed in with a session cookie, as the browser is.
const get = (path: string) => fetch(`${srv.url}${path}`, { headers: { cookie: sessionCookie(testToken(srv.url)) } });

describe('REST', () => {
  it('lists boards with their unit and layer', async () => {
    const res = await get('/api/boards');
    expect(res.status).toBe(200);
    const { boards } = BoardListResponse.parse(await res.json());
    expect(boards.map((b) => b.id)).toEqual([FIXTURE.clinicBoard, FIXTURE.wardBoard]);
    expect(boards[1]).toMatchObject({ unit: { id: 'ward', parentId: 'clinic', name: 'Afsnit N2' }, layer: { rank: 3, name: 'Afsnit' } });
  });

  it("serves a board's snapshot: ordered columns, live cards, indicators with target and recent values", async () => {
    const res = await get(`/api/boards/${FIXTURE.clinicBoard}`);
    expect(res.status).toBe(200);
    const snap = BoardSnapshot.parse(await res.json());
    expect(snap.seq).toBe(0);
    expect(snap.columns.map((c) => c.name)).toEqual(['Nye forslag', 'I gang', 'Afsluttet']);
    expect(snap.cards).toHaveLength(2);
    const [restraint, survey] = snap.indicators;
    expect(restraint).toMatchObject({ id: FIXTURE.indicators.restraint, target: { target: 4, tolerance: 1 } });
    expect(restraint!.recent.map((m) => m.periodStart)).toEqual(['2026-07-01', '2026-08-01', '2026-09-01']);
    expect(survey).toMatchObject({ kind: 'soft', minRespondents: 5, recent: [{ respondents: 24 }] });
  });

  it('falls back to the owning unit\'s target on a board of a unit below', async () => {
    const snap = BoardSnapshot.parse(await (await get(`/api/boards/${FIXTURE.wardBoard}`)).json());
    expect(snap.indicators[0]).toMatchObject({ target: { target: 4 }, recent: [] });
  });

  it('answers an unknown board with a typed 404', async () => {
    const res = await get('/api/boards/board-nowhere');
    expect(res.status).toBe(404);
    expect(ErrorResponse.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('answers a malformed id with a typed 400', async () => {
    const res = await get('/api/boards/%3Cscript%3E');
    expect(res.status).toBe(400);
    expect(ErrorResponse.parse(await res.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'params.id' }] });
  });

  it('reports health from a real database read', async () => {
    const health = HealthResponse.parse(await (await get('/api/health')).json());
    expect(health).toMatchObject({ status: 'ok', protocol: PROTOCOL_VERSION, database: { journalMode: 'wal' } });
    expect(health.database.migrations).toBeGreaterThan(0);
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/boards', '/api/boards/{id}', '/api/health']));
    expect(JSON.stringify(doc.paths['/api/boards/{id}'])).toContain('orderKey');
  });

  it('answers an unknown API path with a typed 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(ErrorResponse.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });
});
