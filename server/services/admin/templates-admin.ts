import { randomUUID } from 'node:crypto';
import type { BoardTemplate, CreateTemplateRequest, UpdateTemplateRequest } from '../../../shared/auth';
import type { TemplateRow } from '../../repositories/org-admin-repository';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, done, forbidden, notFound, ok, readRepos } from './admin-context';
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
  const { clock } = deps;
  const org = () => readRepos(deps).orgAdmin;
  const missingIndicator = async (ids: string[] | undefined): Promise<string | undefined> => {
    for (const id of ids ?? []) if (!(await org().indicatorExists(id))) return id;
    return undefined;
  };
  const topOnly = () => forbidden('Only administrators of the whole organisation may change board templates.');
  return {
    list: async (): Promise<BoardTemplate[]> => (await org().templates()).map(toTemplate),

    async create(body: Body<typeof CreateTemplateRequest>): Promise<AdminResult<{ id: string }>> {
      if (!(await scope.isTopAdmin())) return topOnly();
      const missing = await missingIndicator(body.indicators);
      if (missing) return notFound(`No indicator ${missing}.`);
      const id = `tpl-${randomUUID()}`;
      await audited(deps, caller, { type: 'template.created', subject: id, payload: body }, async (repos) =>
        repos.orgAdmin.insertTemplate(id, body.name, body.columns, body.indicators, clock.now().toISOString()),
      );
      return ok({ id });
    },

    async update(templateId: string, body: Body<typeof UpdateTemplateRequest>): Promise<AdminResult<null>> {
      if (!(await scope.isTopAdmin())) return topOnly();
      const row = await org().template(templateId);
      if (!row) return notFound('No such template.');
      const missing = await missingIndicator(body.indicators);
      if (missing) return notFound(`No indicator ${missing}.`);
      const before = toTemplate(row);
      const after = { name: body.name ?? before.name, columns: body.columns ?? before.columns, indicators: body.indicators ?? before.indicators };
      await audited(deps, caller, { type: 'template.updated', subject: templateId, payload: { before, after } }, async (repos) =>
        repos.orgAdmin.updateTemplate(templateId, after.name, after.columns, after.indicators),
      );
      return done;
    },

    async remove(templateId: string): Promise<AdminResult<null>> {
      if (!(await scope.isTopAdmin())) return topOnly();
      const row = await org().template(templateId);
      if (!row) return notFound('No such template.');
      await audited(deps, caller, { type: 'template.deleted', subject: templateId, payload: toTemplate(row) }, async (repos) => repos.orgAdmin.deleteTemplate(templateId));
      return done;
    },
  };
}
