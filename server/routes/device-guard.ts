import type { FastifyInstance } from 'fastify';
import { sendError } from '../plugins/errors';
import { deviceMay } from '../services/access-policy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a wall screen may call whatever it is: signing out and enrolling touch no unit's data. */
const OPEN_ROUTES = new Set(['/api/auth/logout', '/api/devices/enrol']);

/**
 * Wall screens over REST: a request that changes anything needs the 'write' capability, which `deviceMay` gives a
 * screen only for card commands on its socket. So the rule the socket applies also holds for every REST route,
 * including ones added later that forget to ask (each route's own check still decides which board it may read).
 */
export function registerDeviceGuard(app: FastifyInstance): void {
  // onRequest: refused before a body is even read.
  app.addHook('onRequest', async (request, reply) => {
    const principal = request.principal;
    if (principal?.kind !== 'device' || OPEN_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (deviceMay(principal.mode, SAFE_METHODS.has(request.method) ? 'read' : 'write')) return;
    return sendError(reply, 403, 'FORBIDDEN', 'A wall screen may only read its board and move and edit cards.');
  });
}
