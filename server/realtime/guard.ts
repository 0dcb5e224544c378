import type { FastifyBaseLogger } from 'fastify';
import type { Ack } from '../../shared/protocol';
import { type AckFn, ackOf, failureFor } from './acks';
import type { KaskadeSocket } from './socket-types';

let logger: Pick<FastifyBaseLogger, 'error'> = console;
export function setRealtimeLogger(log: Pick<FastifyBaseLogger, 'error'>): void {
  logger = log;
}

/** Logs an error of a socket handler that surfaced after the handler returned (e.g. in a group commit). */
export function logRealtimeError(details: Record<string, unknown>, message: string): void {
  logger.error(details, message);
}

/**
 * A socket event listener every socket shares, called with the socket as `this` (by the socket server's one
 * `onAny` dispatch). A listener made per socket and event, closing over the socket, was about half of what a
 * connection cost the server beyond a bare Socket.IO one (some 4 KiB of ~9 KiB, for 22 events), and a region's
 * wall screens stay connected for weeks.
 */
export type SharedListener = (this: KaskadeSocket, ...args: unknown[]) => void;

/**
 * Wraps a handler so that nothing a client sends can crash the server: the payload arrives untyped (it is parsed
 * inside), a missing ack becomes a no-op, and an unexpected error (thrown, or the rejection of an async handler) is
 * logged and answered with INTERNAL (UNAVAILABLE if the database was away: see failureFor).
 */
export function guard(event: string, handler: (socket: KaskadeSocket, payload: unknown, ack: AckFn) => void | Promise<void>): SharedListener {
  return function guarded(this: KaskadeSocket, ...args: unknown[]) {
    const ack = once(ackOf(args) ?? noAck);
    const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
    const failed = (err: unknown): void => {
      logger.error({ err, event, socket: this.id }, 'socket handler failed');
      ack(failureFor(err));
    };
    try {
      const done = handler(this, payload, ack);
      if (done) done.catch(failed);
    } catch (err) {
      failed(err);
    }
  };
}

const noAck: AckFn = () => {};

function once(ack: AckFn): AckFn {
  let sent = false;
  return (value: Ack) => {
    if (sent) return;
    sent = true;
    ack(value);
  };
}
