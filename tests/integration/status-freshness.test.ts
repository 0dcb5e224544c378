import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/domain/periods';
import { OverviewPage } from '../../shared/overview';
import { unitStatusRepository } from '../../server/repositories/unit-status-repository';
import type { RunningServer } from '../../server/server';
import { cookieHeaders, sessionCookie } from '../helpers/auth';
import { type RegionServer, startRegionServer } from '../helpers/region-server';

// Stored statuses at M that change without a measurement: a target whose valid-from day arrives, and a unit moved
// to another parent (its old and new ancestors' roll-ups). Each time the whole stored table must equal a full
// recomputation for the server's day. The server runs on a clock the test moves.
const DAY_MS = 24 * 3600_000;
let region: RegionServer;
let server: RunningServer;
let admin: string;
let now = new Date();

beforeAll(async () => {
  region = await startRegionServer('m', { clock: { now: () => now } });
  ({ server, admin } = region);
}, 180_000);

afterAll(async () => {
  await region?.stop();
});

const send = (method: string, path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: cookieHeaders(admin), body: JSON.stringify(body) });

const overview = async (parent: string) => {
  const res = await fetch(`${server.url}/api/overview?parent=${parent}`, { headers: { cookie: sessionCookie(admin) } });
  expect(res.status).toBe(200);
  return OverviewPage.parse(await res.json());
};

/** One stored cell (the region's roll-ups are not on its board, so the overview does not show them). */
async function storedCell(unitId: string, indicatorId: string) {
  const reader = region.openReader();
  try {
    return (await unitStatusRepository(reader).storedCells())
      .find((c) => c.unitId === unitId && c.indicatorId === indicatorId);
  } finally {
    await reader.close();
  }
}

/** Every stored cell against every recomputed one for `day`, on a connection of its own. */
async function expectStoredEqualsRecomputation(day: string): Promise<void> {
  const reader = region.openReader();
  try {
    const statuses = unitStatusRepository(reader);
    const shape = (c: { unitId: string; indicatorId: string; status: string; value: number | null; periodStart: string | null; signal: boolean; rolledUp: boolean }) =>
      `${c.unitId}/${c.indicatorId} ${c.status} ${c.value} ${c.periodStart} ${c.signal} ${c.rolledUp}`;
    const stored = (await statuses.storedCells()).map(shape);
    expect(stored.length).toBeGreaterThan(3000);
    const full = await statuses.computeAll(day);
    expect(stored).toEqual(full.cells.map(shape));
    const key = (r: { indicatorId: string; unitId: string; periodStart: string }) => `${r.indicatorId}/${r.unitId}/${r.periodStart}`;
    const rolled = (r: { indicatorId: string; unitId: string; periodStart: string; value: number; denominator: number | null }) =>
      `${key(r)} ${r.value.toFixed(9)} ${r.denominator}`;
    expect((await statuses.storedRolled()).map(rolled).sort()).toEqual(full.rolled.map(rolled).sort());
  } finally {
    await reader.close();
  }
}

describe('stored statuses without a measurement (M)', () => {
  it('take up a future-dated target on the day it comes into force', async () => {
    const tomorrow = calendarDate(new Date(now.getTime() + DAY_MS));
    // Sick leave at most 0.1 % in hospital 2 from tomorrow: every ward with a value will be red then, not today.
    const res = await send('PUT', '/api/indicators/sygefravaer/target', { unitId: 'h2', validFrom: tomorrow, target: 0.1, tolerance: 0 });
    expect(res.status).toBe(204);
    const today = (await overview('h2-k3')).rows.flatMap((r) => r.cells.filter((c) => c.indicatorId === 'sygefravaer' && c.value !== null));
    expect(today.length).toBeGreaterThan(5);
    expect(today.some((c) => c.status !== 'red')).toBe(true);
    await expectStoredEqualsRecomputation(calendarDate(now));

    now = new Date(now.getTime() + DAY_MS);
    const after = (await overview('h2-k3')).rows.flatMap((r) => r.cells.filter((c) => c.indicatorId === 'sygefravaer' && c.value !== null));
    expect(new Set(after.map((c) => c.status))).toEqual(new Set(['red']));
    await expectStoredEqualsRecomputation(tomorrow);
  }, 120_000);

  it('keeps the old and new ancestors\u2019 roll-ups right when a unit moves to another parent', async () => {
    const regionBefore = await storedCell('region', 'sygefravaer');
    expect(regionBefore?.rolledUp).toBe(true);
    // Hospital 2 moves under psychiatry: the region no longer rolls it up directly (psychiatry has values of its
    // own), psychiatry's roll-up takes it in, and its wards inherit psychiatry's targets.
    const res = await send('PATCH', '/api/admin/units/h2', { parentId: 'psyk' });
    expect(res.status).toBe(204);
    expect((await storedCell('region', 'sygefravaer'))?.value).not.toBe(regionBefore?.value);
    expect((await overview('psyk')).rows.map((r) => r.unitId)).toContain('h2');
    await expectStoredEqualsRecomputation(calendarDate(now));
  }, 120_000);
});
