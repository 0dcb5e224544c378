import { sql } from 'kysely';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardEvent, CommandResult } from '../../shared/protocol';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { type Db, openDatabase } from '../../server/db/open-database';
import { sqliteStore } from '../../server/store';
import { type CommandResultOrError, createCommandService } from '../../server/services/command-service';
import { FIXTURE, createFixtureOrganisation } from '../helpers/fixtures';
import { type TestClient, connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

const board = FIXTURE.clinicBoard;
const { todo, doing, done } = FIXTURE.columns;
const move = (cardId: string, toColumnId: string, index = 0) => ({ opId: opId(), boardId: board, cardId, toColumnId, index });

describe('group commit, in the service', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-group-'));
    db = openDatabase(join(dir, 'kaskade.db'));
    migrate(db, join(projectRoot, 'migrations'));
    createFixtureOrganisation(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submitAll = (
    service: ReturnType<typeof createCommandService>,
    cmds: ReturnType<typeof move>[],
    onDone?: (i: number) => void,
  ): Promise<CommandResultOrError[]> =>
    Promise.all(
      cmds.map(
        (cmd, i) =>
          new Promise<CommandResultOrError>((resolve) =>
            service.submit('card:move', cmd, 'Test', (r) => {
              onDone?.(i);
              resolve(r);
            }),
          ),
      ),
    );

  it('commits commands submitted in the same turn in one transaction and reports each only after the commit', async () => {
    const service = createCommandService(sqliteStore(db));
    // A second connection counts what is durable (visible outside the writer) when each outcome is reported.
    const reader = new Database(join(dir, 'kaskade.db'), { readonly: true });
    const seqSeenAtReport: number[] = [];
    const cmds = [move(FIXTURE.cards.huddle, doing), move(FIXTURE.cards.sms, doing), move(FIXTURE.cards.huddle, done)];
    const pending = submitAll(service, cmds, () => {
      seqSeenAtReport.push((reader.prepare('SELECT seq FROM boards WHERE id = ?').get(board) as { seq: number }).seq);
    });
    expect(service.pending()).toBe(3); // nothing runs until the turn ends
    expect((reader.prepare('SELECT seq FROM boards WHERE id = ?').get(board) as { seq: number }).seq).toBe(0);
    const results = await pending;
    expect(results.map((r) => r.outcome && r.outcome.ok && r.outcome.seq)).toEqual([1, 2, 3]);
    // All three were reported after the single commit that made all three durable.
    expect(seqSeenAtReport).toEqual([3, 3, 3]);
    reader.close();
  });

  it('isolates a command that fails unexpectedly: the others in the batch still commit', async () => {
    // A real error inside the one command's write, whatever the engine runs: a trigger that refuses it.
    db.exec(`CREATE TRIGGER hiccup BEFORE UPDATE ON cards WHEN NEW.id = '${FIXTURE.cards.sms}' BEGIN SELECT RAISE(ABORT, 'disk hiccup for this card'); END`);
    const service = createCommandService(sqliteStore(db));
    const results = await submitAll(service, [
      move(FIXTURE.cards.huddle, doing),
      move(FIXTURE.cards.sms, doing),
      move(FIXTURE.cards.huddle, done),
    ]);
    expect(results[0]!.outcome).toMatchObject({ ok: true, seq: 1 });
    expect(results[1]!.error).toBeInstanceOf(Error);
    expect(results[2]!.outcome).toMatchObject({ ok: true, seq: 2 });
    const sms = db.prepare('SELECT column_id FROM cards WHERE id = ?').get(FIXTURE.cards.sms) as { column_id: string };
    expect(sms.column_id).toBe(todo); // its savepoint was rolled back
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });
    // The seq its event had counted was handed out again, and the board's head is the log's last seq.
    expect(db.prepare('SELECT seq FROM boards WHERE id = ?').get(board)).toEqual({ seq: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM operations').get()).toEqual({ n: 2 });
  });

  it('never reports ok for a command the full disk refused, reports the failure once, and commits nothing after it', async () => {
    const failures: unknown[] = [];
    const service = createCommandService(sqliteStore(db), undefined, (err) => failures.push(err));
    // A real SQLITE_FULL: the database may not grow by a single page (as on a full disk).
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const acked: number[] = [];
    let refused: unknown;
    for (let i = 0; i < 500 && refused === undefined; i++) {
      const [result] = await submitAll(service, [move(FIXTURE.cards.huddle, i % 2 ? todo : doing)]);
      if (result!.outcome?.ok) acked.push(result!.outcome.seq);
      else refused = result!.error;
    }
    expect(refused).toMatchObject({ code: 'SQLITE_FULL' });
    expect(failures).toEqual([refused]);
    // Stopped: the next command is refused without being tried, over the socket path and the direct one.
    const [later] = await submitAll(service, [move(FIXTURE.cards.sms, doing)]);
    expect(later!.error).toBe(refused);
    await expect(service.execute('card:move', move(FIXTURE.cards.sms, doing), 'Test')).rejects.toThrow();
    expect(failures).toHaveLength(1);
    // Every acknowledged move is in the database, and nothing else.
    const seq = (db.prepare('SELECT seq FROM boards WHERE id = ?').get(board) as { seq: number }).seq;
    expect(seq).toBe(acked.length);
    expect(acked).toEqual(Array.from({ length: acked.length }, (_, i) => i + 1));
  });

  it('waits for access checks still answering before it commits, refuses a failed one in its place, reports in order', async () => {
    const service = createCommandService(sqliteStore(db));
    let allow!: (refusal: undefined) => void;
    const slowCheck = new Promise<undefined>((resolve) => (allow = resolve));
    const order: string[] = [];
    const submitted = [
      { cmd: move(FIXTURE.cards.huddle, doing), check: slowCheck },
      { cmd: move(FIXTURE.cards.sms, doing), check: Promise.resolve({ code: 'FORBIDDEN' as const, message: 'no' }) },
      { cmd: move(FIXTURE.cards.huddle, done), check: undefined },
    ].map(({ cmd, check }, i) =>
      new Promise<CommandResultOrError>((resolve) =>
        service.submit('card:move', cmd, 'Test', (r) => {
          order.push(`done ${i}`);
          resolve(r);
        }, check),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]); // the first command's check has not answered: nothing is committed yet
    expect(db.prepare('SELECT seq FROM boards WHERE id = ?').get(board)).toEqual({ seq: 0 });
    allow(undefined);
    const [first, second, third] = await Promise.all(submitted);
    expect(order).toEqual(['done 0', 'done 1', 'done 2']);
    expect(first!.outcome).toMatchObject({ ok: true, seq: 1 });
    expect(second!.outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(third!.outcome).toMatchObject({ ok: true, seq: 2 });
    const sms = db.prepare('SELECT column_id FROM cards WHERE id = ?').get(FIXTURE.cards.sms) as { column_id: string };
    expect(sms.column_id).toBe(todo);
  });

  it('lets a command that reads the log see the moves before it in the same batch: an undo undoes the move', async () => {
    const service = createCommandService(sqliteStore(db));
    const moved = new Promise<CommandResultOrError>((resolve) => service.submit('card:move', move(FIXTURE.cards.huddle, done), 'Test', resolve));
    const undone = new Promise<CommandResultOrError>((resolve) =>
      service.submit('card:undo', { opId: opId(), boardId: board, cardId: FIXTURE.cards.huddle }, 'Test', resolve));
    expect(service.pending()).toBe(2); // one batch
    expect((await moved).outcome).toMatchObject({ ok: true, seq: 1 });
    expect((await undone).outcome).toMatchObject({ ok: true, seq: 2 });
    const huddle = db.prepare('SELECT column_id FROM cards WHERE id = ?').get(FIXTURE.cards.huddle) as { column_id: string };
    expect(huddle.column_id).toBe(todo);
    expect(db.prepare('SELECT seq, type FROM events ORDER BY seq').all()).toEqual([{ seq: 1, type: 'card.moved' }, { seq: 2, type: 'card.moved' }]);
    expect(db.prepare('SELECT seq FROM boards WHERE id = ?').get(board)).toEqual({ seq: 2 });
  });

  it('answers a repeated opId in the same batch as a duplicate, applied once', async () => {
    const service = createCommandService(sqliteStore(db));
    const cmd = move(FIXTURE.cards.huddle, doing);
    const [first, second] = await submitAll(service, [cmd, { ...cmd }]);
    expect(first!.outcome).toMatchObject({ ok: true, seq: 1, duplicate: false });
    expect(second!.outcome).toMatchObject({ ok: true, seq: 1, duplicate: true });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
  });
});

describe('group commit, over sockets', () => {
  let srv: TestServer;
  let clients: TestClient[];
  let peer: TestClient;
  beforeEach(async () => {
    srv = await startTestServer();
    clients = await Promise.all(['A', 'B', 'C', 'D'].map((n) => connectClient(srv.url, n)));
    peer = await connectClient(srv.url, 'Peer');
    await Promise.all([...clients, peer].map((c) => c.join(board)));
  });
  afterEach(async () => {
    [...clients, peer].forEach((c) => c.close());
    await srv.stop();
  });

  it('acks concurrent moves only once durable, keeps per-sender order, and isolates a rejected one', async () => {
    const reader = srv.openReader();
    const durableSeq = async () => (await reader.first(sql<{ seq: number }>`SELECT seq FROM boards WHERE id = ${board}`))!.seq;
    const rounds = 5;
    const sends = clients.flatMap((c, ci) =>
      Array.from({ length: rounds }, (_, r) => {
        const card = ci % 2 === 0 ? FIXTURE.cards.huddle : FIXTURE.cards.sms;
        // Client D's third command names a card that does not exist: it alone is rejected.
        const cmd = ci === 3 && r === 2 ? move('card-missing', doing) : move(card, r % 2 ? doing : todo, r);
        return c.request<CommandResult>('card:move', cmd).then(async (ack) => ({ ack, ci, r, durable: await durableSeq() }));
      }),
    );
    const acks = await Promise.all(sends);
    const ok = acks.filter((a) => a.ack.ok);
    expect(ok).toHaveLength(clients.length * rounds - 1);
    const rejected = acks.filter((a) => !a.ack.ok);
    expect(rejected.map((a) => [a.ci, a.r, !a.ack.ok && a.ack.error.code])).toEqual([[3, 2, 'NOT_FOUND']]);
    for (const a of ok) {
      if (!a.ack.ok) continue;
      expect(a.durable).toBeGreaterThanOrEqual(a.ack.seq); // durable, as seen from another connection, when acked
    }
    // Per sender, seqs grow in the order the sender sent.
    for (let ci = 0; ci < clients.length; ci++) {
      const seqs = ok.filter((a) => a.ci === ci).map((a) => (a.ack.ok ? a.ack.seq : 0));
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    // Every committed change reached the peer, in seq order with no gaps.
    // (A move to where the card already is changes nothing and makes no event.)
    const finalSeq = await durableSeq();
    expect(finalSeq).toBeGreaterThan(clients.length);
    const deadline = Date.now() + 5000;
    while (peer.events.length < finalSeq && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(peer.events.map((e: BoardEvent) => e.seq)).toEqual(Array.from({ length: finalSeq }, (_, i) => i + 1));
    await reader.close();
  });

  it('tells the room of a move on a quiet board once, before or with its ack, and the ack carries it too', async () => {
    const [sender] = clients;
    const heard: string[] = [];
    sender!.socket.on('board:events', (events) => heard.push(...events.map((e) => `event ${e.seq}`)));
    for (const [i, card] of [FIXTURE.cards.huddle, FIXTURE.cards.sms, FIXTURE.cards.huddle].entries()) {
      const ack = await sender!.request<CommandResult>('card:move', move(card, i === 2 ? done : doing));
      expect(ack).toMatchObject({ ok: true, seq: i + 1, data: { events: [{ seq: i + 1 }] } });
      heard.push(`ack ${i + 1}`);
    }
    expect(heard).toEqual(['event 1', 'ack 1', 'event 2', 'ack 2', 'event 3', 'ack 3']);
    await settle();
    for (const c of [peer, ...clients]) expect(c.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('lets every sender hear the whole commit, in seq order, before its ack', async () => {
    const logs = clients.map(() => [] as string[]);
    clients.forEach((c, i) => c.socket.on('board:events', (events) => logs[i]!.push(...events.map((e) => `event ${e.seq}`))));
    const cards = [FIXTURE.cards.huddle, FIXTURE.cards.sms];
    // Sent in the same turn, so they are (usually) committed together; the order must hold either way.
    const acks = await Promise.all(
      clients.map(
        (c, i) =>
          new Promise<number>((resolve) =>
            c.socket.emit('card:move', move(cards[i % 2]!, i < 2 ? doing : done), (ack) => {
              logs[i]!.push(`ack ${ack.ok ? ack.seq : 'refused'}`);
              resolve(ack.ok ? ack.seq : 0);
            }),
          ),
      ),
    );
    expect([...acks].sort()).toEqual([1, 2, 3, 4]);
    await settle();
    clients.forEach((_, i) => {
      const log = logs[i]!;
      // A hole before an ack would send a client back to re-join: every seq up to its own came first.
      const seenBeforeAck = log.slice(0, log.indexOf(`ack ${acks[i]}`)).map((l) => Number(l.slice(6)));
      expect(seenBeforeAck.slice(0, acks[i])).toEqual(Array.from({ length: acks[i]! }, (_, k) => k + 1));
      expect(log.filter((l) => l.startsWith('event'))).toEqual(['event 1', 'event 2', 'event 3', 'event 4']);
    });
  });
});
