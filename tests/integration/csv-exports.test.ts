import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../shared/protocol';
import { readCsv } from '../../server/services/csv';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

// Every CSV export neutralises cells a spreadsheet would run as formulas (notes, titles, decisions typed by users).
const FORMULAS = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+1', '-2+3'];
let srv: TestServer;
let headers: Record<string, string>;
beforeAll(async () => {
  srv = await startTestServer();
  headers = cookieHeaders(createTestSession(srv.database, 'Eksportør').token);
});
afterAll(async () => {
  await srv.stop();
});

const get = async (path: string) => {
  const res = await fetch(`${srv.url}${path}`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/csv/);
  return res.text();
};
/** Every cell of a CSV answer that starts like a formula. */
const formulaCells = (text: string, separator: ';' | ','): string[] =>
  readCsv(text, separator).flat().filter((c) => /^[=+\-@\t\r]/.test(c));

describe('CSV exports neutralise formulas', () => {
  it('in measurements.csv (notes from an import) and status.csv', async () => {
    const rows = FORMULAS.map((f, i) => `${FIXTURE.indicators.restraint};2025-0${i + 1}-01;${i + 1};"${f.replace(/"/g, '""')}"`);
    const res = await fetch(`${srv.url}/api/imports/measurements?unit=clinic&apply=true`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: `indicator;period;value;note\n${rows.join('\n')}\n`,
    });
    expect(res.status).toBe(200);
    const text = await get(`/api/indicators/${FIXTURE.indicators.restraint}/measurements.csv?unit=clinic`);
    const notes = readCsv(text, ';').map((r) => r[7]);
    for (const f of FORMULAS) expect(notes).toContain(`'${f}`);
    expect(formulaCells(text, ';')).toEqual([]);
    expect(formulaCells(await get('/api/units/clinic/status.csv'), ';')).toEqual([]);
  });

  it("in a meeting's minutes.csv and the audit export", async () => {
    const client = await connectClient(srv.url, 'Mødeleder');
    await client.join(FIXTURE.clinicBoard);
    const send = async (name: string, cmd: Record<string, unknown>) => {
      const ack = await client.request<CommandResult>(name, { opId: opId(), boardId: FIXTURE.clinicBoard, ...cmd });
      expect(ack).toMatchObject({ ok: true });
    };
    await send('meeting:start', { meetingId: 'mf' });
    await send('meeting:change', { meetingId: 'mf', change: { kind: 'add-item', item: { id: 'evil', title: FORMULAS[0] } } });
    await send('meeting:change', { meetingId: 'mf', change: { kind: 'outcome', itemId: 'evil', outcome: FORMULAS[1] } });
    await send('meeting:change', { meetingId: 'mf', change: { kind: 'decision', itemId: 'evil', decision: { id: 'd-evil', text: FORMULAS[2] } } });
    await send('meeting:end', { meetingId: 'mf' });
    client.close();
    const minutes = await get(`/api/boards/${FIXTURE.clinicBoard}/meetings/mf/minutes.csv`);
    expect(minutes).toContain(`'${FORMULAS[0]}`);
    expect(formulaCells(minutes, ',')).toEqual([]);

    // A user whose name is a formula shows in the audit trail's actorName column.
    const admin = cookieHeaders(createTestSession(srv.database, '=HYPERLINK("http://x")').token);
    expect((await fetch(`${srv.url}/api/admin/layers`, { method: 'POST', headers: admin, body: JSON.stringify({ name: '@evil', kind: '' }) })).status).toBe(200);
    const audit = await fetch(`${srv.url}/api/admin/audit?format=csv`, { headers: admin });
    const text = await audit.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(formulaCells(text, ',')).toEqual([]);
  });
});
