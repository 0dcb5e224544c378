import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { connectClient } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

/**
 * The access policy answers with a promise since the store is asynchronous (issue 22). A check that forgets to
 * await it sees a promise, which is always truthy: the door then opens for everyone. Each door below is asked by
 * someone it must refuse, where the refusal is not tested elsewhere, and must still refuse.
 */
let srv: TestServer;
const sibling = 'board-sibling';
beforeAll(async () => {
  srv = await startTestServer();
  // A second ward beside the fixture's: a ward member may read the clinic above (line of sight), never a sibling.
  await srv.server.store.run(sql`INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('sibling', 'clinic', 'l3', 'Afsnit N3')`);
  await srv.server.store.run(sql`INSERT INTO boards (id, unit_id, name, created_at) VALUES (${sibling}, 'sibling', 'Afsnit N3 – tavlemøde', '2026-11-01')`);
});
afterAll(async () => {
  await srv.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${srv.url}${path}`, init);
const person = (name: string, roles: { unitId: string; role: 'viewer' | 'member' | 'facilitator' | 'admin' }[]) =>
  cookieHeaders(createTestSession(srv.database, name, { roles }).token);
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('forbidden stays forbidden with asynchronous access checks', () => {
  it("answers a board's access flags as booleans, all false on a sibling's board", async () => {
    const member = person('Medlem N2', [{ unitId: 'ward', role: 'member' }]);
    expect(await json(await api(`/api/boards/${FIXTURE.wardBoard}/access`, { headers: member }))).toEqual({
      read: true, write: true, facilitate: false, administer: false,
    });
    expect(await json(await api(`/api/boards/${sibling}/access`, { headers: member }))).toEqual({
      read: false, write: false, facilitate: false, administer: false,
    });
  });

  it("lists only the boards one may read, whole or paged, and refuses a sibling's board and its meetings", async () => {
    const member = person('Medlem N2', [{ unitId: 'ward', role: 'member' }]);
    const ids = async (path: string) => (await json<{ boards: { id: string }[] }>(await api(path, { headers: member }))).boards.map((b) => b.id).sort();
    expect(await ids('/api/boards')).toEqual([FIXTURE.clinicBoard, FIXTURE.wardBoard]);
    expect(await ids('/api/boards?limit=50')).toEqual([FIXTURE.clinicBoard, FIXTURE.wardBoard]);
    expect((await api(`/api/boards/${sibling}`, { headers: member })).status).toBe(403);
    expect((await api(`/api/boards/${sibling}/meetings`, { headers: member })).status).toBe(403);
  });

  it("refuses a sibling's board on the socket, and commands on a board only readable", async () => {
    const { token } = createTestSession(srv.database, 'Medlem N2', { roles: [{ unitId: 'ward', role: 'member' }] });
    const client = await connectClient(srv.url, 'Medlem N2', { token });
    expect(await client.join(sibling)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await client.join(FIXTURE.clinicBoard)).toMatchObject({ ok: true });
    const move = { opId: `op-${Date.now()}`, boardId: FIXTURE.clinicBoard, cardId: FIXTURE.cards.huddle, toColumnId: FIXTURE.columns.doing, index: 0 };
    expect(await client.request('card:move', move)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    client.close();
  });

  it('shows a wall screen no unit of the overview, and refuses it a unit to expand', async () => {
    const admin = person('Skærmadmin', [{ unitId: 'clinic', role: 'admin' }]);
    const created = await json<{ code: string }>(
      await api('/api/admin/devices', { method: 'POST', headers: admin, body: JSON.stringify({ boardId: FIXTURE.wardBoard, name: 'Skærm', mode: 'read' }) }),
    );
    const enrolled = await json<{ token: string }>(
      await api('/api/devices/enrol', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ code: created.code }) }),
    );
    const screen = { authorization: `Bearer ${enrolled.token}` };
    const top = await api('/api/overview', { headers: screen });
    expect(top.status).toBe(200);
    expect((await json<{ rows: unknown[] }>(top)).rows).toEqual([]);
    expect((await api('/api/overview?parent=clinic', { headers: screen })).status).toBe(403);
  });

  it('keeps the admin screens, API tokens and goal edits from those who do not administer or facilitate there', async () => {
    const member = person('Medlem N2', [{ unitId: 'ward', role: 'member' }]);
    expect((await api('/api/admin/units', { headers: member })).status).toBe(403);
    expect((await api('/api/api-tokens', { headers: member })).status).toBe(403);
    const clinicAdmin = person('Klinikadmin', [{ unitId: 'clinic', role: 'admin' }]);
    const made = await api('/api/api-tokens', { method: 'POST', headers: clinicAdmin, body: JSON.stringify({ name: 'Klinikkens', unitId: 'clinic' }) });
    expect(made.status).toBe(201);
    const wardAdmin = person('Afsnitsadmin', [{ unitId: 'sibling', role: 'admin' }]);
    const listed = await json<{ tokens: { unitId: string }[] }>(await api('/api/api-tokens', { headers: wardAdmin }));
    expect(listed.tokens.filter((t) => t.unitId === 'clinic')).toEqual([]);
    const goal = { title: 'Færre bæltefikseringer', ownerIds: ['ward'], indicatorId: FIXTURE.indicators.restraint };
    expect((await api('/api/goals', { method: 'POST', headers: member, body: JSON.stringify(goal) })).status).toBe(403);
  });

  it("lists no business case of a goal one cannot read, and refuses to change it", async () => {
    const facilitator = person('Facilitator N2', [{ unitId: 'ward', role: 'facilitator' }]);
    const goal = await json<{ id: string }>(
      await api('/api/goals', { method: 'POST', headers: facilitator, body: JSON.stringify({ title: 'Færre udeblivelser', ownerIds: ['ward'] }) }),
    );
    const initiative = { title: 'SMS-påmindelse', indicatorIds: [FIXTURE.indicators.restraint], investment: 10_000, yearlySaving: 5_000 };
    const created = await api(`/api/goals/${goal.id}/initiatives`, { method: 'POST', headers: facilitator, body: JSON.stringify(initiative) });
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const stranger = person('Medlem N3', [{ unitId: 'sibling', role: 'member' }]);
    const cases = await json<{ initiativeId: string }[]>(await api('/api/business-cases', { headers: stranger }));
    expect(cases.map((c) => c.initiativeId)).not.toContain(id);
    expect((await api(`/api/business-cases?goal=${goal.id}`, { headers: stranger })).status).toBe(403);
    const patch = await api(`/api/initiatives/${id}`, { method: 'PATCH', headers: stranger, body: JSON.stringify({ title: 'Overtaget' }) });
    expect(patch.status).toBe(403);
  });
});
