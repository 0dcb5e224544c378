// HTTP load: `requests` GETs of one URL with `concurrency` in flight, gzip accepted (as a browser does).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { serveParent } from '../lib/procs';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function get(url: string, token: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { 'accept-encoding': 'gzip', accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end();
  });
}

serveParent({
  async run(m) {
    const { url, requests, concurrency, token } = m as { url: string; requests: number; concurrency: number; token: string };
    let next = 0;
    let bytes = 0;
    let encoding = '';
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next++;
          const r = await get(url, token);
          if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`);
          bytes = r.bytes;
          encoding = r.encoding;
        }
      }),
    );
    return { perRequestMs: (performance.now() - start) / requests, bytes, encoding };
  },
  stop() {
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });
