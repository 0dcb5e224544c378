import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorPageResponse, Initiative } from '../../shared/cascade';
import { reportable } from '../../shared/domain/cascade';
import { indicatorProgress } from '../../shared/domain/business-case';
import { BusinessCase, EffectChain } from '../../shared/maalstyring';
import type { CommandResult } from '../../shared/protocol';
import { BoardSnapshot } from '../../shared/schemas';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

/** Business cases and effect chains over real HTTP (and a real meeting over Socket.IO) on the demo organisation. */
let srv: TestServer;
let admin: Record<string, string>;
let clinicLeader: Record<string, string>;
beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  admin = cookieHeaders(createTestSession(srv.database, 'Direktør').token);
  clinicLeader = cookieHeaders(createTestSession(srv.database, 'Klinikleder Nord', { roles: [{ unitId: 'k-nord', role: 'facilitator' }] }).token);
});
afterAll(async () => {
  await srv?.stop();
});

const get = (path: string, headers: Record<string, string> = admin) => fetch(`${srv.url}${path}`, { headers });
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = admin) =>
  fetch(`${srv.url}${path}`, { method, headers, body: JSON.stringify(body) });
const casesOf = async (query: string, headers = admin) => BusinessCase.array().parse(await (await get(`/api/business-cases?${query}`, headers)).json());

async function agendaOf(boardId: string, meetingId: string): Promise<{ kind: string; refId: string | null }[]> {
  const client = await connectClient(srv.url, 'Mødeleder');
  try {
    await client.join(boardId);
    const started = await client.request<CommandResult>('meeting:start', { opId: opId(), boardId, meetingId });
    expect(started).toMatchObject({ ok: true });
    const snapshot = BoardSnapshot.parse(await (await get(`/api/boards/${boardId}`)).json());
    const ended = await client.request<CommandResult>('meeting:end', { opId: opId(), boardId, meetingId });
    expect(ended).toMatchObject({ ok: true });
    return snapshot.meeting!.items;
  } finally {
    client.close();
  }
}

describe('business cases', () => {
  let created: Initiative;

  it('are created on a goal with investment, yearly effect, dates and indicators, and audited', async () => {
    const res = await send('POST', '/api/goals/goal-n2-tvang/initiatives', {
      title: 'Sansestue og skærmning i N2',
      expectedEffect: 'Færre bæltefikseringer over 48 timer',
      investment: 300_000,
      yearlySaving: 120_000,
      startDate: '2025-06-01',
      endDate: '2027-06-01',
      targets: [{ indicatorId: 'baelte-48t', baselineValue: null, targetValue: 0 }],
    });
    expect(res.status).toBe(201);
    created = Initiative.parse(await res.json());
    expect(created).toMatchObject({ goalId: 'goal-n2-tvang', investment: 300_000, indicatorIds: ['baelte-48t'], done: false });
    const row = await srv.server.store.first(sql`SELECT actor, type FROM admin_events WHERE subject = ${created.id} AND type = 'initiative.created'`);
    expect(row).toMatchObject({ type: 'initiative.created' });
  });

  it("compute progress against the baseline from the indicator's own series", async () => {
    const view = (await casesOf('goal=goal-n2-tvang')).find((c) => c.initiativeId === created.id)!;
    expect(view.paybackYears).toBe(2.5);
    // The same series as the indicator page shows, judged by the shared rule.
    const page = IndicatorPageResponse.parse(await (await get('/api/indicators/baelte-48t?unit=n2')).json());
    const points = reportable(page.measurements, page.indicator.minRespondents);
    const expected = indicatorProgress(points, '2025-06-01', null, 0);
    expect(view.indicators).toEqual([expect.objectContaining({ indicatorId: 'baelte-48t', unitId: 'n2', ...expected })]);
    expect(expected.baselineFromSeries).toBe(true);
    expect(expected.progress).not.toBeNull();
  });

  it('are edited: a hand-set baseline and a new investment change progress and payback', async () => {
    const res = await send('PATCH', `/api/initiatives/${created.id}`, {
      investment: 360_000,
      targets: [{ indicatorId: 'baelte-48t', baselineValue: 4, targetValue: 0 }],
    });
    expect(res.status).toBe(200);
    const view = (await casesOf('goal=goal-n2-tvang')).find((c) => c.initiativeId === created.id)!;
    expect(view.paybackYears).toBe(3);
    expect(view.indicators[0]).toMatchObject({ baselineValue: 4, baselineFromSeries: false });
    expect(view.indicators[0]!.progress).toBe(Math.round(((view.indicators[0]!.latestValue! - 4) / -4) * 100) / 100);
    expect((await send('PATCH', `/api/initiatives/${created.id}`, { startDate: '2028-01-01' })).status).toBe(400);
    expect((await send('PATCH', `/api/initiatives/${created.id}`, { indicatorIds: ['nope'] })).status).toBe(400);
    expect((await send('PATCH', '/api/initiatives/ini-nope', { title: 'x' })).status).toBe(404);
  });

  it('show on the boards whose indicators they move and on their agendas, until closed with a conclusion', async () => {
    expect((await casesOf('board=board-n2')).map((c) => c.initiativeId)).toContain(created.id);
    expect((await casesOf('board=board-psyk')).map((c) => c.initiativeId)).toContain(created.id);
    const before = await agendaOf('board-n2', 'm-bc-1');
    expect(before.filter((i) => i.kind === 'business-case').map((i) => i.refId)).toContain(created.id);

    expect((await send('POST', `/api/initiatives/${created.id}/close`, { conclusion: '' })).status).toBe(400);
    const closed = await send('POST', `/api/initiatives/${created.id}/close`, { conclusion: 'Virker: 0 over 48 timer i et halvt år.' });
    expect(closed.status).toBe(200);
    expect(Initiative.parse(await closed.json())).toMatchObject({ done: true, conclusion: 'Virker: 0 over 48 timer i et halvt år.' });
    expect((await send('POST', `/api/initiatives/${created.id}/close`, { conclusion: 'igen' })).status).toBe(409);

    expect((await casesOf('board=board-n2')).map((c) => c.initiativeId)).not.toContain(created.id);
    const after = await agendaOf('board-n2', 'm-bc-2');
    expect(after.filter((i) => i.kind === 'business-case').map((i) => i.refId)).not.toContain(created.id);
    expect((await casesOf('goal=goal-n2-tvang')).find((c) => c.initiativeId === created.id)).toMatchObject({ done: true });
  });

  it('are written by facilitators of the goal\'s units, read up the line of sight, never by a sibling', async () => {
    const own = await send('POST', '/api/goals/goal-nord-tvang/initiatives', { title: 'Udskrivningssamtale med pårørende', indicatorIds: ['opfoelg-7'] }, clinicLeader);
    expect(own.status).toBe(201);
    const id = Initiative.parse(await own.json()).id;
    expect((await send('POST', '/api/goals/goal-psyk-tvang/initiatives', { title: 'Ikke min' }, clinicLeader)).status).toBe(403);
    expect((await send('POST', '/api/initiatives/ini-demo-sms/close', { conclusion: 'Ikke min' }, clinicLeader)).status).toBe(403);
    // Shown on the clinic's board and the psychiatry's above it, not on the sibling clinic's (which shows opfoelg-7 too).
    expect((await casesOf('board=board-k-nord')).map((c) => c.initiativeId)).toContain(id);
    expect((await casesOf('board=board-psyk', clinicLeader)).map((c) => c.initiativeId)).toContain(id);
    expect((await casesOf('board=board-k-syd')).map((c) => c.initiativeId)).not.toContain(id);
    expect((await get('/api/business-cases?board=board-k-syd', clinicLeader)).status).toBe(403);
    expect((await get('/api/business-cases?goal=goal-psyk-tvang', clinicLeader)).status).toBe(200);
    expect((await get('/api/business-cases?goal=goal-psyk-tvang', {})).status).toBe(401);
  });
});

describe('effect chains', () => {
  it("are written per goal and read with each step's status, by goal and by indicator", async () => {
    const res = await send('PUT', '/api/goals/goal-psyk-udredning/effect-chain', {
      steps: [
        { kind: 'indsats', title: 'Korte ventetider til første samtale', indicatorId: 'ventetid-voksen', unitId: 'psyk' },
        { kind: 'resultat', title: 'Udredning inden 30 dage', indicatorId: 'udredning-voksen', unitId: 'psyk' },
        { kind: 'effekt', title: 'Patienten oplever et godt forløb', indicatorId: 'lup-patient', unitId: 'psyk' },
      ],
    });
    expect(res.status).toBe(200);
    const [chain] = EffectChain.array().parse(await (await get('/api/effect-chains?goal=goal-psyk-udredning')).json());
    expect(chain!.steps.map((s) => [s.kind, s.indicatorType])).toEqual([['indsats', 'resultat'], ['resultat', 'resultat'], ['effekt', 'effekt']]);
    // Each step's status is the indicator's status at the unit, as its page shows it.
    const board = BoardSnapshot.parse(await (await get('/api/boards/board-psyk')).json());
    for (const step of chain!.steps) expect(['green', 'amber', 'red']).toContain(step.status);
    expect(board.indicators.some((i) => i.id === 'udredning-voksen')).toBe(true);
    const byIndicator = EffectChain.array().parse(await (await get('/api/effect-chains?indicator=lup-patient&unit=psyk', clinicLeader)).json());
    expect(byIndicator.map((c) => c.goalId)).toEqual(expect.arrayContaining(['goal-psyk-udredning', 'goal-psyk-tvang']));
  });

  it('refuse steps out of order, a chain without an effect, and a writer without the goal', async () => {
    const backwards = [{ kind: 'effekt', title: 'a' }, { kind: 'indsats', title: 'b' }];
    expect((await send('PUT', '/api/goals/goal-psyk-udredning/effect-chain', { steps: backwards })).status).toBe(400);
    expect((await send('PUT', '/api/goals/goal-psyk-udredning/effect-chain', { steps: [{ kind: 'indsats', title: 'a' }] })).status).toBe(400);
    const fine = { steps: [{ kind: 'indsats', title: 'a' }, { kind: 'effekt', title: 'b' }] };
    expect((await send('PUT', '/api/goals/goal-psyk-udredning/effect-chain', fine, clinicLeader)).status).toBe(403);
    expect((await send('PUT', '/api/goals/goal-nope/effect-chain', fine)).status).toBe(404);
  });
});
