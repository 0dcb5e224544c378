import type { AdminDevice, CreateDeviceRequest, CreateDeviceResponse, NewCodeResponse } from '../../../shared/auth';
import type { DeviceRow } from '../../repositories/accounts-repository';
import { createRepositories } from '../../repositories';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';

const toDevice = (d: DeviceRow): AdminDevice => ({
  id: d.id,
  boardId: d.board_id,
  name: d.name,
  mode: d.mode,
  createdAt: d.created_at,
  enrolledAt: d.enrolled_at,
  lastSeenAt: d.last_seen_at,
  revokedAt: d.revoked_at,
  codeExpiresAt: d.enrolled_at || d.revoked_at ? null : d.enrol_expires_at,
});
const enrolLink = (code: string) => `/wall/enrol#${code}`;

/** Wall-screen devices of the boards the administrator administers: enrolment codes and revocation. */
export function devicesAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { auth, live, clock } = deps;
  const accounts = () => readRepos(deps).accounts;
  return {
    list: async (): Promise<AdminDevice[]> => {
      const mine: AdminDevice[] = [];
      for (const d of await accounts().devices()) if (await scope.canAdminBoard(d.board_id)) mine.push(toDevice(d));
      return mine;
    },

    async create({ boardId, name, mode }: Body<typeof CreateDeviceRequest>): Promise<AdminResult<CreateDeviceResponse>> {
      if (!(await accounts().boardUnit(boardId))) return notFound('No such board.');
      if (!(await scope.canAdminBoard(boardId))) return forbidden('You do not administer this board.');
      const created = await deps.store.transaction(async (tx) => {
        const repos = createRepositories(tx);
        const device = await auth.createDevice(repos, { boardId, name, mode, createdBy: caller.actor });
        await repos.accounts.adminEvent(caller.actor, clock.now().toISOString(), 'device.created', `device:${device.id}`, { boardId, name, mode });
        return device;
      });
      const device = (await accounts().deviceById(created.id))!;
      return ok({ device: toDevice(device), code: created.code, expiresAt: created.expiresAt, link: enrolLink(created.code) });
    },

    /** "Ny kode": a screen whose code ran out before anyone typed it gets a new one, instead of a new device. */
    async newCode(deviceId: string): Promise<AdminResult<NewCodeResponse>> {
      const device = await accounts().deviceById(deviceId);
      if (!device) return notFound('No such device.');
      if (!(await scope.canAdminBoard(device.board_id))) return forbidden('You do not administer this board.');
      if (device.enrolled_at || device.revoked_at) return conflict('The screen is already enrolled or revoked.');
      const fresh = await audited(deps, caller, { type: 'device.code', subject: `device:${device.id}`, payload: { boardId: device.board_id } }, async (repos) => {
        const issued = await auth.newEnrolCode(repos, device.id);
        if (!issued) throw new Error(`Device ${device.id} stopped waiting for enrolment during the change.`);
        return issued;
      });
      return ok({ ...fresh, link: enrolLink(fresh.code) });
    },

    async revoke(deviceId: string): Promise<AdminResult<null>> {
      const device = await accounts().deviceById(deviceId);
      if (!device || !(await scope.canAdminBoard(device.board_id))) {
        return device ? forbidden('You do not administer this board.') : notFound('No such device.');
      }
      await audited(deps, caller, { type: 'device.revoked', subject: `device:${device.id}`, payload: { boardId: device.board_id } }, async (repos) =>
        repos.accounts.revokeDevice(device.id, clock.now().toISOString()),
      );
      live.disconnect((p) => p.kind === 'device' && p.id === device.id);
      return done;
    },
  };
}
