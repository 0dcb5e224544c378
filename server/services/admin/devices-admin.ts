import type { AdminDevice, CreateDeviceRequest, CreateDeviceResponse, NewCodeResponse } from '../../../shared/auth';
import type { DeviceRow } from '../../repositories/accounts-repository';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok } from './admin-context';
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
  const { accounts, auth, live, clock } = deps;
  return {
    list: (): AdminDevice[] => accounts.devices().filter((d) => scope.canAdminBoard(d.board_id)).map(toDevice),

    create({ boardId, name, mode }: Body<typeof CreateDeviceRequest>): AdminResult<CreateDeviceResponse> {
      if (!accounts.boardUnit(boardId)) return notFound('No such board.');
      if (!scope.canAdminBoard(boardId)) return forbidden('You do not administer this board.');
      const created = deps.db
        .transaction(() => {
          const device = auth.createDevice({ boardId, name, mode, createdBy: caller.actor });
          accounts.adminEvent(caller.actor, clock.now().toISOString(), 'device.created', `device:${device.id}`, { boardId, name, mode });
          return device;
        })
        .immediate();
      return ok({ device: toDevice(accounts.deviceById(created.id)!), code: created.code, expiresAt: created.expiresAt, link: enrolLink(created.code) });
    },

    /** "Ny kode": a screen whose code ran out before anyone typed it gets a new one, instead of a new device. */
    newCode(deviceId: string): AdminResult<NewCodeResponse> {
      const device = accounts.deviceById(deviceId);
      if (!device) return notFound('No such device.');
      if (!scope.canAdminBoard(device.board_id)) return forbidden('You do not administer this board.');
      if (device.enrolled_at || device.revoked_at) return conflict('The screen is already enrolled or revoked.');
      const fresh = audited(deps, caller, { type: 'device.code', subject: `device:${device.id}`, payload: { boardId: device.board_id } }, () => {
        const issued = auth.newEnrolCode(device.id);
        // Checked just above, in the same single-writer process: only a bug gets here, and the audit row rolls back.
        if (!issued) throw new Error(`Device ${device.id} stopped waiting for enrolment during the change.`);
        return issued;
      });
      return ok({ ...fresh, link: enrolLink(fresh.code) });
    },

    revoke(deviceId: string): AdminResult<null> {
      const device = accounts.deviceById(deviceId);
      if (!device || !scope.canAdminBoard(device.board_id)) {
        return device ? forbidden('You do not administer this board.') : notFound('No such device.');
      }
      audited(deps, caller, { type: 'device.revoked', subject: `device:${device.id}`, payload: { boardId: device.board_id } }, () =>
        accounts.revokeDevice(device.id, clock.now().toISOString()),
      );
      live.disconnect((p) => p.kind === 'device' && p.id === device.id);
      return done;
    },
  };
}
