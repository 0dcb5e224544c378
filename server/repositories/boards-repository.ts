import { type Kysely, sql } from 'kysely';
import type { BoardSummary } from '../../shared/schemas';
import { type Database, type Executor, queryShape } from '../store';

interface BoardSummaryRow {
  id: string;
  name: string;
  unit_id: string;
  unit_parent_id: string | null;
  unit_name: string;
  layer_id: string;
  layer_rank: number;
  layer_name: string;
  layer_kind: string;
}

const summaries = (q: Kysely<Database>) =>
  q
    .selectFrom('boards as b')
    .innerJoin('org_units as u', 'u.id', 'b.unit_id')
    .innerJoin('layers as l', 'l.id', 'u.layer_id')
    .select([
      'b.id', 'b.name', 'u.id as unit_id', 'u.parent_id as unit_parent_id', 'u.name as unit_name',
      'l.id as layer_id', 'l.rank as layer_rank', 'l.name as layer_name', 'l.kind as layer_kind',
    ]);

const toSummary = (r: BoardSummaryRow): BoardSummary => ({
  id: r.id,
  name: r.name,
  unit: { id: r.unit_id, parentId: r.unit_parent_id, layerId: r.layer_id, name: r.unit_name },
  layer: { id: r.layer_id, rank: r.layer_rank, name: r.layer_name, kind: r.layer_kind },
});

// Pages in board id order; a parent's page holds its own boards and its children's (through the parent index).
const page = queryShape(['after', 'limit'], (q, p: { after: string; limit: number }) =>
  summaries(q).where('b.id', '>', p.after).orderBy('b.id').limit(p.limit));
const pageUnder = queryShape(['parent', 'after', 'limit'], (q, p: { parent: string; after: string; limit: number }) =>
  summaries(q)
    // CAST: PostgreSQL cannot type a bare parameter in a UNION's select list.
    .where('b.unit_id', 'in', sql<string>`(SELECT CAST(${p.parent} AS TEXT) UNION ALL SELECT id FROM org_units WHERE parent_id = ${p.parent})`)
    .where('b.id', '>', p.after)
    .orderBy('b.id')
    .limit(p.limit));
const byId = queryShape(['id'], (q, p: { id: string }) => summaries(q).where('b.id', '=', p.id));
const seqOf = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('boards').select('seq').where('id', '=', p.id));
// The row lock this takes orders every instance's appends to the board (PostgreSQL); SQLite has one writer anyway.
const bump = queryShape(['id'], (q, p: { id: string }) =>
  q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', sql.lit(1)) })).where('id', '=', p.id).returning('seq'));
// A group commit moves each board's seq once, at its end, by the events it appended there (not one bump per event).
const advance = queryShape(['id', 'by'], (q, p: { id: string; by: number }) =>
  q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', p.by) })).where('id', '=', p.id).returning('seq'));
// PostgreSQL: a group commit's boards locked in id order, the ids as one array parameter (one statement text whatever
// their number, so it is prepared once: see server/store/named-statements.ts).
const lockedHeads = queryShape(['ids'], (q, p: { ids: readonly string[] }) =>
  q.selectFrom('boards').select(['id', 'seq']).where('id', '=', sql<string>`ANY(${p.ids}::text[])`).orderBy('id').forNoKeyUpdate());
const unitOf = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('boards').select('unit_id').where('id', '=', p.id));

/** Boards with their unit and layer, and the per-board sequence number the sync protocol counts with. */
export function boardsRepository(ex: Executor) {
  return {
    list: async (): Promise<BoardSummary[]> =>
      (await ex.all(summaries(ex.q).orderBy('l.rank').orderBy('u.name').orderBy('b.name'))).map(toSummary),
    /** Up to `limit` boards after the board id `after` ('' from the start), of a unit and its children if given. */
    page: async (parent: string | null, after: string, limit: number): Promise<BoardSummary[]> =>
      (await ex.all(parent ? pageUnder(ex, { parent, after, limit }) : page(ex, { after, limit }))).map(toSummary),
    get: async (id: string): Promise<BoardSummary | undefined> => {
      const row = await ex.first(byId(ex, { id }));
      return row && toSummary(row);
    },
    seq: async (id: string): Promise<number | undefined> => (await ex.first(seqOf(ex, { id })))?.seq,
    unitId: async (id: string): Promise<string | undefined> => (await ex.first(unitOf(ex, { id })))?.unit_id,
    /**
     * The heads of these boards (those that exist), and on PostgreSQL their rows locked until the transaction ends,
     * in id order (see lockBoards in command-service.ts): nothing else moves them before this transaction commits.
     */
    heads: async (ids: readonly string[]): Promise<Map<string, number>> => {
      if (ids.length === 0) return new Map();
      const wanted = [...new Set(ids)].sort();
      const rows = await ex.all(
        ex.engine === 'postgres' ? lockedHeads(ex, { ids: wanted }) : ex.q.selectFrom('boards').select(['id', 'seq']).where('id', 'in', wanted).orderBy('id'),
      );
      return new Map(rows.map((r) => [r.id, r.seq]));
    },
    /** Moves a board's seq on by `by`, in the transaction that appended those events: the seq it now has. */
    advance: async (id: string, by: number): Promise<number> => {
      const row = await ex.first(advance(ex, { id, by }));
      if (!row) throw new Error(`board ${id} does not exist`);
      return row.seq;
    },
    /** Must run inside the transaction that appends the event, so seq and log never disagree. */
    nextSeq: async (id: string): Promise<number> => {
      const row = await ex.first(bump(ex, { id }));
      if (!row) throw new Error(`board ${id} does not exist`);
      return row.seq;
    },
  };
}
export type BoardsRepository = ReturnType<typeof boardsRepository>;
