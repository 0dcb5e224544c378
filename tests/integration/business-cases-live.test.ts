import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Initiative } from '../../shared/cascade';
import { BusinessCase } from '../../shared/maalstyring';
import type { BoardEvent, JoinResult } from '../../shared/protocol';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

/**
 * Business cases on open boards over real sockets (demo organisation): a case created, edited, closed, or moved by a
 * new measurement (from a board's socket or a feed) reaches every board that lists it, and no other, without a reload.
 */
let srv: TestServer;
let admin: Record<string, string>;
const clients: TestClient[] = [];
const WARD = 'board-n2';
const SIBLING = 'board-n1';
const BOARDS = [WARD, 'board-k-nord', 'board-psyk', 'board-region', SIBLING] as const;
let screens: Record<(typeof BOARDS)[number], TestClient>;

beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  admin = cookieHeaders(createTestSession(srv.database, 'Direktør').token);
  const entries = await Promise.all(
    BOARDS.map(async (boardId) => {
      const c = await connectClient(srv.url, `Skærm ${boardId}`);
      clients.push(c);
      expect(await c.join(boardId)).toMatchObject({ ok: true });
      return [boardId, c] as const;
    }),
  );
  screens = Object.fromEntries(entries) as typeof screens;
}, 60_000);
afterAll(async () => {
  clients.splice(0).forEach((c) => c.close());
  await srv?.stop();
});

const send = (method: string, path: string, body: unknown) => fetch(`${srv.url}${path}`, { method, headers: admin, body: JSON.stringify(body) });
const listed = async (boardId: string) =>
  BusinessCase.array().parse(await (await fetch(`${srv.url}/api/business-cases?board=${boardId}`, { headers: admin })).json());
/** The `business-case.changed` events a screen has heard about one case, in order. */
const heard = (boardId: (typeof BOARDS)[number], initiativeId: string) =>
  screens[boardId].events.filter(
    (e): e is BoardEvent & { body: { type: 'business-case.changed'; businessCase: BusinessCase | null } } =>
      e.body.type === 'business-case.changed' && e.body.initiativeId === initiativeId,
  );
/** Waits until every given board has heard `count` events about the case (socket delivery is asynchronous). */
async function untilHeard(boardIds: readonly (typeof BOARDS)[number][], initiativeId: string, count: number) {
  for (let i = 0; i < 40 && boardIds.some((b) => heard(b, initiativeId).length < count); i += 1) await settle(50);
  for (const b of boardIds) expect(heard(b, initiativeId), b).toHaveLength(count);
}

describe('business cases update live on open boards', () => {
  let id: string;
  let showing: (typeof BOARDS)[number][];

  it('a case created on a ward goal reaches the boards that list it (the ward and those above showing its indicator), not a sibling', async () => {
    const res = await send('POST', '/api/goals/goal-n2-tvang/initiatives', {
      title: 'Skærmet sansestue', expectedEffect: 'Færre lange fikseringer', investment: 300_000, yearlySaving: 120_000,
      startDate: '2025-06-01', endDate: '2027-06-01', targets: [{ indicatorId: 'baelte-48t', baselineValue: null, targetValue: 0 }],
    });
    expect(res.status).toBe(201);
    id = Initiative.parse(await res.json()).id;
    // Which boards list it is the REST answer's to say; the events must match it board for board.
    const lists = await Promise.all(BOARDS.map(async (b) => [b, (await listed(b)).some((c) => c.initiativeId === id)] as const));
    showing = lists.filter(([, on]) => on).map(([b]) => b);
    expect(showing).toContain(WARD);
    expect(showing).not.toContain(SIBLING);
    expect(showing.length).toBeGreaterThan(1); // the boards above that show the indicator list it as well
    await untilHeard(showing, id, 1);
    for (const b of showing) expect(heard(b, id)[0]!.body.businessCase).toMatchObject({ title: 'Skærmet sansestue', paybackYears: 2.5 });
    expect(heard(SIBLING, id)).toEqual([]);
  }, 30_000);

  it('an edit reaches them with the case as it is now', async () => {
    expect((await send('PATCH', `/api/initiatives/${id}`, { title: 'Skærmet sansestue og huddle', yearlySaving: 150_000 })).status).toBe(200);
    await untilHeard(showing, id, 2);
    expect(heard(WARD, id)[1]!.body.businessCase).toMatchObject({ title: 'Skærmet sansestue og huddle', paybackYears: 2 });
  }, 30_000);

  it("a measurement recorded on the ward board's socket moves the case's progress on every board that lists it", async () => {
    const before = (await listed(WARD)).find((c) => c.initiativeId === id)!.indicators[0]!;
    expect(before.latestPeriod).not.toBeNull();
    const writer = await connectClient(srv.url, 'Afsnitsleder');
    clients.push(writer);
    await writer.join(WARD);
    const ack = await writer.request('measurement:record', {
      opId: opId(), boardId: WARD, indicatorId: 'baelte-48t', periodStart: before.latestPeriod, value: 0,
      numerator: null, denominator: null, respondents: null, note: '',
    });
    expect(ack).toMatchObject({ ok: true });
    await untilHeard(showing, id, 3);
    for (const b of showing) {
      expect(heard(b, id)[2]!.body.businessCase!.indicators[0]).toMatchObject({ indicatorId: 'baelte-48t', unitId: 'n2', latestValue: 0, progress: 1 });
    }
    // The same as the board's REST list now says.
    expect((await listed(WARD)).find((c) => c.initiativeId === id)!.indicators[0]).toMatchObject({ latestValue: 0, progress: 1 });
    expect(heard(SIBLING, id)).toEqual([]);
  }, 30_000);

  it('a value from a data feed moves it too', async () => {
    const period = heard(WARD, id)[2]!.body.businessCase!.indicators[0]!.latestPeriod!;
    const res = await send('PUT', '/api/indicators/baelte-48t/measurements', { measurements: [{ unitId: 'n2', periodStart: period, value: 5 }] });
    expect(res.status).toBe(200);
    await untilHeard(showing, id, 4);
    expect(heard(WARD, id)[3]!.body.businessCase!.indicators[0]).toMatchObject({ latestValue: 5 });
  }, 30_000);

  it('closing it takes it off those boards (null), and a board that was away catches up from its log', async () => {
    const lastSeen = heard(WARD, id)[3]!.seq;
    expect((await send('POST', `/api/initiatives/${id}/close`, { conclusion: 'Virkede; gjort permanent.' })).status).toBe(200);
    await untilHeard(showing, id, 5);
    for (const b of showing) expect(heard(b, id)[4]!.body.businessCase).toBeNull();
    expect(await listed(WARD)).not.toContainEqual(expect.objectContaining({ initiativeId: id }));

    const late = await connectClient(srv.url, 'Tavle der var væk');
    clients.push(late);
    const epoch = ((await late.join(WARD)) as { ok: true; data: JoinResult }).data.epoch;
    const rejoin = await late.join(WARD, { sinceSeq: lastSeen, epoch });
    expect(rejoin).toMatchObject({ ok: true, data: { kind: 'events' } });
    const caught = (rejoin as { ok: true; data: { kind: 'events'; events: BoardEvent[] } }).data.events;
    expect(caught.filter((e) => e.body.type === 'business-case.changed' && e.body.initiativeId === id).map((e) => e.body)).toEqual([
      { type: 'business-case.changed', initiativeId: id, businessCase: null },
    ]);
    expect(heard(SIBLING, id)).toEqual([]);
  }, 30_000);
});
