import { COMMANDS, PROTOCOL_VERSION } from '../../../shared/protocol';
import type { ReliabilityBoard } from './fixture';
import type { Rng } from './rng';

/** Largest message the server accepts (socket.io maxHttpBufferSize, Fastify bodyLimit). */
export const MAX_BYTES = 256 * 1024;

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values of every wrong kind, some of them large: what a broken or hostile client might put in any field. */
export function junk(rng: Rng): unknown {
  switch (rng.int(16)) {
    case 0: return null;
    case 1: return rng.pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]);
    case 2: return rng.pick([true, false]);
    case 3: return '';
    case 4: return 'x'.repeat(rng.between(65, 60_000));
    case 5: return rng.pick(['../../etc/passwd', 'a b', '€uro', '\ud800', '\u0000', '<script>', "'; DROP TABLE cards; --", 'ø'.repeat(300)]);
    case 6: return nested(rng.between(10, 2000));
    case 7: return Array.from({ length: rng.between(1000, 20_000) }, (_, i) => i);
    case 8: return [];
    case 9: return {};
    case 10: return JSON.parse('{"__proto__":{"polluted":true}}') as unknown;
    case 11: return { constructor: { prototype: { polluted: true } } };
    case 12: return Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    case 13: return { toString: 'x', valueOf: 1, hasOwnProperty: null };
    case 14: return rng.pick(['NaN', 'Infinity', '1e999', '0x10', '2026-13-45', '2026-02-30']);
    default: return [null, {}, 'x', 1];
  }
}

/** A valid command (or join/leave) on a real board: the starting point that each hostile case breaks. */
function valid(event: string, board: ReliabilityBoard): Record<string, unknown> {
  const base = { opId: 'op-fuzz-00000001', boardId: board.id };
  switch (event) {
    case 'board:join': return { boardId: board.id, protocol: PROTOCOL_VERSION };
    case 'board:leave': return { boardId: board.id };
    case 'card:create': return { ...base, card: { id: 'fuzz-card', columnId: board.columns[0], type: 'idea', title: 'Fuzz' } };
    case 'card:update': return { ...base, cardId: 'rcard-0-0', changes: { title: 'Fuzz' } };
    case 'card:move': return { ...base, cardId: 'rcard-0-0', toColumnId: board.columns[1], index: 0 };
    case 'card:archive': return { ...base, cardId: 'rcard-0-0' };
    case 'column:create': return { ...base, column: { id: 'fuzz-col', name: 'Fuzz' } };
    case 'column:rename': return { ...base, columnId: board.columns[0], name: 'Fuzz' };
    case 'column:move': return { ...base, columnId: board.columns[0], index: 2 };
    default: return { ...base, indicatorId: board.indicator, periodStart: '2025-01-01', value: 1 };
  }
}

const KNOWN = ['board:join', 'board:leave', ...Object.keys(COMMANDS)];
const UNKNOWN = ['admin:dropTables', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'board:join ', 'BOARD:JOIN', 'card:delete', '', 'ø'.repeat(100), 'x'.repeat(5000)];

export interface SocketCase {
  kind: string;
  event: string;
  args: unknown[];
}

/**
 * One hostile socket message. Every mutation makes the message invalid for sure (a wrong type or a missing
 * required field, an unknown key in a strict object, a too long or malformed value), so any `ok: true` answer,
 * and any database change, is a bug.
 */
export function socketCase(rng: Rng, board: ReliabilityBoard): SocketCase {
  if (rng.chance(0.15)) return { kind: 'unknown-event', event: rng.pick(UNKNOWN), args: [rng.chance(0.5) ? junk(rng) : valid('card:move', board)] };
  const event = rng.pick(KNOWN);
  const msg = valid(event, board);
  const required = event === 'board:join' ? ['boardId', 'protocol'] : event === 'board:leave' ? ['boardId'] : ['opId', 'boardId'];
  const field = rng.pick(required);
  switch (rng.int(8)) {
    case 0:
      return { kind: 'not-an-object', event, args: [rng.pick([null, 42, 'card', [msg], true, Buffer.from('{}')])] };
    case 1:
      return { kind: 'no-payload', event, args: [] };
    case 2: {
      delete msg[field];
      return { kind: 'missing-field', event, args: [msg] };
    }
    case 3: {
      // Junk is never a valid opId/boardId/protocol, except a digit-only string or an int protocol; avoid those.
      let value = junk(rng);
      if (typeof value === 'number' && field === 'protocol') value = String(value);
      if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) value = `${value} !`;
      msg[field] = value;
      return { kind: 'wrong-type', event, args: [msg] };
    }
    case 4: {
      const key = rng.pick(['__proto__', 'constructor', 'prototype', 'admin', 'x'.repeat(300)]);
      const polluted = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(junk(rng)) ?? 'null'}}`) as Record<string, unknown>;
      return { kind: 'unknown-key', event, args: [Object.assign(polluted, msg)] };
    }
    case 5:
      msg[field] = 'x'.repeat(rng.between(65, 100_000));
      return { kind: 'huge-string', event, args: [msg] };
    case 6:
      msg[field] = nested(rng.between(50, 3000), msg[field]);
      return { kind: 'deep-nesting', event, args: [msg] };
    default:
      msg[field] = Array.from({ length: rng.between(100, 30_000) }, () => msg[field]);
      return { kind: 'huge-array', event, args: [msg] };
  }
}

/** A message bigger than the server accepts: the server must close the connection, not parse it. */
export function oversizeCase(rng: Rng, board: ReliabilityBoard): SocketCase {
  const msg = valid('card:create', board);
  return { kind: 'oversize', event: 'card:create', args: [{ ...msg, card: { ...(msg.card as object), description: 'x'.repeat(MAX_BYTES + rng.int(MAX_BYTES)) } }] };
}
