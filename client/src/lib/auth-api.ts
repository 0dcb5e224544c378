import type {
  AdminDevice,
  AdminIndicator,
  BoardTemplate,
  AdminLayer,
  AdminUnit,
  AdminUser,
  AuditEntry,
  AuthConfig,
  BoardAccess,
  CreateDeviceResponse,
  EnrolResponse,
  Me,
  RoleName,
} from '../../../shared/auth';
import { requestJson } from './http';

/** Where a wall screen keeps its device token (it has no session; the token is revocable by an admin). */
const DEVICE_TOKEN_KEY = 'kaskade.deviceToken';
export const readDeviceToken = (): string | null => {
  try {
    return localStorage.getItem(DEVICE_TOKEN_KEY);
  } catch {
    return null;
  }
};
export const storeDeviceToken = (token: string | null): void => {
  try {
    if (token) localStorage.setItem(DEVICE_TOKEN_KEY, token);
    else localStorage.removeItem(DEVICE_TOKEN_KEY);
  } catch {
    // private mode: the screen must be enrolled again after a restart
  }
};

export const authApi = {
  config: () => requestJson<AuthConfig>('GET', '/api/auth/config'),
  me: (token?: string | null) => requestJson<Me>('GET', '/api/auth/me', undefined, token),
  login: (username: string, password: string) => requestJson<Me>('POST', '/api/auth/login', { username, password }),
  logout: () => requestJson<void>('POST', '/api/auth/logout'),
  enrol: (code: string) => requestJson<EnrolResponse>('POST', '/api/devices/enrol', { code }),
  boardAccess: (boardId: string, token?: string | null) =>
    requestJson<BoardAccess>('GET', `/api/boards/${encodeURIComponent(boardId)}/access`, undefined, token),
};

export const adminApi = {
  units: () => requestJson<{ units: AdminUnit[]; layers: AdminLayer[] }>('GET', '/api/admin/units'),
  createUnit: (body: { name: string; parentId: string; layerId: string }) => requestJson<{ id: string }>('POST', '/api/admin/units', body),
  updateUnit: (id: string, body: { name?: string; parentId?: string; layerId?: string }) =>
    requestJson<void>('PATCH', `/api/admin/units/${encodeURIComponent(id)}`, body),
  createLayer: (body: { name: string; kind: string }) => requestJson<{ id: string }>('POST', '/api/admin/layers', body),
  renameLayer: (id: string, name: string) => requestJson<void>('PATCH', `/api/admin/layers/${encodeURIComponent(id)}`, { name }),
  users: () => requestJson<{ users: AdminUser[] }>('GET', '/api/admin/users'),
  createUser: (body: { username: string; displayName: string; email: string | null; password: string | null }) =>
    requestJson<AdminUser>('POST', '/api/admin/users', body),
  updateUser: (id: string, body: { displayName?: string; disabled?: boolean; password?: string }) =>
    requestJson<void>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, body),
  setRole: (userId: string, unitId: string, role: RoleName) =>
    requestJson<void>('PUT', `/api/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(unitId)}`, { role }),
  removeRole: (userId: string, unitId: string) =>
    requestJson<void>('DELETE', `/api/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(unitId)}`),
  templates: () => requestJson<{ templates: BoardTemplate[] }>('GET', '/api/admin/templates'),
  createTemplate: (body: { name: string; columns: string[]; indicators: string[] }) =>
    requestJson<{ id: string }>('POST', '/api/admin/templates', body),
  createBoard: (body: { unitId: string; name: string; templateId: string | null }) =>
    requestJson<{ id: string }>('POST', '/api/admin/boards/create', body),
  indicators: () => requestJson<{ indicators: AdminIndicator[] }>('GET', '/api/admin/indicators'),
  createIndicator: (body: Omit<AdminIndicator, 'id'>) => requestJson<{ id: string }>('POST', '/api/admin/indicators', body),
  boards: () => requestJson<{ boards: { id: string; name: string; unitId: string }[] }>('GET', '/api/admin/boards'),
  devices: () => requestJson<{ devices: AdminDevice[] }>('GET', '/api/admin/devices'),
  createDevice: (body: { boardId: string; name: string; mode: 'read' | 'touch' }) =>
    requestJson<CreateDeviceResponse>('POST', '/api/admin/devices', body),
  revokeDevice: (id: string) => requestJson<void>('POST', `/api/admin/devices/${encodeURIComponent(id)}/revoke`),
  audit: (query: { boardId?: string; actor?: string }) =>
    requestJson<{ entries: AuditEntry[] }>('GET', `/api/admin/audit?${new URLSearchParams(query).toString()}`),
  auditExportUrl: (query: { boardId?: string; actor?: string }, format: 'csv' | 'json') =>
    `/api/admin/audit?${new URLSearchParams({ ...(query as Record<string, string>), format, limit: '100000' }).toString()}`,
};
