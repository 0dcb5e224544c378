import { type RawBuilder, sql } from 'kysely';
import type { Status } from '../../shared/domain/status';
import { type Executor, queryShape } from '../store';

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

const UNIT_COLUMNS = sql`o.id, o.name, o.parent_id, l.id AS layer_id, l.rank AS layer_rank, l.name AS layer_name,
  l.kind AS layer_kind,
  (SELECT b.id FROM boards b WHERE b.unit_id = o.id ORDER BY b.id LIMIT 1) AS board_id,
  (SELECT count(*) FROM org_units c WHERE c.parent_id = o.id) AS child_count
  FROM org_units o JOIN layers l ON l.id = o.layer_id`;

/**
 * `column` is one of `ids`, as one bound parameter whatever the list's length (so each query keeps one SQL text):
 * the list as JSON on SQLite, as a text array on PostgreSQL.
 */
function oneOf(ex: Executor, column: RawBuilder<unknown>, ids: readonly string[]): RawBuilder<unknown> {
  return ex.engine === 'sqlite'
    ? sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
    : sql`${column} = ANY(CAST(${[...ids]} AS TEXT[]))`;
}

// The overview's pages run these per unit and per tile: shapes compiled once per engine.
const roots = queryShape([], () => sql<OverviewUnitRow>`SELECT ${UNIT_COLUMNS} WHERE o.parent_id IS NULL ORDER BY o.name, o.id`);
const children = queryShape(['parent', 'name', 'id', 'limit'], (_q, p: { parent: string; name: string; id: string; limit: number }) => sql<OverviewUnitRow>`
  SELECT ${UNIT_COLUMNS}
  WHERE o.parent_id = ${p.parent} AND (o.name > ${p.name} OR (o.name = ${p.name} AND o.id > ${p.id}))
  ORDER BY o.name, o.id LIMIT ${p.limit}`);
// One board's tiles and their stored cells: the board's primary key, then the status table's.
const cells = queryShape(['board', 'unit'], (_q, p: { board: string; unit: string }) => sql<OverviewCellRow>`
  SELECT CAST(${p.unit} AS TEXT) AS unit_id, bi.indicator_id, s.status, s.value, s.period_start, s.signal, s.rolled_up
  FROM board_indicators bi
  LEFT JOIN unit_status s ON s.unit_id = ${p.unit} AND s.indicator_id = bi.indicator_id
  WHERE bi.board_id = ${p.board} ORDER BY bi.order_key`);
const userEnabled = queryShape(['user'], (q, p: { user: string }) =>
  q.selectFrom('users').select('id').where('id', '=', p.user).where('disabled', '=', 0));
const roleUnits = queryShape(['user'], (q, p: { user: string }) =>
  q.selectFrom('role_assignments').select('unit_id').where('user_id', '=', p.user));
// The units above the caller's role units, with their parents: what line of sight lets them read.
const lineage = queryShape(['user'], (_q, p: { user: string }) => sql<{ id: string; parent_id: string | null }>`
  WITH RECURSIVE up (id) AS (
    SELECT o.parent_id FROM role_assignments r JOIN org_units o ON o.id = r.unit_id
    WHERE r.user_id = ${p.user} AND o.parent_id IS NOT NULL
    UNION SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
  SELECT o.id, o.parent_id FROM up JOIN org_units o ON o.id = up.id`);
const roleOnPath = queryShape(['unit', 'user'], (_q, p: { unit: string; user: string }) => sql<{ one: number }>`
  WITH RECURSIVE up (id, parent_id) AS (
    SELECT id, parent_id FROM org_units WHERE id = ${p.unit}
    UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
  SELECT 1 AS one FROM role_assignments r JOIN up ON r.unit_id = up.id WHERE r.user_id = ${p.user} LIMIT 1`);
const depthOf = queryShape(['unit'], (_q, p: { unit: string }) => sql<{ depth: number }>`
  WITH RECURSIVE up (id, parent_id) AS (
    SELECT id, parent_id FROM org_units WHERE id = ${p.unit}
    UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
  SELECT count(*) - 1 AS depth FROM up`);
const unitBoards = queryShape(['unit'], (q, p: { unit: string }) =>
  q.selectFrom('boards').select('id').where('unit_id', '=', p.unit).orderBy('id'));

/**
 * The start page's reads: a page of one unit's children (by name, through the parent index), the stored cells of
 * those units' board tiles, and the caller's roles — each query touching only the rows it returns.
 */
export function overviewRepository(ex: Executor) {
  return {
    roots: (): Promise<OverviewUnitRow[]> => ex.all(roots(ex, {})),
    children: (parent: string, after: { name: string; id: string } | null, limit: number): Promise<OverviewUnitRow[]> =>
      ex.all(children(ex, { parent, name: after?.name ?? '', id: after?.id ?? '', limit })),
    units: (ids: readonly string[]): Promise<OverviewUnitRow[]> =>
      ex.all(sql<OverviewUnitRow>`SELECT ${UNIT_COLUMNS} WHERE ${oneOf(ex, sql`o.id`, ids)} ORDER BY o.name, o.id`),
    /** The unit's board tiles with their stored status (none stored: no value yet), in board order. */
    cells: (unitId: string, boardId: string): Promise<OverviewCellRow[]> => ex.all(cells(ex, { board: boardId, unit: unitId })),
    columns: (indicatorIds: readonly string[]): Promise<OverviewColumnRow[]> =>
      ex.all(sql<OverviewColumnRow>`
        SELECT i.id, i.name, i.mandatory, i.unit_label, i.decimals FROM indicators i WHERE ${oneOf(ex, sql`i.id`, indicatorIds)}
        ORDER BY i.mandatory DESC, i.name, i.id`),
    userEnabled: async (userId: string): Promise<boolean> => (await ex.first(userEnabled(ex, { user: userId }))) !== undefined,
    roleUnits: async (userId: string): Promise<string[]> => (await ex.all(roleUnits(ex, { user: userId }))).map((r) => r.unit_id),
    lineage: (userId: string): Promise<{ id: string; parent_id: string | null }[]> => ex.all(lineage(ex, { user: userId })),
    roleOnPath: async (userId: string, unitId: string): Promise<boolean> =>
      (await ex.first(roleOnPath(ex, { unit: unitId, user: userId }))) !== undefined,
    parentsOf: (ids: readonly string[]): Promise<{ id: string; parent_id: string | null }[]> =>
      ex.all(sql<{ id: string; parent_id: string | null }>`SELECT o.id, o.parent_id FROM org_units o WHERE ${oneOf(ex, sql`o.id`, ids)}`),
    /** How many units are above this one (0 for a root). */
    depthOf: async (unitId: string): Promise<number> => (await ex.first(depthOf(ex, { unit: unitId })))?.depth ?? 0,
    unitBoards: async (unitId: string): Promise<string[]> => (await ex.all(unitBoards(ex, { unit: unitId }))).map((r) => r.id),
  };
}
export type OverviewRepository = ReturnType<typeof overviewRepository>;
