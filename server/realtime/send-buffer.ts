import type { KaskadeSocket } from './socket-types';

/**
 * Unsent bytes a socket may hold on the server before it is disconnected. A client that stops reading (a script
 * that sends joins and never reads the answers, a screen stuck on a dead link) otherwise makes the server keep every
 * answer it cannot deliver: that is how three sockets once took the server to 2 GB. A board snapshot is tens of
 * KiB, so a reader that merely lags is far from this.
 */
export const DEFAULT_MAX_UNSENT_BYTES = 4 * 1024 * 1024;

interface EnginePacket {
  data?: unknown;
  options?: { wsPreEncodedFrame?: readonly { byteLength: number }[] };
}
interface EngineTransport {
  /** The `ws` WebSocket of a websocket transport: what it has handed to the kernel but not yet written. */
  socket?: { bufferedAmount?: number; terminate?: () => void };
}
interface EngineConnection {
  writeBuffer?: EnginePacket[];
  transport?: EngineTransport;
  close(discard?: boolean): void;
}

const sizeOf = (packet: EnginePacket): number => {
  const data = packet.data;
  if (typeof data === 'string') return data.length;
  if (data && typeof (data as { byteLength?: unknown }).byteLength === 'number') return (data as { byteLength: number }).byteLength;
  return packet.options?.wsPreEncodedFrame?.reduce((n, b) => n + b.byteLength, 0) ?? 0;
};

/**
 * What a socket has queued and not yet sent, counted up to `limit` (so a huge backlog is not walked in full): the
 * engine's write buffer (packets waiting while the transport is busy; all of them on long-polling) plus what the
 * WebSocket holds in user space. Socket.IO keeps both out of its public types, hence the narrow reads.
 */
export function unsentBytes(socket: KaskadeSocket, limit = Infinity): number {
  const conn = socket.conn as unknown as EngineConnection;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    if (bytes > limit) break;
    bytes += sizeOf(packet);
  }
  return bytes;
}

/**
 * Disconnects the socket if it holds more than `limit` unsent bytes; true if it did. The connection is cut, not
 * closed politely: a close waits for the backlog to drain (Engine.IO) or for the peer's close frame (ws, 30 s), and
 * this peer reads nothing, so the backlog would stay in memory all that time.
 */
export function dropIfBacklogged(socket: KaskadeSocket, limit: number): boolean {
  if (!socket.connected || unsentBytes(socket, limit) <= limit) return false;
  const conn = socket.conn as unknown as EngineConnection;
  const ws = conn.transport?.socket;
  if (ws?.terminate) ws.terminate();
  else conn.close(true);
  if (socket.connected) socket.disconnect(true);
  return true;
}
