import { randomUUID } from 'node:crypto';
import { type CreateBoardRequest, DEFAULT_COLUMNS } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, notFound, forbidden, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';
import { toTemplate } from './templates-admin';

/** New boards for the units one administers, from a template or with the usual columns. */
export function boardsAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { clock } = deps;
  return {
    async createBoard({ unitId, name, templateId }: Body<typeof CreateBoardRequest>): Promise<AdminResult<{ id: string }>> {
      const org = readRepos(deps).orgAdmin;
      if (!(await org.unit(unitId))) return notFound('No such unit.');
      if (!(await scope.canAdminUnit(unitId))) return forbidden('You do not administer this unit.');
      const template = templateId ? await org.template(templateId) : undefined;
      if (templateId && !template) return notFound('No such template.');
      const spec = template ? toTemplate(template) : { columns: DEFAULT_COLUMNS, indicators: [] as string[] };
      const id = `board-${randomUUID()}`;
      await audited(deps, caller, { type: 'board.created', subject: id, payload: { unitId, name, templateId } }, async (repos) =>
        repos.orgAdmin.createBoard({ id, unitId, name, at: clock.now().toISOString(), columns: spec.columns, indicators: spec.indicators }),
      );
      return ok({ id });
    },

    boards: async (): Promise<{ id: string; name: string; unitId: string }[]> => {
      const mine: { id: string; name: string; unitId: string }[] = [];
      for (const b of await readRepos(deps).orgAdmin.boardsBrief()) {
        if (await scope.canAdminBoard(b.id)) mine.push({ id: b.id, name: b.name, unitId: b.unit_id });
      }
      return mine;
    },
  };
}
