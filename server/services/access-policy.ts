import type { CommandName } from '../../shared/protocol';
import type { AccountsRepository, DeviceMode, Role } from '../repositories/accounts-repository';

/**
 * What a person may do, from least to most: read a board; write (move and edit cards, record measurements);
 * facilitate (run meetings, answer escalations, set targets); administer (units, users, indicators, devices).
 * Roles map onto these (viewer, member, facilitator, admin) and apply to a unit and the units below it. A role
 * anywhere also lets one read the units above (their boards, goals, indicators and decisions): the chain is
 * readable both ways. Siblings' boards stay closed.
 */
export type Capability = 'read' | 'write' | 'facilitate' | 'administer';

/**
 * Who may do what on a board. Asked when a socket joins a board and again on every command, as it is applied.
 * `actor` is the principal's stable id: `user:<id>` or `device:<id>` (see auth-service.ts).
 */
export interface AccessPolicy {
  can(actor: string, capability: Capability, boardId: string): Promise<boolean>;
}

/** The same question for an org unit (admin screens, indicators, goals of a unit). */
export interface UnitAccessPolicy extends AccessPolicy {
  canOnUnit(actor: string, capability: Capability, unitId: string): Promise<boolean>;
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, facilitator: 2, admin: 3 };
const NEEDED: Record<Capability, number> = { read: 0, write: 1, facilitate: 2, administer: 3 };

/** The strongest of the roles, or null. */
export function strongest(roles: readonly Role[]): Role | null {
  return roles.reduce<Role | null>((best, r) => (best === null || RANK[r] > RANK[best] ? r : best), null);
}

export const roleAllows = (role: Role | null, capability: Capability): boolean =>
  role !== null && RANK[role] >= NEEDED[capability];

/** A wall screen may read its own board, and with touch-edit also write to it; nothing else, anywhere. */
export const deviceAllows = (mode: DeviceMode, capability: Capability): boolean =>
  capability === 'read' || (capability === 'write' && mode === 'touch');

/** The socket commands a touch wall screen may send: moving and editing cards, and undoing that. */
const DEVICE_TOUCH_COMMANDS: ReadonlySet<string> = new Set<CommandName>([
  'card:create', 'card:update', 'card:move', 'card:archive', 'card:restore', 'card:undo',
]);

/**
 * What a wall screen may do, whichever door it comes through: on the socket `action` is the command's name, over
 * REST the capability the route needs. It reads (its own board, as the policy decides); a touch screen also moves
 * and edits cards; it never records measurements, imports, writes deviations, runs meetings or administers.
 */
export const deviceMay = (mode: DeviceMode, action: CommandName | Capability): boolean =>
  action === 'read' || (mode === 'touch' && DEVICE_TOUCH_COMMANDS.has(action));

/** What the policy reads: the accounts repository over the store (never a transaction's: it outlives them). */
export type AccessReads = Pick<
  AccountsRepository,
  'userById' | 'rolesAlongPath' | 'hasRoleBelow' | 'deviceById' | 'rolesOnBoard' | 'boardUnit' | 'accessVersion'
>;

/** Answers kept at most; beyond that the cache starts again (it only saves reads). */
const MAX_KEPT_ANSWERS = 10_000;

/**
 * Roles from the database. A user's role on a unit is the strongest role held on it or on any unit above it; on a
 * board, that of the board's unit, found with the user's roles in one statement. Asked on every command, the
 * answer for a board is kept until the access version moves (triggers bump it on every change to roles, users,
 * boards, units and devices, whoever makes it), so a role removed or a device revoked still takes effect on the
 * very next command, and a command costs one read of a single row instead of the walk up the organisation.
 */
export function createRoleAccess(accounts: AccessReads): UnitAccessPolicy {
  const canOnUnit = async (actor: string, capability: Capability, unitId: string): Promise<boolean> => {
    if (!actor.startsWith('user:')) return false;
    const user = await accounts.userById(actor.slice(5));
    if (!user || user.disabled) return false;
    if (roleAllows(strongest(await accounts.rolesAlongPath(user.id, unitId)), capability)) return true;
    return capability === 'read' && (await accounts.hasRoleBelow(user.id, unitId));
  };
  const canOnBoard = async (actor: string, capability: Capability, boardId: string): Promise<boolean> => {
    if (actor.startsWith('device:')) {
      const device = await accounts.deviceById(actor.slice(7));
      return Boolean(device && !device.revoked_at && device.token_hash && device.board_id === boardId && deviceAllows(device.mode, capability));
    }
    if (!actor.startsWith('user:')) return false;
    const userId = actor.slice(5);
    if (roleAllows(strongest(await accounts.rolesOnBoard(userId, boardId)), capability)) return true;
    // Line of sight upward: a role in a unit lets one read the boards above it (not siblings'), never write there.
    const unitId = capability === 'read' ? await accounts.boardUnit(boardId) : undefined;
    return unitId !== undefined && (await accounts.hasRoleBelow(userId, unitId));
  };
  // The version lives in the database and is shared by every instance: a change made through any instance (or by
  // hand) moves it, so every instance's kept answers end at its next question.
  let version: number | null = null;
  const answers = new Map<string, boolean>();
  return {
    canOnUnit,
    async can(actor, capability, boardId) {
      const current = await accounts.accessVersion();
      if (current !== version) {
        answers.clear();
        version = current;
      }
      const key = `${capability}\n${boardId}\n${actor}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = await canOnBoard(actor, capability, boardId);
        // Kept only if no newer version was seen while the roles were read: an answer read before a change must
        // not outlive the clearing that change caused.
        if (version === current) {
          if (answers.size >= MAX_KEPT_ANSWERS) answers.clear();
          answers.set(key, answer);
        }
      }
      return answer;
    },
  };
}
