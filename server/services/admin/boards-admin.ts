import { randomUUID } from 'node:crypto';
import { type CreateBoardRequest, DEFAULT_COLUMNS } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, notFound, forbidden, ok } from './admin-context';
import type { AdminScope } from './admin-scope';
import { toTemplate } from './templates-admin';

/** New boards for the units one administers, from a template or with the usual columns. */
export function boardsAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { org, clock } = deps;
  return {
    createBoard({ unitId, name, templateId }: Body<typeof CreateBoardRequest>): AdminResult<{ id: string }> {
      if (!org.unit(unitId)) return notFound('No such unit.');
      if (!scope.canAdminUnit(unitId)) return forbidden('You do not administer this unit.');
      const template = templateId ? org.template(templateId) : undefined;
      if (templateId && !template) return notFound('No such template.');
      const spec = template ? toTemplate(template) : { columns: DEFAULT_COLUMNS, indicators: [] as string[] };
      const id = `board-${randomUUID()}`;
      audited(deps, caller, { type: 'board.created', subject: id, payload: { unitId, name, templateId } }, () =>
        org.createBoard({ id, unitId, name, at: clock.now().toISOString(), columns: spec.columns, indicators: spec.indicators }),
      );
      return ok({ id });
    },

    boards: (): { id: string; name: string; unitId: string }[] =>
      org.boardsBrief().filter((b) => scope.canAdminBoard(b.id)).map((b) => ({ id: b.id, name: b.name, unitId: b.unit_id })),
  };
}
