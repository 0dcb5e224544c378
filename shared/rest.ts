import * as z from 'zod';
import { BoardSnapshot, BoardSummary, Id } from './schemas';
import { ApiError } from './protocol';

/** REST bodies and responses; the server's route schemas and the OpenAPI document are made from these. */
export const BoardListResponse = z.object({ boards: z.array(BoardSummary) });
export type BoardListResponse = z.infer<typeof BoardListResponse>;

export const BoardParams = z.object({ id: Id });

export const BoardSnapshotResponse = BoardSnapshot;

export const EventLoopWindow = z.object({ p99Ms: z.number(), maxMs: z.number(), meanMs: z.number(), windowMs: z.number() });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocol: z.number().int(),
  database: z.object({ migrations: z.number().int(), journalMode: z.string() }),
  /** How late the event loop ran (perf_hooks): this minute so far, and the last full minute. */
  eventLoop: z.object({ current: EventLoopWindow, previous: EventLoopWindow.nullable() }).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/**
 * `/api/health` while the database does not answer (503): the process is alive (restarting it would not help) but
 * the database read failed; monitoring and the screens' reconnect logic see that, not a generic server error.
 */
export const HealthUnavailableResponse = z.object({ status: z.literal('database-unavailable'), version: z.string(), protocol: z.number().int() });

/**
 * Readiness for a load balancer: `draining` (503) once shutdown has begun, so no new clients are sent here;
 * `database-unavailable` (503) while the database does not answer (the instance runs, but can serve nothing).
 */
export const ReadyResponse = z.object({ status: z.enum(['ready', 'draining', 'database-unavailable']) });
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const ErrorResponse = z.object({ error: ApiError });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Socket handshake `auth` data. Browsers are known by their session cookie; a wall screen (or another client
 * without the cookie) sends its token here. `name` is accepted from older clients and ignored: changes are
 * recorded as the signed-in person or device.
 */
export const HandshakeAuth = z.object({
  token: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(80).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;
