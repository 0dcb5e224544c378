import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AccountsRepository, DeviceMode, DeviceRow, UserRow } from '../repositories/accounts-repository';
import type { Clock } from './command-service';
import { hashPassword, verifyPassword } from './passwords';

/** Who is asking: a signed-in person or an enrolled wall screen. `actor` is what the event log records. */
export type Principal =
  | { kind: 'user'; id: string; actor: string; name: string; username: string; sessionHash: string | null }
  | { kind: 'device'; id: string; actor: string; name: string; boardId: string; mode: DeviceMode };

export const userActor = (id: string): string => `user:${id}`;
export const deviceActor = (id: string): string => `device:${id}`;

/** Session and device secrets are random 32 bytes; only their SHA-256 is stored, so a database copy holds no keys. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export interface AuthOptions {
  /** How long a session lives after sign-in. */
  sessionTtlMs: number;
  /** How long an enrolment code may be used. */
  enrolTtlMs: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = { sessionTtlMs: 12 * 60 * 60 * 1000, enrolTtlMs: 15 * 60 * 1000 };

// A fixed hash to verify against when the user does not exist, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Accounts: passwords (argon2id), sessions, OIDC sign-in by e-mail, and wall-screen enrolment. */
export function createAuthService(accounts: AccountsRepository, clock: Clock, options: AuthOptions = DEFAULT_AUTH_OPTIONS) {
  const now = () => clock.now().toISOString();

  const userPrincipal = (user: UserRow, sessionHash: string | null): Principal => ({
    kind: 'user',
    id: user.id,
    actor: userActor(user.id),
    name: user.display_name,
    username: user.username,
    sessionHash,
  });
  const devicePrincipal = (device: DeviceRow): Principal => ({
    kind: 'device',
    id: device.id,
    actor: deviceActor(device.id),
    name: device.name,
    boardId: device.board_id,
    mode: device.mode,
  });

  const startSession = (user: UserRow): { token: string; expiresAt: Date } => {
    const token = newToken('ks');
    const created = clock.now();
    const expiresAt = new Date(created.getTime() + options.sessionTtlMs);
    accounts.insertSession(hashToken(token), user.id, created.toISOString(), expiresAt.toISOString());
    return { token, expiresAt };
  };

  return {
    hashPassword,

    /** Checks a username and password; answers a session token, or null (never saying which part was wrong). */
    async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; principal: Principal } | null> {
      const user = accounts.userByUsername(username);
      dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      const hash = user?.password_hash ?? (await dummyHash);
      const ok = await verifyPassword(hash, password);
      if (!ok || !user || !user.password_hash || user.disabled) return null;
      const session = startSession(user);
      return { ...session, principal: userPrincipal(user, hashToken(session.token)) };
    },

    /** A session for a person who signed in elsewhere (OpenID Connect), found by e-mail. */
    sessionForEmail(email: string): { token: string; expiresAt: Date } | null {
      const user = accounts.userByEmail(email);
      if (!user || user.disabled) return null;
      return startSession(user);
    },

    /** Resolves a session token or a device token to a principal; null when unknown, expired, revoked or disabled. */
    resolve(token: string | undefined | null): Principal | null {
      if (!token || token.length > 200) return null;
      const hash = hashToken(token);
      if (token.startsWith('ks_')) {
        const session = accounts.session(hash);
        if (!session || session.revoked_at || session.expires_at <= now()) return null;
        const user = accounts.userById(session.user_id);
        if (!user || user.disabled) return null;
        return userPrincipal(user, hash);
      }
      if (token.startsWith('kd_')) {
        const device = accounts.deviceByToken(hash);
        if (!device || device.revoked_at) return null;
        return devicePrincipal(device);
      }
      return null;
    },

    /** Is the principal a socket authenticated as still valid (session not ended, device not revoked, user active)? */
    stillValid(principal: Principal): boolean {
      if (principal.kind === 'device') {
        const device = accounts.deviceById(principal.id);
        return Boolean(device && !device.revoked_at);
      }
      const user = accounts.userById(principal.id);
      if (!user || user.disabled) return false;
      if (!principal.sessionHash) return true;
      const session = accounts.session(principal.sessionHash);
      return Boolean(session && !session.revoked_at && session.expires_at > now());
    },

    /** Notes when a wall screen last connected (shown on the admin screen). */
    seen(principal: Principal): void {
      if (principal.kind === 'device') accounts.seenDevice(principal.id, now());
    },

    /** Deletes sessions expired more than a week ago; run at start-up and daily. */
    pruneSessions(): number {
      return accounts.pruneSessions(new Date(clock.now().getTime() - 7 * 24 * 3600_000).toISOString());
    },

    logout(token: string | undefined): void {
      if (token) accounts.revokeSession(hashToken(token), now());
    },

    /** Creates a device for a board with a one-time enrolment code (8 digits, shown to the admin once). */
    createDevice(input: { boardId: string; name: string; mode: DeviceMode; createdBy: string }): { id: string; code: string; expiresAt: string } {
      const id = `dev-${randomUUID()}`;
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const expiresAt = new Date(clock.now().getTime() + options.enrolTtlMs).toISOString();
      accounts.insertDevice({
        id,
        board_id: input.boardId,
        name: input.name,
        mode: input.mode,
        enrol_code_hash: hashToken(`enrol:${code}`),
        enrol_expires_at: expiresAt,
        created_by: input.createdBy,
        created_at: now(),
      });
      return { id, code, expiresAt };
    },

    /** A new enrolment code for a screen whose code expired unused; null when it is enrolled or revoked. */
    newEnrolCode(deviceId: string): { code: string; expiresAt: string } | null {
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const expiresAt = new Date(clock.now().getTime() + options.enrolTtlMs).toISOString();
      return accounts.setEnrolCode(deviceId, hashToken(`enrol:${code}`), expiresAt) ? { code, expiresAt } : null;
    },

    /** Exchanges an enrolment code, once, for the device's long-lived token. */
    enrol(code: string): { token: string; device: Principal } | null {
      const device = accounts.deviceByCode(hashToken(`enrol:${code.replace(/\s+/g, '')}`));
      if (!device || device.revoked_at || !device.enrol_expires_at || device.enrol_expires_at <= now()) return null;
      const token = newToken('kd');
      if (!accounts.enrolDevice(device.id, hashToken(token), now())) return null;
      return { token, device: devicePrincipal(device) };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
