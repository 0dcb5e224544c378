import { sql } from 'kysely';
import { type Executor, queryShape } from '../store';
import type { ApiTokensTable } from '../store/schema';

export type ApiTokenRow = ApiTokensTable;

// Every feed request asks these two.
const byHash = queryShape(['hash'], (q, p: { hash: string }) => q.selectFrom('api_tokens').selectAll().where('token_hash', '=', p.hash));
const markUsed = queryShape(['id', 'at'], (q, p: { id: string; at: string }) =>
  q.updateTable('api_tokens').set({ last_used_at: p.at }).where('id', '=', p.id));
// The token's unit and every unit below it. CAST: PostgreSQL cannot type a bare parameter in a UNION's select list.
const covers = queryShape(['unitId', 'tokenUnitId'], (q, p: { unitId: string; tokenUnitId: string }) =>
  sql<{ one: number }>`WITH RECURSIVE up (id) AS (SELECT CAST(${p.unitId} AS TEXT) UNION ALL
      SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
    SELECT 1 AS one FROM up WHERE id = ${p.tokenUnitId}`);

/** API tokens for data-warehouse feeds; only the SHA-256 of each secret is stored. */
export function apiTokensRepository(ex: Executor) {
  return {
    insert: async (t: { id: string; name: string; unitId: string; tokenHash: string; createdAt: string; createdBy: string }): Promise<void> => {
      await ex.run(ex.q.insertInto('api_tokens').values({
        id: t.id, name: t.name, unit_id: t.unitId, token_hash: t.tokenHash, created_at: t.createdAt, created_by: t.createdBy,
      }));
    },
    byHash: (hash: string): Promise<ApiTokenRow | undefined> => ex.first(byHash(ex, { hash })),
    all: (): Promise<ApiTokenRow[]> => ex.all(ex.q.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id')),
    revoke: async (id: string, at: string): Promise<boolean> =>
      (await ex.run(ex.q.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null))) > 0,
    markUsed: async (id: string, at: string): Promise<void> => {
      await ex.run(markUsed(ex, { id, at }));
    },
    /** Whether `unitId` is the token's unit or below it. */
    covers: async (tokenUnitId: string, unitId: string): Promise<boolean> =>
      (await ex.first(covers(ex, { unitId, tokenUnitId }))) !== undefined,
  };
}
export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
