// The server's production build, shared by `npm run build:server` and the cold-start bench (which builds the
// skeleton with the same options, so both pay the same for Node's module loading).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/**
 * esbuild options for a Node server entry, bundled with its JavaScript dependencies. Resolving and reading hundreds
 * of files under node_modules dominated start-up when they stayed external; one bundle is read and compiled once.
 * Code only loaded on first use (`await import()`) is split into chunks that start-up never reads.
 */
export const serverBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // Native addons find their compiled .node file relative to their own package, so they stay in node_modules; so
  // does Piscina, which starts its threads from a worker file beside its own sources (found through __dirname).
  external: ['better-sqlite3', 'argon2', 'piscina'],
  // Bundled CommonJS dependencies call require() for Node's built-ins; an ES module has no require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Builds `entry` into `outdir` (the entry keeps its base name, e.g. main.js). */
export async function buildServer(entry: string, outdir: string): Promise<void> {
  await build({ ...serverBuildOptions, entryPoints: [entry], outdir });
}

// `npm run build:server`: a fresh dist/server (chunk names change with their content).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(import.meta.dirname, '..');
  rmSync(join(root, 'dist', 'server'), { recursive: true, force: true });
  await buildServer(join(root, 'server', 'main.ts'), join(root, 'dist', 'server'));
  // The read pool's threads load their own entry (server/workers/read-pool.ts finds it beside main.js).
  await buildServer(join(root, 'server', 'workers', 'read-worker.ts'), join(root, 'dist', 'server'));
}
