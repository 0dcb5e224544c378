import { io, type Socket } from 'socket.io-client';
import type { BoardEvent, ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol';
import type { HandshakeAuth } from '../../../shared/rest';
import type { Transport, TransportListener } from './transport';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface SocketTransportOptions {
  /** Read on every (re)connect, so a changed display name is used from the next connection on. */
  auth: () => HandshakeAuth;
  url?: string;
  /** The server refused the credentials (signed out, session expired, wall screen revoked). */
  onAuthError?: () => void;
}

/** After the server closed the connection (a deploy): 0.5–2.5 s, uniformly spread over the screens. */
export const restartDelayMs = (random: () => number = Math.random): number => 500 + Math.floor(random() * 2000);

/** The Socket.IO transport: same origin by default, auto-reconnect, events validated in development. */
export function createSocketTransport(options: SocketTransportOptions): Transport {
  const socket: ClientSocket = io(options.url ?? '', {
    autoConnect: false,
    auth: (cb) => cb(options.auth()),
    // WebSocket first: starting on long-polling and upgrading cost every screen several round trips and the server
    // a polling session per screen, which after a restart is thousands at once. Polling stays the fallback for a
    // network that blocks WebSockets.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Back quickly after a network blip (a resync within about a second), jittered so a region's wall screens
    // do not all knock at once after a server restart.
    reconnectionDelay: 250,
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.5,
  });
  const listeners = new Set<TransportListener>();
  const each = (fn: (l: TransportListener) => void) => listeners.forEach(fn);

  socket.on('connect', () => each((l) => l.connected()));
  socket.on('connect_error', (err) => {
    each((l) => l.disconnected());
    if (err.message.startsWith('UNAUTHENTICATED')) options.onAuthError?.();
  });
  socket.on('disconnect', (reason) => {
    each((l) => l.disconnected());
    // The server closed us on purpose (e.g. a restart): Socket.IO does not retry that by itself. Every screen hears
    // this at the same moment, so each waits its own random share of the window instead of all at 2 s.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), restartDelayMs());
  });
  // The browser knows at once when the network is gone; a silent socket would take the heartbeat's ~45 s to notice.
  // Dropping it now shows "Ingen forbindelse" and queues changes; the "online" event brings it back.
  let droppedOffline = false;
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', () => {
      if (!socket.active) return;
      droppedOffline = true;
      socket.disconnect();
    });
    window.addEventListener('online', () => {
      if (!droppedOffline) return;
      droppedOffline = false;
      if (!socket.active) socket.connect();
    });
  }
  socket.on('board:events', (events) => {
    if (import.meta.env.DEV) events.forEach(warnIfInvalid);
    each((l) => l.boardEvents(events));
  });

  return {
    emit: (event, ...args) => {
      // Never let Socket.IO buffer while offline: the store keeps the queue and re-sends after re-joining.
      if (!socket.connected) return;
      socket.emit(event, ...args);
    },
    isConnected: () => socket.connected,
    connect: () => {
      if (!socket.connected && !socket.active) socket.connect();
    },
    reconnect: () => {
      if (!socket.active) return; // never connected yet: the next connect() reads the new auth anyway
      socket.disconnect();
      socket.connect();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Development only: warns about an event the shared schema refuses. Imported lazily, so zod stays out of production. */
function warnIfInvalid(event: BoardEvent): void {
  void import('../../../shared/protocol').then(({ BoardEvent: schema }) => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) console.warn('Invalid board event from server', parsed.error.issues);
  });
}
