import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type Repositories, createRepositories } from '../repositories';
import type { DeviceMode, DeviceRow, UserRow } from '../repositories/accounts-repository';
import type { Store } from '../store';
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
export function createAuthService(store: Store, clock: Clock, options: AuthOptions = DEFAULT_AUTH_OPTIONS) {
  const now = () => clock.now().toISOString();
  /** The accounts over the store: each call is a statement of its own (sessions and devices need no more). */
  const accounts = () => createRepositories(store).accounts;

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

  const startSession = async (user: UserRow): Promise<{ token: string; expiresAt: Date }> => {
    const token = newToken('ks');
    const created = clock.now();
    const expiresAt = new Date(created.getTime() + options.sessionTtlMs);
    await accounts().insertSession(hashToken(token), user.id, created.toISOString(), expiresAt.toISOString());
    return { token, expiresAt };
  };

  return {
    hashPassword,

    /** Checks a username and password; answers a session token, or null (never saying which part was wrong). */
    async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; principal: Principal } | null> {
      const user = await accounts().userByUsername(username);
      dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      const hash = user?.password_hash ?? (await dummyHash);
      const ok = await verifyPassword(hash, password);
      if (!ok || !user || !user.password_hash || user.disabled) return null;
      const session = await startSession(user);
      return { ...session, principal: userPrincipal(user, hashToken(session.token)) };
    },

    /** A session for a person who signed in elsewhere (OpenID Connect), found by e-mail. */
    async sessionForEmail(email: string): Promise<{ token: string; expiresAt: Date } | null> {
      const user = await accounts().userByEmail(email);
      if (!user || user.disabled) return null;
      return startSession(user);
    },

    /** Resolves a session token or a device token to a principal; null when unknown, expired, revoked or disabled. */
    async resolve(token: string | undefined | null): Promise<Principal | null> {
      if (!token || token.length > 200) return null;
      const hash = hashToken(token);
      if (token.startsWith('ks_')) {
        const session = await accounts().session(hash);
        if (!session || session.revoked_at || session.expires_at <= now()) return null;
        const user = await accounts().userById(session.user_id);
        if (!user || user.disabled) return null;
        return userPrincipal(user, hash);
      }
      if (token.startsWith('kd_')) {
        const device = await accounts().deviceByToken(hash);
        if (!device || device.revoked_at) return null;
        return devicePrincipal(device);
      }
      return null;
    },

    /** Is the principal a socket authenticated as still valid (session not ended, device not revoked, user active)? */
    async stillValid(principal: Principal): Promise<boolean> {
      if (principal.kind === 'device') {
        const device = await accounts().deviceById(principal.id);
        return Boolean(device && !device.revoked_at);
      }
      const user = await accounts().userById(principal.id);
      if (!user || user.disabled) return false;
      if (!principal.sessionHash) return true;
      const session = await accounts().session(principal.sessionHash);
      return Boolean(session && !session.revoked_at && session.expires_at > now());
    },

    /** Notes when a wall screen last connected (shown on the admin screen). */
    async seen(principal: Principal): Promise<void> {
      if (principal.kind === 'device') await accounts().seenDevice(principal.id, now());
    },

    /** Deletes sessions expired more than a week ago; run at start-up and daily. */
    async pruneSessions(): Promise<number> {
      return accounts().pruneSessions(new Date(clock.now().getTime() - 7 * 24 * 3600_000).toISOString());
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await accounts().revokeSession(hashToken(token), now());
    },

    /**
     * Creates a device for a board with a one-time enrolment code (8 digits, shown to the admin once), through the
     * repositories of the caller's transaction (the admin's change and its audit row).
     */
    async createDevice(
      repos: Repositories,
      input: { boardId: string; name: string; mode: DeviceMode; createdBy: string },
    ): Promise<{ id: string; code: string; expiresAt: string }> {
      const id = `dev-${randomUUID()}`;
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const expiresAt = new Date(clock.now().getTime() + options.enrolTtlMs).toISOString();
      await repos.accounts.insertDevice({
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

    /** A new enrolment code for a screen whose code expired unused; null when it is enrolled or revoked (in the caller's transaction). */
    async newEnrolCode(repos: Repositories, deviceId: string): Promise<{ code: string; expiresAt: string } | null> {
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const expiresAt = new Date(clock.now().getTime() + options.enrolTtlMs).toISOString();
      return (await repos.accounts.setEnrolCode(deviceId, hashToken(`enrol:${code}`), expiresAt)) ? { code, expiresAt } : null;
    },

    /** Exchanges an enrolment code, once, for the device's long-lived token. */
    async enrol(code: string): Promise<{ token: string; device: Principal } | null> {
      const device = await accounts().deviceByCode(hashToken(`enrol:${code.replace(/\s+/g, '')}`));
      if (!device || device.revoked_at || !device.enrol_expires_at || device.enrol_expires_at <= now()) return null;
      const token = newToken('kd');
      if (!(await accounts().enrolDevice(device.id, hashToken(token), now()))) return null;
      return { token, device: devicePrincipal(device) };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
