import { randomBytes } from 'node:crypto';
import { MAX_BYTES } from './fuzz-cases';
import type { RawWebSocket } from './raw-websocket';
import type { Rng } from './rng';

export interface FrameCase {
  kind: string;
  /** The ack id the frame asked for, if it is a well-formed event with an ack: its answer must be a typed error. */
  ackId: number | null;
  send(ws: RawWebSocket): void;
}

const text = (kind: string, payload: string | Buffer, ackId: number | null = null): FrameCase => ({ kind, ackId, send: (ws) => ws.sendText(payload) });

/**
 * One hostile WebSocket frame, below the socket.io client library: malformed engine.io and socket.io packets,
 * reserved event names, stray acks and binary placeholders, invalid UTF-8, bad opcodes, unmasked, fragmented and
 * oversize frames.
 */
export function frameCase(rng: Rng, nextAckId: () => number): FrameCase {
  switch (rng.int(14)) {
    case 0: {
      const id = nextAckId();
      const json = rng.pick(['["card:create",{"opId":1}]', '["board:join",{"__proto__":{"polluted":true},"boardId":"rb-0","protocol":1}]', '["card:move",{"constructor":{"prototype":{"x":1}}}]', '["no:such:event"]', '["card:update",null,null,null]']);
      return text('event-with-ack', `42${id}${json}`, id);
    }
    case 1: return text('malformed-json', `42${rng.pick(['["card:create",', '[', '{"a":1}', '["x",{]', 'null', '[]', '[1,2,3]', '"str"', '[{}]'])}`);
    case 2: return text('reserved-event', `42${rng.pick(['["connect"]', '["disconnect"]', '["disconnecting",1]', '["newListener","x"]', '["error",{}]'])}`);
    case 3: return text('stray-ack', `43${rng.int(1e6)}[${rng.pick(['{"ok":true}', 'null', ''])}]`);
    case 4: return text('binary-placeholder', `451-["card:create",{"_placeholder":true,"num":${rng.int(3)}}]`);
    case 5: return text('unknown-packet-type', `4${rng.pick(['7', '8', '9', 'x', '', '44', '4/', '3', '0/nope,', '1/nope,', '6'])}${rng.chance(0.5) ? '{}' : ''}`);
    case 6: return text('engine-io-type', rng.pick(['0', '1', '5', '6', '7', '9', '', '3probe', '2probe', 'z']));
    case 7: {
      const bytes = Buffer.concat([Buffer.from('42["card:create",{"title":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}]')]);
      return text('invalid-utf8', bytes);
    }
    case 8: return { kind: 'binary-frame', ackId: null, send: (ws) => ws.sendBinary(randomBytes(rng.between(1, 4096))) };
    case 9: return { kind: 'bad-opcode', ackId: null, send: (ws) => ws.sendFrame(rng.pick([0x3, 0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xf]), Buffer.from('42[]')) };
    case 10: return { kind: 'unmasked', ackId: null, send: (ws) => ws.sendFrame(0x1, Buffer.from('42["board:join"]'), { mask: false }) };
    case 11: return { kind: 'fragmented', ackId: null, send: (ws) => { ws.sendFrame(0x1, Buffer.from('42["card:'), { fin: false }); ws.sendFrame(0x1, Buffer.from('x"]')); } };
    case 12: return { kind: 'oversize-frame', ackId: null, send: (ws) => ws.sendText('4' + 'x'.repeat(MAX_BYTES + rng.int(1024))) };
    default: return text('namespace', rng.pick(['40/admin,', '40/../,{}', `40${'x'.repeat(3000)},`, '41', '40{"token":{"__proto__":{}}}']));
  }
}
