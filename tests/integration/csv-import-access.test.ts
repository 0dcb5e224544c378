import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportResponse } from '../../shared/cascade';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { type TestServer, startTestServer } from '../helpers/test-server';

// The import preview answers rows with their stored `previous` values: who may see them is decided first.
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.stop();
});

const restraint = FIXTURE.indicators.restraint;
// One good row for the clinic (which has a stored value for September: 5.5) and one bad row.
const file = `indicator;period;value;unit\n${restraint};2026-09-01;2,5;clinic\n${restraint};2026-10-01;x;clinic\n`;
const importCsv = (headers: Record<string, string>, body = file, query = '') =>
  fetch(`${srv.url}/api/imports/measurements${query}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body });
const session = (roles: { unitId: string; role: 'viewer' | 'member' | 'facilitator' | 'admin' }[]) =>
  cookieHeaders(createTestSession(srv.database, 'Importør', { roles }).token);

describe('CSV import: access before any answer', () => {
  it('answers a guest 401 with nothing of the file or the stored values', async () => {
    const res = await importCsv({ 'x-kaskade-csrf': '1' });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).not.toMatch(/previous|rows|5\.5/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers an unknown bearer token 401', async () => {
    const res = await importCsv({ authorization: 'Bearer kft_unknown' });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/previous/);
  });

  it("refuses a ward member the clinic's rows with 403 and no previous values, even with a bad row", async () => {
    const res = await importCsv(session([{ unitId: 'ward', role: 'member' }]));
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).not.toMatch(/previous|5\.5/);
  });

  it('refuses a viewer of the clinic (may read, not write) with 403', async () => {
    const res = await importCsv(session([{ unitId: 'clinic', role: 'viewer' }]), `indicator;period;value\n${restraint};2026-10-01;2\n`, '?unit=clinic');
    expect(res.status).toBe(403);
  });

  it('refuses a file that names a unit the caller may not write even when its rows are bad', async () => {
    const body = `indicator;period;value;unit\n${restraint};2026-10-01;2;ward\n${restraint};2026-09-01;x;clinic\n`;
    const res = await importCsv(session([{ unitId: 'ward', role: 'member' }]), body, '?unit=clinic');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/previous/);
  });

  it('previews for a member of the unit, with the stored previous value', async () => {
    const res = await importCsv(session([{ unitId: 'clinic', role: 'member' }]));
    expect(res.status).toBe(400);
    const body = ImportResponse.parse(await res.json());
    expect(body.rows).toEqual([expect.objectContaining({ row: 2, value: 2.5, previous: 5.5 })]);
    expect(body.problems).toEqual([expect.objectContaining({ row: 3, column: 'value' })]);
  });
});
