import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardEvent } from '../../shared/protocol';
import { createCommitOutbox, liveEvent } from './board-broadcast';
import type { KaskadeServer, KaskadeSocket } from './socket-types';

const event = (boardId: string, seq: number): BoardEvent => ({
  boardId,
  seq,
  opId: `op-${boardId}-${seq}`,
  actor: 'user:test',
  at: '2026-11-28T00:00:00.000Z',
  body: { type: 'board.cadence', boardId, cadence: { cadence: 'weekly', nextMeetingDate: null, meetingMinutes: 15 } },
});

/** A stand-in for Socket.IO that records, in order, who was sent what. */
function recordingIo(log: string[]): KaskadeServer {
  const target = (to: string | string[], except: string[] = []) => ({
    except: (ids: string[]) => target(to, ids),
    emit: (name: string, events: BoardEvent[]) => {
      const rest = except.length > 0 ? ` except ${except.join(',')}` : '';
      log.push(`${name} [${events.map((e) => e.seq).join(',')}] to ${[to].flat().join(',')}${rest}`);
      return true;
    },
  });
  const to = (room: string | string[]) => target(room);
  // `local`: this instance's sockets only (the outbox's own sends); the room sends go through the relay, which uses it too.
  return { to, local: { to }, of: () => ({ adapter: { on: () => {} } }) } as unknown as KaskadeServer;
}

const socket = (id: string, ...rooms: string[]) => ({ id, rooms: new Set([id, ...rooms]) }) as unknown as KaskadeSocket;

const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Past the end of the event-loop turn after the one a delivery came in (when its room hears of it). */
const afterNextTurn = async () => {
  await Promise.resolve(); // the delivery's own flush
  await turn();
  await turn();
};

describe('commit outbox', () => {
  /** The clock the outbox tells a quiet server by; each test moves it. */
  let clock = 0;
  beforeEach(() => {
    clock = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends a commit its events as one message per board: to the senders before their acks, then to the rest', async () => {
    const log: string[] = [];
    const outbox = createCommitOutbox(recordingIo(log));
    const a = socket('a', 'board:b1');
    const b = socket('b', 'board:b1');
    const refused = socket('c', 'board:b1');
    outbox.add(a, [event('b1', 1)], () => log.push('ack a'));
    outbox.add(refused, [], () => log.push('ack c'));
    outbox.add(b, [event('b1', 2), event('b2', 7)], () => log.push('ack b'));
    expect(log).toEqual([]); // nothing leaves before the whole commit has been reported
    await Promise.resolve();
    expect(log).toEqual(['board:events [1,2] to a,b', 'ack a', 'ack c', 'ack b']);
    await afterNextTurn();
    expect(log.slice(4)).toEqual([
      'board:events [1,2] to board:b1 except a,b',
      // Board b2's room holds neither sender: it hears its event with everyone else.
      'board:events [7] to board:b2',
    ]);
  });

  it('sends the room one message for the commits delivered in consecutive turns', async () => {
    const log: string[] = [];
    const outbox = createCommitOutbox(recordingIo(log));
    const a = socket('a', 'board:b1');
    const b = socket('b', 'board:b1');
    outbox.add(a, [event('b1', 1)], () => log.push('ack 1'));
    outbox.add(socket('c', 'board:b1'), [], () => log.push('refused'));
    await turn();
    clock += 0.3; // the next delivery a fraction of a millisecond later: the server is busy
    // Its sender has not heard of seq 1 yet, so it gets 1 and 2 before its ack.
    outbox.add(b, [event('b1', 2)], () => log.push('ack 2'));
    await afterNextTurn();
    expect(log).toEqual([
      'board:events [1] to a',
      'ack 1',
      'refused',
      'board:events [1,2] to b',
      'ack 2',
      // a lacks seq 2 (b has both): the room, a too, gets both in one message.
      'board:events [1,2] to board:b1 except b',
    ]);
  });

  it('sends a lone change on a quiet server to the whole room at once, and then its ack', async () => {
    const log: string[] = [];
    const outbox = createCommitOutbox(recordingIo(log));
    const [a, b] = [socket('a', 'board:b1'), socket('b', 'board:b1')];
    outbox.add(a, [event('b1', 1)], () => log.push('ack 1'));
    await Promise.resolve();
    expect(log).toEqual(['board:events [1] to board:b1', 'ack 1']);
    clock += 10; // the next one comes a while later: quiet again, whoever sends it
    outbox.add(b, [event('b1', 2)], () => log.push('ack 2'));
    await Promise.resolve();
    expect(log.slice(2)).toEqual(['board:events [2] to board:b1', 'ack 2']);
    clock += 0.1; // b at work alone, quickly: still quiet
    outbox.add(b, [event('b1', 3)], () => log.push('ack 3'));
    await Promise.resolve();
    expect(log.slice(4)).toEqual(['board:events [3] to board:b1', 'ack 3']);
    clock += 0.1; // but another client right after it means several at work: coalesced
    outbox.add(a, [event('b1', 4)], () => log.push('ack 4'));
    await afterNextTurn();
    expect(log.slice(6)).toEqual(['board:events [4] to a', 'ack 4', 'board:events [4] to board:b1 except a']);
  });

  it('finds the server busy when the one before a lone change shared its commit', async () => {
    const log: string[] = [];
    const outbox = createCommitOutbox(recordingIo(log));
    const [a, b] = [socket('a', 'board:b1'), socket('b', 'board:b1')];
    outbox.add(a, [event('b1', 1)], () => log.push('ack 1'));
    outbox.add(b, [event('b1', 2)], () => log.push('ack 2'));
    await afterNextTurn();
    log.length = 0;
    clock += 1; // less than the quiet gap, from a sender of the busy commit
    outbox.add(a, [event('b1', 3)], () => log.push('ack 3'));
    await afterNextTurn();
    expect(log).toEqual(['board:events [3] to a', 'ack 3', 'board:events [3] to board:b1 except a']);
  });

  it('tells of events committed elsewhere after the group commits before them, in one message', async () => {
    const log: string[] = [];
    const outbox = createCommitOutbox(recordingIo(log));
    outbox.add(socket('a', 'board:b1'), [event('b1', 5)], () => log.push('ack 5'));
    outbox.add(socket('b', 'board:b1'), [], () => log.push('refused'));
    await Promise.resolve();
    outbox.publish([event('b1', 6)]); // committed over REST while 5 still waits for its room
    await afterNextTurn();
    expect(log).toEqual([
      'board:events [5] to a',
      'ack 5',
      'refused',
      // Published after a had everything, so a lacks 6: no one is left out.
      'board:events [5,6] to board:b1',
    ]);
  });
});

describe('live events', () => {
  it('sends a move as the card\'s new position only, and every other event as it is', () => {
    const card = {
      id: 'k1', boardId: 'b1', columnId: 'c2', orderKey: 'a5', type: 'action' as const, title: 'Ring til apoteket',
      description: 'En lang beskrivelse', ownerName: 'Hanne', dueDate: null, archived: false,
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-28T00:00:00.000Z',
    };
    const moved: BoardEvent = { ...event('b1', 3), body: { type: 'card.moved', card, from: { columnId: 'c1', orderKey: 'a0' } } };
    expect(liveEvent(moved)).toEqual({
      ...moved,
      body: { type: 'card.moved', card: { id: 'k1', columnId: 'c2', orderKey: 'a5', updatedAt: card.updatedAt }, from: { columnId: 'c1', orderKey: 'a0' } },
    });
    const other = event('b1', 4);
    expect(liveEvent(other)).toBe(other);
  });
});
