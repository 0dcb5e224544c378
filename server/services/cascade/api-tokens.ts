import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/open-database';
import { accountsRepository } from '../../repositories/accounts-repository';
import { type ApiTokenRow, apiTokensRepository } from '../../repositories/api-tokens-repository';
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
export function createApiTokens(db: Db, clock: Clock) {
  const repo = apiTokensRepository(db);
  const accounts = accountsRepository(db);
  // A token and its row in the admin audit trail are stored together, or neither (as every admin action).
  const insertAudited = db.transaction((t: Parameters<typeof repo.insert>[0]) => {
    repo.insert(t);
    accounts.adminEvent(t.createdBy, t.createdAt, 'token.created', `token:${t.id}`, { name: t.name, unitId: t.unitId });
  });
  const revokeAudited = db.transaction((id: string, by: string, at: string): boolean => {
    const revoked = repo.revoke(id, at);
    if (revoked) accounts.adminEvent(by, at, 'token.revoked', `token:${id}`, {});
    return revoked;
  });
  return {
    create: (name: string, unitId: string, createdBy: string) => {
      const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = `tok-${randomUUID()}`;
      const createdAt = clock.now().toISOString();
      insertAudited.immediate({ id, name, unitId, tokenHash: hashApiToken(secret), createdAt, createdBy });
      return { token: toApiToken(repo.byHash(hashApiToken(secret))!), secret };
    },
    list: () => repo.all().map(toApiToken),
    revoke: (id: string, by: string): boolean => revokeAudited.immediate(id, by, clock.now().toISOString()),
    /** The token's principal for its secret (from a bearer header), or null when unknown or revoked. */
    authenticate: (secret: string): ApiTokenPrincipal | null => {
      const row = repo.byHash(hashApiToken(secret));
      if (!row || row.revoked_at) return null;
      repo.markUsed(row.id, clock.now().toISOString());
      return { tokenId: row.id, unitId: row.unit_id, actor: `token:${row.id}` };
    },
    covers: (principal: ApiTokenPrincipal, unitId: string): boolean => repo.covers(principal.unitId, unitId),
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
