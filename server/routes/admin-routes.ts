import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  AdminDevice,
  AdminIndicator,
  AdminLayer,
  AdminUnit,
  AdminUser,
  AuditQuery,
  BoardTemplate,
  CreateBoardRequest,
  CreateDeviceRequest,
  CreateDeviceResponse,
  CreateIndicatorRequest,
  CreateLayerRequest,
  CreateTemplateRequest,
  CreateUnitRequest,
  CreateUserRequest,
  NewCodeResponse,
  SetRoleRequest,
  UpdateIndicatorRequest,
  UpdateLayerRequest,
  UpdateTemplateRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
} from '../../shared/auth';
import { ErrorResponse } from '../../shared/rest';
import { Id } from '../../shared/schemas';
import { sendError } from '../plugins/errors';
import { forbid, requireUser } from '../plugins/security';
import { type AdminDeps, type AdminResult, adminActions } from '../services/admin';

export type AdminRoutesOptions = AdminDeps;

/** Answers a rule's outcome: its value (or 204 when it has none), else its typed error. */
function answer<T>(reply: FastifyReply, result: AdminResult<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.status, result.code, result.message);
  return result.value === null ? reply.code(204).send() : reply.code(status).send(result.value);
}

const created = { 200: z.object({ id: z.string() }), 403: ErrorResponse, 404: ErrorResponse };
const changed = { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const idParams = z.object({ id: z.string().max(80) });
const roleParams = z.object({ id: z.string().max(80), unitId: Id });

/**
 * The admin screens' API. The rules live in services/admin (each action checks the caller's reach, then changes
 * and appends its audit row in one transaction); these routes validate, ask, and answer.
 */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, deps) => {
  const actions = (request: FastifyRequest) => adminActions(deps, { userId: request.principal!.id, actor: request.principal!.actor });

  app.addHook('preHandler', requireUser);
  app.addHook('preHandler', async (request, reply) => {
    if (!(await actions(request).scope.isAnyAdmin())) return forbid(reply, 'Only administrators may use the admin screens.');
  });

  // ---- org units and layers ----
  app.get('/api/admin/units', { schema: { tags: ['admin'], response: { 200: z.object({ units: z.array(AdminUnit), layers: z.array(AdminLayer) }) } } }, async (request) =>
    actions(request).org.units(),
  );
  app.post('/api/admin/units', { schema: { tags: ['admin'], body: CreateUnitRequest, response: created } }, async (request, reply) =>
    answer(reply, await actions(request).org.createUnit(request.body)),
  );
  app.patch('/api/admin/units/:id', { schema: { tags: ['admin'], params: z.object({ id: Id }), body: UpdateUnitRequest } }, async (request, reply) =>
    answer(reply, await actions(request).org.updateUnit(request.params.id, request.body)),
  );
  app.post('/api/admin/layers', { schema: { tags: ['admin'], body: CreateLayerRequest, response: { 200: z.object({ id: Id }), 403: ErrorResponse } } }, async (request, reply) =>
    answer(reply, await actions(request).org.createLayer(request.body)),
  );
  app.patch('/api/admin/layers/:id', { schema: { tags: ['admin'], params: z.object({ id: Id }), body: UpdateLayerRequest } }, async (request, reply) =>
    answer(reply, await actions(request).org.renameLayer(request.params.id, request.body)),
  );

  // ---- users and roles (within the administrator's subtree) ----
  app.get('/api/admin/users', { schema: { tags: ['admin'], response: { 200: z.object({ users: z.array(AdminUser) }) } } }, async (request) => ({
    users: await actions(request).users.list(),
  }));
  app.post('/api/admin/users', { schema: { tags: ['admin'], body: CreateUserRequest, response: { 200: AdminUser, 409: ErrorResponse } } }, async (request, reply) =>
    answer(reply, await actions(request).users.create(request.body)),
  );
  app.patch('/api/admin/users/:id', { schema: { tags: ['admin'], params: idParams, body: UpdateUserRequest } }, async (request, reply) =>
    answer(reply, await actions(request).users.update(request.params.id, request.body)),
  );
  app.put('/api/admin/users/:id/roles/:unitId', { schema: { tags: ['admin'], params: roleParams, body: SetRoleRequest } }, async (request, reply) =>
    answer(reply, await actions(request).users.setRole(request.params.id, request.params.unitId, request.body)),
  );
  app.delete('/api/admin/users/:id/roles/:unitId', { schema: { tags: ['admin'], params: roleParams } }, async (request, reply) =>
    answer(reply, await actions(request).users.removeRole(request.params.id, request.params.unitId)),
  );

  // ---- wall-screen devices ----
  app.get('/api/admin/devices', { schema: { tags: ['admin'], response: { 200: z.object({ devices: z.array(AdminDevice) }) } } }, async (request) => ({
    devices: await actions(request).devices.list(),
  }));
  app.post('/api/admin/devices', { schema: { tags: ['admin'], body: CreateDeviceRequest, response: { 200: CreateDeviceResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) =>
    answer(reply, await actions(request).devices.create(request.body)),
  );
  app.post('/api/admin/devices/:id/code', { schema: { tags: ['admin'], summary: 'A new enrolment code for a screen not yet enrolled', params: idParams, response: { 200: NewCodeResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } }, async (request, reply) =>
    answer(reply, await actions(request).devices.newCode(request.params.id)),
  );
  app.post('/api/admin/devices/:id/revoke', { schema: { tags: ['admin'], params: idParams } }, async (request, reply) =>
    answer(reply, await actions(request).devices.revoke(request.params.id)),
  );

  // ---- the audit trail (read only: nothing in the app alters it, it is only appended to) ----
  app.get('/api/admin/audit', { schema: { tags: ['admin'], summary: 'The audit trail per board or per person (JSON or CSV)', querystring: AuditQuery } }, async (request, reply) => {
    const { boardId, actor, format } = request.query;
    const audit = actions(request).audit;
    const result = await audit.entries(request.query);
    if (!result.ok) return answer(reply, result);
    if (format === 'csv') {
      const name = `kaskade-audit-${boardId ?? actor ?? 'admin'}`.replace(/[^A-Za-z0-9_-]/g, '_');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(audit.csv(result.value));
    }
    if (request.headers.accept?.includes('application/octet-stream')) {
      reply.header('content-disposition', 'attachment; filename="kaskade-audit.json"');
    }
    return { entries: result.value };
  });

  // ---- boards, board templates and indicator definitions ----
  app.get('/api/admin/templates', { schema: { tags: ['admin'], response: { 200: z.object({ templates: z.array(BoardTemplate) }) } } }, async (request) => ({
    templates: await actions(request).templates.list(),
  }));
  app.post('/api/admin/templates', { schema: { tags: ['admin'], body: CreateTemplateRequest, response: created } }, async (request, reply) =>
    answer(reply, await actions(request).templates.create(request.body)),
  );
  app.patch('/api/admin/templates/:id', { schema: { tags: ['admin'], params: idParams, body: UpdateTemplateRequest, response: changed } }, async (request, reply) =>
    answer(reply, await actions(request).templates.update(request.params.id, request.body)),
  );
  app.delete('/api/admin/templates/:id', { schema: { tags: ['admin'], summary: 'Delete a board template (boards made from it keep their columns)', params: idParams, response: changed } }, async (request, reply) =>
    answer(reply, await actions(request).templates.remove(request.params.id)),
  );
  app.post('/api/admin/boards/create', { schema: { tags: ['admin'], summary: 'A new board for a unit, from a template', body: CreateBoardRequest, response: created } }, async (request, reply) =>
    answer(reply, await actions(request).boards.createBoard(request.body)),
  );
  app.get('/api/admin/indicators', { schema: { tags: ['admin'], response: { 200: z.object({ indicators: z.array(AdminIndicator) }) } } }, async (request) => ({
    indicators: await actions(request).indicators.list(),
  }));
  app.post('/api/admin/indicators', { schema: { tags: ['admin'], body: CreateIndicatorRequest, response: created } }, async (request, reply) =>
    answer(reply, await actions(request).indicators.create(request.body)),
  );
  app.patch('/api/admin/indicators/:id', { schema: { tags: ['admin'], params: idParams, body: UpdateIndicatorRequest, response: changed } }, async (request, reply) =>
    answer(reply, await actions(request).indicators.update(request.params.id, request.body)),
  );
  app.delete('/api/admin/indicators/:id', { schema: { tags: ['admin'], summary: 'Delete an indicator definition that nothing uses yet (else 409 IN_USE)', params: idParams, response: changed } }, async (request, reply) =>
    answer(reply, await actions(request).indicators.remove(request.params.id)),
  );
  app.get('/api/admin/boards', { schema: { tags: ['admin'], response: { 200: z.object({ boards: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string() })) }) } } }, async (request) => ({
    boards: await actions(request).boards.boards(),
  }));
};
