import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../shared/maalstyring';
import type { BoardIndicator } from '../../shared/schemas';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
let token: string;
beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  token = createTestSession(srv.database, 'Klinikleder Nord', { roles: [{ unitId: 'k-nord', role: 'facilitator' }] }).token;
});
afterAll(async () => {
  await srv.stop();
});
const get = (path: string) => fetch(`${srv.url}${path}`, { headers: cookieHeaders(token) });

describe('the status report', () => {
  it('carries the same signal as the board for every indicator (one analysis everywhere)', async () => {
    const res = await get('/api/reports/status?unit=psyk&from=2024-01-01&to=2030-12-31');
    expect(res.status).toBe(200);
    const report = (await res.json()) as StatusReport;
    const board = (await (await get('/api/boards/board-psyk')).json()) as { indicators: BoardIndicator[] };
    expect(report.indicators).toHaveLength(21);
    for (const item of report.indicators) {
      const tile = board.indicators.find((i) => i.id === item.indicator.id)!;
      expect(item.signal, item.indicator.id).toEqual(tile.signal);
    }
    expect(report.goals.length).toBeGreaterThan(0);
    expect(report.goals.find((g) => g.id === 'goal-psyk-tvang')?.translations.map((t) => t.id)).toEqual(['goal-nord-tvang']);
  });

  it('carries the open business cases with their progress and the effect chains with each step\'s status', async () => {
    const report = (await (await get('/api/reports/status?unit=psyk&from=2024-01-01&to=2030-12-31')).json()) as StatusReport;
    const sms = report.businessCases.find((b) => b.initiativeId === 'ini-demo-sms')!;
    expect(sms.paybackYears).toBeCloseTo(350_000 / 600_000, 1);
    expect(sms.indicators[0]!.progress).toBeGreaterThan(0.5);
    // Cases of goals below whose indicators the psychiatry board shows are followed here too.
    expect(report.businessCases.map((b) => b.initiativeId)).toContain('ini-demo-huddle');
    const chains = new Map(report.effectChains.map((c) => [c.goalId, c]));
    expect(chains.get('goal-psyk-forloeb')!.steps.map((s) => s.kind)).toEqual(['indsats', 'resultat', 'effekt']);
    const tiles = new Map(report.indicators.map((i) => [i.indicator.id, i.status]));
    for (const step of chains.get('goal-psyk-forloeb')!.steps) expect(step.status, step.title).toBe(tiles.get(step.indicatorId!));
  });

  it("is closed for a sibling's unit and refuses a reversed period", async () => {
    expect((await get('/api/reports/status?unit=k-syd&from=2024-01-01&to=2026-12-31')).status).toBe(403);
    expect((await get('/api/reports/status?unit=psyk&from=2026-01-01&to=2025-01-01')).status).toBe(400);
    expect((await get('/api/reports/status?unit=nope&from=2025-01-01&to=2026-01-01')).status).toBe(404);
  });
});
