import { randomBytes } from 'node:crypto';
import { type Socket, connect } from 'node:net';
import { PROTOCOL_VERSION } from '../../../shared/protocol';

/**
 * A Socket.IO client over a bare TCP socket that sends and never reads: the server's answers pile up in the
 * kernel's buffers and then in the server's own, as they would for a script that floods and ignores the answers, or
 * a screen whose link stopped draining. Frames are masked as the WebSocket protocol requires of clients.
 */
export interface StalledClient {
  /** Sends a `board:join` with an ack id, as socket.io-client would. */
  join(boardId: string): void;
  /** Sends any Socket.IO event (text packet `42<ackId>[…]`). */
  emit(event: string, payload: unknown): void;
  /**
   * Starts reading (a paused socket notices no close) and resolves true once the server has closed the connection,
   * false after `timeoutMs`. A server that kept the connection would now deliver everything and keep it open.
   */
  readUntilClosed(timeoutMs: number): Promise<boolean>;
  readonly closed: boolean;
  destroy(): void;
}

export async function openStalledClient(port: number, token: string): Promise<StalledClient> {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let closed = false;
  const waiters: (() => void)[] = [];
  const onClose = () => {
    closed = true;
    waiters.splice(0).forEach((w) => w());
  };
  socket.on('close', onClose);
  socket.on('error', onClose);
  socket.on('end', onClose);
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  // Frames sent with the upgrade request reach the server before Engine.IO listens: read the 101 first, then stop.
  await new Promise<void>((resolve, reject) => {
    let head = '';
    const timer = setTimeout(() => reject(new Error('no upgrade answer')), 5000);
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(head.slice(0, 200)));
    };
    socket.on('data', onData);
  });
  const sendText = (text: string) => {
    if (closed) return;
    const payload = Buffer.from(text);
    const len = payload.length;
    const header = len < 126 ? [0x81, 0x80 | len] : [0x81, 0x80 | 126, len >> 8, len & 0xff];
    const mask = randomBytes(4);
    socket.write(Buffer.concat([Buffer.from(header), mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]));
  };
  sendText(`40${JSON.stringify({ token })}`);
  let ackId = 0;
  const emit = (event: string, payload: unknown) => sendText(`42${ackId++}${JSON.stringify([event, payload])}`);
  return {
    join: (boardId) => emit('board:join', { boardId, protocol: PROTOCOL_VERSION }),
    emit,
    get closed() {
      return closed;
    },
    readUntilClosed: (timeoutMs) => {
      socket.on('data', () => {});
      socket.resume();
      return closed
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve(true);
            });
          });
    },
    destroy: () => socket.destroy(),
  };
}
