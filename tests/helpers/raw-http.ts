import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case; a repeated header's values joined by ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Sends `request` byte for byte over a TCP connection to the server at `url` and reads the answer until the server
 * closes. Unlike fetch, nothing normalises the path: `/../`, `%2e%2e`, backslashes and NUL bytes arrive as sent.
 */
export function rawHttp(url: string, request: string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Written, not ended: a half-closed connection may be dropped before the whole answer is out.
    const socket = connect(Number(port), hostname, () => socket.write(request, 'latin1'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
      resolve({ status, headers, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
  });
}

/** A GET of `path` exactly as written, on a connection the server closes after answering. */
export const rawGet = (url: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
  rawHttp(
    url,
    `GET ${path} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n` +
      Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
      'Connection: close\r\n\r\n',
  );
