import { request } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { MAX_BYTES } from './fuzz-cases';
import type { Rng } from './rng';

export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

const deepJson = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));

/** One hostile HTTP request: odd methods and paths, lying content types, malformed, deep, polluting or huge bodies. */
export function httpCase(rng: Rng): HttpCase {
  const method = rng.pick(['GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
  const path = rng.pick([
    '/api/boards',
    '/api/boards/rb-0',
    `/api/boards/${'x'.repeat(rng.between(65, 5000))}`,
    '/api/boards/..%2F..%2Fetc%2Fpasswd',
    '/api/boards/%E0%A4%A',
    '/api/boards/%00',
    '/api/boards/rb-0?__proto__[polluted]=1&constructor[prototype][polluted]=1',
    '/api/boards?sinceSeq=-1&limit=1e9',
    '/api/health',
    '/api/openapi.json',
    `/api/${rng.int(1e6)}`,
    '/api/boards/rb-0/../../..',
    '/socket.io/?EIO=9&transport=carrier-pigeon',
    '/socket.io/?EIO=4&transport=polling&sid=nope',
    '/%2e%2e/%2e%2e/package.json',
  ]);
  const contentType = rng.pick(['application/json', 'application/json; charset=utf-7', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']);
  const bodies: (() => Buffer)[] = [
    () => Buffer.from('{"a":'),
    () => Buffer.from('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    () => deepJson(rng.between(100, 50_000)),
    () => Buffer.from(JSON.stringify({ title: 'x'.repeat(rng.between(1000, 200_000)) })),
    () => Buffer.alloc(MAX_BYTES + rng.between(1, MAX_BYTES), 0x61), // oversize
    () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), // invalid UTF-8 inside JSON
    () => Buffer.from(JSON.stringify(Array.from({ length: rng.between(1000, 30_000) }, (_, i) => i))),
    () => Buffer.alloc(0),
  ];
  const body = method === 'GET' || method === 'HEAD' ? (rng.chance(0.2) ? rng.pick(bodies)() : null) : rng.pick(bodies)();
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (rng.chance(0.2)) headers['accept-encoding'] = rng.pick(['gzip', 'br', 'deflate', 'identity;q=0, *;q=0', 'x'.repeat(2000)]);
  if (rng.chance(0.1)) headers['x-forwarded-for'] = '1.2.3.4, ' + '5.6.7.8, '.repeat(100);
  return { method, path, headers, body };
}

/** Sends a case and reads the whole answer, decompressed when the server compressed it. */
export function send(port: number, c: HttpCase): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // A fresh connection per case (agent: false), so one case's refused body cannot spill into the next.
    const req = request({ host: '127.0.0.1', port, method: c.method, path: c.path, headers: c.body ? { ...c.headers, 'content-length': String(c.body.length) } : c.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // A HEAD answer has no body, whatever encoding its headers name (they describe what a GET would get).
        const encoding = c.method === 'HEAD' ? undefined : res.headers['content-encoding'];
        try {
          const body = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: body.toString() });
        } catch (err) {
          reject(new Error(`${c.method} ${c.path.slice(0, 80)}: a ${String(encoding)} body that does not decompress (${raw.length} bytes)`, { cause: err }));
        }
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server may answer 413 and close before the rest of an oversize body is written: that is a refusal.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: 413, contentType: '', body: '' });
      else reject(err);
    });
    if (c.body) req.end(c.body);
    else req.end();
  });
}

/** Bytes that are not valid HTTP at all: they fail in Node's parser, before Fastify routes anything. */
export function malformedHttp(rng: Rng): { kind: string; bytes: Buffer } {
  const pick = rng.int(9);
  const kinds: [string, () => Buffer][] = [
    ['garbage-request-line', () => Buffer.from(`${'GARBAGE'.repeat(rng.between(1, 50))}\r\n\r\n`)],
    ['header-overflow', () => Buffer.from(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: ${'a'.repeat(rng.between(17_000, 70_000))}\r\n\r\n`)],
    ['bad-chunk', () => Buffer.from('POST /api/boards HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n')],
    ['smuggling', () => Buffer.from('POST /api/boards HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')],
    ['data-after-close', () => Buffer.from('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nEXTRA BYTES')],
    ['invalid-utf8-path', () => Buffer.concat([Buffer.from('GET /api/boards/'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')])],
    ['bad-version', () => Buffer.from('GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n')],
    ['nul-in-header', () => Buffer.from('GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n')],
    ['random-bytes', () => Buffer.from(Array.from({ length: rng.between(1, 2000) }, () => rng.int(256)))],
  ];
  const [kind, make] = kinds[pick]!;
  return { kind, bytes: make() };
}

/** Writes raw bytes and reads what comes back until the server closes: a status and body, or nothing. */
export function sendRaw(port: number, bytes: Buffer): Promise<HttpAnswer | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (!status) return resolve('closed');
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, split);
      const type = /content-type: ([^\r]*)/i.exec(head);
      // Only the first response's body: a pipelined second request may have been answered after it.
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      resolve({ status: Number(status[1]), contentType: type?.[1] ?? '', body: split >= 0 ? raw.slice(split + 4, split + 4 + length) : '' });
    });
    socket.write(bytes);
    // Half-close so a request the server waits on (e.g. an incomplete body) ends instead of hanging.
    setTimeout(() => socket.end(), 200);
  });
}
