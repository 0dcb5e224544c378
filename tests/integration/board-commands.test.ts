import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardEvent, type CommandName } from '../../shared/protocol';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

const board = FIXTURE.clinicBoard;
const { todo, doing } = FIXTURE.columns;

let srv: TestServer;
let alice: TestClient;
let bob: TestClient;

beforeEach(async () => {
  srv = await startTestServer();
  alice = await connectClient(srv.url, 'Alice');
  bob = await connectClient(srv.url, 'Bob');
  await alice.join(board);
  await bob.join(board);
});
afterEach(async () => {
  alice.close();
  bob.close();
  await srv.stop();
});

const dbState = async () => ({
  cards: await srv.server.store.all(sql`SELECT * FROM cards ORDER BY id`),
  columns: await srv.server.store.all(sql`SELECT * FROM columns ORDER BY id`),
  measurements: await srv.server.store.all(sql`SELECT * FROM measurements ORDER BY indicator_id, period_start`),
  events: await srv.server.store.first(sql`SELECT count(*) AS n FROM events`),
  seq: await srv.server.store.first(sql`SELECT seq FROM boards WHERE id = ${board}`),
});

// One valid command of each kind, as a client would send it. Commands that need earlier steps (an escalation to
// answer, a meeting to change, a change to undo) are covered in meetings.test.ts and escalations.test.ts.
const validCommands: { [N in CommandName]?: () => Record<string, unknown> } = {
  'card:create': () => ({ card: { id: 'card-new', columnId: todo, type: 'problem', title: 'Mangler pladser om aftenen' }, index: 0 }),
  'card:update': () => ({ cardId: FIXTURE.cards.huddle, changes: { title: 'Huddle kl. 8.15', ownerName: 'Overlæge' } }),
  'card:move': () => ({ cardId: FIXTURE.cards.huddle, toColumnId: doing, index: 0 }),
  'card:archive': () => ({ cardId: FIXTURE.cards.sms }),
  'column:create': () => ({ column: { id: 'col-new', name: 'Venter' } }),
  'column:rename': () => ({ columnId: doing, name: 'I gang nu' }),
  'column:move': () => ({ columnId: todo, index: 2 }),
  'measurement:record': () => ({ indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 6.2 }),
  'board:cadence': () => ({ cadence: 'weekly', nextMeetingDate: '2026-12-03' }),
  'meeting:start': () => ({ meetingId: 'meeting-1' }),
};

describe.each(Object.keys(validCommands) as CommandName[])('%s', (name) => {
  it('is applied, acknowledged after commit and broadcast to the peer', async () => {
    const cmd = { opId: opId(), boardId: board, ...validCommands[name]!() };
    const peerHears = bob.nextEvent();
    const ack = await alice.request<{ events: BoardEvent[] }>(name, cmd);
    expect(ack).toMatchObject({ ok: true, seq: 1 });
    if (!ack.ok) return;
    const event = await peerHears;
    expect(BoardEvent.parse(event)).toEqual(ack.data.events[0]);
    expect(event).toMatchObject({ boardId: board, seq: 1, opId: cmd.opId, actor: alice.actor });
    // Durable before the ack: the event is in the log and the board's seq moved.
    expect((await dbState()).seq).toEqual({ seq: 1 });
    await settle();
    // The sender is in the room and hears the commit like everyone (before its ack, which carries the same events).
    expect(alice.events).toEqual(ack.data.events);
  });

  it('is applied once when the same opId is sent again', async () => {
    const cmd = { opId: opId(), boardId: board, ...validCommands[name]!() };
    const first = await alice.request(name, cmd);
    const after = await dbState();
    const again = await alice.request(name, cmd);
    expect(again).toMatchObject({ ok: true, seq: 1, duplicate: true });
    expect(first.ok && again.ok && again.data).toEqual(first.ok && first.data);
    expect(await dbState()).toEqual(after);
    await settle();
    expect(bob.events).toHaveLength(1);
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'card'],
    ['an array', [1, 2]],
    ['a missing opId', 'drop-opId'],
    ['an unknown field', 'extra-field'],
    ['a wrong type for every field', 'wrong-types'],
  ])('refuses %s with a typed error and changes nothing', async (_label, variant) => {
    const valid: Record<string, unknown> = { opId: opId(), boardId: board, ...validCommands[name]!() };
    let payload: unknown = variant;
    if (variant === 'drop-opId') payload = { ...valid, opId: undefined };
    if (variant === 'extra-field') payload = { ...valid, __proto__: { admin: true }, sneaky: 1 };
    if (variant === 'wrong-types') payload = Object.fromEntries(Object.keys(valid).map((k) => [k, { nested: [k] }]));
    const before = await dbState();
    const ack = await alice.request(name, payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!ack.ok) expect(ack.error.issues?.length).toBeGreaterThan(0);
    expect(await dbState()).toEqual(before);
    await settle();
    expect(bob.events).toEqual([]);
  });
});

describe('refusals by the rules', () => {
  it('refuses a card of another board and a column that does not exist, changing nothing', async () => {
    const before = await dbState();
    const moveToNowhere = await alice.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: 'col-nowhere', index: 0 });
    expect(moveToNowhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const foreignColumn = await alice.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: FIXTURE.wardColumn, index: 0 });
    expect(foreignColumn).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const wrongPeriod = await alice.request('measurement:record', { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-05', value: 1 });
    expect(wrongPeriod).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'periodStart' }] } });
    const unknownBoard = await alice.request('card:archive', { opId: opId(), boardId: 'board-nowhere', cardId: FIXTURE.cards.huddle });
    // A board no role reaches (it does not exist) is refused before the rules run: no hint of what exists.
    expect(unknownBoard).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dbState()).toEqual(before);
    await settle();
    expect(bob.events).toEqual([]);
  });

  it('refuses an opId reused for a different command', async () => {
    const id = opId();
    await alice.request('card:archive', { opId: id, boardId: board, cardId: FIXTURE.cards.sms });
    const reuse = await alice.request('card:archive', { opId: id, boardId: FIXTURE.wardBoard, cardId: FIXTURE.cards.huddle });
    expect(reuse).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('a measurement', () => {
  it('reaches every board that shows the indicator for that unit, and a correction keeps the previous value', async () => {
    const ward = await connectClient(srv.url, 'Ward');
    await ward.join(FIXTURE.wardBoard);
    const cmd = { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-09-01', value: 4.4 };
    const bobHears = bob.nextEvent(); // a peer may hear before the sender's ack
    const ack = await alice.request<{ events: BoardEvent[] }>('measurement:record', cmd);
    expect(ack).toMatchObject({ ok: true });
    const event = await bobHears;
    expect(event.body).toMatchObject({ type: 'measurement.recorded', measurement: { value: 4.4, recordedBy: alice.actor }, previous: { value: 5.5 } });
    // The ward board shows the same indicator for its own unit, so a clinic figure is not its event.
    await settle();
    expect(ward.events).toEqual([]);
    ward.close();
  });
});

describe('column moves', () => {
  it('record the old place, so the board as it was can show the column order of that time', async () => {
    const ack = await alice.request<{ events: BoardEvent[] }>('column:move', { opId: opId(), boardId: board, columnId: todo, index: 2 });
    expect(ack.ok && ack.data.events[0]!.body).toMatchObject({ type: 'column.moved', column: { id: todo }, before: { orderKey: 'a0' } });
  });
});
