import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { DEFAULT_HEARTBEAT, MAX_MESSAGE_BYTES } from '../../server/realtime/socket-server';

/** A bare Socket.IO server with Kaskade's own transport options, so a baseline differs only in what it does. */
export function bareIo(): { http: ReturnType<typeof createServer>; io: Server } {
  const http = createServer();
  const io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: DEFAULT_HEARTBEAT.pingIntervalMs,
    pingTimeout: DEFAULT_HEARTBEAT.pingTimeoutMs,
  });
  return { http, io };
}
