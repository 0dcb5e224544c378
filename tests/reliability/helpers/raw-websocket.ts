import { randomBytes } from 'node:crypto';
import { type Socket, connect } from 'node:net';
import { testToken } from '../../helpers/auth';

/**
 * A bare WebSocket client over a TCP socket, speaking engine.io/socket.io by hand so the fuzzer can send what no
 * real client library would: invalid UTF-8 in text frames, unknown opcodes, malformed packets, unmasked frames.
 */
export class RawWebSocket {
  private buffer = Buffer.alloc(0);
  private textWaiters: ((text: string) => void)[] = [];
  readonly texts: string[] = [];
  closed = false;
  private closeWaiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d: Buffer) => this.onData(d));
    const closed = () => {
      this.closed = true;
      this.closeWaiters.splice(0).forEach((w) => w());
    };
    socket.on('close', closed);
    socket.on('error', closed);
  }

  /** Connects to socket.io's websocket endpoint and joins the default namespace ("40"). */
  static async open(port: number): Promise<RawWebSocket> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    const head = await new Promise<Buffer>((resolve, reject) => {
      let acc = Buffer.alloc(0);
      const timer = setTimeout(() => reject(new Error('no upgrade answer')), 5000);
      const onData = (d: Buffer) => {
        acc = Buffer.concat([acc, d]);
        const end = acc.indexOf('\r\n\r\n');
        if (end < 0) return;
        clearTimeout(timer);
        socket.off('data', onData);
        if (!acc.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return reject(new Error(acc.toString().slice(0, 200)));
        resolve(acc.subarray(end + 4));
      };
      socket.on('data', onData);
    });
    const ws = new RawWebSocket(socket);
    if (head.length > 0) ws.onData(head);
    const open = await ws.nextText(5000);
    if (!open.startsWith('0')) throw new Error(`expected engine.io open, got ${open.slice(0, 80)}`);
    ws.sendText(`40${JSON.stringify({ token: testToken(port, 'Raw') })}`); // connect signed in (tests/helpers/auth.ts)
    const connected = await ws.nextText(5000);
    if (!connected.startsWith('40')) throw new Error(`expected namespace connect, got ${connected.slice(0, 80)}`);
    return ws;
  }

  /** A text frame; the payload is sent as is, so it may be invalid UTF-8. */
  sendText(payload: string | Buffer): void {
    this.sendFrame(0x1, typeof payload === 'string' ? Buffer.from(payload) : payload);
  }

  sendBinary(payload: Buffer): void {
    this.sendFrame(0x2, payload);
  }

  /** Any frame: opcode and masking as given (clients must mask; the server must refuse an unmasked frame). */
  sendFrame(opcode: number, payload: Buffer, options: { mask?: boolean; fin?: boolean } = {}): void {
    if (this.closed) return;
    const mask = options.mask ?? true;
    const len = payload.length;
    const header: number[] = [((options.fin ?? true) ? 0x80 : 0) | (opcode & 0x0f)];
    const m = mask ? 0x80 : 0;
    if (len < 126) header.push(m | len);
    else if (len < 65536) header.push(m | 126, len >> 8, len & 0xff);
    else header.push(m | 127, 0, 0, 0, 0, (len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
    let body: Buffer = payload;
    const parts: Buffer[] = [Buffer.from(header)];
    if (mask) {
      const key = randomBytes(4);
      body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
      parts.push(key);
    }
    parts.push(body);
    this.socket.write(Buffer.concat(parts));
  }

  /** The next text message from the server, answering engine.io pings on the way. */
  nextText(timeoutMs: number): Promise<string> {
    const queued = this.texts.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('closed'));
      const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      const onClose = () => {
        clearTimeout(timer);
        reject(new Error('closed'));
      };
      this.closeWaiters.push(onClose);
      this.textWaiters.push((text) => {
        clearTimeout(timer);
        this.closeWaiters = this.closeWaiters.filter((w) => w !== onClose);
        resolve(text);
      });
    });
  }

  whenClosed(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let len = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        len = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + len) return;
      const payload = this.buffer.subarray(offset, offset + len);
      this.buffer = this.buffer.subarray(offset + len);
      if (opcode === 0x8) {
        this.socket.end();
        continue;
      }
      if (opcode !== 0x1) continue;
      const text = payload.toString();
      if (text === '2') {
        this.sendText('3'); // engine.io ping → pong, or the server would drop us for silence
        continue;
      }
      const waiter = this.textWaiters.shift();
      if (waiter) waiter(text);
      else this.texts.push(text);
    }
  }
}
