import { generateNKeysBetween } from 'fractional-indexing';
import type { Db } from '../db/open-database';

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

/** The org tree and layers as the admin screens change them, and the audit trail read back (never written here). */
export function orgAdminRepository(db: Db) {
  const s = {
    units: db.prepare<[], UnitRow>('SELECT id, parent_id, layer_id, name FROM org_units ORDER BY name'),
    unit: db.prepare<[string], UnitRow>('SELECT id, parent_id, layer_id, name FROM org_units WHERE id = ?'),
    layers: db.prepare<[], LayerRow>('SELECT id, rank, name, kind FROM layers ORDER BY rank'),
    layer: db.prepare<[string], LayerRow>('SELECT id, rank, name, kind FROM layers WHERE id = ?'),
    maxRank: db.prepare<[], { r: number | null }>('SELECT max(rank) AS r FROM layers'),
    insertUnit: db.prepare('INSERT INTO org_units (id, parent_id, layer_id, name) VALUES (?, ?, ?, ?)'),
    updateUnit: db.prepare('UPDATE org_units SET name = ?, parent_id = ?, layer_id = ? WHERE id = ?'),
    insertLayer: db.prepare('INSERT INTO layers (id, rank, name, kind) VALUES (?, ?, ?, ?)'),
    renameLayer: db.prepare('UPDATE layers SET name = ? WHERE id = ?'),
    // Is `candidate` the unit itself or below it? (Moving a unit under its own subtree would make a cycle.)
    isInSubtree: db.prepare<[string, string], { hit: number }>(
      `WITH RECURSIVE down (id) AS (SELECT ? UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
       SELECT 1 AS hit FROM down WHERE id = ? LIMIT 1`,
    ),
    boardAudit: db.prepare<[string, number], AuditRow>(
      `SELECT 'board' AS source, board_id, seq, at, actor, type, op_id AS subject, payload FROM events
       WHERE board_id = ? ORDER BY seq DESC LIMIT ?`,
    ),
    actorBoardAudit: db.prepare<[string, number], AuditRow>(
      `SELECT 'board' AS source, board_id, seq, at, actor, type, op_id AS subject, payload FROM events
       WHERE actor = ? ORDER BY at DESC LIMIT ?`,
    ),
    actorAdminAudit: db.prepare<[string, string, number], AuditRow>(
      `SELECT 'admin' AS source, NULL AS board_id, NULL AS seq, at, actor, type, subject, payload FROM admin_events
       WHERE actor = ? OR subject = ? ORDER BY id DESC LIMIT ?`,
    ),
    adminAudit: db.prepare<[number], AuditRow>(
      `SELECT 'admin' AS source, NULL AS board_id, NULL AS seq, at, actor, type, subject, payload FROM admin_events
       ORDER BY id DESC LIMIT ?`,
    ),
    // Who created a person through the admin screens (their first audit row).
    creatorOf: db.prepare<[string], { actor: string }>(
      "SELECT actor FROM admin_events WHERE type = 'user.created' AND subject = ? ORDER BY id LIMIT 1",
    ),
    boardsBrief: db.prepare<[], { id: string; name: string; unit_id: string }>('SELECT id, name, unit_id FROM boards ORDER BY name'),
    templates: db.prepare<[], TemplateRow>('SELECT * FROM board_templates ORDER BY name'),
    template: db.prepare<[string], TemplateRow>('SELECT * FROM board_templates WHERE id = ?'),
    insertTemplate: db.prepare('INSERT INTO board_templates (id, name, columns, indicators, created_at) VALUES (?, ?, ?, ?, ?)'),
    updateTemplate: db.prepare('UPDATE board_templates SET name = ?, columns = ?, indicators = ? WHERE id = ?'),
    deleteTemplate: db.prepare('DELETE FROM board_templates WHERE id = ?'),
    indicators: db.prepare<[], IndicatorDefinitionRow>(
      'SELECT id, unit_id, name, unit_label, direction, frequency, kind, type, decimals, min_respondents FROM indicators ORDER BY name',
    ),
    indicator: db.prepare<[string], { id: string }>('SELECT id FROM indicators WHERE id = ?'),
    indicatorDefinition: db.prepare<[string], IndicatorDefinitionRow>(
      'SELECT id, unit_id, name, unit_label, direction, frequency, kind, type, decimals, min_respondents FROM indicators WHERE id = ?',
    ),
    updateIndicator: db.prepare(
      `UPDATE indicators SET name = @name, unit_label = @unit_label, direction = @direction, frequency = @frequency,
       kind = @kind, type = @type, decimals = @decimals, min_respondents = @min_respondents WHERE id = @id`,
    ),
    deleteIndicator: db.prepare('DELETE FROM indicators WHERE id = ?'),
    // Everything that refers to an indicator, by what a person would call it; a template names it in its JSON.
    indicatorUses: db.prepare<{ id: string; quoted: string }, IndicatorUses>(`
      SELECT
        (SELECT count(*) FROM board_indicators WHERE indicator_id = @id) AS boards,
        (SELECT count(*) FROM measurements WHERE indicator_id = @id) AS measurements,
        (SELECT count(*) FROM targets WHERE indicator_id = @id) + (SELECT count(*) FROM baselines WHERE indicator_id = @id) AS targets,
        (SELECT count(*) FROM goals WHERE indicator_id = @id) + (SELECT count(*) FROM goal_indicators WHERE indicator_id = @id)
          + (SELECT count(*) FROM effect_chain_steps WHERE indicator_id = @id)
          + (SELECT count(*) FROM initiative_indicators WHERE indicator_id = @id) AS goals,
        (SELECT count(*) FROM cards WHERE indicator_id = @id) + (SELECT count(*) FROM deviations WHERE indicator_id = @id) AS cards,
        (SELECT count(*) FROM board_templates WHERE instr(indicators, @quoted) > 0) AS templates`),
    insertIndicator: db.prepare(
      `INSERT INTO indicators (id, unit_id, name, unit_label, direction, frequency, kind, type, decimals, min_respondents)
       VALUES (@id, @unit_id, @name, @unit_label, @direction, @frequency, @kind, @type, @decimals, @min_respondents)`,
    ),
    insertBoard: db.prepare('INSERT INTO boards (id, unit_id, name, created_at) VALUES (?, ?, ?, ?)'),
    insertColumn: db.prepare('INSERT INTO columns (id, board_id, name, order_key) VALUES (?, ?, ?, ?)'),
    showIndicator: db.prepare('INSERT OR IGNORE INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, ?)'),
    // Indicators that a unit above `unit` has made mandatory for the units below it.
    mandatoryFromAbove: db.prepare<[string], { id: string }>(`
      WITH RECURSIVE above (id) AS (
        SELECT parent_id FROM org_units WHERE id = ? AND parent_id IS NOT NULL
        UNION ALL SELECT o.parent_id FROM org_units o JOIN above ON o.id = above.id WHERE o.parent_id IS NOT NULL
      )
      SELECT i.id FROM indicators i JOIN above ON above.id = i.unit_id WHERE i.mandatory = 1 ORDER BY i.id`),
  };
  /**
   * A new board with its columns and indicators, all or nothing: the template's indicators, then those a unit
   * above has made mandatory (as marking one mandatory puts it on the boards that already exist).
   */
  const createBoard = db.transaction(
    (board: { id: string; unitId: string; name: string; at: string; columns: string[]; indicators: string[] }) => {
      s.insertBoard.run(board.id, board.unitId, board.name, board.at);
      const columnKeys = generateNKeysBetween(null, null, board.columns.length);
      board.columns.forEach((name, i) => s.insertColumn.run(`${board.id}-col-${i}`, board.id, name, columnKeys[i]!));
      const mandatory = s.mandatoryFromAbove.all(board.unitId).map((r) => r.id);
      const indicators = [...new Set([...board.indicators, ...mandatory])];
      const indicatorKeys = generateNKeysBetween(null, null, indicators.length);
      indicators.forEach((id, i) => s.showIndicator.run(board.id, id, indicatorKeys[i]!));
    },
  );
  return {
    units: () => s.units.all(),
    unit: (id: string) => s.unit.get(id),
    layers: () => s.layers.all(),
    layer: (id: string) => s.layer.get(id),
    nextLayerRank: () => (s.maxRank.get()?.r ?? -1) + 1,
    insertUnit: (id: string, parentId: string | null, layerId: string, name: string) => void s.insertUnit.run(id, parentId, layerId, name),
    updateUnit: (id: string, name: string, parentId: string | null, layerId: string) => void s.updateUnit.run(name, parentId, layerId, id),
    insertLayer: (id: string, rank: number, name: string, kind: string) => void s.insertLayer.run(id, rank, name, kind),
    renameLayer: (id: string, name: string) => void s.renameLayer.run(name, id),
    isInSubtree: (rootId: string, candidateId: string) => s.isInSubtree.get(rootId, candidateId) !== undefined,
    boardAudit: (boardId: string, limit: number) => s.boardAudit.all(boardId, limit),
    actorAudit: (actor: string, limit: number) =>
      [...s.actorBoardAudit.all(actor, limit), ...s.actorAdminAudit.all(actor, actor, limit)]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, limit),
    adminAudit: (limit: number) => s.adminAudit.all(limit),
    creatorOf: (userId: string): string | undefined => s.creatorOf.get(`user:${userId}`)?.actor,
    boardsBrief: () => s.boardsBrief.all(),
    templates: () => s.templates.all(),
    template: (id: string) => s.template.get(id),
    insertTemplate: (id: string, name: string, columns: string[], indicators: string[], at: string) =>
      void s.insertTemplate.run(id, name, JSON.stringify(columns), JSON.stringify(indicators), at),
    updateTemplate: (id: string, name: string, columns: string[], indicators: string[]) =>
      void s.updateTemplate.run(name, JSON.stringify(columns), JSON.stringify(indicators), id),
    deleteTemplate: (id: string) => void s.deleteTemplate.run(id),
    indicators: () => s.indicators.all(),
    indicatorDefinition: (id: string) => s.indicatorDefinition.get(id),
    updateIndicator: (row: IndicatorDefinitionRow) => void s.updateIndicator.run(row),
    deleteIndicator: (id: string) => void s.deleteIndicator.run(id),
    indicatorUses: (id: string): IndicatorUses => s.indicatorUses.get({ id, quoted: JSON.stringify(id) })!,
    indicatorExists: (id: string) => s.indicator.get(id) !== undefined,
    insertIndicator: (row: IndicatorDefinitionRow) => void s.insertIndicator.run(row),
    createBoard: (board: { id: string; unitId: string; name: string; at: string; columns: string[]; indicators: string[] }) =>
      createBoard.immediate(board),
  };
}
export type OrgAdminRepository = ReturnType<typeof orgAdminRepository>;
