import type { KaskadeServer, KaskadeSocket } from './socket-types';

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

/** Disconnects the socket if it holds more than `limit` unsent bytes (see `cutOff`); true if it did. */
export function dropIfBacklogged(socket: KaskadeSocket, limit: number): boolean {
  if (!socket.connected || unsentBytes(socket, limit) <= limit) return false;
  cutOff(socket);
  return true;
}

/**
 * Ends a connection at once, dropping whatever it still has to send. A polite close waits for the backlog to drain
 * (Engine.IO) or for the peer's close frame (ws, 30 s); a peer that reads nothing sends neither, so its backlog and
 * its socket would stay in memory all that time.
 */
export function cutOff(socket: KaskadeSocket): void {
  terminate(socket.conn as unknown as EngineConnection);
  if (socket.connected) socket.disconnect(true);
}

/**
 * Disconnects politely (a client that reads is told it was the server, and does not retry by itself), and cuts the
 * connection after `graceMs` if the peer has not closed it by then (it reads nothing: see `cutOff`).
 */
export function dismiss(socket: KaskadeSocket, graceMs = CLOSE_GRACE_MS): void {
  const conn = socket.conn as unknown as EngineConnection;
  // Events already decoded still arrive after the disconnect: one cut-off timer per connection is enough.
  if (!socket.connected) return;
  socket.disconnect(true);
  setTimeout(() => terminate(conn), graceMs).unref();
}

/** How long a closed connection may wait for its peer's close handshake before it is cut. */
export const CLOSE_GRACE_MS = 1000;

/**
 * Cuts every connection `graceMs` after Engine.IO closes it, whoever closed it. A closing WebSocket waits up to
 * 30 s for the peer's close frame; a peer that reads nothing never sends one. Socket.IO itself closes a connection
 * that sends events before its namespace handshake is done (a flooding script does), and none of our own
 * disconnect paths see that socket, so without this it would hold its TCP connection and buffers for 30 s.
 */
export function cutClosedConnections(io: KaskadeServer, graceMs = CLOSE_GRACE_MS): void {
  io.engine.on('connection', (conn: EngineConnection & { once(event: 'close', fn: () => void): void }) => {
    conn.once('close', () => setTimeout(() => terminate(conn), graceMs).unref());
  });
}

function terminate(conn: EngineConnection): void {
  const ws = conn.transport?.socket;
  if (ws?.terminate) ws.terminate();
  else conn.close(true);
}
