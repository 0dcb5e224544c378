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

export async function openStalledClient(
  port: number,
  token: string,
  options: { eventsWithConnect?: [string, unknown][] } = {},
): Promise<StalledClient> {
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
  /** Reads until `done` holds for what came so far, then stops reading for good. */
  const readUntil = (what: string, done: (text: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no ${what}: ${text.slice(0, 200)}`)), 5000);
      const onData = (d: Buffer) => {
        text += d.toString('latin1');
        if (!done(text)) return;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.pause();
        resolve(text);
      };
      socket.on('data', onData);
      socket.resume();
    });
  // Frames sent with the upgrade request reach the server before Engine.IO listens: read the 101 first, then stop.
  const head = await readUntil('upgrade answer', (text) => text.includes('\r\n\r\n'));
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(head.slice(0, 200));
  const frame = (text: string): Buffer => {
    const payload = Buffer.from(text);
    const len = payload.length;
    const header = len < 126 ? [0x81, 0x80 | len] : [0x81, 0x80 | 126, len >> 8, len & 0xff];
    const mask = randomBytes(4);
    return Buffer.concat([Buffer.from(header), mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
  };
  const sendText = (text: string) => {
    if (!closed) socket.write(frame(text));
  };
  let ackId = 0;
  const eventText = (event: string, payload: unknown) => `42${ackId++}${JSON.stringify([event, payload])}`;
  // With `eventsWithConnect`, the events go in the connect packet's write: they reach the server before its
  // namespace handshake is done, which Socket.IO answers by closing the connection.
  const eager = options.eventsWithConnect ?? [];
  socket.write(Buffer.concat([`40${JSON.stringify({ token })}`, ...eager.map(([e, p]) => eventText(e, p))].map(frame)));
  // As socket.io-client does, wait for the namespace's answer before sending events; only then stop reading.
  if (eager.length === 0) await readUntil('connect answer', (text) => text.includes('40{"sid"') || text.includes('44{'));
  const emit = (event: string, payload: unknown) => sendText(eventText(event, payload));
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
