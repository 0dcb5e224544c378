import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardEvent } from '../../shared/protocol';
import { cookieHeaders, testToken } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
const clients: TestClient[] = [];
beforeEach(async () => {
  srv = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await srv.stop();
});

async function onBoard(boardId: string, name: string): Promise<TestClient> {
  const c = await connectClient(srv.url, name);
  clients.push(c);
  expect(await c.join(boardId)).toMatchObject({ ok: true });
  return c;
}
const put = (path: string, body: unknown) =>
  fetch(`${srv.url}${path}`, { method: 'PUT', headers: cookieHeaders(testToken(srv.url, 'Admin')), body: JSON.stringify(body) });
const changed = (events: BoardEvent[], indicatorId: string) =>
  events.filter((e) => e.body.type === 'indicator.changed' && e.body.indicator.id === indicatorId);

describe('indicator changes reach open boards live (issue 18)', () => {
  it('a target set for the ward reaches the ward board at once; the clinic above keeps its own', async () => {
    const ward = await onBoard(FIXTURE.wardBoard, 'Ward screen');
    const clinic = await onBoard(FIXTURE.clinicBoard, 'Clinic screen');
    const heard = ward.nextEvent(3000);
    const res = await put(`/api/indicators/${FIXTURE.indicators.restraint}/target`, { unitId: 'ward', target: 2, tolerance: 0.5 });
    expect(res.status).toBe(204);
    const event = await heard;
    expect(event.body).toMatchObject({ type: 'indicator.changed', indicator: { id: FIXTURE.indicators.restraint, target: { target: 2, tolerance: 0.5 } } });
    await settle();
    expect(changed(clinic.events, FIXTURE.indicators.restraint)).toEqual([]);
    // The change is in the board's log: a screen that was away catches up on it like on any other event.
    const late = await connectClient(srv.url, 'Late');
    clients.push(late);
    const rejoin = await late.join(FIXTURE.wardBoard, { sinceSeq: event.seq - 1, epoch: await epochOf(late) });
    expect(rejoin).toMatchObject({ ok: true, data: { kind: 'events', events: [{ seq: event.seq, body: { type: 'indicator.changed' } }] } });
  });

  it('an indicator made mandatory appears on the boards below without a reload', async () => {
    const ward = await onBoard(FIXTURE.wardBoard, 'Ward screen');
    const heard = ward.nextEvent(3000);
    const res = await put(`/api/indicators/${FIXTURE.indicators.survey}/settings`, { mandatory: true, rollup: null });
    expect(res.status).toBe(200);
    expect((await heard).body).toMatchObject({ type: 'indicator.changed', indicator: { id: FIXTURE.indicators.survey, name: 'LUP: godt samlet indtryk' } });
    // And a board joined afterwards shows it as well (the shared snapshot moved on with the seq).
    const fresh = await connectClient(srv.url, 'Fresh');
    clients.push(fresh);
    const snap = await fresh.join(FIXTURE.wardBoard);
    expect(snap.ok && snap.data.kind === 'snapshot' && snap.data.snapshot.indicators.map((i) => i.id)).toContain(FIXTURE.indicators.survey);
  });

  it('a measurement carries the run-chart signal of the whole series, so tiles update their reading', async () => {
    const clinic = await onBoard(FIXTURE.clinicBoard, 'Clinic screen');
    const writer = await onBoard(FIXTURE.clinicBoard, 'Writer');
    const ack = await writer.request('measurement:record', {
      opId: opId(), boardId: FIXTURE.clinicBoard, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01',
      value: 9, numerator: null, denominator: null, respondents: null, note: '',
    });
    expect(ack).toMatchObject({ ok: true });
    await settle();
    const recorded = clinic.events.find((e) => e.body.type === 'measurement.recorded');
    expect(recorded?.body).toMatchObject({ type: 'measurement.recorded', signal: { n: 4, applied: expect.any(Boolean) } });
  });
});

describe('the overview notice goes only to sockets that watch the overview', () => {
  it('a watching start page hears overview:changed after a measurement; a board screen does not', async () => {
    const screen = await onBoard(FIXTURE.clinicBoard, 'Screen');
    const page = await connectClient(srv.url, 'Start page');
    clients.push(page);
    expect(await page.request('overview:watch', undefined)).toMatchObject({ ok: true });
    let screenHeard = 0;
    screen.socket.on('overview:changed', () => screenHeard++);
    const pageHears = new Promise<void>((resolve) => page.socket.once('overview:changed', () => resolve()));
    await screen.request('measurement:record', {
      opId: opId(), boardId: FIXTURE.clinicBoard, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01',
      value: 5, numerator: null, denominator: null, respondents: null, note: '',
    });
    await pageHears;
    await settle(300);
    expect(screenHeard).toBe(0);
  });
});

async function epochOf(c: TestClient): Promise<string> {
  const j = await c.join(FIXTURE.wardBoard);
  if (!j.ok) throw new Error('join refused');
  return j.data.epoch;
}
