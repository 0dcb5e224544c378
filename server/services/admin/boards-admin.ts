import { randomUUID } from 'node:crypto';
import { type AdminIndicator, type BoardTemplate, type CreateBoardRequest, type CreateIndicatorRequest, type CreateTemplateRequest, DEFAULT_COLUMNS } from '../../../shared/auth';
import type { TemplateRow } from '../../repositories/org-admin-repository';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, forbidden, notFound, ok } from './admin-context';
import type { AdminScope } from './admin-scope';

const toTemplate = (t: TemplateRow): BoardTemplate => ({
  id: t.id,
  name: t.name,
  columns: JSON.parse(t.columns) as string[],
  indicators: JSON.parse(t.indicators) as string[],
});

/** Boards (from templates), board templates and indicator definitions. */
export function boardsAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { org, clock } = deps;
  const now = () => clock.now().toISOString();
  return {
    templates: (): BoardTemplate[] => org.templates().map(toTemplate),

    createTemplate(body: Body<typeof CreateTemplateRequest>): AdminResult<{ id: string }> {
      if (!scope.isTopAdmin()) return forbidden('Only administrators of the whole organisation may add board templates.');
      const missing = body.indicators.find((id) => !org.indicatorExists(id));
      if (missing) return notFound(`No indicator ${missing}.`);
      const id = `tpl-${randomUUID()}`;
      audited(deps, caller, { type: 'template.created', subject: id, payload: body }, () =>
        org.insertTemplate(id, body.name, body.columns, body.indicators, now()),
      );
      return ok({ id });
    },

    createBoard({ unitId, name, templateId }: Body<typeof CreateBoardRequest>): AdminResult<{ id: string }> {
      if (!org.unit(unitId)) return notFound('No such unit.');
      if (!scope.canAdminUnit(unitId)) return forbidden('You do not administer this unit.');
      const template = templateId ? org.template(templateId) : undefined;
      if (templateId && !template) return notFound('No such template.');
      const spec = template ? toTemplate(template) : { columns: DEFAULT_COLUMNS, indicators: [] as string[] };
      const id = `board-${randomUUID()}`;
      audited(deps, caller, { type: 'board.created', subject: id, payload: { unitId, name, templateId } }, () =>
        org.createBoard({ id, unitId, name, at: now(), columns: spec.columns, indicators: spec.indicators }),
      );
      return ok({ id });
    },

    indicators: (): AdminIndicator[] =>
      org.indicators().map((i) => ({
        id: i.id,
        unitId: i.unit_id,
        name: i.name,
        unitLabel: i.unit_label,
        direction: i.direction as AdminIndicator['direction'],
        frequency: i.frequency as AdminIndicator['frequency'],
        kind: i.kind as AdminIndicator['kind'],
        type: i.type as AdminIndicator['type'],
        decimals: i.decimals,
        minRespondents: i.min_respondents,
      })),

    createIndicator(b: Body<typeof CreateIndicatorRequest>): AdminResult<{ id: string }> {
      if (!org.unit(b.unitId)) return notFound('No such unit.');
      if (!scope.canAdminUnit(b.unitId)) return forbidden('You do not administer this unit.');
      const id = `ind-${randomUUID()}`;
      const row = {
        id, unit_id: b.unitId, name: b.name, unit_label: b.unitLabel, direction: b.direction, frequency: b.frequency,
        kind: b.kind, type: b.type, decimals: b.decimals, min_respondents: b.kind === 'soft' ? b.minRespondents : null,
      };
      audited(deps, caller, { type: 'indicator.created', subject: id, payload: b }, () => org.insertIndicator(row));
      return ok({ id });
    },

    boards: (): { id: string; name: string; unitId: string }[] =>
      org.boardsBrief().filter((b) => scope.canAdminBoard(b.id)).map((b) => ({ id: b.id, name: b.name, unitId: b.unit_id })),
  };
}
