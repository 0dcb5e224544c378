import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeaders, createTestSession } from '../helpers/auth';
import { connectClient, opId } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

/** The chain readable both ways: a role in a unit lets one read the boards above it, never siblings', never write up. */
let srv: TestServer;
let clinicLeader: string;
beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  clinicLeader = createTestSession(srv.database, 'Klinikleder Nord', { roles: [{ unitId: 'k-nord', role: 'facilitator' }] }).token;
});
afterAll(async () => {
  await srv.stop();
});

const get = (path: string, token = clinicLeader) => fetch(`${srv.url}${path}`, { headers: cookieHeaders(token) });

describe('upward read access', () => {
  it('a clinic leader reads the psychiatry and region boards above, and the wards below', async () => {
    for (const board of ['board-psyk', 'board-region', 'board-k-nord', 'board-n1']) {
      expect((await get(`/api/boards/${board}`)).status, board).toBe(200);
    }
  });

  it("but not a sibling clinic's board, nor a ward under a sibling", async () => {
    expect((await get('/api/boards/board-k-syd')).status).toBe(403);
    expect((await get('/api/boards/board-s1')).status).toBe(403);
  });

  it("reads the psychiatry's indicators (with their signal) and goals", async () => {
    const res = await get('/api/indicators/udredning-voksen?unit=psyk');
    expect(res.status).toBe(200);
    const board = (await (await get('/api/boards/board-psyk')).json()) as { indicators: { id: string; signal?: { signal: boolean } }[] };
    expect(board.indicators).toHaveLength(21);
    expect(board.indicators.every((i) => i.signal !== undefined)).toBe(true);
  });

  it("a ward's member reads the decisions taken above (the clinic's minutes), but not a sibling clinic's", async () => {
    const ward = createTestSession(srv.database, 'Sygeplejerske N1', { roles: [{ unitId: 'n1', role: 'member' }] }).token;
    const res = await get('/api/boards/board-k-nord/meetings', ward);
    expect(res.status).toBe(200);
    const { meetings } = (await res.json()) as { meetings: { id: string; items: { decisions: unknown[] }[] }[] };
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.some((m) => m.items.some((i) => i.decisions.length > 0))).toBe(true);
    expect((await get(`/api/boards/board-k-nord/meetings/${meetings[0]!.id}`, ward)).status).toBe(200);
    expect((await get('/api/boards/board-k-syd/meetings', ward)).status).toBe(403);
    expect((await get('/api/boards/board-n2/meetings', ward)).status).toBe(403);
  });

  it('cannot write on the board above: a card move is refused, a target change is 403', async () => {
    const client = await connectClient(srv.url, '', { token: clinicLeader });
    try {
      expect((await client.join('board-psyk')).ok).toBe(true);
      const snapshot = (await (await get('/api/boards/board-psyk')).json()) as { cards: { id: string; columnId: string }[] };
      const card = snapshot.cards[0]!;
      const ack = await client.request('card:move', { opId: opId(), boardId: 'board-psyk', cardId: card.id, toColumnId: card.columnId, index: 0 });
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      client.close();
    }
    const put = await fetch(`${srv.url}/api/indicators/sygefravaer/target`, {
      method: 'PUT',
      headers: cookieHeaders(clinicLeader),
      body: JSON.stringify({ unitId: 'psyk', target: 1, tolerance: 1 }),
    });
    expect(put.status).toBe(403);
  });

  it('a sibling socket join is refused', async () => {
    const client = await connectClient(srv.url, '', { token: clinicLeader });
    try {
      expect((await client.join('board-k-syd')).ok).toBe(false);
    } finally {
      client.close();
    }
  });
});

describe('goals both ways: every indicator serves a goal, cross-cutting goals show each owner', () => {
  it('every indicator on the psychiatry board has a goal chain up to a top goal', async () => {
    const res = await get('/api/boards/board-psyk/goal-chains');
    const { chains } = (await res.json()) as { chains: Record<string, { id: string }[]> };
    expect(Object.keys(chains)).toHaveLength(21);
  });

  it('a goal written with partners outside the organisation keeps them as owners, and their report sets the joint status', async () => {
    const admin = createTestSession(srv.database, 'Direktør').token;
    const write = (method: string, path: string, body: unknown) =>
      fetch(`${srv.url}${path}`, { method, headers: cookieHeaders(admin), body: JSON.stringify(body) });
    const created = await write('POST', '/api/goals', {
      title: 'Fælles opfølgning efter udskrivelse', parentId: 'goal-nat-1', ownerIds: ['k-nord'], indicatorId: 'opfoelg-7', source: 'national',
      externalOwners: [{ name: 'Kommunerne i Region Nord (demo)', status: 'green' }],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const goalNow = async () => {
      const { goals } = (await (await get('/api/goals', admin)).json()) as {
        goals: { id: string; status: string; externalOwners: { name: string }[]; ownerStatuses: { name: string; unitId: string | null; status: string }[] }[];
      };
      return goals.find((g) => g.id === id)!;
    };
    const before = await goalNow();
    expect(before.externalOwners.map((o) => o.name)).toEqual(['Kommunerne i Region Nord (demo)']);
    expect(before.ownerStatuses).toContainEqual({ name: 'Kommunerne i Region Nord (demo)', unitId: null, status: 'green' });
    const nord = before.ownerStatuses.find((o) => o.unitId === 'k-nord')!;
    // The partner reports red: the joint status is the weakest link's, whatever the clinic's own.
    expect((await write('PATCH', `/api/goals/${id}`, { externalOwners: [{ name: 'Kommunerne i Region Nord (demo)', status: 'red' }] })).status).toBe(200);
    const after = await goalNow();
    expect(after.ownerStatuses).toContainEqual({ name: 'Kommunerne i Region Nord (demo)', unitId: null, status: 'red' });
    expect(after.status).toBe('red');
    // With the partner green, the joint status was the clinic's own.
    expect(nord.status).not.toBe('none');
    expect(before.status).toBe(nord.status);
  });

  it("a cross-cutting goal shows each owner's status, its partners outside, and a joint status", async () => {
    const { goals } = (await (await get('/api/goals')).json()) as {
      goals: { id: string; parentId: string | null; status: string; ownerStatuses: { name: string; unitId: string | null; status: string }[] }[];
    };
    const goal = goals.find((g) => g.id === 'goal-tvaer-udskrivelse')!;
    expect(goal.parentId).toBe('goal-nat-1');
    expect(goal.ownerStatuses.map((o) => o.unitId)).toEqual(['k-nord', 'k-syd', null, null]);
    expect(goal.ownerStatuses.filter((o) => o.unitId === null).map((o) => o.name)).toContain('Almen praksis');
    const rank = ['red', 'amber', 'green'];
    const worst = rank.find((s) => goal.ownerStatuses.some((o) => o.status === s)) ?? 'none';
    expect(goal.status).toBe(worst);
  });
});
