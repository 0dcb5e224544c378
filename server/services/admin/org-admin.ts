import { randomUUID } from 'node:crypto';
import type { AdminLayer, AdminUnit, CreateLayerRequest, CreateUnitRequest, UpdateLayerRequest, UpdateUnitRequest } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok } from './admin-context';
import type { AdminScope } from './admin-scope';
import { calendarDate } from '../../../shared/domain/periods';

/** Org units (within the administrator's subtree) and leadership layers (the whole organisation's). */
export function orgAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { org } = deps;
  return {
    units(): { units: AdminUnit[]; layers: AdminLayer[] } {
      return {
        units: org.units().map((u) => ({ id: u.id, parentId: u.parent_id, layerId: u.layer_id, name: u.name, administrable: scope.canAdminUnit(u.id) })),
        layers: org.layers(),
      };
    },

    createUnit({ name, parentId, layerId }: Body<typeof CreateUnitRequest>): AdminResult<{ id: string }> {
      if (!org.unit(parentId)) return notFound('No such parent unit.');
      if (!org.layer(layerId)) return notFound('No such layer.');
      if (!scope.canAdminUnit(parentId)) return forbidden('You do not administer the parent unit.');
      const id = `unit-${randomUUID()}`;
      audited(deps, caller, { type: 'unit.created', subject: id, payload: { name, parentId, layerId } }, () =>
        org.insertUnit(id, parentId, layerId, name),
      );
      return ok({ id });
    },

    updateUnit(unitId: string, body: Body<typeof UpdateUnitRequest>): AdminResult<null> {
      const unit = org.unit(unitId);
      if (!unit) return notFound('No such unit.');
      if (!scope.canAdminUnit(unit.id)) return forbidden('You do not administer this unit.');
      const { name = unit.name, parentId = unit.parent_id, layerId = unit.layer_id } = body;
      if (parentId !== unit.parent_id) {
        if (parentId === null || !org.unit(parentId)) return notFound('No such parent unit.');
        if (!scope.canAdminUnit(parentId)) return forbidden('You do not administer the new parent unit.');
        if (unit.parent_id !== null && !scope.canAdminUnit(unit.parent_id)) return forbidden('You do not administer the current parent.');
        if (org.isInSubtree(unit.id, parentId)) return conflict('A unit cannot move below itself.');
      }
      if (!org.layer(layerId)) return notFound('No such layer.');
      const moved = parentId !== unit.parent_id;
      audited(deps, caller, { type: 'unit.updated', subject: unit.id, payload: { before: unit, after: { name, parentId, layerId } } }, () => {
        org.updateUnit(unit.id, name, parentId, layerId);
        // In the move's transaction: no reader sees the tree moved and the roll-ups not.
        if (moved) deps.statuses.unitMoved(unit.id, unit.parent_id, calendarDate(deps.clock.now()));
      });
      if (moved) deps.statusesChanged();
      return done;
    },

    createLayer(body: Body<typeof CreateLayerRequest>): AdminResult<{ id: string }> {
      if (!scope.isTopAdmin()) return forbidden('Only administrators of the whole organisation may add layers.');
      const id = `layer-${randomUUID()}`;
      audited(deps, caller, { type: 'layer.created', subject: id, payload: body }, () =>
        org.insertLayer(id, org.nextLayerRank(), body.name, body.kind),
      );
      return ok({ id });
    },

    renameLayer(layerId: string, body: Body<typeof UpdateLayerRequest>): AdminResult<null> {
      if (!scope.isTopAdmin()) return forbidden('Only administrators of the whole organisation may rename layers.');
      if (!org.layer(layerId)) return notFound('No such layer.');
      audited(deps, caller, { type: 'layer.renamed', subject: layerId, payload: body }, () => org.renameLayer(layerId, body.name));
      return done;
    },
  };
}
