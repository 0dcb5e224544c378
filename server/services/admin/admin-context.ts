import type * as z from 'zod';
import type { ErrorCode } from '../../../shared/protocol';
import { type Repositories, createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { UnitAccessPolicy } from '../access-policy';
import type { AuthService, Principal } from '../auth-service';
import type { Clock } from '../command-service';

/** Open sockets, so that ending a session or revoking a device takes effect on live connections at once. */
export interface LiveDisconnect {
  disconnect(match: (principal: Principal) => boolean): void;
}

export interface AdminDeps {
  store: Store;
  access: UnitAccessPolicy;
  auth: AuthService;
  live: LiveDisconnect;
  clock: Clock;
  /** Tells open overviews to reload once a change to the statuses has committed (a unit's move changes them). */
  statusesChanged: () => void;
}

/**
 * The store's repositories, for the reads and checks before a change. Never inside `audited`'s change: there only
 * the transaction's repositories may be used (the store waits for the transaction, which would wait for it).
 */
export const readRepos = (deps: Pick<AdminDeps, 'store'>): Repositories => createRepositories(deps.store);

/** The signed-in person using the admin screens. */
export interface AdminCaller {
  userId: string;
  actor: string;
}

export interface AdminFailure {
  ok: false;
  status: 400 | 403 | 404 | 409;
  code: ErrorCode;
  message: string;
}
export type AdminResult<T> = { ok: true; value: T } | AdminFailure;

export const ok = <T>(value: T): AdminResult<T> => ({ ok: true, value });
export const done: AdminResult<null> = { ok: true, value: null };
export const forbidden = (message: string): AdminFailure => ({ ok: false, status: 403, code: 'FORBIDDEN', message });
export const notFound = (message: string): AdminFailure => ({ ok: false, status: 404, code: 'NOT_FOUND', message });
export const conflict = (message: string): AdminFailure => ({ ok: false, status: 409, code: 'CONFLICT', message });
export const inUse = (message: string): AdminFailure => ({ ok: false, status: 409, code: 'IN_USE', message });
export const invalid = (message: string): AdminFailure => ({ ok: false, status: 400, code: 'VALIDATION_FAILED', message });

export interface AuditNote {
  type: string;
  subject: string;
  payload: unknown;
}

/**
 * Runs an administrative change and appends its audit row in one transaction: the trail never lacks a change
 * that happened, nor shows one that did not.
 */
export function audited<T>(
  deps: Pick<AdminDeps, 'store' | 'clock'>,
  caller: AdminCaller,
  note: AuditNote,
  change: (repos: Repositories) => Promise<T>,
): Promise<T> {
  return deps.store.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const value = await change(repos);
    await repos.accounts.adminEvent(caller.actor, deps.clock.now().toISOString(), note.type, note.subject, note.payload);
    return value;
  });
}

/** A request body as the route's zod schema hands it over (defaults filled in). */
export type Body<S extends z.ZodType> = z.output<S>;
