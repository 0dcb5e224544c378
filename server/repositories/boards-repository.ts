import type { BoardSummary } from '../../shared/schemas';
import type { Db } from '../db/open-database';

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

const SUMMARY_SELECT = `
  SELECT b.id, b.name, u.id AS unit_id, u.parent_id AS unit_parent_id, u.name AS unit_name,
         l.id AS layer_id, l.rank AS layer_rank, l.name AS layer_name, l.kind AS layer_kind
  FROM boards b JOIN org_units u ON u.id = b.unit_id JOIN layers l ON l.id = u.layer_id`;

const toSummary = (r: BoardSummaryRow): BoardSummary => ({
  id: r.id,
  name: r.name,
  unit: { id: r.unit_id, parentId: r.unit_parent_id, layerId: r.layer_id, name: r.unit_name },
  layer: { id: r.layer_id, rank: r.layer_rank, name: r.layer_name, kind: r.layer_kind },
});

/** Boards with their unit and layer, and the per-board sequence number the sync protocol counts with. */
export function boardsRepository(db: Db) {
  const list = db.prepare<[], BoardSummaryRow>(`${SUMMARY_SELECT} ORDER BY l.rank, u.name, b.name`);
  // Pages in board id order; a parent's page holds its own boards and its children's (through the parent index).
  const page = db.prepare<{ after: string; limit: number }, BoardSummaryRow>(
    `${SUMMARY_SELECT} WHERE b.id > @after ORDER BY b.id LIMIT @limit`,
  );
  const pageUnder = db.prepare<{ parent: string; after: string; limit: number }, BoardSummaryRow>(`${SUMMARY_SELECT}
    WHERE b.unit_id IN (SELECT @parent UNION ALL SELECT id FROM org_units WHERE parent_id = @parent) AND b.id > @after
    ORDER BY b.id LIMIT @limit`);
  const byId = db.prepare<[string], BoardSummaryRow>(`${SUMMARY_SELECT} WHERE b.id = ?`);
  const seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM boards WHERE id = ?');
  const bump = db.prepare<[string], { seq: number }>('UPDATE boards SET seq = seq + 1 WHERE id = ? RETURNING seq');
  const unitOf = db.prepare<[string], { unit_id: string }>('SELECT unit_id FROM boards WHERE id = ?');

  return {
    list: (): BoardSummary[] => list.all().map(toSummary),
    /** Up to `limit` boards after the board id `after` ('' from the start), of a unit and its children if given. */
    page: (parent: string | null, after: string, limit: number): BoardSummary[] =>
      (parent ? pageUnder.all({ parent, after, limit }) : page.all({ after, limit })).map(toSummary),
    get: (id: string): BoardSummary | undefined => {
      const row = byId.get(id);
      return row && toSummary(row);
    },
    seq: (id: string): number | undefined => seqOf.get(id)?.seq,
    unitId: (id: string): string | undefined => unitOf.get(id)?.unit_id,
    /** Must run inside the transaction that appends the event, so seq and log never disagree. */
    nextSeq: (id: string): number => {
      const row = bump.get(id);
      if (!row) throw new Error(`board ${id} does not exist`);
      return row.seq;
    },
  };
}
export type BoardsRepository = ReturnType<typeof boardsRepository>;
