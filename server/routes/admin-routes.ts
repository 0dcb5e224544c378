import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  AdminIndicator,
  BoardTemplate,
  CreateBoardRequest,
  CreateIndicatorRequest,
  CreateTemplateRequest,
  DEFAULT_COLUMNS,
  AdminDevice,
  AdminLayer,
  AdminUnit,
  AdminUser,
  AuditEntry,
  AuditQuery,
  CreateDeviceRequest,
  CreateDeviceResponse,
  CreateLayerRequest,
  CreateUnitRequest,
  CreateUserRequest,
  SetRoleRequest,
  UpdateLayerRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
} from '../../shared/auth';
import { Id } from '../../shared/schemas';
import { ErrorResponse } from '../../shared/rest';
import type { AccountsRepository, DeviceRow } from '../repositories/accounts-repository';
import type { AuditRow, OrgAdminRepository } from '../repositories/org-admin-repository';
import { forbid, notFound, requireUser } from '../plugins/security';
import type { UnitAccessPolicy } from '../services/access-policy';
import type { AuthService } from '../services/auth-service';
import type { Clock } from '../services/command-service';
import { type CsvCell, writeCsv } from '../services/csv';
import type { LiveSockets } from './auth-routes';

export interface AdminRoutesOptions {
  accounts: AccountsRepository;
  org: OrgAdminRepository;
  access: UnitAccessPolicy;
  auth: AuthService;
  live: LiveSockets;
  clock: Clock;
}

const conflict = (reply: FastifyReply, message: string) => reply.code(409).send({ error: { code: 'CONFLICT' as const, message } });
const invalid = (reply: FastifyReply, message: string) =>
  reply.code(400).send({ error: { code: 'VALIDATION_FAILED' as const, message } });

const toDevice = (d: DeviceRow): AdminDevice => ({
  id: d.id,
  boardId: d.board_id,
  name: d.name,
  mode: d.mode,
  createdAt: d.created_at,
  enrolledAt: d.enrolled_at,
  lastSeenAt: d.last_seen_at,
  revokedAt: d.revoked_at,
});

/**
 * The admin screens' API: org units and layers, users and roles, wall-screen devices and the audit trail. Every
 * route asks the access policy about the unit concerned, so an admin of a clinic administers that clinic's subtree.
 */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, opts) => {
  const { accounts, org, access, auth, live, clock } = opts;
  const now = () => clock.now().toISOString();
  const actorOf = (request: FastifyRequest) => request.principal!.actor;
  const canAdminUnit = (request: FastifyRequest, unitId: string) => access.canOnUnit(actorOf(request), 'administer', unitId);
  /** Administers a root unit: the whole organisation's layers and audit trail. */
  const isTopAdmin = (request: FastifyRequest) => org.units().some((u) => u.parent_id === null && canAdminUnit(request, u.id));
  const isAnyAdmin = (request: FastifyRequest) => accounts.rolesOf(request.principal!.id).some((r) => r.role === 'admin');
  const log = (request: FastifyRequest, type: string, subject: string, payload: unknown) =>
    accounts.adminEvent(actorOf(request), now(), type, subject, payload);

  app.addHook('preHandler', requireUser);
  app.addHook('preHandler', async (request, reply) => {
    if (!isAnyAdmin(request)) return forbid(reply, 'Only administrators may use the admin screens.');
  });

  const user = (id: string): AdminUser | undefined => {
    const u = accounts.userById(id);
    return (
      u && {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        email: u.email,
        disabled: u.disabled === 1,
        roles: accounts.rolesOf(u.id).map((r) => ({ unitId: r.unit_id, role: r.role })),
      }
    );
  };
  /** May this admin change this person? Only if every role the person holds is on a unit the admin administers. */
  const mayManage = (request: FastifyRequest, userId: string) =>
    accounts.rolesOf(userId).every((r) => canAdminUnit(request, r.unit_id)) || isTopAdmin(request);

  // ---- org units and layers ----
  app.get('/api/admin/units', { schema: { tags: ['admin'], response: { 200: z.object({ units: z.array(AdminUnit), layers: z.array(AdminLayer) }) } } }, async (request) => ({
    units: org.units().map((u) => ({ id: u.id, parentId: u.parent_id, layerId: u.layer_id, name: u.name, administrable: canAdminUnit(request, u.id) })),
    layers: org.layers(),
  }));

  app.post('/api/admin/units', { schema: { tags: ['admin'], body: CreateUnitRequest, response: { 200: z.object({ id: Id }), 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    const { name, parentId, layerId } = request.body;
    if (!org.unit(parentId)) return notFound(reply, 'No such parent unit.');
    if (!org.layer(layerId)) return notFound(reply, 'No such layer.');
    if (!canAdminUnit(request, parentId)) return forbid(reply, 'You do not administer the parent unit.');
    const id = `unit-${randomUUID()}`;
    org.insertUnit(id, parentId, layerId, name);
    log(request, 'unit.created', id, { name, parentId, layerId });
    return { id };
  });

  app.patch('/api/admin/units/:id', { schema: { tags: ['admin'], params: z.object({ id: Id }), body: UpdateUnitRequest } }, async (request, reply) => {
    const unit = org.unit(request.params.id);
    if (!unit) return notFound(reply, 'No such unit.');
    if (!canAdminUnit(request, unit.id)) return forbid(reply, 'You do not administer this unit.');
    const { name = unit.name, parentId = unit.parent_id, layerId = unit.layer_id } = request.body;
    if (parentId !== unit.parent_id) {
      if (parentId === null || !org.unit(parentId)) return notFound(reply, 'No such parent unit.');
      if (!canAdminUnit(request, parentId)) return forbid(reply, 'You do not administer the new parent unit.');
      if (unit.parent_id !== null && !canAdminUnit(request, unit.parent_id)) return forbid(reply, 'You do not administer the current parent.');
      if (org.isInSubtree(unit.id, parentId)) return conflict(reply, 'A unit cannot move below itself.');
    }
    if (!org.layer(layerId)) return notFound(reply, 'No such layer.');
    org.updateUnit(unit.id, name, parentId, layerId);
    log(request, 'unit.updated', unit.id, { before: unit, after: { name, parentId, layerId } });
    return reply.code(204).send();
  });

  app.post('/api/admin/layers', { schema: { tags: ['admin'], body: CreateLayerRequest, response: { 200: z.object({ id: Id }), 403: ErrorResponse } } }, async (request, reply) => {
    if (!isTopAdmin(request)) return forbid(reply, 'Only administrators of the whole organisation may add layers.');
    const id = `layer-${randomUUID()}`;
    org.insertLayer(id, org.nextLayerRank(), request.body.name, request.body.kind);
    log(request, 'layer.created', id, request.body);
    return { id };
  });

  app.patch('/api/admin/layers/:id', { schema: { tags: ['admin'], params: z.object({ id: Id }), body: UpdateLayerRequest } }, async (request, reply) => {
    if (!isTopAdmin(request)) return forbid(reply, 'Only administrators of the whole organisation may rename layers.');
    if (!org.layer(request.params.id)) return notFound(reply, 'No such layer.');
    org.renameLayer(request.params.id, request.body.name);
    log(request, 'layer.renamed', request.params.id, request.body);
    return reply.code(204).send();
  });

  // ---- users and roles ----
  app.get('/api/admin/users', { schema: { tags: ['admin'], response: { 200: z.object({ users: z.array(AdminUser) }) } } }, async () => ({
    users: accounts.users().map((u) => user(u.id)!),
  }));

  app.post('/api/admin/users', { schema: { tags: ['admin'], body: CreateUserRequest, response: { 200: AdminUser, 409: ErrorResponse } } }, async (request, reply) => {
    const body = request.body;
    if (accounts.userByUsername(body.username)) return conflict(reply, 'The username is taken.');
    if (body.email && accounts.userByEmail(body.email)) return conflict(reply, 'The e-mail belongs to another user.');
    const id = `u-${randomUUID()}`;
    accounts.insertUser({
      id,
      username: body.username,
      display_name: body.displayName,
      email: body.email,
      password_hash: body.password ? await auth.hashPassword(body.password) : null,
      disabled: 0,
      created_at: now(),
    });
    log(request, 'user.created', `user:${id}`, { username: body.username, displayName: body.displayName, email: body.email });
    return user(id)!;
  });

  app.patch('/api/admin/users/:id', { schema: { tags: ['admin'], params: z.object({ id: z.string().max(80) }), body: UpdateUserRequest } }, async (request, reply) => {
    const existing = accounts.userById(request.params.id);
    if (!existing) return notFound(reply, 'No such user.');
    if (!mayManage(request, existing.id)) return forbid(reply, 'This person has roles on units you do not administer.');
    const body = request.body;
    if (body.email && accounts.userByEmail(body.email)?.id !== existing.id && accounts.userByEmail(body.email)) {
      return conflict(reply, 'The e-mail belongs to another user.');
    }
    accounts.updateUser({
      id: existing.id,
      display_name: body.displayName ?? existing.display_name,
      email: body.email === undefined ? existing.email : body.email,
      disabled: body.disabled === undefined ? existing.disabled : body.disabled ? 1 : 0,
    });
    if (body.password) accounts.setPassword(existing.id, await auth.hashPassword(body.password));
    if (body.disabled || body.password) {
      accounts.revokeUserSessions(existing.id, now());
      live.disconnect((p) => p.kind === 'user' && p.id === existing.id);
    }
    const { password: _omit, ...logged } = body;
    log(request, 'user.updated', `user:${existing.id}`, { ...logged, passwordChanged: Boolean(body.password) });
    return reply.code(204).send();
  });

  const roleParams = z.object({ id: z.string().max(80), unitId: Id });
  app.put('/api/admin/users/:id/roles/:unitId', { schema: { tags: ['admin'], params: roleParams, body: SetRoleRequest } }, async (request, reply) => {
    const { id, unitId } = request.params;
    if (!accounts.userById(id)) return notFound(reply, 'No such user.');
    if (!org.unit(unitId)) return notFound(reply, 'No such unit.');
    if (!canAdminUnit(request, unitId)) return forbid(reply, 'You do not administer this unit.');
    accounts.setRole(id, unitId, request.body.role);
    log(request, 'role.set', `user:${id}`, { unitId, role: request.body.role });
    return reply.code(204).send();
  });

  app.delete('/api/admin/users/:id/roles/:unitId', { schema: { tags: ['admin'], params: roleParams } }, async (request, reply) => {
    const { id, unitId } = request.params;
    if (!canAdminUnit(request, unitId)) return forbid(reply, 'You do not administer this unit.');
    if (!accounts.removeRole(id, unitId)) return notFound(reply, 'No such role.');
    log(request, 'role.removed', `user:${id}`, { unitId });
    return reply.code(204).send();
  });

  // ---- wall-screen devices ----
  app.get('/api/admin/devices', { schema: { tags: ['admin'], response: { 200: z.object({ devices: z.array(AdminDevice) }) } } }, async (request) => ({
    devices: accounts.devices().filter((d) => access.can(actorOf(request), 'administer', d.board_id)).map(toDevice),
  }));

  app.post('/api/admin/devices', { schema: { tags: ['admin'], body: CreateDeviceRequest, response: { 200: CreateDeviceResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    const { boardId, name, mode } = request.body;
    if (!accounts.boardUnit(boardId)) return notFound(reply, 'No such board.');
    if (!access.can(actorOf(request), 'administer', boardId)) return forbid(reply, 'You do not administer this board.');
    const created = auth.createDevice({ boardId, name, mode, createdBy: actorOf(request) });
    log(request, 'device.created', `device:${created.id}`, { boardId, name, mode });
    return {
      device: toDevice(accounts.deviceById(created.id)!),
      code: created.code,
      expiresAt: created.expiresAt,
      link: `/wall/enrol#${created.code}`,
    };
  });

  app.post('/api/admin/devices/:id/revoke', { schema: { tags: ['admin'], params: z.object({ id: z.string().max(80) }) } }, async (request, reply) => {
    const device = accounts.deviceById(request.params.id);
    if (!device) return notFound(reply, 'No such device.');
    if (!access.can(actorOf(request), 'administer', device.board_id)) return forbid(reply, 'You do not administer this board.');
    accounts.revokeDevice(device.id, now());
    live.disconnect((p) => p.kind === 'device' && p.id === device.id);
    log(request, 'device.revoked', `device:${device.id}`, { boardId: device.board_id });
    return reply.code(204).send();
  });

  // ---- the audit trail (read only: nothing in the app writes to or alters it except by appending) ----
  const actorName = (actor: string): string => {
    if (actor.startsWith('user:')) return accounts.userById(actor.slice(5))?.display_name ?? actor;
    if (actor.startsWith('device:')) return accounts.deviceById(actor.slice(7))?.name ?? actor;
    return actor;
  };
  const toEntry = (r: AuditRow): AuditEntry => ({
    source: r.source,
    boardId: r.board_id,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorName: actorName(r.actor),
    type: r.type,
    subject: r.subject,
    payload: JSON.parse(r.payload) as unknown,
  });

  app.get('/api/admin/audit', { schema: { tags: ['admin'], summary: 'The audit trail per board or per person (JSON or CSV)', querystring: AuditQuery } }, async (request, reply) => {
    const { boardId, actor, format, limit } = request.query;
    let rows: AuditRow[];
    if (boardId) {
      if (!accounts.boardUnit(boardId)) return notFound(reply, 'No such board.');
      if (!access.can(actorOf(request), 'administer', boardId)) return forbid(reply, 'You do not administer this board.');
      rows = org.boardAudit(boardId, limit);
    } else if (actor) {
      const top = isTopAdmin(request);
      rows = org
        .actorAudit(actor, limit)
        .filter((r) => (r.source === 'board' ? access.can(actorOf(request), 'administer', r.board_id!) : top));
    } else {
      if (!isTopAdmin(request)) return invalid(reply, 'Give a boardId or an actor.');
      rows = org.adminAudit(limit);
    }
    const entries = rows.map(toEntry);
    if (format === 'csv') {
      const header = ['source', 'boardId', 'seq', 'at', 'actor', 'actorName', 'type', 'subject', 'payload'] as const;
      const csv = writeCsv(header, entries.map((e) => header.map((h) => e[h] as CsvCell)), { separator: ',', bom: false, quoteAll: true });
      const name = `kaskade-audit-${boardId ?? actor ?? 'admin'}`.replace(/[^A-Za-z0-9_-]/g, '_');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(csv);
    }
    if (request.headers.accept?.includes('application/octet-stream')) {
      reply.header('content-disposition', 'attachment; filename="kaskade-audit.json"');
    }
    return { entries };
  });

  // ---- boards, board templates and indicator definitions ----
  const toTemplate = (t: { id: string; name: string; columns: string; indicators: string }): BoardTemplate => ({
    id: t.id,
    name: t.name,
    columns: JSON.parse(t.columns) as string[],
    indicators: JSON.parse(t.indicators) as string[],
  });

  app.get('/api/admin/templates', { schema: { tags: ['admin'], response: { 200: z.object({ templates: z.array(BoardTemplate) }) } } }, async () => ({
    templates: org.templates().map(toTemplate),
  }));

  app.post('/api/admin/templates', { schema: { tags: ['admin'], body: CreateTemplateRequest, response: { 200: z.object({ id: z.string() }), 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    if (!isTopAdmin(request)) return forbid(reply, 'Only administrators of the whole organisation may add board templates.');
    const missing = request.body.indicators.find((id) => !org.indicatorExists(id));
    if (missing) return notFound(reply, `No indicator ${missing}.`);
    const id = `tpl-${randomUUID()}`;
    org.insertTemplate(id, request.body.name, request.body.columns, request.body.indicators, now());
    log(request, 'template.created', id, request.body);
    return { id };
  });

  app.post('/api/admin/boards/create', { schema: { tags: ['admin'], summary: 'A new board for a unit, from a template', body: CreateBoardRequest, response: { 200: z.object({ id: z.string() }), 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    const { unitId, name, templateId } = request.body;
    if (!org.unit(unitId)) return notFound(reply, 'No such unit.');
    if (!canAdminUnit(request, unitId)) return forbid(reply, 'You do not administer this unit.');
    const template = templateId ? org.template(templateId) : undefined;
    if (templateId && !template) return notFound(reply, 'No such template.');
    const spec = template ? toTemplate(template) : { columns: DEFAULT_COLUMNS, indicators: [] as string[] };
    const id = `board-${randomUUID()}`;
    org.createBoard({ id, unitId, name, at: now(), columns: spec.columns, indicators: spec.indicators });
    log(request, 'board.created', id, { unitId, name, templateId });
    return { id };
  });

  app.get('/api/admin/indicators', { schema: { tags: ['admin'], response: { 200: z.object({ indicators: z.array(AdminIndicator) }) } } }, async () => ({
    indicators: org.indicators().map((i) => ({
      id: i.id,
      unitId: i.unit_id,
      name: i.name,
      unitLabel: i.unit_label,
      direction: i.direction as AdminIndicator['direction'],
      frequency: i.frequency as AdminIndicator['frequency'],
      kind: i.kind as AdminIndicator['kind'],
      decimals: i.decimals,
      minRespondents: i.min_respondents,
    })),
  }));

  app.post('/api/admin/indicators', { schema: { tags: ['admin'], body: CreateIndicatorRequest, response: { 200: z.object({ id: z.string() }), 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    const b = request.body;
    if (!org.unit(b.unitId)) return notFound(reply, 'No such unit.');
    if (!canAdminUnit(request, b.unitId)) return forbid(reply, 'You do not administer this unit.');
    const id = `ind-${randomUUID()}`;
    org.insertIndicator({
      id,
      unit_id: b.unitId,
      name: b.name,
      unit_label: b.unitLabel,
      direction: b.direction,
      frequency: b.frequency,
      kind: b.kind,
      decimals: b.decimals,
      min_respondents: b.kind === 'soft' ? b.minRespondents : null,
    });
    log(request, 'indicator.created', id, b);
    return { id };
  });

  app.get('/api/admin/boards', { schema: { tags: ['admin'], response: { 200: z.object({ boards: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string() })) }) } } }, async (request) => ({
    boards: org.boardsBrief().filter((b) => access.can(actorOf(request), 'administer', b.id)).map((b) => ({ id: b.id, name: b.name, unitId: b.unit_id })),
  }));
};
