import { generateNKeysBetween } from 'fractional-indexing';
import { sql } from 'kysely';
import { type Executor, queryShape } from '../store';
import type { IndicatorsTable } from '../store/schema';

export interface TemplateRow {
  id: string;
  name: string;
  columns: string;
  indicators: string;
  created_at: string;
}
export interface IndicatorDefinitionRow {
  id: string;
  unit_id: string;
  name: string;
  unit_label: string;
  direction: string;
  frequency: string;
  kind: string;
  type: string;
  decimals: number;
  min_respondents: number | null;
}

/** Where an indicator is used: each a count; an indicator with any of them cannot be deleted. */
export interface IndicatorUses {
  boards: number;
  measurements: number;
  targets: number;
  goals: number;
  cards: number;
  templates: number;
}

interface UnitRow {
  id: string;
  parent_id: string | null;
  layer_id: string;
  name: string;
}
interface LayerRow {
  id: string;
  rank: number;
  name: string;
  kind: string;
}
export interface AuditRow {
  source: 'board' | 'admin';
  board_id: string | null;
  seq: number | null;
  at: string;
  actor: string;
  type: string;
  subject: string;
  payload: string;
}

type BoardDraft = { id: string; unitId: string; name: string; at: string; columns: string[]; indicators: string[] };

type IndicatorType = IndicatorsTable['type'] extends import('kysely').Generated<infer T> ? T : never;

const INDICATOR_COLUMNS = ['id', 'unit_id', 'name', 'unit_label', 'direction', 'frequency', 'kind', 'type', 'decimals', 'min_respondents'] as const;

// Is `candidate` the unit itself or below it? (Moving a unit under its own subtree would make a cycle.)
const isInSubtree = queryShape(['root', 'candidate'], (_q, p: { root: string; candidate: string }) => sql<{ hit: number }>`
  WITH RECURSIVE down (id) AS (SELECT CAST(${p.root} AS TEXT) UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
  SELECT 1 AS hit FROM down WHERE id = ${p.candidate} LIMIT 1`);
// Indicators that a unit above `unit` has made mandatory for the units below it.
const mandatoryFromAbove = queryShape(['unit'], (_q, p: { unit: string }) => sql<{ id: string }>`
  WITH RECURSIVE above (id) AS (
    SELECT parent_id FROM org_units WHERE id = ${p.unit} AND parent_id IS NOT NULL
    UNION ALL SELECT o.parent_id FROM org_units o JOIN above ON o.id = above.id WHERE o.parent_id IS NOT NULL
  )
  SELECT i.id FROM indicators i JOIN above ON above.id = i.unit_id WHERE i.mandatory = 1 ORDER BY i.id`);

/** The audit rows of a board's events: the `source` a literal, so text on both engines. */
const boardAuditColumns = sql`CAST('board' AS TEXT) AS source, board_id, seq, at, actor, type, op_id AS subject, payload`;
const adminAuditColumns = sql`CAST('admin' AS TEXT) AS source, CAST(NULL AS TEXT) AS board_id, CAST(NULL AS INTEGER) AS seq,
  at, actor, type, subject, payload`;

/** Whether a board template's indicator list (JSON text) names the indicator: a substring test on either engine. */
const templateNames = (ex: Executor, quoted: string) =>
  ex.engine === 'sqlite' ? sql`instr(indicators, ${quoted}) > 0` : sql`strpos(indicators, ${quoted}) > 0`;

/** The org tree and layers as the admin screens change them, and the audit trail read back (never written here). */
export function orgAdminRepository(ex: Executor) {
  const q = ex.q;
  /** The board, its columns and tiles, on the executor of the transaction that creates it. */
  const insertBoard = async (tx: Executor, board: BoardDraft): Promise<void> => {
    await tx.run(tx.q.insertInto('boards').values({ id: board.id, unit_id: board.unitId, name: board.name, created_at: board.at }));
    const columnKeys = generateNKeysBetween(null, null, board.columns.length);
    if (board.columns.length > 0) {
      await tx.run(tx.q.insertInto('columns').values(board.columns.map((name, i) => ({
        id: `${board.id}-col-${i}`, board_id: board.id, name, order_key: columnKeys[i]!,
      }))));
    }
    const mandatory = (await tx.all(mandatoryFromAbove(tx, { unit: board.unitId }))).map((r) => r.id);
    const indicators = [...new Set([...board.indicators, ...mandatory])];
    const indicatorKeys = generateNKeysBetween(null, null, indicators.length);
    if (indicators.length > 0) {
      await tx.run(tx.q.insertInto('board_indicators')
        .values(indicators.map((id, i) => ({ board_id: board.id, indicator_id: id, order_key: indicatorKeys[i]! })))
        .onConflict((oc) => oc.doNothing()));
    }
  };
  return {
    units: (): Promise<UnitRow[]> => ex.all(q.selectFrom('org_units').select(['id', 'parent_id', 'layer_id', 'name']).orderBy('name')),
    unit: (id: string): Promise<UnitRow | undefined> =>
      ex.first(q.selectFrom('org_units').select(['id', 'parent_id', 'layer_id', 'name']).where('id', '=', id)),
    layers: (): Promise<LayerRow[]> => ex.all(q.selectFrom('layers').select(['id', 'rank', 'name', 'kind']).orderBy('rank')),
    layer: (id: string): Promise<LayerRow | undefined> =>
      ex.first(q.selectFrom('layers').select(['id', 'rank', 'name', 'kind']).where('id', '=', id)),
    nextLayerRank: async (): Promise<number> =>
      ((await ex.first(q.selectFrom('layers').select((eb) => eb.fn.max('rank').as('r'))))?.r ?? -1) + 1,
    insertUnit: async (id: string, parentId: string | null, layerId: string, name: string): Promise<void> => {
      await ex.run(q.insertInto('org_units').values({ id, parent_id: parentId, layer_id: layerId, name }));
    },
    updateUnit: async (id: string, name: string, parentId: string | null, layerId: string): Promise<void> => {
      await ex.run(q.updateTable('org_units').set({ name, parent_id: parentId, layer_id: layerId }).where('id', '=', id));
    },
    insertLayer: async (id: string, rank: number, name: string, kind: string): Promise<void> => {
      await ex.run(q.insertInto('layers').values({ id, rank, name, kind }));
    },
    renameLayer: async (id: string, name: string): Promise<void> => {
      await ex.run(q.updateTable('layers').set({ name }).where('id', '=', id));
    },
    isInSubtree: async (rootId: string, candidateId: string): Promise<boolean> =>
      (await ex.first(isInSubtree(ex, { root: rootId, candidate: candidateId }))) !== undefined,
    boardAudit: (boardId: string, limit: number): Promise<AuditRow[]> =>
      ex.all(sql<AuditRow>`SELECT ${boardAuditColumns} FROM events WHERE board_id = ${boardId} ORDER BY seq DESC LIMIT ${limit}`),
    actorAudit: async (actor: string, limit: number): Promise<AuditRow[]> => {
      const board = await ex.all(sql<AuditRow>`SELECT ${boardAuditColumns} FROM events WHERE actor = ${actor} ORDER BY at DESC LIMIT ${limit}`);
      const admin = await ex.all(sql<AuditRow>`SELECT ${adminAuditColumns} FROM admin_events
        WHERE actor = ${actor} OR subject = ${actor} ORDER BY id DESC LIMIT ${limit}`);
      return [...board, ...admin].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
    },
    adminAudit: (limit: number): Promise<AuditRow[]> =>
      ex.all(sql<AuditRow>`SELECT ${adminAuditColumns} FROM admin_events ORDER BY id DESC LIMIT ${limit}`),
    /** Who created a person through the admin screens (their first audit row). */
    creatorOf: async (userId: string): Promise<string | undefined> =>
      (await ex.first(q.selectFrom('admin_events').select('actor')
        .where('type', '=', 'user.created').where('subject', '=', `user:${userId}`).orderBy('id').limit(sql.lit(1))))?.actor,
    boardsBrief: (): Promise<{ id: string; name: string; unit_id: string }[]> =>
      ex.all(q.selectFrom('boards').select(['id', 'name', 'unit_id']).orderBy('name')),
    templates: (): Promise<TemplateRow[]> => ex.all(q.selectFrom('board_templates').selectAll().orderBy('name')),
    template: (id: string): Promise<TemplateRow | undefined> => ex.first(q.selectFrom('board_templates').selectAll().where('id', '=', id)),
    insertTemplate: async (id: string, name: string, columns: string[], indicators: string[], at: string): Promise<void> => {
      await ex.run(q.insertInto('board_templates').values({
        id, name, columns: JSON.stringify(columns), indicators: JSON.stringify(indicators), created_at: at,
      }));
    },
    updateTemplate: async (id: string, name: string, columns: string[], indicators: string[]): Promise<void> => {
      await ex.run(q.updateTable('board_templates')
        .set({ name, columns: JSON.stringify(columns), indicators: JSON.stringify(indicators) }).where('id', '=', id));
    },
    deleteTemplate: async (id: string): Promise<void> => {
      await ex.run(q.deleteFrom('board_templates').where('id', '=', id));
    },
    indicators: (): Promise<IndicatorDefinitionRow[]> =>
      ex.all(q.selectFrom('indicators').select(INDICATOR_COLUMNS).orderBy('name')),
    indicatorDefinition: (id: string): Promise<IndicatorDefinitionRow | undefined> =>
      ex.first(q.selectFrom('indicators').select(INDICATOR_COLUMNS).where('id', '=', id)),
    updateIndicator: async (row: IndicatorDefinitionRow): Promise<void> => {
      await ex.run(q.updateTable('indicators').set({
        name: row.name, unit_label: row.unit_label, direction: row.direction as IndicatorsTable['direction'],
        frequency: row.frequency as IndicatorsTable['frequency'], kind: row.kind as IndicatorsTable['kind'],
        type: row.type as IndicatorType, decimals: row.decimals, min_respondents: row.min_respondents,
      }).where('id', '=', row.id));
    },
    deleteIndicator: async (id: string): Promise<void> => {
      await ex.run(q.deleteFrom('indicators').where('id', '=', id));
    },
    /** Everything that refers to an indicator, by what a person would call it; a template names it in its JSON. */
    indicatorUses: async (id: string): Promise<IndicatorUses> => {
      const row = await ex.first(sql<IndicatorUses>`
        SELECT
          (SELECT count(*) FROM board_indicators WHERE indicator_id = ${id}) AS boards,
          (SELECT count(*) FROM measurements WHERE indicator_id = ${id}) AS measurements,
          (SELECT count(*) FROM targets WHERE indicator_id = ${id}) + (SELECT count(*) FROM baselines WHERE indicator_id = ${id}) AS targets,
          (SELECT count(*) FROM goals WHERE indicator_id = ${id}) + (SELECT count(*) FROM goal_indicators WHERE indicator_id = ${id})
            + (SELECT count(*) FROM effect_chain_steps WHERE indicator_id = ${id})
            + (SELECT count(*) FROM initiative_indicators WHERE indicator_id = ${id}) AS goals,
          (SELECT count(*) FROM cards WHERE indicator_id = ${id}) + (SELECT count(*) FROM deviations WHERE indicator_id = ${id}) AS cards,
          (SELECT count(*) FROM board_templates WHERE ${templateNames(ex, JSON.stringify(id))}) AS templates`);
      return row!;
    },
    indicatorExists: async (id: string): Promise<boolean> =>
      (await ex.first(q.selectFrom('indicators').select('id').where('id', '=', id))) !== undefined,
    insertIndicator: async (row: IndicatorDefinitionRow): Promise<void> => {
      await ex.run(q.insertInto('indicators').values({
        id: row.id, unit_id: row.unit_id, name: row.name, unit_label: row.unit_label,
        direction: row.direction as IndicatorsTable['direction'], frequency: row.frequency as IndicatorsTable['frequency'],
        kind: row.kind as IndicatorsTable['kind'], type: row.type as IndicatorType, decimals: row.decimals,
        min_respondents: row.min_respondents,
      }));
    },
    /**
     * A new board with its columns and indicators, all or nothing: the template's indicators, then those a unit
     * above has made mandatory (as marking one mandatory puts it on the boards that already exist).
     */
    createBoard: (board: BoardDraft): Promise<void> => ex.transaction((tx) => insertBoard(tx, board)),
  };
}
export type OrgAdminRepository = ReturnType<typeof orgAdminRepository>;
