import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalListResponse, ImportResponse, IndicatorPageResponse } from '../../shared/cascade';
import { OverviewPage, walkOverview } from '../../shared/overview';
import { BoardSnapshot } from '../../shared/schemas';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { connectClient } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
let session: Record<string, string>;
beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  session = cookieHeaders(createTestSession(srv.database, 'Testperson').token);
});
afterAll(async () => {
  await srv?.stop();
});

const get = (path: string, headers: Record<string, string> = session) => fetch(`${srv.url}${path}`, { headers });
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = session) =>
  fetch(`${srv.url}${path}`, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const seqOf = async (boardId: string) => BoardSnapshot.parse(await (await get(`/api/boards/${boardId}`)).json()).seq;

async function newToken(unitId: string): Promise<string> {
  const res = await send('POST', '/api/api-tokens', { name: `Datavarehus ${unitId}`, unitId });
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}`, 'content-type': 'application/json' });

describe('goals and line of sight', () => {
  it('answers the translation chain from a ward goal up to the national goal', async () => {
    const { goals } = GoalListResponse.parse(await (await get('/api/goals')).json());
    const n2 = goals.find((g) => g.id === 'goal-n2-tvang')!;
    expect(n2.ownerIds).toEqual(['n2']);
    expect(n2.chain.map((c) => c.id)).toEqual(['goal-nord-tvang', 'goal-psyk-tvang', 'goal-reg-tvang', 'goal-nat-3']);
    expect(n2.chain.at(-1)!.external).toBe('Nationalt mål for sundhedsvæsenet');
    const shared = goals.find((g) => g.id === 'goal-tvaer-udskrivelse')!;
    expect(shared.ownerIds).toEqual(['k-nord', 'k-syd']);
  });

  it('shows the chain on an indicator page and the units below with their statuses', async () => {
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=k-nord')).json());
    expect(page.chain.map((c) => c.id)).toEqual(['goal-nord-tvang', 'goal-psyk-tvang', 'goal-reg-tvang', 'goal-nat-3']);
    expect(page.target).toMatchObject({ target: 2.5 });
    expect(page.measurements.length).toBeGreaterThan(20);
    const psyk = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=psyk')).json());
    expect(psyk.below.map((b) => b.unitId)).toContain('k-nord');
  });

  it('translates a goal for a unit below and refuses a loop', async () => {
    const res = await send('POST', '/api/goals', {
      title: 'N1: højst 2 % bæltefikseret', parentId: 'goal-nord-tvang', ownerIds: ['n1'], rationale: 'Akut modtagelse', indicatorId: 'baelte-andel', target: 2,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    const loop = await send('PATCH', '/api/goals/goal-nat-3', { parentId: created.id });
    expect(loop.status).toBe(400);
    const bad = await send('POST', '/api/goals', { title: '', ownerIds: [] });
    expect(bad.status).toBe(400);
  });
});

describe('initiatives', () => {
  it('are linked to a goal with KPIs and followed until done', async () => {
    const res = await send('POST', '/api/goals/goal-psyk-tvang/initiatives', {
      title: 'Sansestuer på alle sengeafsnit', baseline: '4,1 % i 2025', expectedEffect: '1 procentpoint færre', endDate: '2027-06-30', indicatorIds: ['baelte-andel'],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    const { 'content-type': _json, ...headers } = session;
    void _json;
    const done = await fetch(`${srv.url}/api/initiatives/${created.id}`, { method: 'PATCH', headers: session, body: JSON.stringify({ done: true }) });
    expect(done.status).toBe(200);
    const { initiatives } = GoalListResponse.parse(await (await get('/api/goals', headers)).json());
    expect(initiatives.find((i) => i.id === created.id)).toMatchObject({ goalId: 'goal-psyk-tvang', done: true, indicatorIds: ['baelte-andel'] });
    expect((await send('POST', '/api/goals/goal-psyk-tvang/initiatives', { title: 'x', indicatorIds: ['nope'] })).status).toBe(400);
  });
});

/** The whole heat-map, every unit expanded, as the signed-in administrator sees it. */
const wholeOverview = () =>
  walkOverview(async (parent, cursor) => {
    const query = new URLSearchParams({ ...(parent ? { parent } : {}), ...(cursor ? { cursor } : {}) });
    return OverviewPage.parse(await (await get(`/api/overview?${query.toString()}`)).json());
  });
type WholeOverview = Awaited<ReturnType<typeof wholeOverview>>;
const mandatoryIds = (o: WholeOverview) => o.indicators.filter((i) => i.group === 'mandatory').map((i) => i.id).sort();
const mandatoryCells = (o: WholeOverview, unitId: string) =>
  o.rows.find((r) => r.unitId === unitId)!.cells.map((c) => c.indicatorId).filter((id) => mandatoryIds(o).includes(id));

describe('mandatory indicators', () => {
  it('appear on the units below, counted in the overview per unit', async () => {
    const overview = await wholeOverview();
    expect(mandatoryIds(overview)).toEqual(['sygefravaer']);
    const wards = overview.rows.filter((u) => u.layer.rank === 3);
    expect(wards).toHaveLength(6);
    for (const ward of wards) expect(mandatoryCells(overview, ward.unitId)).toEqual(['sygefravaer']);
    const n2 = overview.rows.find((u) => u.unitId === 'n2')!;
    expect(Object.values(n2.counts).reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("a unit's target defaults to the nearest unit above until it sets its own", async () => {
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=n1')).json());
    expect(page.target).toMatchObject({ target: 2.5 }); // k-nord's translated 3 %, not the psychiatry's 4 %
    const set = await send('PUT', '/api/indicators/baelte-andel/target', { unitId: 'n1', target: 2.5, tolerance: 0.5 });
    expect(set.status).toBe(204);
    const own = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=n1')).json());
    expect(own.target).toMatchObject({ target: 2.5, tolerance: 0.5 });
    const bad = await send('PUT', '/api/indicators/belaegning/target', { unitId: 'n1', target: 90 });
    expect(bad.status).toBe(400);
  });

  it('making an indicator mandatory puts it on every board below, with the target inherited', async () => {
    const before = BoardSnapshot.parse(await (await get('/api/boards/board-n2')).json());
    expect(before.indicators.some((i) => i.id === 'behandlingsplan')).toBe(false);
    const res = await send('PUT', '/api/indicators/behandlingsplan/settings', { mandatory: true, rollup: 'mean' });
    expect(res.status).toBe(200);
    const { boardsAdded } = (await res.json()) as { boardsAdded: string[] };
    expect(boardsAdded).toEqual(expect.arrayContaining(['board-n2', 'board-k-nord', 'board-n1']));
    expect(boardsAdded).not.toContain('board-s1'); // it already showed it
    const after = BoardSnapshot.parse(await (await get('/api/boards/board-n2')).json());
    expect(after.indicators.at(-1)).toMatchObject({ id: 'behandlingsplan', target: { target: 90 } });
    const overview = await wholeOverview();
    expect(mandatoryIds(overview)).toEqual(['behandlingsplan', 'sygefravaer']);
    expect(mandatoryCells(overview, 'n2').sort()).toEqual(['behandlingsplan', 'sygefravaer']);
  });

  it('freezes the run chart median on a baseline, and unfreezes it', async () => {
    const set = await send('PUT', '/api/indicators/genindl-30/baseline', { unitId: 'k-nord', baselineTo: '2025-06-01' });
    expect(set.status).toBe(204);
    expect(IndicatorPageResponse.parse(await (await get('/api/indicators/genindl-30?unit=k-nord')).json()).baselineTo).toBe('2025-06-01');
    await send('PUT', '/api/indicators/genindl-30/baseline', { unitId: 'k-nord', baselineTo: null });
    expect(IndicatorPageResponse.parse(await (await get('/api/indicators/genindl-30?unit=k-nord')).json()).baselineTo).toBeNull();
  });

  it('rolls a parent value up from its children, with the breakdown', async () => {
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/sygefravaer?unit=psyk')).json());
    const last = page.rollup!.at(-1)!;
    expect(last.children.map((c) => c.unitId).sort()).toEqual(['k-bup', 'k-nord', 'k-syd']);
    expect(last.value).not.toBeNull();
  });
});

describe('REST feed with API tokens', () => {
  it('refuses requests without a valid token, and a token outside its unit', async () => {
    const body = { measurements: [{ unitId: 'k-nord', periodStart: '2023-01-01', value: 3 }] };
    expect((await get('/api/indicators/baelte-andel/measurements?unit=k-nord', {})).status).toBe(401);
    expect((await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer('kft_not-a-real-token'))).status).toBe(401);
    const n2Token = await newToken('n2');
    expect((await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer(n2Token))).status).toBe(403);
  });

  it('writes measurements, appends board events, and re-posting the same period changes nothing', async () => {
    const secret = await newToken('k-nord');
    const before = await seqOf('board-k-nord');
    const body = { measurements: [{ unitId: 'k-nord', periodStart: '2023-01-01', value: 3.3, denominator: 360 }] };
    const first = await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer(secret));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ written: 1, unchanged: 0 });
    expect(await seqOf('board-k-nord')).toBe(before + 1);
    const again = await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer(secret));
    expect(await again.json()).toEqual({ written: 0, unchanged: 1 });
    expect(await seqOf('board-k-nord')).toBe(before + 1);
    const list = await get('/api/indicators/baelte-andel/measurements?unit=k-nord', bearer(secret));
    const { measurements } = (await list.json()) as { measurements: { periodStart: string; value: number }[] };
    expect(measurements[0]).toMatchObject({ periodStart: '2023-01-01', value: 3.3 });
  });

  it('reaches the live boards showing the indicator for that unit as measurement.recorded, previous value kept', async () => {
    const secret = await newToken('k-nord');
    const board = await connectClient(srv.url);
    try {
      expect((await board.join('board-k-nord')).ok).toBe(true);
      const body = { measurements: [{ unitId: 'k-nord', periodStart: '2023-01-01', value: 3.1 }] };
      const next = board.nextEvent(3000);
      expect((await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer(secret))).status).toBe(200);
      const event = await next;
      expect(event.body).toMatchObject({
        type: 'measurement.recorded',
        measurement: { indicatorId: 'baelte-andel', unitId: 'k-nord', periodStart: '2023-01-01', value: 3.1 },
        previous: { value: 3.3 },
      });
      expect(event.actor).toMatch(/^token:/);
    } finally {
      board.close();
    }
  });

  it('rejects a batch with one bad row with 400 naming the field, and stores nothing', async () => {
    const secret = await newToken('k-nord');
    const body = { measurements: [
      { unitId: 'k-nord', periodStart: '2023-02-01', value: 3 },
      { unitId: 'k-nord', periodStart: '2023-02-15', value: 3 },
    ] };
    const res = await send('PUT', '/api/indicators/baelte-andel/measurements', body, bearer(secret));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(['measurements.1.periodStart']);
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=k-nord')).json());
    expect(page.measurements.some((m) => m.periodStart === '2023-02-01')).toBe(false);
  });

  it('stops working once revoked', async () => {
    const res = await send('POST', '/api/api-tokens', { name: 'Kortlivet', unitId: 'k-nord' });
    const { token, secret } = (await res.json()) as { token: { id: string }; secret: string };
    const { 'content-type': _json, ...noBody } = session;
    expect((await fetch(`${srv.url}/api/api-tokens/${token.id}`, { method: 'DELETE', headers: noBody })).status).toBe(204);
    expect((await get('/api/indicators/baelte-andel/measurements?unit=k-nord', bearer(secret))).status).toBe(401);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/indicators/{id}/measurements', '/api/imports/measurements', '/api/api-tokens']));
  });
});

describe('CSV import and export', () => {
  const csvHeaders = () => ({ ...session, 'content-type': 'text/csv' });
  const importCsv = (text: string, apply: boolean) =>
    fetch(`${srv.url}/api/imports/measurements?unit=k-nord&apply=${apply}`, { method: 'POST', headers: csvHeaders(), body: text });

  it('previews, then applies valid rows', async () => {
    const text = 'indicator;period;value;denominator\nbaelte-andel;2023-03-01;3,4;350\ngenindl-30;2023-03-01;17,5;300\n';
    const preview = ImportResponse.parse(await (await importCsv(text, false)).json());
    expect(preview).toMatchObject({ applied: false, problems: [] });
    expect(preview.rows.map((r) => r.value)).toEqual([3.4, 17.5]);
    const applied = ImportResponse.parse(await (await importCsv(text, true)).json());
    expect(applied.applied).toBe(true);
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=k-nord')).json());
    const imported = page.measurements.find((m) => m.periodStart === '2023-03-01');
    expect(imported?.value).toBe(3.4);
    // The page names who recorded it; the log keeps the stable id.
    expect(imported?.recordedBy).toMatch(/^user:/);
    expect(page.recordedByNames[imported!.recordedBy]).toMatch(/^(?!user:)./);
  });

  it('names each bad row and column in plain words and applies nothing', async () => {
    const text = 'indicator;period;value\nbaelte-andel;2023-04-01;3,1\nukendt;2023-04-01;2\nbaelte-andel;2023-04-15;2\nbaelte-andel;1. maj;x\n';
    const res = await importCsv(text, true);
    expect(res.status).toBe(400);
    const body = ImportResponse.parse(await res.json());
    expect(body.applied).toBe(false);
    expect(body.problems.map((p) => [p.row, p.column])).toEqual([[3, 'indicator'], [5, 'period'], [5, 'value']]);
    const again = ImportResponse.parse(await (await importCsv('indicator;period;value\nbaelte-andel;2023-04-15;2\n', true)).json());
    expect(again.problems).toEqual([{ row: 2, column: 'period', message: 'must be the first day of a monthly period' }]);
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-andel?unit=k-nord')).json());
    expect(page.measurements.some((m) => m.periodStart === '2023-04-01')).toBe(false);
  });

  it('refuses a huge file with a clear error', async () => {
    const text = `indicator;period;value\n${'baelte-andel;2023-05-01;3\n'.repeat(60_000)}`;
    const res = await importCsv(text, true);
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toMatch(/too large/);
  });

  it("exports an indicator's measurements and a unit's status table", async () => {
    const m = await get('/api/indicators/baelte-andel/measurements.csv?unit=k-nord');
    expect(m.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await m.text();
    expect(text.split('\r\n')[0]).toBe('indicator;unit;period;value;numerator;denominator;respondents;note;recorded_at;recorded_by');
    const status = await (await get('/api/units/k-nord/status.csv')).text();
    expect(status).toMatch(/baelte-andel;Andel indlagte patienter bæltefikseret;/);
  });
});

describe('access by role', () => {
  it('lets a viewer read but not set targets or create tokens, and a ward member write only for the ward', async () => {
    const viewer = cookieHeaders(createTestSession(srv.database, 'Lars Læser', { roles: [{ unitId: 'psyk', role: 'viewer' }] }).token);
    expect((await get('/api/indicators/baelte-andel?unit=k-nord', viewer)).status).toBe(200);
    expect((await send('PUT', '/api/indicators/baelte-andel/target', { unitId: 'k-nord', target: 2 }, viewer)).status).toBe(403);
    expect((await send('POST', '/api/api-tokens', { name: 'x', unitId: 'k-nord' }, viewer)).status).toBe(403);
    const member = cookieHeaders(createTestSession(srv.database, 'Nadia', { roles: [{ unitId: 'n2', role: 'member' }] }).token);
    const write = (unitId: string) =>
      send('PUT', '/api/indicators/sygefravaer/measurements', { measurements: [{ unitId, periodStart: '2023-01-01', value: 4 }] }, member);
    expect((await write('k-nord')).status).toBe(403);
    expect((await write('n2')).status).toBe(200);
  });
});

describe('deviations', () => {
  it('turn the action into a card on the unit board, linked to the indicator', async () => {
    const res = await send('POST', '/api/indicators/genindl-30/deviations', {
      unitId: 'k-nord', periodStart: '2026-01-01', cause: 'Mange udskrivelser fredag', action: 'Udskrivningstjekliste hver fredag', ownerName: 'Afsnitsleder',
    });
    expect(res.status).toBe(201);
    const snap = BoardSnapshot.parse(await (await get('/api/boards/board-k-nord')).json());
    const card = snap.cards.find((c) => c.title === 'Udskrivningstjekliste hver fredag');
    expect(card).toMatchObject({ type: 'action', indicatorId: 'genindl-30', description: 'Mange udskrivelser fredag' });
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/genindl-30?unit=k-nord')).json());
    expect(page.deviations[0]).toMatchObject({ cause: 'Mange udskrivelser fredag', cardId: card!.id });
  });
});
