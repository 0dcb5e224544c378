import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRepositories } from '../../repositories';
import type { ApiTokenRow } from '../../repositories/api-tokens-repository';
import type { Store } from '../../store';
import type { Clock } from '../command-service';

/** The prefix tells a leaked secret apart in logs and secret scanners. */
const PREFIX = 'kft_';

/** High-entropy secrets need no slow hash: SHA-256 of 32 random bytes cannot be guessed back. */
export const hashApiToken = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface ApiTokenPrincipal {
  tokenId: string;
  unitId: string;
  /** What the event log records as the author of a feed's changes. */
  actor: string;
}

const toApiToken = (r: ApiTokenRow) => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/** API tokens: created by an administrator for a unit (and the units below), shown once, revocable. */
export function createApiTokens(store: Store, clock: Clock) {
  const tokens = () => createRepositories(store).apiTokens;
  return {
    create: async (name: string, unitId: string, createdBy: string) => {
      const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = `tok-${randomUUID()}`;
      const createdAt = clock.now().toISOString();
      // A token and its row in the admin audit trail are stored together, or neither (as every admin action).
      const row = await store.transaction(async (tx) => {
        const repos = createRepositories(tx);
        await repos.apiTokens.insert({ id, name, unitId, tokenHash: hashApiToken(secret), createdAt, createdBy });
        await repos.accounts.adminEvent(createdBy, createdAt, 'token.created', `token:${id}`, { name, unitId });
        return repos.apiTokens.byHash(hashApiToken(secret));
      });
      return { token: toApiToken(row!), secret };
    },
    list: async () => (await tokens().all()).map(toApiToken),
    revoke: (id: string, by: string): Promise<boolean> =>
      store.transaction(async (tx) => {
        const repos = createRepositories(tx);
        const at = clock.now().toISOString();
        const revoked = await repos.apiTokens.revoke(id, at);
        if (revoked) await repos.accounts.adminEvent(by, at, 'token.revoked', `token:${id}`, {});
        return revoked;
      }),
    /** The token's principal for its secret (from a bearer header), or null when unknown or revoked. */
    authenticate: async (secret: string): Promise<ApiTokenPrincipal | null> => {
      const repo = tokens();
      const row = await repo.byHash(hashApiToken(secret));
      if (!row || row.revoked_at) return null;
      await repo.markUsed(row.id, clock.now().toISOString());
      return { tokenId: row.id, unitId: row.unit_id, actor: `token:${row.id}` };
    },
    covers: async (principal: ApiTokenPrincipal, unitId: string): Promise<boolean> => tokens().covers(principal.unitId, unitId),
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
