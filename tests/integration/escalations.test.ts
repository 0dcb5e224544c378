import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardEvent, CommandResult } from '../../shared/protocol';
import type { Escalation } from '../../shared/schemas';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

const ward = FIXTURE.wardBoard;
const clinic = FIXTURE.clinicBoard;
const region = 'board-region';

let srv: TestServer;
let wardScreen: TestClient;
let clinicScreen: TestClient;
let regionScreen: TestClient;

beforeEach(async () => {
  srv = await startTestServer();
  // A third tier above the clinic, so escalations can travel further up.
  await srv.server.store.run(sql`INSERT INTO layers (id, rank, name, kind) VALUES ('l1', 1, 'Psykiatri', 'strategisk')`);
  await srv.server.store.run(sql`INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('psych', NULL, 'l1', 'Psykiatrien')`);
  await srv.server.store.run(sql`UPDATE org_units SET parent_id = 'psych' WHERE id = 'clinic'`);
  await srv.server.store.run(sql`INSERT INTO boards (id, unit_id, name, created_at) VALUES (${region}, 'psych', 'Psykiatriledelsen', '2026-11-01')`);
  await srv.server.store.run(sql`INSERT INTO board_cadences (board_id, cadence, next_meeting_date) VALUES (${clinic}, 'biweekly', '2099-01-05')`);
  wardScreen = await connectClient(srv.url, 'Afsnit');
  clinicScreen = await connectClient(srv.url, 'Klinik');
  regionScreen = await connectClient(srv.url, 'Region');
  await wardScreen.join(ward);
  await clinicScreen.join(clinic);
  await regionScreen.join(region);
  const created = await wardScreen.request('card:create', {
    opId: opId(), boardId: ward, card: { id: 'card-beds', columnId: FIXTURE.wardColumn, type: 'problem', title: 'For få senge om natten' },
  });
  expect(created.ok).toBe(true);
});
afterEach(async () => {
  for (const c of [wardScreen, clinicScreen, regionScreen]) c.close();
  await srv.stop();
});

async function send<T = CommandResult>(client: TestClient, name: string, cmd: Record<string, unknown>) {
  const ack = await client.request<T>(name, { opId: opId(), ...cmd });
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}
const escalationIn = (e: BoardEvent): Escalation => (e.body as { escalation: Escalation }).escalation;
const stored = async (id: string): Promise<Escalation> =>
  JSON.parse((await srv.server.store.first(sql<{ body: string }>`SELECT body FROM escalations WHERE id = ${id}`))!.body) as Escalation;

async function snapshotEscalations(boardId: string): Promise<Escalation[]> {
  const c = await connectClient(srv.url, 'Læser');
  const ack = await c.join(boardId);
  c.close();
  if (!ack.ok || ack.data.kind !== 'snapshot') throw new Error('no snapshot');
  return ack.data.snapshot.escalations ?? [];
}

describe('escalations up and down the chain', () => {
  it('"Kvittér": only the sending board acknowledges an answer, once; every board along the chain hears it', async () => {
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-k', cardId: 'card-beds', reason: 'Vi kan ikke selv' });
    expect(await wardScreen.request('escalation:acknowledge', { opId: opId(), boardId: ward, escalationId: 'esc-k' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } }); // not answered yet
    await send(clinicScreen, 'escalation:answer', { boardId: clinic, escalationId: 'esc-k', decision: 'Vi låner to senge' });
    expect(await clinicScreen.request('escalation:acknowledge', { opId: opId(), boardId: clinic, escalationId: 'esc-k' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } }); // the answering board does not acknowledge its own answer
    const clinicHears = clinicScreen.nextEvent();
    const ack = await send(wardScreen, 'escalation:acknowledge', { boardId: ward, escalationId: 'esc-k' });
    expect((await clinicHears).body).toMatchObject({ type: 'escalation.acknowledged', escalation: { id: 'esc-k', status: 'answered' } });
    expect(ack.ok && escalationIn(ack.data.events[0]!).steps.at(-1)).toMatchObject({ kind: 'acknowledged', boardId: ward });
    expect((await stored('esc-k')).acknowledgedAt).toEqual(expect.any(String));
    const again = await send(wardScreen, 'escalation:acknowledge', { boardId: ward, escalationId: 'esc-k' });
    expect(again.ok && again.data.events).toEqual([]);
  });

  it('escalate → the clinic sees it with origin, reason and due date → answer → the ward sees the decision', async () => {
    await send(wardScreen, 'measurement:record', { boardId: ward, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 7 });
    const clinicHears = clinicScreen.nextEvent();
    const raised = await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-1', cardId: 'card-beds', reason: 'Vi kan ikke selv skaffe senge' });
    const event = await clinicHears;
    expect(event).toMatchObject({ boardId: clinic, actor: wardScreen.actor, body: { type: 'escalation.raised' } });
    expect(raised.ok && raised.data.events.map((e) => e.boardId).sort()).toEqual([clinic, ward].sort());
    expect(escalationIn(event)).toMatchObject({
      cardId: 'card-beds', cardTitle: 'For få senge om natten', originBoardId: ward, originBoardName: 'Afsnit N2 – tavlemøde',
      holderBoardId: clinic, status: 'open', reason: 'Vi kan ikke selv skaffe senge',
      dueDate: '2099-01-05', // the clinic's next meeting
    });
    // The origin's indicator context travels with it: what was not on target on the ward's board.
    expect(escalationIn(event).context.map((c) => [c.name, c.value, c.status])).toEqual([['Andel bæltefikseret', 7, 'red']]);

    const wardHears = wardScreen.nextEvent();
    await send(clinicScreen, 'escalation:answer', { boardId: clinic, escalationId: 'esc-1', decision: 'Vi låner to senge fra N3' });
    const answer = await wardHears;
    expect(answer.body.type).toBe('escalation.answered');
    expect(escalationIn(answer)).toMatchObject({ status: 'answered', resolution: 'Vi låner to senge fra N3', holderBoardId: clinic });
    expect(escalationIn(answer).steps.map((s) => [s.kind, s.boardId, s.actor])).toEqual([
      ['raised', ward, wardScreen.actor],
      ['answered', clinic, clinicScreen.actor],
    ]);
    // The origin card stays on its board; both boards' snapshots carry the escalation.
    expect(await srv.server.store.first(sql`SELECT board_id, archived FROM cards WHERE id = ${'card-beds'}`)).toEqual({ board_id: ward, archived: 0 });
    expect((await snapshotEscalations(ward)).map((e) => e.status)).toEqual(['answered']);
    expect((await snapshotEscalations(clinic)).map((e) => e.status)).toEqual(['answered']);
    // Every step is in both boards' logs.
    const types = (b: string) => srv.server.store.all(sql`SELECT type FROM events WHERE board_id = ${b} AND type LIKE 'escalation.%' ORDER BY seq`);
    expect(await types(ward)).toEqual([{ type: 'escalation.raised' }, { type: 'escalation.answered' }]);
    expect(await types(clinic)).toEqual(await types(ward));
  });

  it('multi-tier: the clinic forwards it to the psychiatry board, which answers; every board sees the whole chain', async () => {
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-2', cardId: 'card-beds', reason: 'Senge' });
    const wardHearsForward = wardScreen.nextEvent();
    const regionHears = regionScreen.nextEvent();
    await send(clinicScreen, 'escalation:forward', { boardId: clinic, escalationId: 'esc-2', reason: 'Kræver budget' });
    expect(escalationIn(await regionHears)).toMatchObject({ holderBoardId: region, boardIds: [ward, clinic, region], status: 'open' });
    expect(escalationIn(await wardHearsForward).holderBoardName).toBe('Psykiatriledelsen');

    // The clinic no longer holds it.
    const late = await clinicScreen.request('escalation:answer', { opId: opId(), boardId: clinic, escalationId: 'esc-2', decision: 'Nej' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const heard = [wardScreen.nextEvent(), clinicScreen.nextEvent()];
    await send(regionScreen, 'escalation:answer', { boardId: region, escalationId: 'esc-2', decision: 'Budget til 2 senge' });
    for (const e of await Promise.all(heard)) {
      expect(escalationIn(e).steps.map((s) => `${s.kind}:${s.boardId}`)).toEqual([
        `raised:${ward}`, `forwarded:${clinic}`, `answered:${region}`,
      ]);
    }
    expect(await stored('esc-2')).toMatchObject({ status: 'answered', resolution: 'Budget til 2 senge' });
  });

  it('return with a reason: the origin sees it returned; it can be escalated again afterwards', async () => {
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-3', cardId: 'card-beds', reason: 'Senge' });
    const again = await wardScreen.request('escalation:raise', { opId: opId(), boardId: ward, escalationId: 'esc-3b', cardId: 'card-beds', reason: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const wardHears = wardScreen.nextEvent();
    await send(clinicScreen, 'escalation:return', { boardId: clinic, escalationId: 'esc-3', reason: 'Løs det lokalt med vagtplanen' });
    expect(escalationIn(await wardHears)).toMatchObject({ status: 'returned', resolution: 'Løs det lokalt med vagtplanen' });
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-3c', cardId: 'card-beds', reason: 'Stadig for få' });
  });

  it('the top board cannot escalate further; only the holder may answer; an unknown escalation is not found', async () => {
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-4', cardId: 'card-beds', reason: 'Senge' });
    expect(await wardScreen.request('escalation:answer', { opId: opId(), boardId: ward, escalationId: 'esc-4', decision: 'Selv' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await send(clinicScreen, 'escalation:forward', { boardId: clinic, escalationId: 'esc-4', reason: 'Op' });
    expect(await regionScreen.request('escalation:forward', { opId: opId(), boardId: region, escalationId: 'esc-4', reason: 'Op' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await regionScreen.request('escalation:answer', { opId: opId(), boardId: region, escalationId: 'nope', decision: 'x' }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an overdue escalation is flagged on both boards and put on the receiving board’s agenda', async () => {
    await send(wardScreen, 'escalation:raise', { boardId: ward, escalationId: 'esc-5', cardId: 'card-beds', reason: 'Senge', dueDate: '2020-01-01' });
    for (const boardId of [ward, clinic]) {
      const [e] = await snapshotEscalations(boardId);
      expect(e).toMatchObject({ id: 'esc-5', status: 'open', dueDate: '2020-01-01' });
    }
    const started = await send(clinicScreen, 'meeting:start', { boardId: clinic, meetingId: 'meeting-esc' });
    const meeting = started.ok ? (started.data.events[0]!.body as { meeting: { items: { kind: string; refId: string; detail: string }[] } }).meeting : null;
    expect(meeting?.items.filter((i) => i.kind === 'escalation')).toEqual([
      expect.objectContaining({ refId: 'esc-5', detail: 'overdue' }),
    ]);
    await settle();
  });
});
