import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorPageResponse } from '../../shared/cascade';
import { analyseSeries, summariseSignal } from '../../shared/domain/indicator-signal';
import type { CommandResult } from '../../shared/protocol';
import { BoardSnapshot, type BoardSummary } from '../../shared/schemas';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

/**
 * Issue 20's first finding, pinned across the whole demo: 46 of 72 indicators signalled differently on the agenda
 * than on their indicator page. Now every board tile, the indicator page (which analyses the series it is sent,
 * as the page does) and the meeting agenda give one verdict per indicator and unit.
 */
let srv: TestServer;
let headers: Record<string, string>;
beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  headers = cookieHeaders(createTestSession(srv.database, 'Direktør').token);
});
afterAll(async () => {
  await srv?.stop();
});
const getJson = async (path: string): Promise<unknown> => {
  const res = await fetch(`${srv.url}${path}`, { headers });
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('one signal everywhere on the demo', () => {
  it('every tile on every board carries the signal its indicator page shows', async () => {
    const boards = (await getJson('/api/boards')) as BoardSummary[] | { boards: BoardSummary[] };
    const list = Array.isArray(boards) ? boards : boards.boards;
    expect(list.length).toBeGreaterThan(5);
    let compared = 0;
    let signalling = 0;
    for (const summary of list) {
      const board = BoardSnapshot.parse(await getJson(`/api/boards/${summary.id}`));
      for (const tile of board.indicators) {
        const page = IndicatorPageResponse.parse(await getJson(`/api/indicators/${tile.id}?unit=${board.board.unit.id}`));
        const onPage = summariseSignal(
          analyseSeries({ measurements: page.measurements, minRespondents: page.indicator.minRespondents, baselineTo: page.baselineTo }).analysis,
        );
        expect(tile.signal, `${summary.id} ${tile.id}`).toEqual(onPage);
        compared += 1;
        if (onPage.signal) signalling += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(72);
    // The demo has signals to talk about (and not everywhere): otherwise this would compare nothing interesting.
    expect(signalling).toBeGreaterThan(0);
    expect(signalling).toBeLessThan(compared);
  }, 120_000);

  it("the psychiatry board's agenda puts exactly the signalling indicators first — udredningsret voksne among them", async () => {
    const board = BoardSnapshot.parse(await getJson('/api/boards/board-psyk'));
    const page = IndicatorPageResponse.parse(await getJson('/api/indicators/udredning-voksen?unit=psyk'));
    const pageSignal = analyseSeries({ measurements: page.measurements, minRespondents: page.indicator.minRespondents, baselineTo: page.baselineTo });
    expect(pageSignal.analysis.signal).toBe(true);

    const client = await connectClient(srv.url, 'Mødeleder');
    try {
      await client.join('board-psyk');
      const meetingId = `m-${opId()}`;
      expect(await client.request<CommandResult>('meeting:start', { opId: opId(), boardId: 'board-psyk', meetingId })).toMatchObject({ ok: true });
      const items = BoardSnapshot.parse(await getJson('/api/boards/board-psyk')).meeting!.items.filter((i) => i.kind === 'indicator');
      const withSignal = new Set(board.indicators.filter((i) => i.signal?.signal).map((i) => i.id));
      const onAgenda = items.filter((i) => i.detail.includes('signal')).map((i) => i.refId);
      expect(new Set(onAgenda)).toEqual(withSignal);
      expect(onAgenda).toContain('udredning-voksen');
      // Signal first: no indicator without a signal comes before the last one with a signal.
      const lastSignal = items.findLastIndex((i) => i.detail.includes('signal'));
      expect(items.slice(0, lastSignal + 1).every((i) => i.detail.includes('signal'))).toBe(true);
      await client.request<CommandResult>('meeting:end', { opId: opId(), boardId: 'board-psyk', meetingId });
    } finally {
      client.close();
    }
  }, 60_000);
});
