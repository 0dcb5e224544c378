import type { Db } from '../db/open-database';

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
    boardsBrief: db.prepare<[], { id: string; name: string; unit_id: string }>('SELECT id, name, unit_id FROM boards ORDER BY name'),
  };
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
    boardsBrief: () => s.boardsBrief.all(),
  };
}
export type OrgAdminRepository = ReturnType<typeof orgAdminRepository>;
