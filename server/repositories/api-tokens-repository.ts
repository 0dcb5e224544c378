import type { Db } from '../db/open-database';
import type { ApiTokensTable } from '../store/schema';

export type ApiTokenRow = ApiTokensTable;

/** API tokens for data-warehouse feeds; only the SHA-256 of each secret is stored. */
export function apiTokensRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO api_tokens (id, name, unit_id, token_hash, created_at, created_by)
    VALUES (@id, @name, @unitId, @tokenHash, @createdAt, @createdBy)`);
  const byHash = db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?');
  const all = db.prepare<[], ApiTokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id');
  const revoke = db.prepare<[string, string]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const used = db.prepare<[string, string]>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  // The token's unit and every unit below it.
  const covers = db.prepare<[string, string], { one: number }>(`
    WITH RECURSIVE up (id) AS (SELECT ? UNION ALL SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id
      WHERE o.parent_id IS NOT NULL)
    SELECT 1 AS one FROM up WHERE id = ?`);

  return {
    insert: (t: { id: string; name: string; unitId: string; tokenHash: string; createdAt: string; createdBy: string }) => {
      insert.run(t);
    },
    byHash: (hash: string): ApiTokenRow | undefined => byHash.get(hash),
    all: (): ApiTokenRow[] => all.all(),
    revoke: (id: string, at: string): boolean => revoke.run(at, id).changes > 0,
    markUsed: (id: string, at: string): void => {
      used.run(at, id);
    },
    /** Whether `unitId` is the token's unit or below it. */
    covers: (tokenUnitId: string, unitId: string): boolean => covers.get(unitId, tokenUnitId) !== undefined,
  };
}
export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
