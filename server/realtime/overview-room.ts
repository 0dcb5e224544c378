import { guard, type SharedListener } from './guard';
import { OVERVIEW_ROOM } from './socket-types';

/**
 * Open overview pages join the overview room and are the only sockets told `overview:changed`: sent to every
 * socket, one notice made a region's wall screens each decode a message meant for a handful of start pages. The
 * notice carries no data (the page fetches the overview over REST, where access is checked), so any signed-in
 * socket may watch.
 */
export function overviewListeners(): ['overview:watch' | 'overview:unwatch', SharedListener][] {
  return [
    [
      'overview:watch',
      guard('overview:watch', (socket, _raw, ack) => {
        void socket.join(OVERVIEW_ROOM);
        ack({ ok: true, seq: 0, data: null });
      }),
    ],
    [
      'overview:unwatch',
      guard('overview:unwatch', (socket, _raw, ack) => {
        void socket.leave(OVERVIEW_ROOM);
        ack({ ok: true, seq: 0, data: null });
      }),
    ],
  ];
}
