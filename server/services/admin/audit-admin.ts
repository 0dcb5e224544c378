import type { AuditEntry, AuditQuery } from '../../../shared/auth';
import type { AuditRow } from '../../repositories/org-admin-repository';
import { type CsvCell, writeCsv } from '../csv';
import { type AdminDeps, type AdminResult, type Body, forbidden, invalid, notFound, ok } from './admin-context';
import type { AdminScope } from './admin-scope';

const CSV_COLUMNS = ['source', 'boardId', 'seq', 'at', 'actor', 'actorName', 'type', 'subject', 'payload'] as const;

/** The audit trail, read only: per board (its administrators), per person, or all admin actions (the top's). */
export function auditAdmin(deps: AdminDeps, scope: AdminScope) {
  const { accounts, org } = deps;
  const actorName = (actor: string): string => {
    if (actor.startsWith('user:')) return accounts.userById(actor.slice(5))?.display_name ?? actor;
    if (actor.startsWith('device:')) return accounts.deviceById(actor.slice(7))?.name ?? actor;
    return actor;
  };
  const toEntry = (r: AuditRow): AuditEntry => ({
    source: r.source,
    boardId: r.board_id,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorName: actorName(r.actor),
    type: r.type,
    subject: r.subject,
    payload: JSON.parse(r.payload) as unknown,
  });

  return {
    entries({ boardId, actor, limit }: Body<typeof AuditQuery>): AdminResult<AuditEntry[]> {
      let rows: AuditRow[];
      if (boardId) {
        if (!accounts.boardUnit(boardId)) return notFound('No such board.');
        if (!scope.canAdminBoard(boardId)) return forbidden('You do not administer this board.');
        rows = org.boardAudit(boardId, limit);
      } else if (actor) {
        const top = scope.isTopAdmin();
        rows = org.actorAudit(actor, limit).filter((r) => (r.source === 'board' ? scope.canAdminBoard(r.board_id!) : top));
      } else {
        if (!scope.isTopAdmin()) return invalid('Give a boardId or an actor.');
        rows = org.adminAudit(limit);
      }
      return ok(rows.map(toEntry));
    },

    /** The entries as a CSV file (through the one CSV module: every cell quoted, formulas neutralised). */
    csv: (entries: AuditEntry[]): string =>
      writeCsv(CSV_COLUMNS, entries.map((e) => CSV_COLUMNS.map((c) => e[c] as CsvCell)), { separator: ',', bom: false, quoteAll: true }),
  };
}
