/**
 * Whether an error means the database could not be reached (restarting, failing over, the network between): a
 * transient state in which a client should send the same thing again shortly, answered as UNAVAILABLE rather than
 * INTERNAL. The one place that says which errors those are, for socket acks and HTTP answers alike.
 */

/** Node's errors for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** PostgreSQL's: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, or a standby being promoted). */
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres's messages for a connection lost or never made (they carry no code). */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

export function isDatabaseUnreachable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 4) return false;
  const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SHUTDOWN_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
  // Node reports a refused connection to each address of a host (IPv6 and IPv4) as one AggregateError.
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

const commitUncertain = new WeakSet<object>();

/**
 * Marks an error raised once a transaction's work was done: by COMMIT itself, or the ROLLBACK tried after it failed.
 * A connection lost during COMMIT leaves it unknown whether the server committed before it went, so such an error
 * must never be answered as "nothing was committed".
 */
export function markCommitUncertain(err: unknown): void {
  if (typeof err === 'object' && err !== null) commitUncertain.add(err);
}

/**
 * An error that means: the database was away, and what failed was certainly not committed. Only then is a command
 * answered UNAVAILABLE. Were a command whose COMMIT was cut short answered so, the client's re-send would still be
 * safe (the same opId, if it did commit, is answered as the duplicate it is, with its events), but UNAVAILABLE
 * promises nothing was written; such a command is answered INTERNAL, and the client learns its fate by catching up.
 */
export function isUnavailable(err: unknown): boolean {
  return isDatabaseUnreachable(err) && !(typeof err === 'object' && err !== null && commitUncertain.has(err));
}
