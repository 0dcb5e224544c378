/**
 * What a person may do, from least to most: read a board; write (move and edit cards, record measurements);
 * facilitate (run meetings, answer escalations, set targets); administer (units, users, indicators, devices).
 * Roles map onto these (viewer, member, facilitator, admin) and apply to a unit and the units below it.
 */
export type Capability = 'read' | 'write' | 'facilitate' | 'administer';

/** Who may do what on a board. Asked when a socket joins a board and again on every command, as it is applied. */
export interface AccessPolicy {
  can(actor: string, capability: Capability, boardId: string): boolean;
}

/**
 * Until accounts and roles exist, every connected person may do everything on every board, as on the
 * whiteboard in the corridor. The handlers already ask the policy, so roles replace this in one place.
 */
export const openAccess: AccessPolicy = {
  can: () => true,
};
