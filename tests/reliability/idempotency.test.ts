import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, CommandResult } from '../../shared/protocol';
import { type TestClient, connectClient } from '../helpers/socket-client';
import { randomCommand, sleep } from './helpers/commands';
import { allProblems, boardSeq, countOf } from './helpers/db-checks';
import { sql } from 'kysely';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';

const COMMANDS = size(300, 3000);
type Mode = 'burst' | 'sequential' | 'reconnect' | 'two-sockets';

let srv: InProcessServer;
const closers: (() => void)[] = [];
beforeAll(async () => {
  // Up to 3 emits per command from one socket, back to back: lift the per-socket rate limit (not under test here).
  srv = await startInProcessServer({ boards: 1, cardsPerBoard: 6, commandRate: { burst: 100_000, perSecond: 100_000 } });
});
afterAll(async () => {
  closers.forEach((close) => close());
  await srv?.stop();
});

const comparable = (ack: Ack<CommandResult>) => (ack.ok ? { ok: true, seq: ack.seq, events: ack.data.events } : ack);

describe('idempotency: every command sent 1–3 times', () => {
  it('is applied once, with one operations row and one set of events per opId, broadcast once', async () => {
    const rng = createRng(SEED);
    const board = srv.boards[0]!;
    const state = await SyncClient.connect(srv.url, { name: 'State', boardId: board.id });
    const observer = await connectClient(srv.url, 'Observer');
    await observer.join(board.id);
    let a: TestClient = await connectClient(srv.url, 'A');
    const b = await connectClient(srv.url, 'B');
    closers.push(() => state.close(), () => observer.close(), () => a.close(), () => b.close());

    const sent: { opId: string; acks: Ack<CommandResult>[]; times: number; mode: Mode }[] = [];
    const modes: Mode[] = ['burst', 'sequential', 'reconnect', 'two-sockets'];
    for (let n = 0; n < COMMANDS; n++) {
      const { name, cmd } = randomCommand(rng, board, state.replica.state!, 'idem');
      const times = rng.between(1, 3);
      const mode = rng.pick(modes);
      const acks: Ack<CommandResult>[] = [];
      const send = async (c: TestClient) => acks.push(await c.request<CommandResult>(name, cmd));
      if (mode === 'burst') await Promise.all(Array.from({ length: times }, () => send(a)));
      else if (mode === 'two-sockets') await Promise.all(Array.from({ length: times }, (_, i) => send(i % 2 ? b : a)));
      else if (mode === 'sequential') for (let i = 0; i < times; i++) await send(a);
      else {
        // The first try's ack is lost with its connection; the retry goes out on a fresh one with the same opId.
        (a.socket as unknown as { emit: (...args: unknown[]) => void }).emit(name, cmd);
        a.close();
        a = await connectClient(srv.url, 'A');
        closers.push(() => a.close());
        for (let i = 1; i < Math.max(times, 2); i++) await send(a);
      }
      sent.push({ opId: String(cmd.opId), acks, times, mode });
      // Let the state client see the change, so the next command is built on the board as it is.
      const seq = await boardSeq(srv.store, srv.boards[0]!.id);
      await state.waitFor(() => state.replica.seq >= seq, 5000, 'state');
    }
    await sleep(200);

    const operationRows = (opId: string) => countOf(srv.store, sql`SELECT count(*) AS n FROM operations WHERE op_id = ${opId}`);
    const eventsOf = async (opId: string) =>
      (await srv.store.all(sql<{ board_id: string; seq: number | string }>`SELECT board_id, seq FROM events WHERE op_id = ${opId} ORDER BY seq`)).map(
        (r) => ({ board_id: r.board_id, seq: Number(r.seq) }),
      );
    const seen = new Map<string, number[]>();
    for (const e of observer.events) seen.set(e.opId, [...(seen.get(e.opId) ?? []), e.seq]);
    let applied = 0;
    for (const { opId, acks, mode } of sent) {
      const what = seedMsg(`${opId} (${mode}, ${acks.length} acks)`);
      expect(acks.length, what).toBeGreaterThan(0);
      // Every answer to the same opId is the same answer: same seq, same events.
      for (const ack of acks) expect(comparable(ack), what).toEqual(comparable(acks[0]!));
      const first = acks[0]!;
      const rows = await eventsOf(opId);
      if (first.ok) {
        applied++;
        expect(await operationRows(opId), what).toBe(1);
        expect(rows.map((r) => r.seq), what).toEqual(first.data.events.map((e) => e.seq));
        // Peers hear of each change once (a repeated opId is acknowledged, never re-broadcast).
        expect((seen.get(opId) ?? []).sort((x, y) => x - y), what).toEqual(rows.map((r) => r.seq));
      } else {
        expect(await operationRows(opId), what).toBe(0);
        expect(rows, what).toEqual([]);
      }
    }
    expect(new Set(observer.events.map((e) => e.seq)).size, seedMsg('observer got a seq twice')).toBe(observer.events.length);
    expect(await allProblems(srv.store), seedMsg('database invariants')).toEqual([]);
    const emits = sent.reduce((n, s) => n + Math.max(s.times, s.mode === 'reconnect' ? 2 : 1), 0);
    console.info(`[reliability] idempotency seed=${SEED}: ${COMMANDS} commands, ${emits} emits, ${applied} applied once, duplicates applied=0`);
  });
});
