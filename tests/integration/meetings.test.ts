import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardEvent, CommandResult } from '../../shared/protocol';
import type { BoardAtResponse, HistoryResponse, MeetingChangesResponse } from '../../shared/meeting-rest';
import type { Meeting } from '../../shared/schemas';
import { nextMeetingDate } from '../../shared/domain/cadence';
import { createTestSessionFor } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

const board = FIXTURE.clinicBoard;
const { todo, doing, done } = FIXTURE.columns;
const { huddle, sms } = FIXTURE.cards;

let srv: TestServer;
let facilitator: TestClient;
let colleague: TestClient;

beforeEach(async () => {
  srv = await startTestServer();
  facilitator = await connectClient(srv.url, 'Mødeleder');
  colleague = await connectClient(srv.url, 'Kollega');
  await facilitator.join(board);
  await colleague.join(board);
});
afterEach(async () => {
  facilitator.close();
  colleague.close();
  await srv.stop();
});

async function send(client: TestClient, name: string, cmd: Record<string, unknown>) {
  const ack = await client.request<CommandResult>(name, { opId: opId(), boardId: board, ...cmd });
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.events;
}
const meetingOf = (events: BoardEvent[]): Meeting =>
  (events.find((e) => e.body.type.startsWith('meeting.'))!.body as { meeting: Meeting }).meeting;
const storedMeeting = async (id: string): Promise<Meeting> =>
  JSON.parse((await srv.server.store.first(sql<{ body: string }>`SELECT body FROM meetings WHERE id = ${id}`))!.body) as Meeting;
const change = (meetingId: string, c: Record<string, unknown>) => send(facilitator, 'meeting:change', { meetingId, change: c });

async function get<T>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const { token } = createTestSessionFor(srv.url, 'Læser');
  const res = await fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}`, cookie: `kaskade_session=${token}` } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

describe('a meeting from start to minutes', () => {
  it('start → walk the items → decisions and actions → end: the minutes are stored exactly', async () => {
    const peerHears = colleague.nextEvent();
    const started = meetingOf(await send(facilitator, 'meeting:start', { meetingId: 'm1', plannedMinutes: 15 }));
    expect((await peerHears).body.type).toBe('meeting.started');
    // Red restraint indicator (5.5 against 4 ± 1) first; the huddle action is due before the next meeting? (12 Dec)
    expect(started.items.map((i) => i.id)).toEqual(expect.arrayContaining([`ind-${FIXTURE.indicators.restraint}`, `idea-${sms}`]));
    expect(started.items[0]!.id).toBe(`ind-${FIXTURE.indicators.restraint}`);
    expect(started).toMatchObject({ status: 'running', plannedMinutes: 15, attendees: [], currentItemId: null });

    const first = started.items[0]!.id;
    await change('m1', { kind: 'attendance', attendees: ['Eva', 'Ole'] });
    await change('m1', { kind: 'open-item', itemId: first });
    await change('m1', { kind: 'outcome', itemId: first, outcome: 'Drøftet: stigning i oktober' });
    await change('m1', { kind: 'decision', itemId: first, decision: { id: 'd1', text: 'Huddle før hver aftenvagt' } });
    const withAction = await change('m1', {
      kind: 'action', itemId: first,
      card: { id: 'card-action', columnId: doing, title: 'Gennemgå fikseringer', ownerName: 'Ole', dueDate: '2026-12-10' },
    });
    expect(withAction.map((e) => e.body.type)).toEqual(['card.created', 'meeting.changed']);
    await change('m1', { kind: 'add-item', item: { id: 'extra', title: 'Julefrokost' } });
    await change('m1', { kind: 'skip-item', itemId: 'extra', skipped: true });
    // The huddle is done during the meeting: it counts as closed.
    await send(colleague, 'card:move', { cardId: huddle, toColumnId: done, index: 0 });

    const ended = meetingOf(await send(facilitator, 'meeting:end', { meetingId: 'm1' }));
    expect(await storedMeeting('m1')).toEqual(ended);
    const minutes = ended.minutes!;
    expect(ended.status).toBe('ended');
    expect(minutes.attendees).toEqual(['Eva', 'Ole']);
    expect(minutes.items.find((i) => i.id === first)).toMatchObject({
      outcome: 'Drøftet: stigning i oktober', actionIds: ['card-action'], decisions: [{ id: 'd1', text: 'Huddle før hver aftenvagt' }],
    });
    expect(minutes.items.find((i) => i.id === 'extra')).toMatchObject({ skipped: true, kind: 'custom' });
    expect(minutes.decisions).toEqual([{ id: 'd1', text: 'Huddle før hver aftenvagt', itemTitle: 'Andel bæltefikseret' }]);
    expect(minutes.actionsCreated.map((c) => [c.title, c.ownerName, c.dueDate])).toEqual([['Gennemgå fikseringer', 'Ole', '2026-12-10']]);
    expect(minutes.indicators).toEqual([
      { indicatorId: FIXTURE.indicators.restraint, name: 'Andel bæltefikseret', unitLabel: '%', decimals: 1, periodStart: '2026-09-01', value: 5.5, status: 'red' },
      { indicatorId: FIXTURE.indicators.survey, name: 'LUP: godt samlet indtryk', unitLabel: '%', decimals: 0, periodStart: '2026-07-01', value: 88, status: 'green' },
    ]);
    // The next meeting follows from the cadence (biweekly by default).
    const cadence = await srv.server.store.first(sql`SELECT cadence, next_meeting_date FROM board_cadences WHERE board_id = ${board}`);
    expect(cadence).toMatchObject({ cadence: 'biweekly' });

    // Readable later over REST, and exportable.
    const listed = await get<{ meetings: Meeting[] }>(`/api/boards/${board}/meetings`);
    expect(listed.body.meetings.map((m) => m.id)).toEqual(['m1']);
    const md = await get<string>(`/api/boards/${board}/meetings/m1/minutes.md`);
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="referat-\d{4}-\d\d-\d\d\.md"/);
    expect(md.body).toContain('Huddle før hver aftenvagt');
    const csv = await get<string>(`/api/boards/${board}/meetings/m1/minutes.csv`);
    expect(csv.body.split('\r\n')[0]).toBe('position,kind,title,skipped,started,ended,outcome,decisions,actions');

    // Follow-up: the next agenda opens with the last meeting's actions and decisions.
    const next = meetingOf(await send(facilitator, 'meeting:start', { meetingId: 'm2' }));
    expect(next.items.slice(0, 2).map((i) => [i.kind, i.title])).toEqual([
      ['follow-up', 'Gennemgå fikseringer'],
      ['follow-up', 'Huddle før hver aftenvagt'],
    ]);
  });

  it('a board for the political level meets quarterly or yearly: ending its meeting sets the next one a quarter (a year) on', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const cadence of ['quarterly', 'yearly'] as const) {
      const set = await send(facilitator, 'board:cadence', { cadence });
      expect(set.find((e) => e.body.type === 'board.cadence')?.body).toMatchObject({ cadence: { cadence } });
      const meetingId = `m-${cadence}`;
      await send(facilitator, 'meeting:start', { meetingId });
      const ended = await send(facilitator, 'meeting:end', { meetingId });
      const next = ended.flatMap((e) => (e.body.type === 'board.cadence' ? [e.body.cadence] : []))[0]!;
      expect(next).toMatchObject({ cadence, nextMeetingDate: nextMeetingDate(cadence, today) });
      expect(next.nextMeetingDate! > (cadence === 'quarterly' ? shiftDays(today, 80) : shiftDays(today, 360))).toBe(true);
    }
  });

  it('only one meeting runs at a time; an ended meeting takes no more changes', async () => {
    await send(facilitator, 'meeting:start', { meetingId: 'm1' });
    expect(await facilitator.request('meeting:start', { opId: opId(), boardId: board, meetingId: 'm2' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await send(facilitator, 'meeting:end', { meetingId: 'm1' });
    expect(await facilitator.request('meeting:change', { opId: opId(), boardId: board, meetingId: 'm1', change: { kind: 'attendance', attendees: [] } }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('concurrent edits from two clients during a meeting both land, in one order every client agrees on', async () => {
    await send(facilitator, 'meeting:start', { meetingId: 'm1' });
    await change('m1', { kind: 'add-item', item: { id: 'x1', title: 'Punkt' } });
    // Sent at once: the facilitator adds a decision while a colleague moves and edits cards.
    const results = await Promise.all([
      change('m1', { kind: 'decision', itemId: 'x1', decision: { id: 'd1', text: 'A' } }),
      send(colleague, 'card:move', { cardId: sms, toColumnId: doing, index: 0 }),
      change('m1', { kind: 'decision', itemId: 'x1', decision: { id: 'd2', text: 'B' } }),
      send(colleague, 'card:update', { cardId: huddle, changes: { ownerName: 'Ny ansvarlig' } }),
      change('m1', { kind: 'outcome', itemId: 'x1', outcome: 'Enige' }),
    ]);
    expect(results.every((r) => r.length > 0)).toBe(true);
    await settle();
    const item = (await storedMeeting('m1')).items.find((i) => i.id === 'x1')!;
    expect(item.decisions.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(item.outcome).toBe('Enige');
    // Both clients heard every event (their own too) in the log's order, and the log has no gaps.
    const seqs = (await srv.server.store.all(sql<{ seq: number }>`SELECT seq FROM events WHERE board_id = ${board} ORDER BY seq`)).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(colleague.events.map((e) => e.seq)).toEqual(seqs);
    expect(facilitator.events.map((e) => e.seq)).toEqual(seqs);
  });

  it('rebuilds the board as it was at the meeting from the event log', async () => {
    await send(facilitator, 'meeting:start', { meetingId: 'm1' });
    await send(facilitator, 'meeting:end', { meetingId: 'm1' });
    await new Promise((r) => setTimeout(r, 5)); // later events get a later timestamp
    await send(colleague, 'card:move', { cardId: huddle, toColumnId: done, index: 0 });
    await send(colleague, 'card:update', { cardId: sms, changes: { title: 'SMS dagen før' } });
    await send(colleague, 'card:create', { card: { id: 'card-late', columnId: todo, type: 'idea', title: 'Senere idé' } });
    await send(colleague, 'measurement:record', { indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-09-01', value: 2 });
    const { status, body } = await get<BoardAtResponse>(`/api/boards/${board}/meetings/m1/board`);
    expect(status).toBe(200);
    const cards = Object.fromEntries(body.cards.map((c) => [c.id, c]));
    expect(Object.keys(cards).sort()).toEqual([huddle, sms]);
    expect(cards[huddle]!.columnId).toBe(todo);
    expect(cards[sms]!.title).toBe('SMS-påmindelse');
    expect(body.indicators.find((i) => i.id === FIXTURE.indicators.restraint)!.recent.at(-1)!.value).toBe(5.5);
  });

  it('lists every change made while the meeting ran, card moves off the agenda too, and rebuilds the board at its start', async () => {
    await send(facilitator, 'meeting:start', { meetingId: 'm1' });
    await new Promise((r) => setTimeout(r, 5)); // changes during the meeting get a later timestamp than its start
    // Off the agenda: a colleague moves a card and moves a column while the facilitator walks the items.
    await send(colleague, 'card:move', { cardId: sms, toColumnId: doing, index: 0 });
    await send(colleague, 'column:move', { columnId: todo, index: 2 });
    await change('m1', { kind: 'add-item', item: { id: 'x1', title: 'Punkt' } });
    await send(facilitator, 'meeting:end', { meetingId: 'm1' });
    await new Promise((r) => setTimeout(r, 5));
    await send(colleague, 'card:move', { cardId: huddle, toColumnId: done, index: 0 }); // after the meeting: not listed

    const { status, body } = await get<MeetingChangesResponse>(`/api/boards/${board}/meetings/m1/changes`);
    expect(status).toBe(200);
    // The meeting's own events and the next meeting date its end set are the minutes' business, not listed here.
    expect(body.events.map((e) => e.body.type)).toEqual(['card.moved', 'column.moved']);
    expect(body.events[0]!.body).toMatchObject({ card: { id: sms, columnId: doing }, from: { columnId: todo } });
    expect(body.actors[body.events[0]!.actor]).toBe('Kollega');
    expect(body.columns).toMatchObject({ [todo]: 'Nye forslag', [doing]: 'I gang' });

    // At its start the board had its columns in the old order and the card in its old place; at its end, the new.
    const atStart = (await get<BoardAtResponse>(`/api/boards/${board}/meetings/m1/board?at=start`)).body;
    const order = (b: BoardAtResponse) => [...b.columns].sort((x, y) => (x.orderKey < y.orderKey ? -1 : 1)).map((c) => c.id);
    expect(atStart.at).toBe('start');
    expect(order(atStart)).toEqual([todo, doing, done]);
    expect(atStart.cards.find((c) => c.id === sms)!.columnId).toBe(todo);
    const atEnd = (await get<BoardAtResponse>(`/api/boards/${board}/meetings/m1/board`)).body;
    expect(order(atEnd)).toEqual([doing, done, todo]);
    expect(atEnd.cards.find((c) => c.id === sms)!.columnId).toBe(doing);
    expect(atEnd.cards.find((c) => c.id === huddle)!.columnId).toBe(todo);
    expect((await get(`/api/boards/${board}/meetings/m1/board?at=later`)).status).toBe(400);
  });
});

describe('permissions', () => {
  it('minutes and history are for those who may read the board: 401 without signing in', async () => {
    for (const path of [`/api/boards/${board}/meetings`, `/api/boards/${board}/history`]) {
      const res = await fetch(`${srv.url}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    expect((await get(`/api/boards/nowhere/meetings`)).status).toBe(404);
  });

  it("running a meeting and changing the cadence need 'facilitate'; a member may still edit cards during it", async () => {
    const member = await connectClient(srv.url, 'Medlem', { role: 'member' });
    try {
      await member.join(board);
      for (const [name, cmd] of [
        ['meeting:start', { meetingId: 'm-member' }],
        ['board:cadence', { cadence: 'weekly' }],
      ] as const) {
        expect(await member.request(name, { opId: opId(), boardId: board, ...cmd })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      await send(facilitator, 'meeting:start', { meetingId: 'm1' });
      expect(await member.request('meeting:end', { opId: opId(), boardId: board, meetingId: 'm1' }))
        .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await send(member, 'card:update', { cardId: huddle, changes: { ownerName: 'Medlem' } });
    } finally {
      member.close();
    }
  });
});

describe('attendance', () => {
  it('offers the people with a role on the unit, above it or right below it, to those who run the meeting', async () => {
    const ward = createTestSessionFor(srv.url, 'Anne Afsnitsleder', { roles: [{ unitId: 'ward', role: 'facilitator' }] });
    const clinic = createTestSessionFor(srv.url, 'Kim Klinikchef', { roles: [{ unitId: 'clinic', role: 'facilitator' }] });
    const viewer = createTestSessionFor(srv.url, 'Vera Læser', { roles: [{ unitId: 'clinic', role: 'viewer' }] });
    const people = async (boardId: string, token: string) => {
      const res = await fetch(`${srv.url}/api/boards/${boardId}/people`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { people: { userId: string; name: string; unitName: string }[] } };
    };
    const onClinic = await people(board, clinic.token);
    expect(onClinic.status).toBe(200);
    // The ward's leader (a unit right below) is offered for the clinic's meeting, with where their role is.
    expect(onClinic.body.people).toEqual(expect.arrayContaining([
      { userId: ward.userId, name: 'Anne Afsnitsleder', unitName: 'Afsnit N2' },
      { userId: clinic.userId, name: 'Kim Klinikchef', unitName: 'Klinik Nord' },
      { userId: viewer.userId, name: 'Vera Læser', unitName: 'Klinik Nord' },
    ]));
    expect(new Set(onClinic.body.people.map((p) => p.userId)).size).toBe(onClinic.body.people.length);
    // On the ward's board, the clinic's people (a role above reaches down) are offered too.
    const onWard = await people(FIXTURE.wardBoard, ward.token);
    expect(onWard.body.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Anne Afsnitsleder', 'Kim Klinikchef']));
    // Someone who cannot run the meeting is not told who has a role where.
    expect((await people(board, viewer.token)).status).toBe(403);
    expect((await fetch(`${srv.url}/api/boards/${board}/people`)).status).toBe(401);
  });

  it('keeps picked people with their role beside typed names, in the minutes and the Markdown export', async () => {
    await send(facilitator, 'meeting:start', { meetingId: 'm1' });
    await change('m1', { kind: 'attendance', attendees: [{ name: 'Anne Jensen', userId: 'u-anne', role: 'ward-management' }, 'Ole', { name: 'Bo Dahl', role: 'employee-representative' }] });
    expect((await storedMeeting('m1')).attendees).toEqual([
      { name: 'Anne Jensen', userId: 'u-anne', role: 'ward-management' }, 'Ole', { name: 'Bo Dahl', role: 'employee-representative' },
    ]);
    expect(await facilitator.request('meeting:change', {
      opId: opId(), boardId: board, meetingId: 'm1', change: { kind: 'attendance', attendees: [{ name: 'Eva', role: 'chief' }] },
    })).toMatchObject({ ok: false });
    const ended = meetingOf(await send(facilitator, 'meeting:end', { meetingId: 'm1' }));
    expect(ended.minutes!.attendees).toHaveLength(3);
    const read = await get<Meeting>(`/api/boards/${board}/meetings/m1`);
    expect(read.body.minutes!.attendees).toEqual((await storedMeeting('m1')).attendees);
    const md = await get<string>(`/api/boards/${board}/meetings/m1/minutes.md`);
    expect(md.body).toContain('- Anne Jensen (afsnitsledelse)\n- Ole\n- Bo Dahl (medarbejderrepræsentant)');
  });
});

describe('history and undo', () => {
  it('a card’s history lists who did what; undo reverses one’s own last change with a new event', async () => {
    await send(facilitator, 'card:move', { cardId: huddle, toColumnId: doing, index: 0 });
    await send(facilitator, 'card:update', { cardId: huddle, changes: { title: 'Huddle kl. 8' } });
    const history = await get<HistoryResponse>(`/api/boards/${board}/history?cardId=${huddle}`);
    expect(history.body.events.map((e) => [e.body.type, e.actor])).toEqual([
      ['card.updated', facilitator.actor],
      ['card.moved', facilitator.actor],
    ]);

    // Someone else's change is not mine to undo.
    expect(await colleague.request('card:undo', { opId: opId(), boardId: board, cardId: huddle }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const undone = await send(facilitator, 'card:undo', { cardId: huddle });
    expect(undone[0]!.body).toMatchObject({ type: 'card.updated', card: { title: 'Tvangsforebyggende huddle' } });

    await send(colleague, 'card:archive', { cardId: sms });
    const restored = await send(colleague, 'card:undo', { cardId: sms });
    expect(restored[0]!.body).toMatchObject({ type: 'card.restored', card: { id: sms, archived: false, columnId: todo } });
    // The log only grew: nothing was rewritten.
    expect(await srv.server.store.first(sql`SELECT count(*) AS n FROM events WHERE board_id = ${board}`)).toEqual({ n: 5 });
  });

  it('a move goes out as the card\'s new position; the history keeps the whole card', async () => {
    const [moved] = await send(facilitator, 'card:move', { cardId: sms, toColumnId: done, index: 0 });
    expect(moved!.body).toEqual({
      type: 'card.moved',
      card: { id: sms, columnId: done, orderKey: expect.any(String), updatedAt: expect.any(String) },
      from: { columnId: todo, orderKey: expect.any(String) },
    });
    const history = await get<HistoryResponse>(`/api/boards/${board}/history?cardId=${sms}`);
    expect(history.body.events[0]!.body).toMatchObject({ type: 'card.moved', card: { id: sms, columnId: done, title: expect.any(String), boardId: board } });
  });

  it('undo without a card (Ctrl+Z) reverses one’s last change on the board; undo again steps further back, never redoes', async () => {
    await send(facilitator, 'card:move', { cardId: sms, toColumnId: done, index: 0 });
    await send(facilitator, 'card:update', { cardId: huddle, changes: { title: 'Huddle kl. 8' } });
    await send(colleague, 'card:update', { cardId: sms, changes: { ownerName: 'Kollega' } });

    const first = await send(facilitator, 'card:undo', {});
    expect(first[0]!.body).toMatchObject({ type: 'card.updated', card: { id: huddle, title: 'Tvangsforebyggende huddle' } });
    // The next undo is not a redo of the title: it reaches the move before it, which a colleague has touched since.
    expect(await facilitator.request('card:undo', { opId: opId(), boardId: board }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The colleague undoes theirs; now the facilitator's move is theirs again to undo.
    await send(colleague, 'card:undo', {});
    const second = await send(facilitator, 'card:undo', {});
    expect(second[0]!.body).toMatchObject({ type: 'card.moved', card: { id: sms, columnId: todo } });
    expect(await srv.server.store.first(sql`SELECT title FROM cards WHERE id = ${huddle}`)).toEqual({ title: 'Tvangsforebyggende huddle' });
    // Nothing of the facilitator's is left to undo.
    expect(await facilitator.request('card:undo', { opId: opId(), boardId: board }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('undo of a card right after an undo of it does not redo the change', async () => {
    await send(facilitator, 'card:move', { cardId: sms, toColumnId: done, index: 0 });
    await send(facilitator, 'card:undo', { cardId: sms });
    expect(await facilitator.request('card:undo', { opId: opId(), boardId: board, cardId: sms }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await srv.server.store.first(sql`SELECT column_id AS "columnId" FROM cards WHERE id = ${sms}`)).toEqual({ columnId: todo });
  });

  it('undo of a move puts the card back in its column', async () => {
    await send(facilitator, 'card:move', { cardId: sms, toColumnId: done, index: 0 });
    const back = await send(facilitator, 'card:undo', { cardId: sms });
    expect(back.at(-1)!.body).toMatchObject({ type: 'card.moved', card: { columnId: todo }, from: { columnId: done } });
  });
});

/** A day some days after an ISO date. */
function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
