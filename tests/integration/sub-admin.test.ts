import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUser } from '../../shared/auth';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { type TestServer, startTestServer } from '../helpers/test-server';

// An administrator of a unit below the top reaches the people within their subtree only.
let srv: TestServer;
let top: Record<string, string>;
let wardAdmin: Record<string, string>;
const ids: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer();
  const person = (name: string, roles: { unitId: string; role: 'member' | 'admin' }[]) => createTestSession(srv.database, name, { roles });
  top = cookieHeaders(person('Topadmin', [{ unitId: 'clinic', role: 'admin' }]).token);
  wardAdmin = cookieHeaders(person('Afsnitsadmin', [{ unitId: 'ward', role: 'admin' }]).token);
  ids.wardMember = person('Afsnitsmedlem', [{ unitId: 'ward', role: 'member' }]).userId;
  ids.clinicMember = person('Klinikmedlem', [{ unitId: 'clinic', role: 'member' }]).userId;
  const res = await api('POST', '/api/admin/users', top, { username: 'rolleloes', displayName: 'Uden rolle', email: 'uden@example.org', password: 'hemmeligt-1234' });
  ids.roleless = AdminUser.parse(await res.json()).id;
});
afterAll(async () => {
  await srv.stop();
});

function api(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const { 'content-type': type, ...rest } = headers;
  return fetch(`${srv.url}${path}`, { method, headers: body === undefined ? rest : { ...rest, 'content-type': type! }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}
const userRow = (id: string) => srv.server.store.first(sql`SELECT email, password_hash FROM users WHERE id = ${id}`);
const listed = async (headers: Record<string, string>) =>
  ((await (await api('GET', '/api/admin/users', headers)).json()) as { users: AdminUser[] }).users.map((u) => u.displayName);

describe('sub-administrators', () => {
  it('may not reset the password or change the e-mail of a person without roles', async () => {
    const before = await userRow(ids.roleless!);
    const reset = await api('PATCH', `/api/admin/users/${ids.roleless}`, wardAdmin, { password: 'overtaget-9876' });
    expect([403, 404]).toContain(reset.status);
    const email = await api('PATCH', `/api/admin/users/${ids.roleless}`, wardAdmin, { email: 'angriber@example.org' });
    expect([403, 404]).toContain(email.status);
    expect(await userRow(ids.roleless!)).toEqual(before);
  });

  it('may not change a person with a role above their subtree', async () => {
    const res = await api('PATCH', `/api/admin/users/${ids.clinicMember}`, wardAdmin, { email: 'x@example.org' });
    expect([403, 404]).toContain(res.status);
  });

  it('lists only the people within their subtree; the top administrator lists everyone', async () => {
    const names = await listed(wardAdmin);
    expect(names).toEqual(expect.arrayContaining(['Afsnitsadmin', 'Afsnitsmedlem']));
    expect(names).not.toContain('Klinikmedlem');
    expect(names).not.toContain('Uden rolle');
    expect(await listed(top)).toEqual(expect.arrayContaining(['Klinikmedlem', 'Uden rolle', 'Afsnitsmedlem']));
  });

  it('manages people within the subtree, and finishes setting up a person they created', async () => {
    expect((await api('PATCH', `/api/admin/users/${ids.wardMember}`, wardAdmin, { password: 'nyt-kodeord-123' })).status).toBe(204);
    const created = AdminUser.parse(await (await api('POST', '/api/admin/users', wardAdmin, { username: 'ny-paa-afsnit', displayName: 'Ny på afsnit' })).json());
    expect(await listed(wardAdmin)).toContain('Ny på afsnit');
    expect((await api('PUT', `/api/admin/users/${created.id}/roles/ward`, wardAdmin, { role: 'member' })).status).toBe(204);
    expect((await api('PATCH', `/api/admin/users/${created.id}`, wardAdmin, { email: 'ny@example.org' })).status).toBe(204);
  });

  it('logs every change in the same transaction as the change', async () => {
    const count = async () => (await srv.server.store.first(sql<{ n: number }>`SELECT count(*) AS n FROM admin_events`))?.n;
    const before = await count();
    expect((await api('PATCH', `/api/admin/users/${ids.wardMember}`, wardAdmin, { displayName: 'Afsnitsmedlem' })).status).toBe(204);
    expect((await api('PATCH', `/api/admin/users/${ids.roleless}`, wardAdmin, { displayName: 'Overtaget' })).status).not.toBe(204);
    expect(await count()).toBe(before! + 1);
  });
});
