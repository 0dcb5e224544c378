import * as z from 'zod';
import { CSRF_HEADER, ROLE_NAMES } from './constants';
import { Direction, Frequency, Id, IndicatorType } from './schemas';

export { CSRF_HEADER, ROLE_NAMES };

/** People, roles, wall screens and the audit log over REST; the server's route schemas are made from these. */
export const RoleName = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleName>;

export const DeviceMode = z.enum(['read', 'touch']);
export type DeviceMode = z.infer<typeof DeviceMode>;

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(200),
});

export const RoleAssignment = z.object({ unitId: Id, role: RoleName });
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const Me = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: z.string(),
    username: z.string(),
    name: z.string(),
    roles: z.array(RoleAssignment),
    /** Administers at least one unit: the admin screens are offered. */
    isAdmin: z.boolean(),
  }),
  z.object({ kind: z.literal('device'), id: z.string(), name: z.string(), boardId: z.string(), mode: DeviceMode }),
  /** No one is signed in: an answer, not an error, so the sign-in page asks without a failed request in the console. */
  z.object({ kind: z.literal('anonymous') }),
]);
export type Me = z.infer<typeof Me>;

export const BoardAccess = z.object({ read: z.boolean(), write: z.boolean(), facilitate: z.boolean(), administer: z.boolean() });
export type BoardAccess = z.infer<typeof BoardAccess>;

export const AuthConfig = z.object({ oidc: z.boolean(), demo: z.boolean() });
export type AuthConfig = z.infer<typeof AuthConfig>;

export const EnrolRequest = z.strictObject({ code: z.string().trim().min(6).max(20) });
export const EnrolResponse = z.object({
  token: z.string(),
  device: z.object({ id: z.string(), name: z.string(), boardId: z.string(), mode: DeviceMode }),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const AdminUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  roles: z.array(RoleAssignment),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const CreateUserRequest = z.strictObject({
  username: z.string().trim().min(2).max(60).regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits, . _ @ -'),
  displayName: z.string().trim().min(1).max(120),
  email: z.string().trim().email().max(200).nullable().default(null),
  password: z.string().min(10).max(200).nullable().default(null),
});

export const UpdateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
});

export const SetRoleRequest = z.strictObject({ role: RoleName });

export const AdminUnit = z.object({ id: Id, parentId: Id.nullable(), layerId: Id, name: z.string(), administrable: z.boolean() });
export type AdminUnit = z.infer<typeof AdminUnit>;
export const AdminLayer = z.object({ id: Id, rank: z.number().int(), name: z.string(), kind: z.string() });
export type AdminLayer = z.infer<typeof AdminLayer>;

export const CreateUnitRequest = z.strictObject({
  name: z.string().trim().min(1).max(120),
  parentId: Id,
  layerId: Id,
});
export const UpdateUnitRequest = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  parentId: Id.optional(),
  layerId: Id.optional(),
});
export const CreateLayerRequest = z.strictObject({
  name: z.string().trim().min(1).max(60),
  kind: z.string().trim().max(60).default(''),
});
export const UpdateLayerRequest = z.strictObject({ name: z.string().trim().min(1).max(60) });

export const AdminDevice = z.object({
  id: z.string(),
  boardId: z.string(),
  name: z.string(),
  mode: DeviceMode,
  createdAt: z.string(),
  enrolledAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** When the enrolment code of a screen not yet enrolled stops working (null once enrolled or revoked). */
  codeExpiresAt: z.string().nullable(),
});
export type AdminDevice = z.infer<typeof AdminDevice>;

export const CreateDeviceRequest = z.strictObject({
  boardId: Id,
  name: z.string().trim().min(1).max(120),
  mode: DeviceMode,
});
export const CreateDeviceResponse = z.object({ device: AdminDevice, code: z.string(), expiresAt: z.string(), link: z.string() });
export type CreateDeviceResponse = z.infer<typeof CreateDeviceResponse>;
/** A fresh enrolment code for a screen whose code expired before it was used. */
export const NewCodeResponse = z.object({ code: z.string(), expiresAt: z.string(), link: z.string() });
export type NewCodeResponse = z.infer<typeof NewCodeResponse>;

/** One's own password: the current one proves it is the person, not someone at an unlocked screen. */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const BoardTemplate = z.object({
  id: z.string(),
  name: z.string(),
  columns: z.array(z.string()),
  indicators: z.array(z.string()),
});
export type BoardTemplate = z.infer<typeof BoardTemplate>;
export const CreateTemplateRequest = z.strictObject({
  name: z.string().trim().min(1).max(120),
  columns: z.array(z.string().trim().min(1).max(60)).min(1).max(12),
  indicators: z.array(Id).max(60).default([]),
});
export const UpdateTemplateRequest = z.strictObject({
  name: CreateTemplateRequest.shape.name.optional(),
  columns: CreateTemplateRequest.shape.columns.optional(),
  indicators: z.array(Id).max(60).optional(),
});
/** Without a template a board gets the usual columns and no indicators. */
export const DEFAULT_COLUMNS = ['Nye forslag', 'I gang', 'Afsluttet'];
export const CreateBoardRequest = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(200),
  templateId: z.string().max(80).nullable().default(null),
});

export const AdminIndicator = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  unitLabel: z.string(),
  direction: Direction,
  // Every frequency an indicator may have (LUP is yearly): a narrower list here would fail the whole listing.
  frequency: Frequency,
  kind: z.enum(['hard', 'soft']),
  type: IndicatorType,
  decimals: z.number().int(),
  minRespondents: z.number().int().nullable(),
});
export type AdminIndicator = z.infer<typeof AdminIndicator>;
export const CreateIndicatorRequest = z.strictObject({
  unitId: Id,
  name: z.string().trim().min(1).max(200),
  unitLabel: z.string().trim().max(40).default(''),
  direction: Direction,
  frequency: Frequency,
  kind: z.enum(['hard', 'soft']).default('hard'),
  type: IndicatorType.default('resultat'),
  decimals: z.number().int().min(0).max(4).default(0),
  minRespondents: z.number().int().min(0).max(100_000).nullable().default(null),
});
/** A definition's unit stays: its measurements, targets and boards belong to that unit. */
export const UpdateIndicatorRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  unitLabel: z.string().trim().max(40).optional(),
  direction: Direction.optional(),
  frequency: Frequency.optional(),
  type: IndicatorType.optional(),
  kind: z.enum(['hard', 'soft']).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  minRespondents: z.number().int().min(0).max(100_000).nullable().optional(),
});

export const AuditEntry = z.object({
  source: z.enum(['board', 'admin']),
  boardId: z.string().nullable(),
  seq: z.number().int().nullable(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  type: z.string(),
  subject: z.string(),
  payload: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  boardId: Id.optional(),
  actor: z.string().max(80).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(100_000).default(500),
});
