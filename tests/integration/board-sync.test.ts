import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/db/backup';
import { type BoardEvent, MAX_CATCH_UP_EVENTS, PROTOCOL_VERSION } from '../../shared/protocol';
import { BoardSnapshot } from '../../shared/schemas';
import { FIXTURE } from '../helpers/fixtures';
import { type TestClient, connectClient, opId } from '../helpers/socket-client';
import { sessionCookie, testToken } from '../helpers/auth';
import { type TestServer, startTestServer } from '../helpers/test-server';

const board = FIXTURE.clinicBoard;
const { todo, doing, done } = FIXTURE.columns;

let srv: TestServer;
const clients: TestClient[] = [];
const client = async (name: string) => {
  const c = await connectClient(srv.url, name);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  srv = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await srv.stop();
});

/** The board as a client would hold it: a snapshot, then every event applied in seq order. */
function applyEvents(snapshot: BoardSnapshot, events: BoardEvent[]): BoardSnapshot {
  const cards = new Map(snapshot.cards.map((c) => [c.id, c]));
  const columns = new Map(snapshot.columns.map((c) => [c.id, c]));
  let seq = snapshot.seq;
  for (const e of events) {
    if (e.seq !== seq + 1) throw new Error(`gap: ${seq} → ${e.seq}`);
    seq = e.seq;
    const b = e.body;
    if (b.type === 'card.archived') cards.delete(b.card.id);
    else if (b.type === 'card.moved') cards.set(b.card.id, { ...cards.get(b.card.id)!, ...b.card });
    else if ('card' in b) cards.set(b.card.id, b.card);
    else if ('column' in b) columns.set(b.column.id, b.column);
  }
  return { ...snapshot, seq, cards: [...cards.values()], columns: [...columns.values()] };
}

const comparable = (s: BoardSnapshot) => ({
  seq: s.seq,
  cards: [...s.cards].sort((a, b) => a.id.localeCompare(b.id)),
  columns: [...s.columns].sort((a, b) => a.id.localeCompare(b.id)),
});

async function serverSnapshot(): Promise<BoardSnapshot> {
  const res = await fetch(`${srv.url}/api/boards/${board}`, { headers: { cookie: sessionCookie(testToken(srv.url)) } });
  return BoardSnapshot.parse(await res.json());
}

describe('joining and catching up', () => {
  it('gives a first join the snapshot with its seq', async () => {
    const a = await client('A');
    const ack = await a.join(board);
    expect(ack).toMatchObject({ ok: true, seq: 0, data: { kind: 'snapshot' } });
    if (!ack.ok || ack.data.kind !== 'snapshot') return;
    expect(BoardSnapshot.parse(ack.data.snapshot).cards.map((c) => c.id).sort()).toEqual([FIXTURE.cards.huddle, FIXTURE.cards.sms]);
  });

  it('a client that reconnects after missing events ends with exactly the server state', async () => {
    const writer = await client('Writer');
    await writer.join(board);
    const reader = await client('Reader');
    const first = await reader.join(board);
    if (!first.ok || first.data.kind !== 'snapshot') throw new Error('expected a snapshot');
    let local = first.data.snapshot;
    reader.close();

    await writer.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: doing, index: 0 });
    await writer.request('card:create', { opId: opId(), boardId: board, card: { id: 'c-1', columnId: done, type: 'decision', title: 'Fælles koordinator' } });
    await writer.request('card:update', { opId: opId(), boardId: board, cardId: 'c-1', changes: { ownerName: 'Klinikchef' } });
    await writer.request('card:archive', { opId: opId(), boardId: board, cardId: FIXTURE.cards.sms });
    await writer.request('column:rename', { opId: opId(), boardId: board, columnId: todo, name: 'Forslag' });

    const back = await client('Reader again');
    const catchUp = await back.join(board, { sinceSeq: local.seq, epoch: first.data.epoch });
    expect(catchUp).toMatchObject({ ok: true, seq: 5, data: { kind: 'events' } });
    if (!catchUp.ok || catchUp.data.kind !== 'events') return;
    local = applyEvents(local, catchUp.data.events);
    expect(comparable(local)).toEqual(comparable(await serverSnapshot()));
  });

  it('sends a snapshot instead when the client is too far behind, or ahead of a restored database', async () => {
    const w = await client('W');
    for (let i = 0; i < 3; i++) await w.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: i % 2 ? todo : doing, index: 0 });
    const r = await client('R');
    const first = await r.join(board);
    if (!first.ok) throw new Error('join refused');
    const { epoch } = first.data;
    expect(await r.join(board, { sinceSeq: 2, epoch })).toMatchObject({ ok: true, data: { kind: 'events', epoch } });
    expect(await r.join(board, { sinceSeq: 99, epoch })).toMatchObject({ ok: true, data: { kind: 'snapshot' } });
    // A seq told in another timeline (before a backup was restored), or with none: it may name another change.
    expect(await r.join(board, { sinceSeq: 2, epoch: 'another-timeline' })).toMatchObject({ ok: true, data: { kind: 'snapshot', epoch } });
    expect(await r.request('board:join', { boardId: board, protocol: PROTOCOL_VERSION, sinceSeq: 2 })).toMatchObject({ ok: true, data: { kind: 'snapshot' } });
    expect(MAX_CATCH_UP_EVENTS).toBeGreaterThan(3);
  });

  it('refuses an unknown board, a wrong protocol and a malformed join', async () => {
    const c = await client('C');
    expect(await c.join('board-nowhere')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.request('board:join', { boardId: board, protocol: 999 })).toMatchObject({ ok: false, error: { code: 'PROTOCOL_MISMATCH' } });
    expect(await c.request('board:join', { boardId: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('only broadcasts to the rooms of the boards concerned', async () => {
    const clinic = await client('Clinic');
    await clinic.join(board);
    const ward = await client('Ward');
    await ward.join(FIXTURE.wardBoard);
    const other = await client('Other');
    await other.join(board);
    const otherHears = other.nextEvent(); // a peer may hear before the sender's ack
    await clinic.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: doing, index: 0 });
    await otherHears;
    await expect(ward.nextEvent(200)).rejects.toThrow();
  });
});

describe('durability', () => {
  it('keeps every acknowledged change after a restart on the same file', async () => {
    const a = await client('A');
    const joined = await a.join(board);
    if (!joined.ok) throw new Error('join refused');
    const acks = [];
    acks.push(await a.request('card:create', { opId: opId(), boardId: board, card: { id: 'c-durable', columnId: todo, type: 'action', title: 'Ny handling', ownerName: 'Anne', dueDate: '2026-12-24' } }));
    acks.push(await a.request('card:move', { opId: opId(), boardId: board, cardId: 'c-durable', toColumnId: doing, index: 0 }));
    acks.push(await a.request('measurement:record', { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 2.5 }));
    expect(acks.every((x) => x.ok)).toBe(true);
    const before = await serverSnapshot();
    a.close();

    await srv.restart();
    const after = await serverSnapshot();
    expect(after).toEqual(before);
    expect(after.seq).toBe(3);
    expect(after.cards.find((c) => c.id === 'c-durable')).toMatchObject({ columnId: doing, ownerName: 'Anne', dueDate: '2026-12-24' });
    const restraint = after.indicators.find((i) => i.id === FIXTURE.indicators.restraint);
    expect(restraint?.recent.at(-1)).toMatchObject({ periodStart: '2026-10-01', value: 2.5 });
    const b = await client('B');
    // Every seq the old process told was durable: the new one continues the same timeline and catches up from the log.
    const join = await b.join(board, { sinceSeq: 1, epoch: joined.data.epoch });
    expect(join).toMatchObject({ ok: true, seq: 3, data: { kind: 'events', epoch: joined.data.epoch } });
    expect(join.ok && join.data.kind === 'events' && join.data.events.map((e) => e.seq)).toEqual([2, 3]);
  });

  it('after a backup is restored, a client that saw later changes gets a snapshot, even once the seqs are reused', async () => {
    const a = await client('A');
    const move = (toColumnId: string) => a.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle, toColumnId, index: 0 });
    await move(doing);
    const copy = join(dirname(srv.databasePath), 'backup.db');
    await backupDatabase(srv.databasePath, copy);
    await move(done); // seq 2, in the original only
    const joined = await a.join(board);
    if (!joined.ok) throw new Error('join refused');
    a.close();

    await srv.pause();
    for (const suffix of ['', '-wal', '-shm']) rmSync(srv.databasePath + suffix, { force: true });
    copyFileSync(copy, srv.databasePath);
    await srv.resume();
    const b = await client('B');
    await b.request('card:move', { opId: opId(), boardId: board, cardId: FIXTURE.cards.sms, toColumnId: doing, index: 0 }); // seq 2 again, another change

    const c = await client('C');
    const rejoin = await c.join(board, { sinceSeq: 2, epoch: joined.data.epoch });
    expect(rejoin).toMatchObject({ ok: true, seq: 2, data: { kind: 'snapshot' } });
    if (!rejoin.ok || rejoin.data.kind !== 'snapshot') return;
    expect(rejoin.data.epoch).not.toBe(joined.data.epoch);
    expect(rejoin.data.snapshot.cards.find((card) => card.id === FIXTURE.cards.huddle)?.columnId).toBe(doing);
    // The restored timeline stays the same across a restart.
    await srv.restart();
    const again = await (await client('D')).join(board, { sinceSeq: 2, epoch: rejoin.data.epoch });
    expect(again).toMatchObject({ ok: true, data: { kind: 'events', events: [], epoch: rejoin.data.epoch } });
  });
});
