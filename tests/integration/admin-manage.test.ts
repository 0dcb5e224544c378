import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDevice, AdminIndicator, BoardTemplate, NewCodeResponse } from '../../shared/auth';
import { ApiTokenCreated, ApiTokenList } from '../../shared/cascade';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { type TestServer, startTestServer } from '../helpers/test-server';

// Editing and deleting templates and indicator definitions, API tokens, wall-screen codes and passwords, over real
// HTTP on a real SQLite file: each change with its audit row, each refusal typed and without a change.
let srv: TestServer;
let top: Record<string, string>;
let wardAdmin: Record<string, string>;
let member: Record<string, string>;
beforeAll(async () => {
  srv = await startTestServer();
  const person = (name: string, roles: { unitId: string; role: 'member' | 'admin' }[]) => createTestSession(srv.database, name, { roles });
  top = cookieHeaders(person('Topadmin', [{ unitId: 'clinic', role: 'admin' }]).token);
  wardAdmin = cookieHeaders(person('Afsnitsadmin', [{ unitId: 'ward', role: 'admin' }]).token);
  member = cookieHeaders(person('Medlem', [{ unitId: 'ward', role: 'member' }]).token);
});
afterAll(async () => {
  await srv.stop();
});

function api(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const { 'content-type': type, ...rest } = headers;
  return fetch(`${srv.url}${path}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': type! }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const auditTypes = async () => (await srv.server.store.all(sql<{ type: string }>`SELECT type FROM admin_events ORDER BY id`)).map((r) => r.type);
const errorCode = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;

describe('board templates', () => {
  it('are edited and deleted by an administrator of the whole organisation, each change audited', async () => {
    const { id } = await json<{ id: string }>(await api('POST', '/api/admin/templates', top, { name: 'Sengeafsnit', columns: ['Nye forslag', 'I gang'], indicators: [] }));
    const edit = await api('PATCH', `/api/admin/templates/${id}`, top, { name: 'Sengeafsnit v2', columns: ['Ny', 'I gang', 'Færdig'], indicators: [FIXTURE.indicators.restraint] });
    expect(edit.status).toBe(204);
    const { templates } = await json<{ templates: BoardTemplate[] }>(await api('GET', '/api/admin/templates', top));
    expect(templates.find((t) => t.id === id)).toEqual({ id, name: 'Sengeafsnit v2', columns: ['Ny', 'I gang', 'Færdig'], indicators: [FIXTURE.indicators.restraint] });
    expect((await api('DELETE', `/api/admin/templates/${id}`, top)).status).toBe(204);
    const after = await json<{ templates: BoardTemplate[] }>(await api('GET', '/api/admin/templates', top));
    expect(after.templates.map((t) => t.id)).not.toContain(id);
    expect(await auditTypes()).toEqual(expect.arrayContaining(['template.created', 'template.updated', 'template.deleted']));
  });

  it('refuses a sub-administrator, an unknown indicator and an unknown template with typed errors', async () => {
    const { id } = await json<{ id: string }>(await api('POST', '/api/admin/templates', top, { name: 'Fast', columns: ['A'] }));
    const sub = await api('PATCH', `/api/admin/templates/${id}`, wardAdmin, { name: 'Overtaget' });
    expect([sub.status, await errorCode(sub)]).toEqual([403, 'FORBIDDEN']);
    expect((await api('DELETE', `/api/admin/templates/${id}`, wardAdmin)).status).toBe(403);
    const unknown = await api('PATCH', `/api/admin/templates/${id}`, top, { indicators: ['ind-findes-ikke'] });
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'NOT_FOUND']);
    expect((await api('DELETE', '/api/admin/templates/tpl-findes-ikke', top)).status).toBe(404);
    expect((await api('PATCH', `/api/admin/templates/${id}`, member, { name: 'x' })).status).toBe(403);
  });
});

describe('indicator definitions', () => {
  const create = async (headers: Record<string, string>, unitId: string, name: string) =>
    json<{ id: string }>(await api('POST', '/api/admin/indicators', headers, { unitId, name, direction: 'higher', frequency: 'monthly' }));
  const listed = async (id: string) => (await json<{ indicators: AdminIndicator[] }>(await api('GET', '/api/admin/indicators', top))).indicators.find((i) => i.id === id);

  it('are edited within the subtree and deleted while nothing uses them', async () => {
    const { id } = await create(wardAdmin, 'ward', 'Ventetid');
    expect((await api('PATCH', `/api/admin/indicators/${id}`, wardAdmin, { name: 'Ventetid (dage)', unitLabel: 'dage', direction: 'lower', frequency: 'yearly' })).status).toBe(204);
    expect(await listed(id)).toMatchObject({ name: 'Ventetid (dage)', unitLabel: 'dage', direction: 'lower', frequency: 'yearly', unitId: 'ward' });
    expect((await api('DELETE', `/api/admin/indicators/${id}`, wardAdmin)).status).toBe(204);
    expect(await listed(id)).toBeUndefined();
    expect(await auditTypes()).toEqual(expect.arrayContaining(['indicator.updated', 'indicator.deleted']));
  });

  it('refuses deleting an indicator in use (IN_USE) and changing its frequency once it has measurements', async () => {
    const before = (await auditTypes()).length;
    const del = await api('DELETE', `/api/admin/indicators/${FIXTURE.indicators.restraint}`, top);
    expect(del.status).toBe(409);
    const body = await json<{ error: { code: string; message: string } }>(del);
    expect(body.error.code).toBe('IN_USE');
    expect(body.error.message).toMatch(/measurements/);
    const freq = await api('PATCH', `/api/admin/indicators/${FIXTURE.indicators.restraint}`, top, { frequency: 'weekly' });
    expect([freq.status, await errorCode(freq)]).toEqual([409, 'IN_USE']);
    expect(await listed(FIXTURE.indicators.restraint)).toMatchObject({ frequency: 'monthly' });
    expect((await auditTypes()).length).toBe(before);
  });

  it('refuses a sub-administrator on an indicator of the unit above', async () => {
    const { id } = await create(top, 'clinic', 'Klinikkens tal');
    const res = await api('PATCH', `/api/admin/indicators/${id}`, wardAdmin, { name: 'Overtaget' });
    expect([res.status, await errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    expect((await api('DELETE', `/api/admin/indicators/${id}`, wardAdmin)).status).toBe(403);
    expect(await listed(id)).toMatchObject({ name: 'Klinikkens tal' });
  });
});

describe('API tokens', () => {
  it('are created (secret answered once, never listed) and revoked, each audited; a sub-administrator reaches only theirs', async () => {
    const res = await api('POST', '/api/api-tokens', wardAdmin, { name: 'Datavarehus', unitId: 'ward' });
    expect(res.status).toBe(201);
    const created = ApiTokenCreated.parse(await res.json());
    expect(created.secret).toMatch(/^kft_/);
    const listText = await (await api('GET', '/api/api-tokens', wardAdmin)).text();
    expect(listText).not.toContain(created.secret);
    expect(ApiTokenList.parse(JSON.parse(listText)).tokens.map((t) => t.id)).toContain(created.token.id);
    expect((await api('POST', '/api/api-tokens', wardAdmin, { name: 'Klinik', unitId: 'clinic' })).status).toBe(403);
    expect((await api('POST', '/api/api-tokens', member, { name: 'Medlem', unitId: 'ward' })).status).toBe(403);
    expect((await api('DELETE', `/api/api-tokens/${created.token.id}`, member)).status).toBe(403);
    expect((await api('DELETE', `/api/api-tokens/${created.token.id}`, wardAdmin)).status).toBe(204);
    // A revoked secret is no credential at all.
    const feed = await fetch(`${srv.url}/api/api-tokens`, { headers: { authorization: `Bearer ${created.secret}` } });
    expect(feed.status).toBe(401);
    expect(await auditTypes()).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
  });
});

describe('wall-screen codes', () => {
  it('gives a screen not yet enrolled a new code; an enrolled one is refused', async () => {
    const made = await json<{ device: AdminDevice; code: string }>(await api('POST', '/api/admin/devices', wardAdmin, { boardId: FIXTURE.wardBoard, name: 'Gangen', mode: 'read' }));
    expect(made.device.codeExpiresAt).not.toBeNull();
    const fresh = NewCodeResponse.parse(await json(await api('POST', `/api/admin/devices/${made.device.id}/code`, wardAdmin)));
    expect(fresh.code).not.toBe(made.code);
    // The old code no longer enrols; the new one does, once.
    expect((await api('POST', '/api/devices/enrol', { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, { code: made.code })).status).toBe(401);
    expect((await api('POST', '/api/devices/enrol', { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, { code: fresh.code })).status).toBe(200);
    const again = await api('POST', `/api/admin/devices/${made.device.id}/code`, wardAdmin);
    expect([again.status, await errorCode(again)]).toEqual([409, 'CONFLICT']);
    const clinicScreen = await json<{ device: AdminDevice }>(await api('POST', '/api/admin/devices', top, { boardId: FIXTURE.clinicBoard, name: 'Klinik', mode: 'read' }));
    expect((await api('POST', `/api/admin/devices/${clinicScreen.device.id}/code`, wardAdmin)).status).toBe(403);
  });
});

describe('passwords', () => {
  const signIn = (username: string, password: string) =>
    fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ username, password }) });
  const sessionOf = (res: Response) => {
    const cookie = res.headers.get('set-cookie') ?? '';
    return { cookie: cookie.split(';')[0]!, 'x-kaskade-csrf': '1', 'content-type': 'application/json' };
  };

  it('a person changes their own with the current one; other sessions end, this one stays', async () => {
    await api('POST', '/api/admin/users', top, { username: 'sygeplejerske', displayName: 'Sygeplejerske', password: 'foerste-kode-123' });
    const first = sessionOf(await signIn('sygeplejerske', 'foerste-kode-123'));
    const second = sessionOf(await signIn('sygeplejerske', 'foerste-kode-123'));
    const wrong = await api('POST', '/api/auth/password', first, { currentPassword: 'forkert-kode-999', newPassword: 'anden-kode-4567' });
    expect([wrong.status, await errorCode(wrong)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api('POST', '/api/auth/password', first, { currentPassword: 'foerste-kode-123', newPassword: 'anden-kode-4567' })).status).toBe(204);
    expect((await api('GET', '/api/auth/me', first)).status).toBe(200);
    expect(await (await api('GET', '/api/auth/me', second)).json()).toEqual({ kind: 'anonymous' });
    expect((await signIn('sygeplejerske', 'foerste-kode-123')).status).toBe(401);
    expect((await signIn('sygeplejerske', 'anden-kode-4567')).status).toBe(200);
    expect(await auditTypes()).toContain('user.password-changed');
  });

  it('needs a session and refuses a short new password', async () => {
    const guest = await fetch(`${srv.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ currentPassword: 'x', newPassword: 'y'.repeat(12) }) });
    expect(guest.status).toBe(401);
    expect((await api('POST', '/api/auth/password', member, { currentPassword: 'x', newPassword: 'kort' })).status).toBe(400);
  });

  it('an administrator resets another person’s within their subtree, not above it', async () => {
    const nurse = createTestSession(srv.database, 'Afsnitssygeplejerske', { roles: [{ unitId: 'ward', role: 'member' }] });
    const chief = createTestSession(srv.database, 'Klinikchef', { roles: [{ unitId: 'clinic', role: 'facilitator' }] });
    expect((await api('PATCH', `/api/admin/users/${nurse.userId}`, wardAdmin, { password: 'nulstillet-1234' })).status).toBe(204);
    const hash = async () => (await srv.server.store.first(sql<{ password_hash: string | null }>`SELECT password_hash FROM users WHERE id = ${chief.userId}`))?.password_hash;
    const res = await api('PATCH', `/api/admin/users/${chief.userId}`, wardAdmin, { password: 'overtaget-1234' });
    expect([403, 404]).toContain(res.status);
    expect(await hash()).toBeNull();
    expect(await (await api('GET', '/api/auth/me', cookieHeaders(nurse.token))).json()).toEqual({ kind: 'anonymous' });
  });
});
