import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../../plugins/errors';
import { bearerToken } from '../../plugins/security';
import { type AccessPolicy, type Capability, deviceMay } from '../../services/access-policy';
import type { DeviceMode } from '../../repositories/accounts-repository';

/** Who asks: the signed-in principal once accounts put one on the request, else an anonymous guest. */
export function actorOf(request: FastifyRequest): string {
  const principal = (request as unknown as { principal?: { actor?: string } | null }).principal;
  return principal?.actor ?? 'Gæst';
}

/**
 * Asks the access policy about a unit: per unit when the policy can (roles), else through the unit's board. 401 for
 * someone not signed in, 403 for someone who lacks the capability; true when the request may go on.
 */
export function allowed(
  request: FastifyRequest,
  reply: FastifyReply,
  access: AccessPolicy,
  capability: Capability,
  where: { unitId: string; boardId: string | null },
): boolean {
  const actor = actorOf(request);
  const principal = (request as unknown as { principal?: { kind: string; mode?: DeviceMode } | null }).principal;
  if (principal?.kind === 'device' && !deviceMay(principal.mode ?? 'read', capability)) {
    void sendError(reply, 403, 'FORBIDDEN', `A wall screen may not ${capability} over REST.`);
    return false;
  }
  const policy = access as AccessPolicy & { canOnUnit?: (actor: string, capability: Capability, unitId: string) => boolean };
  // The board question also covers wall screens (enrolled to one board); the unit question covers units without one.
  const ok =
    (where.boardId !== null && access.can(actor, capability, where.boardId)) ||
    (policy.canOnUnit ? policy.canOnUnit(actor, capability, where.unitId) : where.boardId === null);
  if (ok) return true;
  const anonymous = (request as unknown as { principal?: unknown }).principal == null;
  void (anonymous
    ? sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.')
    : sendError(reply, 403, 'FORBIDDEN', `You may not ${capability} here.`));
  return false;
}

type UnitPolicy = AccessPolicy & { canOnUnit?: (actor: string, capability: Capability, unitId: string) => boolean };

/** Whether the request comes from no one (no session, no device) under a policy that knows people. */
export function anonymousUnderRoles(request: FastifyRequest, access: AccessPolicy): boolean {
  const principal = (request as unknown as { principal?: unknown }).principal;
  return principal == null && typeof (access as UnitPolicy).canOnUnit === 'function';
}

/** A test of read access per unit for this request's actor. */
export function unitReader(request: FastifyRequest, access: AccessPolicy): (unitId: string, boardId: string | null) => boolean {
  return unitTester(request, access, 'read');
}

/** A test of one capability per unit for this request's actor (through the unit's board under board-only policies). */
export function unitTester(request: FastifyRequest, access: AccessPolicy, capability: Capability): (unitId: string, boardId: string | null) => boolean {
  const actor = actorOf(request);
  const policy = access as UnitPolicy;
  return (unitId, boardId) =>
    policy.canOnUnit ? policy.canOnUnit(actor, capability, unitId) : boardId === null || access.can(actor, capability, boardId);
}

/** An onRequest hook: 401 before anything else happens unless a person, a device or an API token asks. */
export async function requireCaller(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.principal != null || request.apiToken != null) return undefined;
  const bearer = bearerToken(request.headers) !== null;
  return sendError(reply, 401, 'UNAUTHENTICATED', bearer ? 'The token is unknown or revoked.' : 'Sign in first.');
}
