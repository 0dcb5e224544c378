import type { z } from 'zod';
import { type Ack, type ApiError, type ErrorCode, toIssues } from '../../shared/protocol';
import { isUnavailable } from '../store/unavailable';

export type AckFn = (ack: Ack) => void;

/** A client's last argument is its ack callback only if it is a function; anything else is ignored. */
export function ackOf(args: unknown[]): AckFn | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as AckFn) : undefined;
}

export const failure = (code: ErrorCode, message: string, issues?: ApiError['issues']): Ack => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export const invalid = (error: z.ZodError): Ack =>
  failure('VALIDATION_FAILED', 'The message does not match the protocol.', toIssues(error));

/** The ack for an unexpected error: UNAVAILABLE (send again) if the database was away and nothing was committed. */
export const failureFor = (err: unknown): Ack =>
  isUnavailable(err)
    ? failure('UNAVAILABLE', 'The server cannot reach its database; nothing was saved. Send it again shortly.')
    : failure('INTERNAL', 'The server could not handle this message.');
