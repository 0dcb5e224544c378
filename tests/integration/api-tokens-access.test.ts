import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokenList } from '../../shared/cascade';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { type TestServer, startTestServer } from '../helpers/test-server';

// API tokens are listed to people who administer units, and only their units' tokens; never to a token.
let srv: TestServer;
const people: Record<string, Record<string, string>> = {};
let clinicSecret = '';
beforeAll(async () => {
  srv = await startTestServer();
  const person = (role: 'member' | 'admin', unitId: string) =>
    cookieHeaders(createTestSession(srv.database, `${role} ${unitId}`, { roles: [{ unitId, role }] }).token);
  people.clinicAdmin = person('admin', 'clinic');
  people.wardAdmin = person('admin', 'ward');
  people.member = person('member', 'clinic');
  const create = async (who: Record<string, string>, unitId: string) => {
    const res = await fetch(`${srv.url}/api/api-tokens`, { method: 'POST', headers: who, body: JSON.stringify({ name: `Feed ${unitId}`, unitId }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { secret: string }).secret;
  };
  clinicSecret = await create(people.clinicAdmin, 'clinic');
  await create(people.wardAdmin, 'ward');
});
afterAll(async () => {
  await srv.stop();
});

const list = (headers: Record<string, string>) => fetch(`${srv.url}/api/api-tokens`, { headers });

describe('listing API tokens', () => {
  it('refuses a feed token, even one for the top unit, with 403', async () => {
    const res = await list({ authorization: `Bearer ${clinicSecret}` });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/Feed/);
  });

  it('refuses a guest with 401 and a member with 403', async () => {
    expect((await list({})).status).toBe(401);
    expect((await list(people.member!)).status).toBe(403);
  });

  it("shows a ward administrator the ward's token only, and the clinic administrator both", async () => {
    const ward = ApiTokenList.parse(await (await list(people.wardAdmin!)).json());
    expect(ward.tokens.map((t) => t.unitId)).toEqual(['ward']);
    const clinic = ApiTokenList.parse(await (await list(people.clinicAdmin!)).json());
    expect(clinic.tokens.map((t) => t.unitId).sort()).toEqual(['clinic', 'ward']);
  });
});
