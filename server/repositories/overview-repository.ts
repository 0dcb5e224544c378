import type { Status } from '../../shared/domain/status';
import type { Db } from '../db/open-database';

export interface OverviewUnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  layer_id: string;
  layer_rank: number;
  layer_name: string;
  layer_kind: string;
  board_id: string | null;
  child_count: number;
}

export interface OverviewCellRow {
  unit_id: string;
  indicator_id: string;
  status: Status | null;
  value: number | null;
  period_start: string | null;
  signal: number | null;
  rolled_up: number | null;
}

export interface OverviewColumnRow {
  id: string;
  name: string;
  mandatory: number;
  unit_label: string;
  decimals: number;
}

const UNIT_COLUMNS = `o.id, o.name, o.parent_id, l.id AS layer_id, l.rank AS layer_rank, l.name AS layer_name,
  l.kind AS layer_kind,
  (SELECT b.id FROM boards b WHERE b.unit_id = o.id ORDER BY b.id LIMIT 1) AS board_id,
  (SELECT count(*) FROM org_units c WHERE c.parent_id = o.id) AS child_count
  FROM org_units o JOIN layers l ON l.id = o.layer_id`;

/**
 * The start page's reads: a page of one unit's children (by name, through the parent index), the stored cells of
 * those units' board tiles, and the caller's roles — each a prepared statement touching only the rows it returns.
 */
export function overviewRepository(db: Db) {
  const roots = db.prepare<[], OverviewUnitRow>(`SELECT ${UNIT_COLUMNS} WHERE o.parent_id IS NULL ORDER BY o.name, o.id`);
  const children = db.prepare<{ parent: string; name: string; id: string; limit: number }, OverviewUnitRow>(`
    SELECT ${UNIT_COLUMNS}
    WHERE o.parent_id = @parent AND (o.name > @name OR (o.name = @name AND o.id > @id))
    ORDER BY o.name, o.id LIMIT @limit`);
  const unitsById = db.prepare<[string], OverviewUnitRow>(`
    SELECT ${UNIT_COLUMNS} JOIN json_each(?) j ON j.value = o.id ORDER BY o.name, o.id`);
  // One board's tiles and their stored cells: the board's primary key, then the status table's.
  const cells = db.prepare<{ board: string; unit: string }, OverviewCellRow>(`
    SELECT @unit AS unit_id, bi.indicator_id, s.status, s.value, s.period_start, s.signal, s.rolled_up
    FROM board_indicators bi
    LEFT JOIN unit_status s ON s.unit_id = @unit AND s.indicator_id = bi.indicator_id
    WHERE bi.board_id = @board ORDER BY bi.order_key`);
  const columns = db.prepare<[string], OverviewColumnRow>(`
    SELECT i.id, i.name, i.mandatory, i.unit_label, i.decimals FROM json_each(?) j JOIN indicators i ON i.id = j.value
    ORDER BY i.mandatory DESC, i.name, i.id`);
  const userEnabled = db.prepare<[string], number>('SELECT 1 FROM users WHERE id = ? AND disabled = 0').pluck();
  const roleUnits = db.prepare<[string], string>('SELECT unit_id FROM role_assignments WHERE user_id = ?').pluck();
  // The units above the caller's role units, with their parents: what line of sight lets them read.
  const lineage = db.prepare<[string], { id: string; parent_id: string | null }>(`
    WITH RECURSIVE up (id) AS (
      SELECT o.parent_id FROM role_assignments r JOIN org_units o ON o.id = r.unit_id
      WHERE r.user_id = ? AND o.parent_id IS NOT NULL
      UNION SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
    SELECT o.id, o.parent_id FROM up JOIN org_units o ON o.id = up.id`);
  const roleOnPath = db.prepare<[string, string], number>(`
    WITH RECURSIVE up (id, parent_id) AS (
      SELECT id, parent_id FROM org_units WHERE id = ?
      UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
    SELECT 1 FROM role_assignments r JOIN up ON r.unit_id = up.id WHERE r.user_id = ? LIMIT 1`).pluck();
  const parentsOf = db.prepare<[string], { id: string; parent_id: string | null }>(
    'SELECT o.id, o.parent_id FROM json_each(?) j JOIN org_units o ON o.id = j.value',
  );
  const depthOf = db.prepare<[string], number>(`
    WITH RECURSIVE up (id, parent_id) AS (
      SELECT id, parent_id FROM org_units WHERE id = ?
      UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
    SELECT count(*) - 1 FROM up`).pluck();
  const unitBoards = db.prepare<[string], string>('SELECT id FROM boards WHERE unit_id = ? ORDER BY id').pluck();

  return {
    roots: (): OverviewUnitRow[] => roots.all(),
    children: (parent: string, after: { name: string; id: string } | null, limit: number): OverviewUnitRow[] =>
      children.all({ parent, name: after?.name ?? '', id: after?.id ?? '', limit }),
    units: (ids: readonly string[]): OverviewUnitRow[] => unitsById.all(JSON.stringify(ids)),
    /** The unit's board tiles with their stored status (none stored: no value yet), in board order. */
    cells: (unitId: string, boardId: string): OverviewCellRow[] => cells.all({ board: boardId, unit: unitId }),
    columns: (indicatorIds: readonly string[]): OverviewColumnRow[] => columns.all(JSON.stringify(indicatorIds)),
    userEnabled: (userId: string): boolean => userEnabled.get(userId) !== undefined,
    roleUnits: (userId: string): string[] => roleUnits.all(userId),
    lineage: (userId: string) => lineage.all(userId),
    roleOnPath: (userId: string, unitId: string): boolean => roleOnPath.get(unitId, userId) !== undefined,
    parentsOf: (ids: readonly string[]) => parentsOf.all(JSON.stringify(ids)),
    /** How many units are above this one (0 for a root). */
    depthOf: (unitId: string): number => depthOf.get(unitId) ?? 0,
    unitBoards: (unitId: string): string[] => unitBoards.all(unitId),
  };
}
export type OverviewRepository = ReturnType<typeof overviewRepository>;
