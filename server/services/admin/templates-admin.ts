import { randomUUID } from 'node:crypto';
import type { BoardTemplate, CreateTemplateRequest, UpdateTemplateRequest } from '../../../shared/auth';
import type { TemplateRow } from '../../repositories/org-admin-repository';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, done, forbidden, notFound, ok } from './admin-context';
import type { AdminScope } from './admin-scope';

export const toTemplate = (t: TemplateRow): BoardTemplate => ({
  id: t.id,
  name: t.name,
  columns: JSON.parse(t.columns) as string[],
  indicators: JSON.parse(t.indicators) as string[],
});

/**
 * Board templates, shared by the whole organisation, so only its administrators change them. A board copies its
 * template's columns and indicators when it is created and keeps no link to it: a template is never "in use", and
 * changing or deleting one leaves every existing board as it is.
 */
export function templatesAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { org, clock } = deps;
  const missingIndicator = (ids: string[] | undefined) => ids?.find((id) => !org.indicatorExists(id));
  const topOnly = () => forbidden('Only administrators of the whole organisation may change board templates.');
  return {
    list: (): BoardTemplate[] => org.templates().map(toTemplate),

    create(body: Body<typeof CreateTemplateRequest>): AdminResult<{ id: string }> {
      if (!scope.isTopAdmin()) return topOnly();
      const missing = missingIndicator(body.indicators);
      if (missing) return notFound(`No indicator ${missing}.`);
      const id = `tpl-${randomUUID()}`;
      audited(deps, caller, { type: 'template.created', subject: id, payload: body }, () =>
        org.insertTemplate(id, body.name, body.columns, body.indicators, clock.now().toISOString()),
      );
      return ok({ id });
    },

    update(templateId: string, body: Body<typeof UpdateTemplateRequest>): AdminResult<null> {
      if (!scope.isTopAdmin()) return topOnly();
      const row = org.template(templateId);
      if (!row) return notFound('No such template.');
      const missing = missingIndicator(body.indicators);
      if (missing) return notFound(`No indicator ${missing}.`);
      const before = toTemplate(row);
      const after = { name: body.name ?? before.name, columns: body.columns ?? before.columns, indicators: body.indicators ?? before.indicators };
      audited(deps, caller, { type: 'template.updated', subject: templateId, payload: { before, after } }, () =>
        org.updateTemplate(templateId, after.name, after.columns, after.indicators),
      );
      return done;
    },

    remove(templateId: string): AdminResult<null> {
      if (!scope.isTopAdmin()) return topOnly();
      const row = org.template(templateId);
      if (!row) return notFound('No such template.');
      audited(deps, caller, { type: 'template.deleted', subject: templateId, payload: toTemplate(row) }, () => org.deleteTemplate(templateId));
      return done;
    },
  };
}
