import { randomUUID } from 'node:crypto';
import type { AdminLayer, AdminUnit, CreateLayerRequest, CreateUnitRequest, UpdateLayerRequest, UpdateUnitRequest } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';
import { calendarDate } from '../../../shared/domain/periods';

/** Org units (within the administrator's subtree) and leadership layers (the whole organisation's). */
export function orgAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const org = () => readRepos(deps).orgAdmin;
  return {
    async units(): Promise<{ units: AdminUnit[]; layers: AdminLayer[] }> {
      const units: AdminUnit[] = [];
      for (const u of await org().units()) {
        units.push({ id: u.id, parentId: u.parent_id, layerId: u.layer_id, name: u.name, administrable: await scope.canAdminUnit(u.id) });
      }
      return { units, layers: await org().layers() };
    },

    async createUnit({ name, parentId, layerId }: Body<typeof CreateUnitRequest>): Promise<AdminResult<{ id: string }>> {
      if (!(await org().unit(parentId))) return notFound('No such parent unit.');
      if (!(await org().layer(layerId))) return notFound('No such layer.');
      if (!(await scope.canAdminUnit(parentId))) return forbidden('You do not administer the parent unit.');
      const id = `unit-${randomUUID()}`;
      await audited(deps, caller, { type: 'unit.created', subject: id, payload: { name, parentId, layerId } }, async (repos) =>
        repos.orgAdmin.insertUnit(id, parentId, layerId, name),
      );
      return ok({ id });
    },

    async updateUnit(unitId: string, body: Body<typeof UpdateUnitRequest>): Promise<AdminResult<null>> {
      const unit = await org().unit(unitId);
      if (!unit) return notFound('No such unit.');
      if (!(await scope.canAdminUnit(unit.id))) return forbidden('You do not administer this unit.');
      const { name = unit.name, parentId = unit.parent_id, layerId = unit.layer_id } = body;
      if (parentId !== unit.parent_id) {
        if (parentId === null || !(await org().unit(parentId))) return notFound('No such parent unit.');
        if (!(await scope.canAdminUnit(parentId))) return forbidden('You do not administer the new parent unit.');
        if (unit.parent_id !== null && !(await scope.canAdminUnit(unit.parent_id))) return forbidden('You do not administer the current parent.');
        if (await org().isInSubtree(unit.id, parentId)) return conflict('A unit cannot move below itself.');
      }
      if (!(await org().layer(layerId))) return notFound('No such layer.');
      const moved = parentId !== unit.parent_id;
      await audited(deps, caller, { type: 'unit.updated', subject: unit.id, payload: { before: unit, after: { name, parentId, layerId } } }, async (repos) => {
        await repos.orgAdmin.updateUnit(unit.id, name, parentId, layerId);
        // In the move's transaction: no reader sees the tree moved and the roll-ups not.
        if (moved) await repos.unitStatus.unitMoved(unit.id, unit.parent_id, calendarDate(deps.clock.now()));
      });
      if (moved) deps.statusesChanged();
      return done;
    },

    async createLayer(body: Body<typeof CreateLayerRequest>): Promise<AdminResult<{ id: string }>> {
      if (!(await scope.isTopAdmin())) return forbidden('Only administrators of the whole organisation may add layers.');
      const id = `layer-${randomUUID()}`;
      await audited(deps, caller, { type: 'layer.created', subject: id, payload: body }, async (repos) =>
        repos.orgAdmin.insertLayer(id, await repos.orgAdmin.nextLayerRank(), body.name, body.kind),
      );
      return ok({ id });
    },

    async renameLayer(layerId: string, body: Body<typeof UpdateLayerRequest>): Promise<AdminResult<null>> {
      if (!(await scope.isTopAdmin())) return forbidden('Only administrators of the whole organisation may rename layers.');
      if (!(await org().layer(layerId))) return notFound('No such layer.');
      await audited(deps, caller, { type: 'layer.renamed', subject: layerId, payload: body }, async (repos) => repos.orgAdmin.renameLayer(layerId, body.name));
      return done;
    },
  };
}
