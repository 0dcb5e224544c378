import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/domain/periods';
import { measurementStatus } from '../../shared/domain/status';
import { OverviewPage, type OverviewRow, walkOverview } from '../../shared/overview';
import { BoardSnapshotResponse } from '../../shared/rest';
import { type StatusCell, unitStatusRepository } from '../../server/repositories/unit-status-repository';
import type { RunningServer } from '../../server/server';
import { cookieHeaders, createTestSession, sessionCookie } from '../helpers/auth';
import { type RegionServer, startRegionServer } from '../helpers/region-server';

// The M organisation (616 units, ~129k measurements): the overview's stored statuses must be what a full
// recomputation gives, and stay so after measurements, targets and mandatory changes.
let region: RegionServer;
let server: RunningServer;
let admin: string;

beforeAll(async () => {
  region = await startRegionServer('m');
  ({ server, admin } = region);
}, 180_000);

afterAll(async () => {
  await region?.stop();
});

const get = (path: string, token = admin) => fetch(`${server.url}${path}`, { headers: { cookie: sessionCookie(token) } });
const put = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'PUT', headers: cookieHeaders(admin), body: JSON.stringify(body) });

const page = async (query: Record<string, string>, token = admin) => {
  const res = await get(`/api/overview?${new URLSearchParams(query).toString()}`, token);
  expect(res.status).toBe(200);
  return OverviewPage.parse(await res.json());
};

const wholeOverview = (token = admin) =>
  walkOverview((parent, cursor) => page({ ...(parent ? { parent } : {}), ...(cursor ? { cursor } : {}) }, token));

/** Every cell recomputed from the measurements, targets and tree, on a connection of its own. */
async function fullRecomputation(): Promise<Map<string, StatusCell>> {
  const reader = region.openReader();
  try {
    const cells = await unitStatusRepository(reader).computeAll(calendarDate(new Date()));
    return new Map(cells.cells.map((c) => [`${c.unitId}/${c.indicatorId}`, c]));
  } finally {
    await reader.close();
  }
}

async function expectSameAsRecomputation(rows: readonly OverviewRow[]): Promise<void> {
  const full = await fullRecomputation();
  let compared = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      const want = full.get(`${row.unitId}/${cell.indicatorId}`);
      expect({ unit: row.unitId, indicator: cell.indicatorId, status: cell.status, value: cell.value, signal: cell.signal })
        .toEqual({ unit: row.unitId, indicator: cell.indicatorId, status: want?.status ?? 'none', value: want?.value ?? null, signal: want?.signal ?? false });
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(3000);
}

describe('the overview at region size (M)', () => {
  it('answers the top layers first, then children on expand, every unit once, with the statuses of a full recomputation', async () => {
    const top = await page({});
    expect(top.rows.filter((r) => r.depth === 0).map((r) => r.unitId)).toEqual(['region']);
    expect(top.rows.length).toBeLessThan(20);
    const whole = await wholeOverview();
    expect(whole.rows).toHaveLength(616);
    expect(new Set(whole.rows.map((r) => r.unitId)).size).toBe(616);
    expect(whole.indicators.filter((i) => i.group === 'mandatory').map((i) => i.id)).toEqual(['sygefravaer']);
    await expectSameAsRecomputation(whole.rows);
  }, 120_000);

  it('shows on each board the status and signal its tiles show', async () => {
    const clinic = await page({ parent: 'h2-k3' });
    for (const row of clinic.rows.slice(0, 4)) {
      const snapshot = BoardSnapshotResponse.parse(await (await get(`/api/boards/${row.boardId}`)).json());
      const tiles = snapshot.indicators.map((i) => ({
        indicatorId: i.id,
        status: measurementStatus(i, i.target, i.recent.at(-1)),
        signal: i.signal?.signal ?? false,
      }));
      expect(row.cells.map((c) => ({ indicatorId: c.indicatorId, status: c.status, signal: c.signal }))).toEqual(tiles);
    }
  });

  it('is fresh after a measurement, up through the roll-ups', async () => {
    const before = (await page({ parent: 'h3-k2' })).rows.find((r) => r.unitId === 'h3-k2-a4')!;
    const res = await put('/api/indicators/sygefravaer/measurements', {
      measurements: [{ unitId: 'h3-k2-a4', periodStart: calendarDate(new Date()).slice(0, 8) + '01', value: 19.5, numerator: 39, denominator: 200 }],
    });
    expect(res.status).toBe(200);
    const after = (await page({ parent: 'h3-k2' })).rows.find((r) => r.unitId === 'h3-k2-a4')!;
    expect(after.cells.find((c) => c.indicatorId === 'sygefravaer')).toMatchObject({ value: 19.5, status: 'red' });
    expect(before.cells.find((c) => c.indicatorId === 'sygefravaer')!.value).not.toBe(19.5);
    await expectSameAsRecomputation((await wholeOverview()).rows);
  }, 120_000);

  it('is fresh after a target and a mandatory change', async () => {
    const target = await put('/api/indicators/medicinafstem/target', { unitId: 'h4', target: 99.5, tolerance: 0 });
    expect(target.status).toBe(204);
    const mandatory = await put('/api/indicators/behandlingsplan/settings', { mandatory: true, rollup: 'mean' });
    expect(mandatory.status).toBe(200);
    const wards = (await page({ parent: 'h4-k1' })).rows.flatMap((r) => r.cells.filter((c) => c.indicatorId === 'medicinafstem' && c.value !== null));
    expect(wards.length).toBeGreaterThan(5);
    // Medicine reconciliation well below the new 99.5 % target inherited from the hospital: every ward turns red.
    expect(new Set(wards.map((c) => c.status))).toEqual(new Set(['red']));
    const whole = await wholeOverview();
    expect(whole.indicators.filter((i) => i.group === 'mandatory').map((i) => i.id).sort()).toEqual(['behandlingsplan', 'sygefravaer']);
    expect(whole.rows.find((r) => r.unitId === 'n2')!.cells.some((c) => c.indicatorId === 'behandlingsplan')).toBe(true);
    await expectSameAsRecomputation(whole.rows);
  }, 120_000);

  it("gives a ward member their own line only, and the children of a unit they may not read as 403", async () => {
    const member = createTestSession(region.database, 'Afsnitsmedarbejder', { roles: [{ unitId: 'h2-k3-a5', role: 'member' }] }).token;
    const top = await page({}, member);
    expect(top.rows.map((r) => r.unitId)).toEqual(['region', 'h2']);
    expect(top.onlyBoardId).toBe('board-h2-k3-a5');
    expect((await page({ parent: 'h2' }, member)).rows.map((r) => r.unitId)).toEqual(['h2-k3']);
    expect((await page({ parent: 'h2-k3' }, member)).rows.map((r) => r.unitId)).toEqual(['h2-k3-a5']);
    expect((await get('/api/overview?parent=h3', member)).status).toBe(403);
  });

  it('pages a long list of children with a cursor, and refuses a forged one', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: OverviewPage = await page({ parent: 'h1-k1', limit: '4', ...(cursor ? { cursor } : {}) });
      seen.push(...p.rows.map((r) => r.unitId));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect((await get('/api/overview?parent=h1-k1&cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await get('/api/overview?parent=no-such-unit')).status).toBe(404);
  });

  it('pages the board list of a unit and its children', async () => {
    const res = await get('/api/boards?parent=h1-k1&limit=5');
    const body = (await res.json()) as { boards: { id: string }[]; nextCursor: string | null };
    expect(body.boards).toHaveLength(5);
    const rest = (await (await get(`/api/boards?parent=h1-k1&limit=50&cursor=${body.nextCursor}`)).json()) as { boards: { id: string }[] };
    expect([...body.boards, ...rest.boards].map((b) => b.id).sort()).toEqual(
      ['board-h1-k1', ...Array.from({ length: 11 }, (_, i) => `board-h1-k1-a${i + 1}`)].sort(),
    );
  });
});
