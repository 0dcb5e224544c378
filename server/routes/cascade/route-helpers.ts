import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../../plugins/errors';
import { bearerToken } from '../../plugins/security';
import { type Capability, type UnitAccessPolicy, deviceMay } from '../../services/access-policy';

/** Who asks: the signed-in principal (person or wall screen), else an anonymous guest. */
export function actorOf(request: FastifyRequest): string {
  return request.principal?.actor ?? 'Gæst';
}

/**
 * Asks the access policy about a unit: through the unit's board (which also covers wall screens, enrolled to one
 * board) or the unit itself. 401 for someone not signed in, 403 for someone who lacks the capability; true when the
 * request may go on.
 */
export async function allowed(
  request: FastifyRequest,
  reply: FastifyReply,
  access: UnitAccessPolicy,
  capability: Capability,
  where: { unitId: string; boardId: string | null },
): Promise<boolean> {
  const actor = actorOf(request);
  const principal = request.principal;
  if (principal?.kind === 'device' && !deviceMay(principal.mode, capability)) {
    void sendError(reply, 403, 'FORBIDDEN', `A wall screen may not ${capability} over REST.`);
    return false;
  }
  const ok =
    (where.boardId !== null && (await access.can(actor, capability, where.boardId))) || (await access.canOnUnit(actor, capability, where.unitId));
  if (ok) return true;
  void (principal == null
    ? sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.')
    : sendError(reply, 403, 'FORBIDDEN', `You may not ${capability} here.`));
  return false;
}

/** Whether the request comes from no one (no session, no device). */
export function anonymous(request: FastifyRequest): boolean {
  return request.principal == null;
}

/** A test of read access per unit for this request's actor. */
export function unitReader(request: FastifyRequest, access: UnitAccessPolicy): UnitTest {
  return unitTester(request, access, 'read');
}

/** A test of one capability per unit for this request's actor. */
export type UnitTest = (unitId: string) => Promise<boolean>;
export function unitTester(request: FastifyRequest, access: UnitAccessPolicy, capability: Capability): UnitTest {
  const actor = actorOf(request);
  return (unitId) => access.canOnUnit(actor, capability, unitId);
}

/** An onRequest hook: 401 before anything else happens unless a person, a device or an API token asks. */
export async function requireCaller(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.principal != null || request.apiToken != null) return undefined;
  const bearer = bearerToken(request.headers) !== null;
  return sendError(reply, 401, 'UNAUTHENTICATED', bearer ? 'The token is unknown or revoked.' : 'Sign in first.');
}

/** The items whose test answers true, in their order (the tests run one after another: each is a database read). */
export async function filterAsync<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await test(item)) kept.push(item);
  return kept;
}

/** Whether every item passes, asked in order and stopping at the first that does not (which may send the refusal). */
export async function everyAsync<T>(items: Iterable<T>, test: (item: T) => Promise<boolean>): Promise<boolean> {
  for (const item of items) if (!(await test(item))) return false;
  return true;
}

/** Whether some item passes, asked in order and stopping at the first that does. */
export async function someAsync<T>(items: Iterable<T>, test: (item: T) => Promise<boolean>): Promise<boolean> {
  for (const item of items) if (await test(item)) return true;
  return false;
}
