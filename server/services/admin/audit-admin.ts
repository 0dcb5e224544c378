import type { AuditEntry, AuditQuery } from '../../../shared/auth';
import type { AuditRow } from '../../repositories/org-admin-repository';
import { type CsvCell, writeCsv } from '../csv';
import { type AdminDeps, type AdminResult, type Body, forbidden, invalid, notFound, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';

const CSV_COLUMNS = ['source', 'boardId', 'seq', 'at', 'actor', 'actorName', 'type', 'subject', 'payload'] as const;

/** The audit trail, read only: per board (its administrators), per person, or all admin actions (the top's). */
export function auditAdmin(deps: AdminDeps, scope: AdminScope) {
  const actorName = async (actor: string): Promise<string> => {
    const { accounts } = readRepos(deps);
    if (actor.startsWith('user:')) return (await accounts.userById(actor.slice(5)))?.display_name ?? actor;
    if (actor.startsWith('device:')) return (await accounts.deviceById(actor.slice(7)))?.name ?? actor;
    return actor;
  };
  const toEntry = async (r: AuditRow): Promise<AuditEntry> => ({
    source: r.source,
    boardId: r.board_id,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorName: await actorName(r.actor),
    type: r.type,
    subject: r.subject,
    payload: JSON.parse(r.payload) as unknown,
  });

  return {
    async entries({ boardId, actor, limit }: Body<typeof AuditQuery>): Promise<AdminResult<AuditEntry[]>> {
      const { accounts, orgAdmin: org } = readRepos(deps);
      let rows: AuditRow[];
      if (boardId) {
        if (!(await accounts.boardUnit(boardId))) return notFound('No such board.');
        if (!(await scope.canAdminBoard(boardId))) return forbidden('You do not administer this board.');
        rows = await org.boardAudit(boardId, limit);
      } else if (actor) {
        const top = await scope.isTopAdmin();
        rows = [];
        for (const r of await org.actorAudit(actor, limit)) if (r.source === 'board' ? await scope.canAdminBoard(r.board_id!) : top) rows.push(r);
      } else {
        if (!(await scope.isTopAdmin())) return invalid('Give a boardId or an actor.');
        rows = await org.adminAudit(limit);
      }
      const entries: AuditEntry[] = [];
      for (const r of rows) entries.push(await toEntry(r));
      return ok(entries);
    },

    /** The entries as a CSV file (through the one CSV module: every cell quoted, formulas neutralised). */
    csv: (entries: AuditEntry[]): string =>
      writeCsv(CSV_COLUMNS, entries.map((e) => CSV_COLUMNS.map((c) => e[c] as CsvCell)), { separator: ',', bom: false, quoteAll: true }),
  };
}
