import type { AdminIndicator, NewCodeResponse } from '../../../../shared/auth';
import type { ApiToken } from '../../../../shared/cascade';
import { adminApi } from '../../lib/auth-api';
import { requestJson } from '../../lib/http';

const path = (base: string, id: string, tail = '') => `${base}/${encodeURIComponent(id)}${tail}`;

/** The admin screens' calls: the shared ones plus editing, deleting, tokens, codes and passwords. */
export const api = {
  ...adminApi,
  updateTemplate: (id: string, body: { name: string; columns: string[]; indicators: string[] }) =>
    requestJson<void>('PATCH', path('/api/admin/templates', id), body),
  deleteTemplate: (id: string) => requestJson<void>('DELETE', path('/api/admin/templates', id)),
  updateIndicator: (id: string, body: Partial<Omit<AdminIndicator, 'id' | 'unitId'>>) =>
    requestJson<void>('PATCH', path('/api/admin/indicators', id), body),
  deleteIndicator: (id: string) => requestJson<void>('DELETE', path('/api/admin/indicators', id)),
  newDeviceCode: (id: string) => requestJson<NewCodeResponse>('POST', path('/api/admin/devices', id, '/code')),
  resetPassword: (userId: string, password: string) => requestJson<void>('PATCH', path('/api/admin/users', userId), { password }),
  tokens: () => requestJson<{ tokens: ApiToken[] }>('GET', '/api/api-tokens'),
  createToken: (body: { name: string; unitId: string }) => requestJson<{ token: ApiToken; secret: string }>('POST', '/api/api-tokens', body),
  revokeToken: (id: string) => requestJson<void>('DELETE', path('/api/api-tokens', id)),
};

/** One's own password; not an admin call: every signed-in person may change theirs. */
export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  requestJson<void>('POST', '/api/auth/password', { currentPassword, newPassword });
