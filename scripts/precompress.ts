// Writes a .br and a .gz beside each compressible file of the built client, once, at build time: @fastify/static
// (preCompressed) then sends those files as they are, and no request spends the event loop compressing.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map|webmanifest)$/i;
/** Below this, a compressed copy saves less than the headers cost. */
const MIN_BYTES = 1024;

function* filesBelow(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every compressible file below `dir` at the highest levels (build time, not request time); returns their paths. */
export function precompress(dir: string): string[] {
  const done: string[] = [];
  for (const path of filesBelow(dir)) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
    done.push(path);
  }
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'client');
  const files = precompress(dir);
  console.log(`precompressed ${files.length} files (.br, .gz) in ${dir}`);
}
