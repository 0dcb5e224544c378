import { randomUUID } from 'node:crypto';
import type { AdminIndicator, CreateIndicatorRequest, UpdateIndicatorRequest } from '../../../shared/auth';
import type { IndicatorDefinitionRow, IndicatorUses } from '../../repositories/org-admin-repository';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, done, forbidden, inUse, notFound, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';

const toIndicator = (i: IndicatorDefinitionRow): AdminIndicator => ({
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
});

/** "on 2 boards, 14 measurements" — what still refers to an indicator, for the refusal's message. */
function describeUses(uses: IndicatorUses): string {
  return Object.entries(uses)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what}: ${n}`)
    .join(', ');
}

/** Indicator definitions of the units one administers; targets and measurements are set elsewhere. */
export function indicatorsAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const org = () => readRepos(deps).orgAdmin;
  /** The definition, when this administrator administers its unit; else why not. */
  const reach = async (indicatorId: string): Promise<AdminResult<IndicatorDefinitionRow>> => {
    const row = await org().indicatorDefinition(indicatorId);
    if (!row) return notFound('No such indicator.');
    if (!(await scope.canAdminUnit(row.unit_id))) return forbidden('You do not administer the unit of this indicator.');
    return ok(row);
  };
  return {
    list: async (): Promise<AdminIndicator[]> => (await org().indicators()).map(toIndicator),

    async create(b: Body<typeof CreateIndicatorRequest>): Promise<AdminResult<{ id: string }>> {
      if (!(await org().unit(b.unitId))) return notFound('No such unit.');
      if (!(await scope.canAdminUnit(b.unitId))) return forbidden('You do not administer this unit.');
      const id = `ind-${randomUUID()}`;
      const row = {
        id, unit_id: b.unitId, name: b.name, unit_label: b.unitLabel, direction: b.direction, frequency: b.frequency,
        kind: b.kind, type: b.type, decimals: b.decimals, min_respondents: b.kind === 'soft' ? b.minRespondents : null,
      };
      await audited(deps, caller, { type: 'indicator.created', subject: id, payload: b }, async (repos) => repos.orgAdmin.insertIndicator(row));
      return ok({ id });
    },

    async update(indicatorId: string, b: Body<typeof UpdateIndicatorRequest>): Promise<AdminResult<null>> {
      const found = await reach(indicatorId);
      if (!found.ok) return found;
      const before = found.value;
      const kind = b.kind ?? before.kind;
      const after: IndicatorDefinitionRow = {
        ...before,
        name: b.name ?? before.name,
        unit_label: b.unitLabel ?? before.unit_label,
        direction: b.direction ?? before.direction,
        frequency: b.frequency ?? before.frequency,
        kind,
        type: b.type ?? before.type,
        decimals: b.decimals ?? before.decimals,
        min_respondents: kind === 'soft' ? (b.minRespondents === undefined ? before.min_respondents : b.minRespondents) : null,
      };
      // Measurements are stored by the first day of their period: another frequency would strand them.
      if (after.frequency !== before.frequency && (await org().indicatorUses(indicatorId)).measurements > 0) {
        return inUse('The frequency cannot change once the indicator has measurements.');
      }
      await audited(deps, caller, { type: 'indicator.updated', subject: indicatorId, payload: { before: toIndicator(before), after: toIndicator(after) } }, async (repos) =>
        repos.orgAdmin.updateIndicator(after),
      );
      return done;
    },

    async remove(indicatorId: string): Promise<AdminResult<null>> {
      const found = await reach(indicatorId);
      if (!found.ok) return found;
      const uses = await org().indicatorUses(indicatorId);
      if (Object.values(uses).some((n) => n > 0)) {
        return inUse(`The indicator is in use (${describeUses(uses)}); remove it from boards and templates first, or keep it.`);
      }
      await audited(deps, caller, { type: 'indicator.deleted', subject: indicatorId, payload: toIndicator(found.value) }, async (repos) => repos.orgAdmin.deleteIndicator(indicatorId));
      return done;
    },
  };
}
